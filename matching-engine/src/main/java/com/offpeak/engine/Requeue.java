package com.offpeak.engine;

import com.offpeak.engine.catalog.Instrument;
import com.offpeak.engine.lease.Lease;
import com.offpeak.engine.order.Order;

/**
 * The end of a preemption notice and the re-queue of the victim's unfinished work
 * (docs/matching.md, "Re-queue"): the noticed GPUs leave the victim's lease (which ends if nothing
 * is left) and stay leased, now by the preemptor; then the victim's work enters the book as a new
 * bid with the original terms for the minutes it did not get, funded through the
 * {@link PreTradeCheck} like any place.
 */
final class Requeue
{
    private final EngineState state;
    private final OrderEntry orderEntry;
    private final PreTradeCheck preTradeCheck;
    /** The re-queue's place command, reused: the engine's own request handed to the pre-trade check. */
    private final Command command = new Command();

    Requeue(final EngineState state, final OrderEntry orderEntry, final PreTradeCheck preTradeCheck)
    {
        this.state = state;
        this.orderEntry = orderEntry;
        this.preTradeCheck = preTradeCheck;
    }

    /** The notice of {@code lease} ends now, before its natural end. */
    void endNotice(final Lease lease)
    {
        final int gpus = lease.noticeGpus;
        final long originalOrderId = lease.bidId;
        state.listener.leaseEnded(state.now, lease.id, lease.instrument, lease.buyer, lease.owner, lease.ask.id, gpus,
            LeaseEndReason.PREEMPTED, false);
        final boolean requeue = prepare(lease, gpus);
        lease.gpus -= gpus;
        lease.noticeGpus = 0;
        lease.noticeEnd = 0;
        if (lease.gpus == 0)
        {
            state.leases.remove(lease);
        }
        if (requeue)
        {
            submit(originalOrderId);
        }
    }

    /**
     * Builds the re-queue's place command from the victim's terms: same GPUs, the unused minutes
     * (used ones counted up to whole minutes) but at least the instrument's minimum. False when
     * there is nothing to re-queue: an IOC/FOK victim, or a GTD deadline the new duration can no
     * longer meet.
     */
    private boolean prepare(final Lease lease, final int gpus)
    {
        final TimeInForce tif = lease.bidTimeInForce;
        if (tif.isImmediate())
        {
            return false;
        }
        final long minute = Instrument.MILLIS_PER_MINUTE;
        final long usedMinutes = (state.now - lease.start + minute - 1) / minute;
        final long unusedMinutes = (lease.end - lease.start) / minute - usedMinutes;
        final int duration = (int)Math.max(unusedMinutes, state.catalog.get(lease.instrument).minDurationMinutes());
        if (tif == TimeInForce.GTD && state.now + duration * minute > lease.bidDeadline)
        {
            return false;
        }
        command.placeBid(state.now, lease.buyer, 0, lease.instrument, gpus, duration, lease.bidPrice, tif, lease.bidDeadline,
            lease.contiguous, false, true);
        return true;
    }

    private void submit(final long originalOrderId)
    {
        RejectCode code = state.openOrders.size() >= state.config.maxOpenOrders() ? RejectCode.ENGINE_FULL : null;
        if (code == null)
        {
            code = preTradeCheck.onPlace(command, state.nextOrderId);
        }
        if (code != null)
        {
            state.listener.rejected(state.now, command.account, 0, originalOrderId, code);
            return;
        }
        final Order order = orderEntry.newOrder(command, Side.BID);
        order.id = state.nextOrderId++;
        order.prioritySeq = state.nextPrioritySeq++;
        state.listener.requeued(state.now, order.id, originalOrderId, order.account, order.instrument, order.remaining,
            order.durationMinutes, order.price, order.timeInForce, order.deadline, order.contiguous);
        orderEntry.enter(order);
    }
}
