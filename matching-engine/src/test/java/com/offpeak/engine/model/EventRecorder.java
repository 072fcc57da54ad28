package com.offpeak.engine.model;

import com.offpeak.engine.CancelReason;
import com.offpeak.engine.Command;
import com.offpeak.engine.EngineListener;
import com.offpeak.engine.LeaseEndReason;
import com.offpeak.engine.OrderStatus;
import com.offpeak.engine.RejectCode;
import com.offpeak.engine.Side;
import com.offpeak.engine.TimeInForce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records an engine's (or the model's) events as readable lines. {@code bookChanged} is kept
 * apart: the property test compares depth rather than the exact level updates, and applies them
 * to a {@link DepthReplica} to check that a market-data consumer ends at the engine's depth.
 */
public final class EventRecorder implements EngineListener
{
    private final List<String> events = new ArrayList<>();
    private final List<String> everything = new ArrayList<>();
    private final DepthReplica replica = new DepthReplica();
    private final List<Long> acceptedOrderIds = new ArrayList<>();
    /** The terms of the bids re-queued since the last {@link #clear()}, by their new order id. */
    private final Map<Long, Command> requeued = new HashMap<>();

    /** The events since the last {@link #clear()}, without {@code bookChanged}. */
    public List<String> events()
    {
        return events;
    }

    /** Every event since the last {@link #clear()}, {@code bookChanged} included. */
    public List<String> everything()
    {
        return everything;
    }

    public DepthReplica replica()
    {
        return replica;
    }

    /** Every order id accepted since the last {@link #clear()}, in order: one per alternative of a substitutes bid. */
    public List<Long> acceptedOrderIds()
    {
        return acceptedOrderIds;
    }

    /** The re-queued bids since the last {@link #clear()}: their terms as a place command, by new order id. */
    public Map<Long, Command> requeued()
    {
        return requeued;
    }

    /** Forgets the events of the previous step; the replica keeps accumulating. */
    public void clear()
    {
        events.clear();
        everything.clear();
        acceptedOrderIds.clear();
        requeued.clear();
    }

    private void record(final String event)
    {
        events.add(event);
        everything.add(event);
    }

    @Override
    public void accepted(final long time, final long account, final long clientOrderId, final long orderId, final Side side,
        final int instrument, final int gpus, final long price)
    {
        acceptedOrderIds.add(orderId);
        record("accepted t=" + time + " acct=" + account + " cl=" + clientOrderId + " order=" + orderId + " " + side + " instr=" + instrument +
            " gpus=" + gpus + " px=" + price);
    }

    @Override
    public void rejected(final long time, final long account, final long clientOrderId, final long orderId, final RejectCode code)
    {
        record("rejected t=" + time + " acct=" + account + " cl=" + clientOrderId + " order=" + orderId + " " + code);
    }

    @Override
    public void duplicate(final long time, final long account, final long clientOrderId, final long orderId, final RejectCode originalReject,
        final OrderStatus status, final int remainingGpus)
    {
        record("duplicate t=" + time + " acct=" + account + " cl=" + clientOrderId + " order=" + orderId + " reject=" + originalReject +
            " " + status + " remaining=" + remainingGpus);
    }

    @Override
    public void fill(final long time, final int instrument, final long leaseId, final long bidId, final long askId, final long buyer,
        final long owner, final int gpus, final int durationMinutes, final long price, final Side maker, final int bidRemaining)
    {
        record("fill t=" + time + " instr=" + instrument + " lease=" + leaseId + " bid=" + bidId + " ask=" + askId + " buyer=" + buyer +
            " owner=" + owner + " gpus=" + gpus + " min=" + durationMinutes + " px=" + price + " maker=" + maker + " bidLeft=" + bidRemaining);
    }

    @Override
    public void leaseStarted(final long time, final long leaseId, final int instrument, final long buyer, final long owner, final long bidId,
        final long askId, final int gpus, final long start, final long end, final long price, final boolean preemptible)
    {
        record("leaseStarted t=" + time + " lease=" + leaseId + " instr=" + instrument + " buyer=" + buyer + " owner=" + owner + " bid=" +
            bidId + " ask=" + askId + " gpus=" + gpus + " start=" + start + " end=" + end + " px=" + price + " preemptible=" + preemptible);
    }

    @Override
    public void leaseEnded(final long time, final long leaseId, final int instrument, final long buyer, final long owner, final long askId,
        final int gpus, final LeaseEndReason reason, final boolean returnedToAsk)
    {
        record("leaseEnded t=" + time + " lease=" + leaseId + " instr=" + instrument + " buyer=" + buyer + " owner=" + owner + " ask=" +
            askId + " gpus=" + gpus + " " + reason + " returned=" + returnedToAsk);
    }

    @Override
    public void preempted(final long time, final long leaseId, final int instrument, final long victim, final long owner, final int gpus,
        final long newEnd, final long preemptorBidId)
    {
        record("preempted t=" + time + " lease=" + leaseId + " instr=" + instrument + " victim=" + victim + " owner=" + owner + " gpus=" +
            gpus + " newEnd=" + newEnd + " by=" + preemptorBidId);
    }

    @Override
    public void requeued(final long time, final long orderId, final long originalOrderId, final long account, final int instrument,
        final int gpus, final int durationMinutes, final long price, final TimeInForce timeInForce, final long deadline,
        final boolean contiguous)
    {
        requeued.put(orderId, new Command().placeBid(time, account, 0, instrument, gpus, durationMinutes, price, timeInForce, deadline,
            contiguous, false, true));
        record("requeued t=" + time + " order=" + orderId + " of=" + originalOrderId + " acct=" + account + " instr=" + instrument +
            " gpus=" + gpus + " min=" + durationMinutes + " px=" + price + " " + timeInForce + " deadline=" + deadline +
            (contiguous ? " contiguous" : ""));
    }

    @Override
    public void orderExpired(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int remainingGpus)
    {
        record("orderExpired t=" + time + " order=" + orderId + " acct=" + account + " instr=" + instrument + " " + side + " remaining=" +
            remainingGpus);
    }

    @Override
    public void orderCancelled(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int remainingGpus, final CancelReason reason)
    {
        record("orderCancelled t=" + time + " order=" + orderId + " acct=" + account + " instr=" + instrument + " " + side + " remaining=" +
            remainingGpus + " " + reason);
    }

    @Override
    public void amended(final long time, final long orderId, final long account, final int instrument, final Side side, final int gpus,
        final long price, final boolean priorityKept)
    {
        record("amended t=" + time + " order=" + orderId + " acct=" + account + " instr=" + instrument + " " + side + " gpus=" + gpus +
            " px=" + price + " priorityKept=" + priorityKept);
    }

    @Override
    public void bookChanged(final long time, final int instrument, final Side side, final long price, final int gpus, final int orders)
    {
        everything.add("bookChanged t=" + time + " instr=" + instrument + " " + side + " px=" + price + " gpus=" + gpus + " orders=" + orders);
        replica.apply(instrument, side, price, gpus, orders);
    }

    @Override
    public void marketModeChanged(final long time, final int instrument, final int auctionIntervalSeconds, final long effectiveAt)
    {
        record("marketModeChanged t=" + time + " instr=" + instrument + " interval=" + auctionIntervalSeconds + "s effectiveAt=" +
            effectiveAt);
    }

    @Override
    public void auctionIndicative(final long time, final int instrument, final long price, final int gpus)
    {
        record("auctionIndicative t=" + time + " instr=" + instrument + " px=" + price + " gpus=" + gpus);
    }

    @Override
    public void auctionCleared(final long time, final int instrument, final long price, final int gpus)
    {
        record("auctionCleared t=" + time + " instr=" + instrument + " px=" + price + " gpus=" + gpus);
    }

    @Override
    public void quoted(final long time, final long account, final long requestId, final int instrument, final int gpus,
        final int durationMinutes, final int fillableGpus, final long notional, final long averagePrice, final boolean cheaper)
    {
        record("quoted t=" + time + " acct=" + account + " req=" + requestId + " instr=" + instrument + " gpus=" + gpus + " min=" +
            durationMinutes + " fillable=" + fillableGpus + " notional=" + notional + " avgPx=" + averagePrice + " cheaper=" + cheaper);
    }
}
