package com.offpeak.bench.engine;

import com.offpeak.engine.CancelReason;
import com.offpeak.engine.Command;
import com.offpeak.engine.EngineListener;
import com.offpeak.engine.LeaseEndReason;
import com.offpeak.engine.OrderStatus;
import com.offpeak.engine.RejectCode;
import com.offpeak.engine.Side;
import com.offpeak.engine.TimeInForce;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.engine.catalog.Instrument;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The workload generator's view of the engine, rebuilt only from the engine's events: which orders
 * rest (so amends and cancels hit open orders), how many per book (so the generator keeps the book
 * size stable), and how many resting orders each walk skips.
 *
 * <p>Skips are counted by replaying every walk on this copy with the compatibility rule of
 * docs/matching.md: a price-crossed resting order that the aggressor passes without trading is a
 * skip. The same replay predicts the walk's fills, and each fill event must match the prediction,
 * so a skip count that drifted from what the engine did would fail generation instead of being
 * reported. Generation-time only; allocation and hash maps are fine here.
 */
final class ShadowBook implements EngineListener
{
    private static final Comparator<ShadowOrder> BID_PRIORITY =
        Comparator.<ShadowOrder>comparingLong(o -> -o.price).thenComparingLong(o -> o.seq);
    private static final Comparator<ShadowOrder> ASK_PRIORITY =
        Comparator.<ShadowOrder>comparingLong(o -> o.price).thenComparingLong(o -> o.seq);

    private final Catalog catalog;
    private final Map<Long, ShadowOrder> byId = new HashMap<>();
    private final TreeSet<ShadowOrder>[] bids;
    private final TreeSet<ShadowOrder>[] asks;
    private final List<ShadowOrder>[][] pickLists;
    private final List<long[]> predictedFills = new ArrayList<>();
    private final long[] skipsByReason = new long[SkipReason.values().length];
    private int nextPredicted;

    private Command pending;
    private RejectCode lastReject;
    private long nextSeq;
    private long skips;
    private long fills;
    /** Events of accepted work: everything but the rejections of replaced candidates. */
    private long events;
    private long acceptedOrders;
    private long repricedOrders;
    private long lastTimerDue;

    @SuppressWarnings("unchecked")
    ShadowBook(final Catalog catalog)
    {
        this.catalog = catalog;
        final int instruments = catalog.size();
        bids = new TreeSet[instruments];
        asks = new TreeSet[instruments];
        pickLists = new List[instruments][2];
        for (int i = 0; i < instruments; i++)
        {
            bids[i] = new TreeSet<>(BID_PRIORITY);
            asks[i] = new TreeSet<>(ASK_PRIORITY);
            pickLists[i][Side.BID.ordinal()] = new ArrayList<>();
            pickLists[i][Side.ASK.ordinal()] = new ArrayList<>();
        }
    }

    /** Called before the engine applies {@code command}: its fields become the order an {@code accepted} event creates. */
    void expect(final Command command)
    {
        pending = command;
        lastReject = null;
    }

    /** Called after the engine applied the command: every predicted fill must have been reported. */
    void commandDone()
    {
        requireWalkComplete();
        pending = null;
    }

    RejectCode lastReject()
    {
        return lastReject;
    }

    long skips()
    {
        return skips;
    }

    /** Skips so far of one reason. */
    long skips(final SkipReason reason)
    {
        return skipsByReason[reason.ordinal()];
    }

    long events()
    {
        return events;
    }

    long fills()
    {
        return fills;
    }

    /** Orders the engine has accepted: the engine's last order id, since it numbers them from 1. */
    long acceptedOrders()
    {
        return acceptedOrders;
    }

    /** Amends that changed an order's price. */
    long repricedOrders()
    {
        return repricedOrders;
    }

    /** The latest due time of any lease end or order expiry armed so far: after it, the engine's timer queue is empty. */
    long lastTimerDue()
    {
        return lastTimerDue;
    }

    int restingCount(final int instrument, final Side side)
    {
        return pickLists[instrument][side.ordinal()].size();
    }

    int restingCount()
    {
        return byId.size();
    }

    /** A resting order's tradable GPUs (a bid's unfilled, an ask's free), 0 when it no longer rests. */
    int remaining(final long orderId)
    {
        final ShadowOrder order = byId.get(orderId);
        return order == null ? 0 : order.remaining;
    }

    /** A uniformly chosen resting order of one book side, or null when that side is empty. */
    ShadowOrder pick(final int instrument, final Side side, final SplittableRandom random)
    {
        final List<ShadowOrder> list = pickLists[instrument][side.ordinal()];
        return list.isEmpty() ? null : list.get(random.nextInt(list.size()));
    }

    @Override
    public void accepted(final long time, final long account, final long clientOrderId, final long orderId, final Side side,
        final int instrument, final int gpus, final long price)
    {
        events++;
        acceptedOrders++;
        final Command c = pending;
        final Instrument spec = catalog.get(instrument);
        final ShadowOrder order;
        if (side == Side.ASK)
        {
            order = new ShadowOrder(orderId, account, side, instrument, c.availableUntil, c.minBlock, 0, false,
                c.availableUntil - spec.minDurationMillis() + 1);
        }
        else
        {
            final long expiresAt = c.timeInForce == TimeInForce.GTD ?
                c.deadline - c.durationMinutes * Instrument.MILLIS_PER_MINUTE + 1 : Long.MAX_VALUE;
            order = new ShadowOrder(orderId, account, side, instrument, 0, 1, c.durationMinutes, c.contiguous, expiresAt);
        }
        if (order.expiresAt != Long.MAX_VALUE)
        {
            lastTimerDue = Math.max(lastTimerDue, order.expiresAt);
        }
        order.price = price;
        order.remaining = gpus;
        order.seq = ++nextSeq;
        add(order);
        walk(order, time);
    }

    @Override
    public void rejected(final long time, final long account, final long clientOrderId, final long orderId, final RejectCode code)
    {
        lastReject = code;
    }

    @Override
    public void duplicate(final long time, final long account, final long clientOrderId, final long orderId,
        final RejectCode originalReject, final OrderStatus status, final int remainingGpus)
    {
        throw new IllegalStateException("the workload never retries a clientOrderId, yet the engine reported a duplicate");
    }

    @Override
    public void fill(final long time, final int instrument, final long leaseId, final long bidId, final long askId, final long buyer,
        final long owner, final int gpus, final int durationMinutes, final long price, final Side maker, final int bidRemaining)
    {
        events++;
        if (nextPredicted == predictedFills.size())
        {
            throw new IllegalStateException("unpredicted fill bid " + bidId + " ask " + askId + " gpus " + gpus + " at " + time);
        }
        final long[] expected = predictedFills.get(nextPredicted++);
        if (expected[0] != bidId || expected[1] != askId || expected[2] != gpus)
        {
            throw new IllegalStateException("fill bid " + bidId + " ask " + askId + " gpus " + gpus + " but the shadow walk predicted bid " +
                expected[0] + " ask " + expected[1] + " gpus " + expected[2] + " at " + time);
        }
        fills++;
        final ShadowOrder ask = byId.get(askId);
        ask.remaining -= gpus;
        final ShadowOrder bid = byId.get(bidId);
        bid.remaining = bidRemaining;
        if (bidRemaining == 0)
        {
            remove(bid);
        }
    }

    @Override
    public void leaseStarted(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
        final long bidId, final long askId, final int gpus, final long start, final long end, final long price,
        final boolean preemptible)
    {
        events++;
        lastTimerDue = Math.max(lastTimerDue, end);
    }

    /** Workloads keep preemption out (their bids are preemptible, or no lease is): this copy does not model it. */
    @Override
    public void preempted(final long time, final long leaseId, final int instrument, final long victim, final long owner, final int gpus,
        final long newEnd, final long preemptorBidId)
    {
        throw new IllegalStateException("unmodelled preemption of lease " + leaseId + " by bid " + preemptorBidId + " at " + time);
    }

    @Override
    public void requeued(final long time, final long orderId, final long originalOrderId, final long account, final int instrument,
        final int gpus, final int durationMinutes, final long price, final TimeInForce timeInForce, final long deadline,
        final boolean contiguous)
    {
        throw new IllegalStateException("unmodelled re-queue of bid " + originalOrderId + " as " + orderId + " at " + time);
    }

    @Override
    public void marketModeChanged(final long time, final int instrument, final int auctionIntervalSeconds, final long effectiveAt)
    {
        throw new IllegalStateException("unmodelled market mode change of instrument " + instrument + " at " + time);
    }

    @Override
    public void auctionIndicative(final long time, final int instrument, final long price, final int gpus)
    {
        throw new IllegalStateException("unmodelled auction on instrument " + instrument + " at " + time);
    }

    @Override
    public void auctionCleared(final long time, final int instrument, final long price, final int gpus)
    {
        throw new IllegalStateException("unmodelled auction clear on instrument " + instrument + " at " + time);
    }

    @Override
    public void quoted(final long time, final long account, final long requestId, final int instrument, final int gpus,
        final int durationMinutes, final int fillableGpus, final long notional, final long averagePrice, final boolean cheaper)
    {
        // read-only: the book is unchanged
    }

    @Override
    public void leaseEnded(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
        final long askId, final int gpus, final LeaseEndReason reason, final boolean returnedToAsk)
    {
        events++;
        if (returnedToAsk)
        {
            final ShadowOrder ask = byId.get(askId);
            ask.remaining += gpus;
            walk(ask, time);
        }
    }

    @Override
    public void orderExpired(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int remainingGpus)
    {
        events++;
        remove(byId.get(orderId));
    }

    @Override
    public void orderCancelled(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int remainingGpus, final CancelReason reason)
    {
        events++;
        remove(byId.get(orderId));
    }

    @Override
    public void amended(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int gpus, final long price, final boolean priorityKept)
    {
        events++;
        final ShadowOrder order = byId.get(orderId);
        final TreeSet<ShadowOrder> book = book(order.instrument, order.side);
        book.remove(order);
        if (order.price != price)
        {
            repricedOrders++;
        }
        order.price = price;
        order.remaining = gpus;
        if (!priorityKept)
        {
            order.seq = ++nextSeq;
        }
        book.add(order);
        walk(order, time);
    }

    @Override
    public void bookChanged(final long time, final int instrument, final Side side, final long price, final int gpus, final int orders)
    {
        // Depth is not needed to aim commands or count skips.
        events++;
    }

    /**
     * Replays the aggressor's walk (docs/matching.md, "Matching walk"): counts the crossed orders it
     * passes and records the fills the engine must report next.
     */
    private void walk(final ShadowOrder aggressor, final long now)
    {
        requireWalkComplete();
        predictedFills.clear();
        nextPredicted = 0;
        int left = aggressor.remaining;
        for (final ShadowOrder resting : book(aggressor.instrument, aggressor.isBid() ? Side.ASK : Side.BID))
        {
            final ShadowOrder bid = aggressor.isBid() ? aggressor : resting;
            final ShadowOrder ask = aggressor.isBid() ? resting : aggressor;
            if (left == 0 || ask.price > bid.price)
            {
                return;
            }
            final int bidGpus = aggressor.isBid() ? left : resting.remaining;
            final int askFree = aggressor.isBid() ? resting.remaining : left;
            final SkipReason skip = incompatibility(bid, ask, bidGpus, askFree, now);
            if (skip != null)
            {
                skips++;
                skipsByReason[skip.ordinal()]++;
            }
            else
            {
                final int q = wholeBlocks(bidGpus, askFree, ask.minBlock);
                predictedFills.add(new long[] {bid.id, ask.id, q});
                left -= q;
            }
        }
    }

    /**
     * Why a crossed pair cannot trade at {@code now}, the first failing check of docs/matching.md's
     * "Compatibility and fill size"; null when it trades {@link #wholeBlocks} GPUs.
     */
    private static SkipReason incompatibility(final ShadowOrder bid, final ShadowOrder ask, final int bidGpus, final int askFree,
        final long now)
    {
        if (bid.account == ask.account)
        {
            return SkipReason.SAME_ACCOUNT;
        }
        if (now + bid.durationMinutes * Instrument.MILLIS_PER_MINUTE > ask.availableUntil)
        {
            return SkipReason.WINDOW_TOO_SHORT;
        }
        if (askFree == 0)
        {
            return SkipReason.NO_FREE_GPUS;
        }
        final int q = wholeBlocks(bidGpus, askFree, ask.minBlock);
        if (q == 0)
        {
            return SkipReason.BELOW_MIN_BLOCK;
        }
        return bid.contiguous && q != bidGpus ? SkipReason.CONTIGUOUS_TOO_BIG : null;
    }

    private static int wholeBlocks(final int bidGpus, final int askFree, final int minBlock)
    {
        return Math.min(bidGpus, askFree) / minBlock * minBlock;
    }

    private void requireWalkComplete()
    {
        if (nextPredicted != predictedFills.size())
        {
            final long[] missing = predictedFills.get(nextPredicted);
            throw new IllegalStateException("the shadow walk predicted a fill of bid " + missing[0] + " ask " + missing[1] + " gpus " +
                missing[2] + " that the engine did not report");
        }
    }

    private TreeSet<ShadowOrder> book(final int instrument, final Side side)
    {
        return side == Side.BID ? bids[instrument] : asks[instrument];
    }

    private void add(final ShadowOrder order)
    {
        byId.put(order.id, order);
        book(order.instrument, order.side).add(order);
        final List<ShadowOrder> list = pickLists[order.instrument][order.side.ordinal()];
        order.pickIndex = list.size();
        list.add(order);
    }

    private void remove(final ShadowOrder order)
    {
        byId.remove(order.id);
        book(order.instrument, order.side).remove(order);
        final List<ShadowOrder> list = pickLists[order.instrument][order.side.ordinal()];
        final ShadowOrder last = list.remove(list.size() - 1);
        if (last != order)
        {
            last.pickIndex = order.pickIndex;
            list.set(order.pickIndex, last);
        }
    }
}
