package com.offpeak.study;

import com.offpeak.engine.LeaseEndReason;
import com.offpeak.engine.MatchingEngine;
import com.offpeak.engine.RejectCode;
import com.offpeak.engine.Side;
import com.offpeak.gateway.server.OutputAdapter;
import java.util.Arrays;
import org.agrona.collections.Long2LongHashMap;

/**
 * Turns the exchange's output into the study's measures.
 * <ul>
 * <li>Offered capacity at any moment is what owners have on the market: the free GPUs of open asks
 *     (the ask side of the book, from {@code bookChanged}) plus every leased GPU. It is integrated
 *     between events, so the result does not depend on how often commands arrive.</li>
 * <li>Leased capacity is integrated per lease from its {@code start} (a preemptor's lease starts at
 *     the hand-over, after the event) to each {@code leaseEnded}, which may end only some of its GPUs.</li>
 * <li>Fills are attributed to the placed bid through the {@code accepted} event's clientOrderId;
 *     a re-queued remainder is a new order the generator did not place, so its fills are not counted
 *     again (the victim's GPUs already counted as filled).</li>
 * <li>A preemption is a lease that starts after the event that created it: only a hand-over does.</li>
 * </ul>
 */
final class StudyRecorder extends OutputAdapter
{
    private static final long NONE = -1;

    private final ScenarioResult result;
    private final PlacedBids bids;
    private final long end;
    private final Long2LongHashMap clientOrderIdOfBid = new Long2LongHashMap(NONE);
    private final Long2LongHashMap leaseStart = new Long2LongHashMap(NONE);
    private final Long2LongHashMap[] freeByAskPrice;
    private final long[] freeGpus;
    private final long[] freeSince;

    StudyRecorder(final ScenarioResult result, final PlacedBids bids, final long end)
    {
        this.result = result;
        this.bids = bids;
        this.end = end;
        freeByAskPrice = new Long2LongHashMap[result.instruments()];
        for (int i = 0; i < freeByAskPrice.length; i++)
        {
            freeByAskPrice[i] = new Long2LongHashMap(0);
        }
        freeGpus = new long[result.instruments()];
        freeSince = new long[result.instruments()];
        Arrays.fill(freeSince, StudyTime.START);
    }

    /** Closes the books at the end of the run: free capacity up to the end, and leases still running (up to the end). */
    void finish(final MatchingEngine engine)
    {
        for (int i = 0; i < freeGpus.length; i++)
        {
            integrateFree(i, end);
        }
        engine.forEachLease((leaseId, instrument, buyer, owner, bidId, askId, gpus, start, leaseEnd, price, preemptible) ->
            addCapacity(instrument, gpus, start, leaseEnd));
    }

    @Override
    public void accepted(final long time, final long account, final long clientOrderId, final long orderId, final Side side,
        final int instrument, final int gpus, final long price)
    {
        if (side != Side.BID || !bids.contains(clientOrderId))
        {
            return;
        }
        clientOrderIdOfBid.put(orderId, clientOrderId);
        if (bids.deferrable(clientOrderId))
        {
            final int bucket = bids.slackBucket(clientOrderId);
            result.deferrableBids[bucket]++;
            result.deferrableRequestedGpus[bucket] += gpus;
        }
        else
        {
            result.urgentBids++;
            result.urgentRequestedGpus += gpus;
        }
    }

    @Override
    public void rejected(final long time, final long account, final long clientOrderId, final long orderId, final RejectCode code)
    {
        result.rejectedOrders++;
    }

    @Override
    public void fill(final long time, final int instrument, final long leaseId, final long bidId, final long askId, final long buyer,
        final long owner, final int gpus, final int durationMinutes, final long price, final Side maker, final int bidRemaining)
    {
        final int hourOfDay = (int)StudyTime.hourOfDay(time);
        final long gpuMinutes = (long)gpus * durationMinutes;
        result.tradedGpuMinutes[instrument][hourOfDay] += gpuMinutes;
        result.tradedValue[instrument][hourOfDay] += price * gpuMinutes;
        final long clientOrderId = clientOrderIdOfBid.get(bidId);
        if (clientOrderId == NONE)
        {
            return;
        }
        if (bids.deferrable(clientOrderId))
        {
            result.deferrableFilledGpus[bids.slackBucket(clientOrderId)] += gpus;
        }
        else
        {
            result.urgentFilledGpus += gpus;
        }
    }

    @Override
    public void leaseStarted(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
        final long bidId, final long askId, final int gpus, final long start, final long end, final long price,
        final boolean preemptible)
    {
        leaseStart.put(leaseId, start);
        if (start > time)
        {
            result.preemptions[StudyTime.dayIndex(time)][instrument]++;
        }
    }

    @Override
    public void leaseEnded(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
        final long askId, final int gpus, final LeaseEndReason reason, final boolean returnedToAsk)
    {
        final long start = leaseStart.get(leaseId);
        if (start == NONE)
        {
            throw new IllegalStateException("lease " + leaseId + " ended without having started");
        }
        addCapacity(instrument, gpus, start, time);
        if (reason == LeaseEndReason.COMPLETED)
        {
            leaseStart.remove(leaseId);
        }
    }

    @Override
    public void bookChanged(final long time, final int instrument, final Side side, final long price, final int gpus,
        final int orders)
    {
        if (side != Side.ASK)
        {
            return;
        }
        integrateFree(instrument, time);
        final long before = gpus == 0 ? freeByAskPrice[instrument].remove(price) : freeByAskPrice[instrument].put(price, gpus);
        freeGpus[instrument] += gpus - before;
    }

    private void integrateFree(final int instrument, final long time)
    {
        addOffered(instrument, freeGpus[instrument], freeSince[instrument], time);
        freeSince[instrument] = time;
    }

    /** Leased GPUs are offered GPUs too: owners put them on the market. */
    private void addCapacity(final int instrument, final long gpus, final long from, final long to)
    {
        addOffered(instrument, gpus, from, to);
        addByHour(result.leasedGpuMillis[instrument], gpus, from, to);
    }

    private void addOffered(final int instrument, final long gpus, final long from, final long to)
    {
        addByHour(result.offeredGpuMillis[instrument], gpus, from, to);
    }

    /** Adds {@code gpus} × the part of [from, to) inside the run to the hour buckets it spans. */
    private void addByHour(final long[] buckets, final long gpus, final long from, final long to)
    {
        long t = Math.max(from, StudyTime.START);
        final long until = Math.min(to, end);
        while (t < until)
        {
            final int hour = StudyTime.hourIndex(t);
            final long hourEnd = Math.min(until, StudyTime.START + (hour + 1) * StudyTime.HOUR);
            buckets[hour] += gpus * (hourEnd - t);
            t = hourEnd;
        }
    }
}
