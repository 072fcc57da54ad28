package com.offpeak.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Records every engine event as a readable value record, in emission order, so tests can assert
 * on exact event sequences ({@code assertThat(listener.events()).containsExactly(...)}).
 * Test-only: it allocates one record per event.
 */
public final class RecordingListener implements EngineListener
{
    public record Accepted(long time, long account, long clientOrderId, long orderId, Side side, int instrument, int gpus, long price)
    {
    }

    public record Rejected(long time, long account, long clientOrderId, long orderId, RejectCode code)
    {
    }

    public record Duplicate(long time, long account, long clientOrderId, long orderId, RejectCode originalReject, OrderStatus status,
        int remainingGpus)
    {
    }

    public record Fill(long time, int instrument, long leaseId, long bidId, long askId, long buyer, long owner, int gpus,
        int durationMinutes, long price, Side maker, int bidRemaining)
    {
    }

    public record LeaseStarted(long time, long leaseId, int instrument, long buyer, long owner, long bidId, long askId, int gpus,
        long start, long end, long price, boolean preemptible)
    {
    }

    public record LeaseEnded(long time, long leaseId, int instrument, long buyer, long owner, long askId, int gpus,
        LeaseEndReason reason, boolean returnedToAsk)
    {
    }

    public record Preempted(long time, long leaseId, int instrument, long victim, long owner, int gpus, long newEnd, long preemptorBidId)
    {
    }

    public record Requeued(long time, long orderId, long originalOrderId, long account, int instrument, int gpus, int durationMinutes,
        long price, TimeInForce timeInForce, long deadline, boolean contiguous)
    {
    }

    public record OrderExpired(long time, long orderId, long account, int instrument, Side side, int remainingGpus)
    {
    }

    public record OrderCancelled(long time, long orderId, long account, int instrument, Side side, int remainingGpus,
        CancelReason reason)
    {
    }

    public record Amended(long time, long orderId, long account, int instrument, Side side, int gpus, long price, boolean priorityKept)
    {
    }

    public record BookChanged(long time, int instrument, Side side, long price, int gpus, int orders)
    {
    }

    public record MarketModeChanged(long time, int instrument, int auctionIntervalSeconds, long effectiveAt)
    {
    }

    public record AuctionIndicative(long time, int instrument, long price, int gpus)
    {
    }

    public record AuctionCleared(long time, int instrument, long price, int gpus)
    {
    }

    public record Quoted(long time, long account, long requestId, int instrument, int gpus, int durationMinutes, int fillableGpus,
        long notional, long averagePrice, boolean cheaper)
    {
    }

    private final List<Object> events = new ArrayList<>();

    /** Every event since construction or the last {@link #clear()}, in emission order. */
    public List<Object> events()
    {
        return events;
    }

    /** The recorded events of one type, in emission order. */
    public <T> List<T> eventsOf(final Class<T> type)
    {
        final List<T> result = new ArrayList<>();
        for (final Object event : events)
        {
            if (type.isInstance(event))
            {
                result.add(type.cast(event));
            }
        }
        return result;
    }

    /** Returns the recorded events and starts a fresh recording. */
    public List<Object> drain()
    {
        final List<Object> copy = List.copyOf(events);
        events.clear();
        return copy;
    }

    public void clear()
    {
        events.clear();
    }

    @Override
    public void accepted(final long time, final long account, final long clientOrderId, final long orderId, final Side side,
        final int instrument, final int gpus, final long price)
    {
        events.add(new Accepted(time, account, clientOrderId, orderId, side, instrument, gpus, price));
    }

    @Override
    public void rejected(final long time, final long account, final long clientOrderId, final long orderId, final RejectCode code)
    {
        events.add(new Rejected(time, account, clientOrderId, orderId, code));
    }

    @Override
    public void duplicate(final long time, final long account, final long clientOrderId, final long orderId,
        final RejectCode originalReject, final OrderStatus status, final int remainingGpus)
    {
        events.add(new Duplicate(time, account, clientOrderId, orderId, originalReject, status, remainingGpus));
    }

    @Override
    public void fill(final long time, final int instrument, final long leaseId, final long bidId, final long askId, final long buyer,
        final long owner, final int gpus, final int durationMinutes, final long price, final Side maker, final int bidRemaining)
    {
        events.add(new Fill(time, instrument, leaseId, bidId, askId, buyer, owner, gpus, durationMinutes, price, maker, bidRemaining));
    }

    @Override
    public void leaseStarted(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
        final long bidId, final long askId, final int gpus, final long start, final long end, final long price,
        final boolean preemptible)
    {
        events.add(new LeaseStarted(time, leaseId, instrument, buyer, owner, bidId, askId, gpus, start, end, price, preemptible));
    }

    @Override
    public void leaseEnded(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
        final long askId, final int gpus, final LeaseEndReason reason, final boolean returnedToAsk)
    {
        events.add(new LeaseEnded(time, leaseId, instrument, buyer, owner, askId, gpus, reason, returnedToAsk));
    }

    @Override
    public void preempted(final long time, final long leaseId, final int instrument, final long victim, final long owner, final int gpus,
        final long newEnd, final long preemptorBidId)
    {
        events.add(new Preempted(time, leaseId, instrument, victim, owner, gpus, newEnd, preemptorBidId));
    }

    @Override
    public void requeued(final long time, final long orderId, final long originalOrderId, final long account, final int instrument,
        final int gpus, final int durationMinutes, final long price, final TimeInForce timeInForce, final long deadline,
        final boolean contiguous)
    {
        events.add(new Requeued(time, orderId, originalOrderId, account, instrument, gpus, durationMinutes, price, timeInForce, deadline,
            contiguous));
    }

    @Override
    public void orderExpired(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int remainingGpus)
    {
        events.add(new OrderExpired(time, orderId, account, instrument, side, remainingGpus));
    }

    @Override
    public void orderCancelled(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int remainingGpus, final CancelReason reason)
    {
        events.add(new OrderCancelled(time, orderId, account, instrument, side, remainingGpus, reason));
    }

    @Override
    public void amended(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int gpus, final long price, final boolean priorityKept)
    {
        events.add(new Amended(time, orderId, account, instrument, side, gpus, price, priorityKept));
    }

    @Override
    public void bookChanged(final long time, final int instrument, final Side side, final long price, final int gpus,
        final int orders)
    {
        events.add(new BookChanged(time, instrument, side, price, gpus, orders));
    }

    @Override
    public void marketModeChanged(final long time, final int instrument, final int auctionIntervalSeconds, final long effectiveAt)
    {
        events.add(new MarketModeChanged(time, instrument, auctionIntervalSeconds, effectiveAt));
    }

    @Override
    public void auctionIndicative(final long time, final int instrument, final long price, final int gpus)
    {
        events.add(new AuctionIndicative(time, instrument, price, gpus));
    }

    @Override
    public void auctionCleared(final long time, final int instrument, final long price, final int gpus)
    {
        events.add(new AuctionCleared(time, instrument, price, gpus));
    }

    @Override
    public void quoted(final long time, final long account, final long requestId, final int instrument, final int gpus,
        final int durationMinutes, final int fillableGpus, final long notional, final long averagePrice, final boolean cheaper)
    {
        events.add(new Quoted(time, account, requestId, instrument, gpus, durationMinutes, fillableGpus, notional, averagePrice, cheaper));
    }
}
