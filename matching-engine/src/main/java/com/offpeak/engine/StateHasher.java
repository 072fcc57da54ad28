package com.offpeak.engine;

import com.offpeak.engine.book.BookSide;
import com.offpeak.engine.book.PriceLevel;
import com.offpeak.engine.lease.Lease;
import com.offpeak.engine.order.ClientOrderIds;
import com.offpeak.engine.order.Order;
import com.offpeak.engine.timer.TimerQueue;

/**
 * The state hash: every field of every order in book priority order per instrument and side, the
 * draining asks, the leases in id order, the pending timers, the clientOrderId records in arrival
 * order, the counters and now, folded through a 64-bit mixer (MurmurHash3's finaliser) so that a
 * single changed bit anywhere changes the result. Pending timers are combined order-independently
 * (a sum of mixed entries) because the heap's array layout is an artefact of insertion order, and
 * stale entries (orders closed since) are left out: they no longer affect behaviour.
 */
final class StateHasher
{
    private long hash = 0x6F66667065616BL;

    private StateHasher()
    {
    }

    static long hash(final EngineState state)
    {
        final StateHasher h = new StateHasher();
        h.add(state.now).add(state.nextOrderId).add(state.nextLeaseId).add(state.nextPrioritySeq);
        for (int i = 0; i < state.books.length; i++)
        {
            h.addSide(state.books[i].side(Side.BID));
            h.addSide(state.books[i].side(Side.ASK));
        }
        for (Order order = state.firstLive(); order != null; order = order.nextLive())
        {
            if (!order.open)
            {
                h.addOrder(order);
            }
        }
        for (Lease lease = state.leases.first(); lease != null; lease = lease.next())
        {
            h.add(lease.id).add(lease.instrument).add(lease.buyer).add(lease.owner).add(lease.bidId).add(lease.ask.id).add(lease.gpus)
                .add(lease.start).add(lease.end).add(lease.price).add(lease.preemptible ? 1 : 0).add(lease.bidDeadline)
                .add(lease.bidPrice).add(ordinal(lease.bidTimeInForce)).add(lease.contiguous ? 1 : 0).add(lease.noticeGpus)
                .add(lease.noticeEnd);
        }
        long timers = 0;
        final TimerQueue queue = state.timers;
        for (int i = 0; i < queue.size(); i++)
        {
            if (InvariantChecker.isLive(state, queue.kindAt(i), queue.idAt(i), queue.dueAt(i)))
            {
                timers += mix(mix(mix(queue.dueAt(i)) ^ queue.kindAt(i)) ^ queue.idAt(i));
            }
        }
        h.add(timers);
        for (int i = 0; i < state.modes.instruments(); i++)
        {
            h.add(state.modes.intervalMillis(i)).add(state.modes.requestedMillis(i)).add(state.modes.armedAt(i));
        }
        final ClientOrderIds records = state.clientOrderIds;
        final Command q = new Command();
        for (long r = records.oldest(); r != records.end(); r++)
        {
            records.request(r, q);
            h.add(ordinal(q.type)).add(q.account).add(q.clientOrderId).add(q.orderId).add(q.instrument).add(q.gpus)
                .add(q.durationMinutes).add(q.price).add(q.availableUntil).add(q.minBlock).add(ordinal(q.timeInForce)).add(q.deadline)
                .add(q.contiguous ? 1 : 0).add(q.postOnly ? 1 : 0).add(q.preemptible ? 1 : 0).add(q.substituteCount);
            for (int i = 0; i < Math.min(q.substituteCount, Command.MAX_SUBSTITUTES); i++)
            {
                h.add(q.substituteInstrument[i]).add(q.substituteGpus[i]).add(q.substituteDuration[i]).add(q.substitutePrice[i]);
            }
            h.add(q.auctionIntervalSeconds).add(q.alternatives ? 1 : 0).add(records.recordedAt(r)).add(records.orderId(r))
                .add(ordinal(records.rejectCode(r))).add(ordinal(records.currentStatus(r))).add(records.currentRemaining(r));
        }
        return h.hash;
    }

    private void addSide(final BookSide side)
    {
        add(side.levelCount());
        for (int i = 0; i < side.levelCount(); i++)
        {
            final PriceLevel level = side.level(i);
            add(level.price()).add(level.size());
            for (Order order = level.head(); order != null; order = order.nextInLevel())
            {
                addOrder(order);
            }
        }
    }

    private void addOrder(final Order o)
    {
        add(o.id).add(o.account).add(ordinal(o.side)).add(o.instrument).add(o.price).add(o.prioritySeq).add(o.open ? 1 : 0)
            .add(o.remaining).add(o.expiresAt).add(o.filled).add(o.durationMinutes).add(ordinal(o.timeInForce)).add(o.deadline)
            .add(o.contiguous ? 1 : 0).add(o.postOnly ? 1 : 0).add(o.preemptible ? 1 : 0).add(o.askPosted).add(o.leased)
            .add(o.retired).add(o.availableUntil).add(o.minBlock).add(o.substituteGroup).add(o.substituteCount);
    }

    private static long ordinal(final Enum<?> value)
    {
        return value == null ? -1 : value.ordinal();
    }

    private StateHasher add(final long value)
    {
        hash = mix(hash * 0x9E3779B97F4A7C15L + value);
        return this;
    }

    static long mix(final long value)
    {
        long z = value;
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
