package com.offpeak.engine;

/**
 * The closed set of events the engine emits, as method calls with primitive arguments so that
 * emitting allocates nothing. Implementations encode them (journal, market data, private
 * reports, ledger settlement) or record them (tests). {@code time} is always the engine time at
 * which the event happened: the due time of a timer, or the command's time.
 *
 * <p>Event order within one command is part of the contract; see docs/matching.md.
 */
public interface EngineListener
{
    /** A place command was accepted; {@code orderId} is the engine-assigned id. */
    void accepted(long time, long account, long clientOrderId, long orderId, Side side, int instrument, int gpus, long price);

    /** A command was refused; nothing changed. {@code orderId} is the target of a cancel/amend, else 0. */
    void rejected(long time, long account, long clientOrderId, long orderId, RejectCode code);

    /**
     * An identical retry of a place command within the retention window: the original answer
     * (its {@code orderId}, or the original {@code rejectCode}; exactly one is non-zero/non-null)
     * and the order's current state. Nothing else happens.
     */
    void duplicate(long time, long account, long clientOrderId, long orderId, RejectCode originalReject, OrderStatus status, int remainingGpus);

    /**
     * A match. The trade price is the price of the order with the older priority, which is the
     * {@code maker}; a call-auction fill has {@code maker == null}: both sides are makers, at the
     * clear's uniform price. {@code bidRemaining} is the bid's unfilled GPUs after this fill.
     */
    void fill(long time, int instrument, long leaseId, long bidId, long askId, long buyer, long owner, int gpus, int durationMinutes,
        long price, Side maker, int bidRemaining);

    /** The lease created by the fill just reported; it runs from {@code start} (= time) to {@code end}. */
    void leaseStarted(long time, long leaseId, int instrument, long buyer, long owner, long bidId, long askId, int gpus, long start,
        long end, long price, boolean preemptible);

    /** A lease ended; {@code returnedToAsk} tells whether its GPUs went back to the open ask or retired. */
    void leaseEnded(long time, long leaseId, int instrument, long buyer, long owner, long askId, int gpus, LeaseEndReason reason,
        boolean returnedToAsk);

    /** An order's window closed: a GTD bid past deadline - duration, or an ask whose window fell below the minimum. */
    void orderExpired(long time, long orderId, long account, int instrument, Side side, int remainingGpus);

    /** An order (or its remainder) left the book. For an ask, {@code remainingGpus} are its free GPUs. */
    void orderCancelled(long time, long orderId, long account, int instrument, Side side, int remainingGpus, CancelReason reason);

    /** An amend took effect: new remaining GPUs and price; {@code priorityKept} is false when it moved to the back. */
    void amended(long time, long orderId, long account, int instrument, Side side, int gpus, long price, boolean priorityKept);

    /**
     * A price level's aggregate changed: total GPUs (remaining for bids, free for asks) and the
     * number of orders with a non-zero amount. {@code gpus == 0} means the level is gone from depth.
     */
    void bookChanged(long time, int instrument, Side side, long price, int gpus, int orders);

    /**
     * Notice on the victim's private channel: {@code gpus} of its running lease {@code leaseId} end at
     * {@code newEnd} (the earlier of the notice end and the lease's natural end) and pass to the lease
     * that bid {@code preemptorBidId} gets, reported next by {@code fill} and {@code leaseStarted}.
     */
    void preempted(long time, long leaseId, int instrument, long victim, long owner, int gpus, long newEnd, long preemptorBidId);

    /**
     * A preempted lease's unfinished work entered the book as the new bid {@code orderId}, linked to
     * the victim's bid {@code originalOrderId}; it replaces {@code accepted} for this bid (no
     * clientOrderId) and is preemptible, not postOnly. Follows the {@code leaseEnded PREEMPTED}.
     */
    void requeued(long time, long orderId, long originalOrderId, long account, int instrument, int gpus, int durationMinutes,
        long price, TimeInForce timeInForce, long deadline, boolean contiguous);

    /**
     * An instrument's market mode: {@code auctionIntervalSeconds} 0 = continuous, N = call auction
     * clearing every N seconds. Sent when SET_MARKET_MODE is accepted ({@code effectiveAt} in the
     * future: the boundary at which it will switch; = time: in force now) and again when a pending
     * switch takes effect.
     */
    void marketModeChanged(long time, int instrument, int auctionIntervalSeconds, long effectiveAt);

    /**
     * While an instrument is in call-auction mode, after each command that changed its book: the
     * price and GPUs a clear would trade now ({@code 0, 0} when nothing crosses).
     */
    void auctionIndicative(long time, int instrument, long price, int gpus);

    /**
     * A call auction cleared {@code gpus} at the uniform {@code price}; its {@code fill}s (maker
     * {@code null}: both sides pay the maker rate) and {@code leaseStarted}s precede this event.
     */
    void auctionCleared(long time, int instrument, long price, int gpus);

    /**
     * The answer to a QUOTE (request id {@code requestId}), one event per candidate instrument: GPUs
     * fillable now of the {@code gpus} asked for, the notional of those leases, their GPU-weighted
     * average price per GPU-hour (0 when none), and whether this alternative is cheaper than the
     * asked instrument (docs/auction.md, Quotes).
     */
    void quoted(long time, long account, long requestId, int instrument, int gpus, int durationMinutes, int fillableGpus,
        long notional, long averagePrice, boolean cheaper);
}
