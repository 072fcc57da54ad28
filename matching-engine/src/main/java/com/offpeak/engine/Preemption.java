package com.offpeak.engine;

import com.offpeak.engine.catalog.Instrument;
import com.offpeak.engine.lease.Lease;
import com.offpeak.engine.order.Order;
import com.offpeak.engine.timer.TimerQueue;

/**
 * The preemption rule, all of it (docs/matching.md, "Preemption"): after its walk over free
 * capacity, a non-preemptible, non-postOnly bid arriving with GPUs still missing takes GPUs of
 * running preemptible leases of its instrument priced at least one tick below its limit, lowest
 * price first and, at one price, the newest lease first. The victim is given notice; its GPUs pass
 * to the preemptor at the earlier of the notice end and the victim's natural end, and the
 * preemptor pays the victim's price plus one tick.
 *
 * <p>Candidates are visited in (price ascending, lease id descending) order without sorting or
 * marking anything: each step scans the instrument's preemptible leases for the smallest key after
 * the previous one. That is O(candidates) per victim taken, paid only by bids that could not be
 * served from free capacity, and nothing is allocated. The same scan answers the FOK question
 * ("how many could it take?") without changing state.
 */
final class Preemption
{
    private final EngineState state;
    private final Matcher matcher;
    private final long noticeMillis;
    /** The fill size of the victim the last {@link #nextVictim} returned. */
    private int victimGpus;

    Preemption(final EngineState state, final Matcher matcher)
    {
        this.state = state;
        this.matcher = matcher;
        this.noticeMillis = state.config.preemptionNoticeMillis();
    }

    /** GPUs {@code bid} could take by preemption for {@code missing} GPUs now; changes nothing. */
    int wouldTake(final Order bid, final int missing)
    {
        if (!mayPreempt(bid))
        {
            return 0;
        }
        int left = missing;
        Lease victim = null;
        while (left > 0 && (victim = nextVictim(bid, left, victim)) != null)
        {
            left -= victimGpus;
        }
        return missing - left;
    }

    /**
     * Takes what {@code bid} still misses from preemptible leases: per victim the {@code preempted}
     * notice, then the preemptor's {@code fill} and {@code leaseStarted} (starting at the hand-over).
     * The bid must not rest yet (it has just arrived).
     */
    void take(final Order bid)
    {
        if (!mayPreempt(bid))
        {
            return;
        }
        final long tick = state.catalog.get(bid.instrument).tickSize();
        Lease victim = null;
        while (bid.remaining > 0 && (victim = nextVictim(bid, bid.remaining, victim)) != null)
        {
            final int q = victimGpus;
            final long handOver = handOver(victim);
            victim.noticeGpus = q;
            victim.noticeEnd = handOver;
            if (victim.noticeEndsEarly())
            {
                state.timers.push(handOver, TimerQueue.LEASE_END, victim.id);
            }
            state.listener.preempted(state.now, victim.id, victim.instrument, victim.buyer, victim.owner, q, handOver, bid.id);
            // The ask's leased count is unchanged: these GPUs stay out, first with the victim, then the preemptor.
            Matcher.reduce(bid, q);
            bid.filled += q;
            matcher.openLease(bid, victim.ask, q, handOver, victim.price + tick, Side.ASK);
        }
    }

    private boolean mayPreempt(final Order bid)
    {
        return bid.isBid() && !bid.preemptible && !bid.postOnly && state.leases.firstPreemptible(bid.instrument) != null;
    }

    /** When a victim's GPUs would pass to a preemptor now: the notice end, or the lease's natural end if earlier. */
    private long handOver(final Lease victim)
    {
        return Math.min(state.now + noticeMillis, victim.end);
    }

    /**
     * The first candidate after {@code previous} in (price ascending, id descending) order that
     * {@code bid} can take GPUs from for {@code missing} GPUs, with the fill size in
     * {@link #victimGpus}; null when none is left.
     */
    private Lease nextVictim(final Order bid, final int missing, final Lease previous)
    {
        final long maxVictimPrice = bid.price - state.catalog.get(bid.instrument).tickSize();
        Lease best = null;
        int bestGpus = 0;
        for (Lease lease = state.leases.firstPreemptible(bid.instrument); lease != null; lease = lease.nextPreemptible())
        {
            if (lease.price > maxVictimPrice || (previous != null && !after(lease, previous)) || (best != null && !after(best, lease)))
            {
                continue;
            }
            final int q = gpusFrom(bid, missing, lease);
            if (q > 0)
            {
                best = lease;
                bestGpus = q;
            }
        }
        victimGpus = bestGpus;
        return best;
    }

    /** Whether {@code a} comes after {@code b} in victim order: higher price, or the same price and older. */
    private static boolean after(final Lease a, final Lease b)
    {
        return a.price != b.price ? a.price > b.price : a.id < b.id;
    }

    /**
     * GPUs {@code bid} can take from {@code lease} for {@code missing} GPUs, 0 when it cannot: not
     * under notice already, neither side's account the bid's, an open ask whose window holds the
     * preemptor's lease from the hand-over, a GTD deadline that allows it, whole blocks of the ask,
     * a contiguous victim only whole and a contiguous preemptor only from one lease.
     */
    private int gpusFrom(final Order bid, final int missing, final Lease lease)
    {
        final Order ask = lease.ask;
        if (lease.noticeGpus != 0 || lease.buyer == bid.account || lease.owner == bid.account || !ask.open)
        {
            return 0;
        }
        final long end = handOver(lease) + bid.durationMinutes * Instrument.MILLIS_PER_MINUTE;
        if (end > ask.availableUntil || (bid.timeInForce == TimeInForce.GTD && end > bid.deadline))
        {
            return 0;
        }
        int q = Math.min(missing, lease.gpus);
        q = ask.wholeBlocks(q);
        if (q <= 0 || (lease.contiguous && q != lease.gpus) || (bid.contiguous && q != missing))
        {
            return 0;
        }
        return q;
    }
}
