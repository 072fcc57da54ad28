package com.offpeak.engine.model;

import com.offpeak.engine.OrderStatus;
import com.offpeak.engine.Side;
import com.offpeak.engine.TimeInForce;

/**
 * One order as the reference model keeps it: every field in the open, nothing packed. A bid uses
 * {@code remaining} (its unfilled GPUs); an ask uses {@code free}, {@code leased}, {@code retired}
 * and {@code posted}, with posted = free + leased + retired.
 */
final class ModelOrder
{
    final long id;
    final long account;
    final Side side;
    final int instrument;
    long price;
    long prioritySeq;
    OrderStatus status = OrderStatus.OPEN;

    /** What the order still had to trade when it closed: what a retry of its place command is told. */
    int remainingWhenClosed;

    // bid
    int remaining;
    int filled;
    final int durationMinutes;
    final TimeInForce timeInForce;
    final long deadline;
    final boolean contiguous;
    final boolean postOnly;
    final boolean preemptible;
    /** Substitutes: the group id (its first alternative's id, 0 for none) and alternatives still undecided (1 once one traded). */
    long substituteGroup;
    int substituteCount;
    /** A sibling traded first: cancelled before the step ends, and it trades no more. */
    boolean voided;

    // ask
    int free;
    int leased;
    int retired;
    int posted;
    final long availableUntil;
    final int minBlock;

    private ModelOrder(
        final long id, final long account, final Side side, final int instrument, final int gpus, final long price, final long prioritySeq,
        final int durationMinutes, final TimeInForce timeInForce, final long deadline, final boolean contiguous, final boolean postOnly,
        final boolean preemptible, final long availableUntil, final int minBlock)
    {
        this.id = id;
        this.account = account;
        this.side = side;
        this.instrument = instrument;
        this.price = price;
        this.prioritySeq = prioritySeq;
        this.durationMinutes = durationMinutes;
        this.timeInForce = timeInForce;
        this.deadline = deadline;
        this.contiguous = contiguous;
        this.postOnly = postOnly;
        this.preemptible = preemptible;
        this.availableUntil = availableUntil;
        this.minBlock = minBlock;
        if (side == Side.BID)
        {
            remaining = gpus;
        }
        else
        {
            free = gpus;
            posted = gpus;
        }
    }

    static ModelOrder bid(
        final long id, final long account, final int instrument, final int gpus, final long price, final long prioritySeq,
        final int durationMinutes, final TimeInForce timeInForce, final long deadline, final boolean contiguous, final boolean postOnly,
        final boolean preemptible)
    {
        return new ModelOrder(id, account, Side.BID, instrument, gpus, price, prioritySeq, durationMinutes, timeInForce, deadline, contiguous,
            postOnly, preemptible, 0, 0);
    }

    static ModelOrder ask(
        final long id, final long account, final int instrument, final int gpus, final long price, final long prioritySeq,
        final long availableUntil, final int minBlock)
    {
        return new ModelOrder(id, account, Side.ASK, instrument, gpus, price, prioritySeq, 0, null, 0, false, false, false, availableUntil,
            minBlock);
    }

    boolean isOpen()
    {
        return status == OrderStatus.OPEN;
    }

    boolean isBid()
    {
        return side == Side.BID;
    }

    /** What this order shows in depth and what an amend sets: a bid's unfilled GPUs, an ask's free GPUs. */
    int bookGpus()
    {
        return isBid() ? remaining : free;
    }

    /** Leaves the book with {@code finalStatus}; an ask's free GPUs retire now, its leased ones as their leases end. */
    void close(final OrderStatus finalStatus)
    {
        status = finalStatus;
        remainingWhenClosed = bookGpus();
        if (!isBid())
        {
            retired += free;
            free = 0;
        }
    }

    /** Remaining GPUs as reported to a retry: live while open, frozen once closed. */
    int reportedRemaining()
    {
        return isOpen() ? bookGpus() : remainingWhenClosed;
    }

    /** Still in the engine's order views: open, or a closed ask whose leases have not all ended yet. */
    boolean isLive()
    {
        return isOpen() || (!isBid() && leased > 0);
    }

    @Override
    public String toString()
    {
        return side + "#" + id + "{acct=" + account + " instr=" + instrument + " px=" + price + " seq=" + prioritySeq + " " + status +
            (isBid() ? " rem=" + remaining + " min=" + durationMinutes + " " + timeInForce + (contiguous ? " contiguous" : "")
                : " free=" + free + " leased=" + leased + " retired=" + retired + " until=" + availableUntil + " minBlock=" + minBlock) + "}";
    }
}
