package com.offpeak.engine;

import com.offpeak.engine.book.BookSide;
import com.offpeak.engine.book.PriceLevel;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.engine.lease.Lease;
import com.offpeak.engine.order.Order;
import com.offpeak.engine.quote.Quoter;
import com.offpeak.engine.timer.TimerQueue;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The deterministic matching engine: a state machine whose only input is {@link #apply(Command)}
 * and whose only output is calls on the {@link EngineListener}. Time comes from command
 * timestamps, timers are fired from a queue before each command, and nothing is iterated out of a
 * hash table, so replaying the same commands yields the same events and the same
 * {@link #stateHash()} — the shape of a clustered service that could run inside a replicated log.
 *
 * <p>Single-threaded by design: one thread applies commands; nothing here is synchronised.
 */
public final class MatchingEngine
{
    /**
     * Timestamps above this (year ~146 million) are rejected: it keeps {@code now + duration}
     * and lease ends far from overflow whatever the input.
     */
    public static final long MAX_TIMESTAMP = 1L << 62;

    private final EngineState state;
    private final OrderEntry orderEntry;
    private final Matcher matcher;
    private final Requeue requeue;
    private final CallAuctions auctions;
    private final Quoter quoter;

    public MatchingEngine(final Catalog catalog, final EngineConfig config, final EngineListener listener,
        final PreTradeCheck preTradeCheck)
    {
        this.state = new EngineState(catalog, config, listener);
        this.matcher = new Matcher(state);
        this.orderEntry = new OrderEntry(state, matcher, preTradeCheck, new Preemption(state, matcher));
        this.requeue = new Requeue(state, orderEntry, preTradeCheck);
        this.auctions = new CallAuctions(state, matcher, orderEntry);
        this.quoter = new Quoter(state.books, catalog, listener, matcher);
    }

    /** Fires every timer due at or before the command's time, then applies the command. */
    public void apply(final Command command)
    {
        if (command == null)
        {
            state.listener.rejected(state.now, 0, 0, 0, RejectCode.INVALID_COMMAND);
            return;
        }
        if (command.type == null || command.timestamp > MAX_TIMESTAMP)
        {
            state.listener.rejected(state.now, command.account, command.clientOrderId, command.orderId, RejectCode.INVALID_COMMAND);
            return;
        }
        advanceTo(Math.max(state.now, command.timestamp));
        switch (command.type)
        {
            case PLACE_ASK -> orderEntry.place(command, Side.ASK);
            case PLACE_BID -> orderEntry.place(command, Side.BID);
            case CANCEL -> orderEntry.cancel(command);
            case CANCEL_ALL -> orderEntry.cancelAll(command);
            case AMEND -> orderEntry.amend(command);
            case TIMER_TICK ->
            {
                // Its only effect is the timers fired above.
            }
            case SET_MARKET_MODE -> auctions.setMode(command);
            case QUOTE -> quoter.quote(command, state.now);
        }
        orderEntry.cancelVoidedSubstitutes();
        auctions.publishIndicatives();
    }

    public long now()
    {
        return state.now;
    }

    public Catalog catalog()
    {
        return state.catalog;
    }

    public int openOrderCount()
    {
        return state.openOrders.size();
    }

    /** Every open or draining order, in order-id order. */
    public void forEachOrder(final OrderView view)
    {
        for (Order order = state.firstLive(); order != null; order = order.nextLive())
        {
            view.order(order.id, order.account, order.side, order.instrument, order.price, order.prioritySeq, order.open,
                order.remaining, order.leased, order.retired, order.posted());
        }
    }

    /** Every running lease, in lease-id order. */
    public void forEachLease(final LeaseView view)
    {
        for (Lease lease = state.leases.first(); lease != null; lease = lease.next())
        {
            view.lease(lease.id, lease.instrument, lease.buyer, lease.owner, lease.bidId, lease.ask.id, lease.gpus, lease.start,
                lease.end, lease.price, lease.preemptible);
        }
    }

    /** Depth levels best first, only those with GPUs; an unknown instrument has none. */
    public void depth(final int instrument, final Side side, final LevelView view)
    {
        if (state.catalog.get(instrument) == null || side == null)
        {
            return;
        }
        final BookSide bookSide = state.books[instrument].side(side);
        for (int i = 0; i < bookSide.levelCount(); i++)
        {
            final PriceLevel level = bookSide.level(i);
            if (level.gpus() > 0)
            {
                view.level(level.price(), level.gpus(), level.activeOrders());
            }
        }
    }

    /** A deterministic 64-bit digest of the whole state; equal states give equal hashes. */
    public long stateHash()
    {
        return StateHasher.hash(state);
    }

    /** Checks every internal invariant; throws {@link IllegalStateException} describing the first violation. */
    public void validate()
    {
        new InvariantChecker(state, matcher).check();
    }

    public void writeSnapshot(final DataOutput out) throws IOException
    {
        SnapshotCodec.write(state, out);
    }

    public static MatchingEngine readSnapshot(final DataInput in, final Catalog catalog, final EngineConfig config,
        final EngineListener listener, final PreTradeCheck preTradeCheck) throws IOException
    {
        final MatchingEngine engine = new MatchingEngine(catalog, config, listener, preTradeCheck);
        SnapshotCodec.read(engine.state, in);
        return engine;
    }

    /**
     * Fires due timers in (due, kind, id) order with {@code now} at each one's due time, so work
     * triggered by a timer (matching returned GPUs) happens at that time however late the next
     * command arrives. Stale entries (orders closed since) are dropped as they surface.
     */
    private void advanceTo(final long time)
    {
        final TimerQueue timers = state.timers;
        while (!timers.isEmpty() && timers.peekDue() <= time)
        {
            final long due = timers.peekDue();
            final int kind = timers.peekKind();
            final long id = timers.peekId();
            timers.pop();
            if (kind == TimerQueue.LEASE_END)
            {
                final Lease lease = state.leases.get(id);
                if (lease != null && lease.end == due)
                {
                    state.now = due;
                    endLease(lease);
                }
                else if (lease != null && lease.noticeEndsEarly() && lease.noticeEnd == due)
                {
                    state.now = due;
                    requeue.endNotice(lease);
                }
            }
            else if (kind == TimerQueue.ORDER_EXPIRY)
            {
                final Order order = state.openOrders.get(id);
                if (order != null && order.expiresAt == due)
                {
                    state.now = due;
                    expire(order);
                }
            }
            else if (state.modes.armedAt((int)id) == due)
            {
                state.now = due;
                auctions.boundary((int)id);
            }
            // A substitutes group decided by this timer's fills drops its other alternatives within it.
            orderEntry.cancelVoidedSubstitutes();
        }
        state.now = time;
        state.clientOrderIds.expire(time);
    }

    /**
     * A lease ran its full duration. GPUs under a notice that ends no earlier pass to their
     * preemptor's lease, which starts now; the others go back to the open ask (or retire).
     */
    private void endLease(final Lease lease)
    {
        final Order ask = lease.ask;
        final int gpus = lease.gpus - lease.noticeGpus;
        final boolean returned = ask.open && gpus > 0;
        ask.leased -= gpus;
        if (ask.open)
        {
            ask.level.setRemaining(ask, ask.remaining + gpus);
        }
        else
        {
            ask.retired += gpus;
        }
        state.listener.leaseEnded(state.now, lease.id, lease.instrument, lease.buyer, lease.owner, ask.id, lease.gpus,
            LeaseEndReason.COMPLETED, returned);
        state.leases.remove(lease);
        if (returned)
        {
            state.publish(state.sideOf(ask), ask.level);
            orderEntry.tradeResting(ask);
        }
        else
        {
            state.releaseIfDrained(ask);
        }
    }

    private void expire(final Order order)
    {
        state.listener.orderExpired(state.now, order.id, order.account, order.instrument, order.side, order.remaining);
        state.closeAndPublish(order, OrderStatus.EXPIRED);
    }
}
