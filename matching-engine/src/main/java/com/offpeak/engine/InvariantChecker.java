package com.offpeak.engine;

import com.offpeak.engine.auction.MarketModes;
import com.offpeak.engine.book.BookSide;
import com.offpeak.engine.book.PriceLevel;
import com.offpeak.engine.lease.Lease;
import com.offpeak.engine.order.Account;
import com.offpeak.engine.order.ClientOrderIds;
import com.offpeak.engine.order.Order;
import com.offpeak.engine.timer.TimerQueue;
import org.agrona.collections.Long2LongHashMap;

/**
 * Checks every internal invariant of the engine from scratch (not the hot path: tests call it
 * after every step). Each check recomputes a fact the engine maintains incrementally and compares.
 */
final class InvariantChecker
{
    private final EngineState state;
    private final Matcher matcher;

    InvariantChecker(final EngineState state, final Matcher matcher)
    {
        this.state = state;
        this.matcher = matcher;
    }

    /** True when a timer entry still refers to a running lease ending, or a notice of one ending early, or an open order expiring then. */
    static boolean isLive(final EngineState state, final int kind, final long id, final long due)
    {
        if (kind == TimerQueue.LEASE_END)
        {
            final Lease lease = state.leases.get(id);
            return lease != null && (lease.end == due || (lease.noticeEndsEarly() && lease.noticeEnd == due));
        }
        if (kind == TimerQueue.AUCTION_BOUNDARY)
        {
            return state.modes.armedAt((int)id) == due;
        }
        final Order order = state.openOrders.get(id);
        return order != null && order.expiresAt == due;
    }

    void check()
    {
        int resting = 0;
        for (int i = 0; i < state.books.length; i++)
        {
            resting += checkSide(state.books[i].side(Side.BID));
            resting += checkSide(state.books[i].side(Side.ASK));
            // An auction book collects crossed orders until its clear; only continuous books must be uncrossed.
            if (!state.modes.isAuction(i))
            {
                checkNoCrossedCompatiblePair(i);
            }
            checkMarketMode(i);
        }
        require(resting == state.openOrders.size(), "resting orders %d != order index size %d", resting, state.openOrders.size());
        checkLiveOrdersAndAccounts();
        checkLeases();
        checkTimers();
        checkClientOrderIds();
    }

    private int checkSide(final BookSide side)
    {
        int orders = 0;
        for (int i = 0; i < side.levelCount(); i++)
        {
            final PriceLevel level = side.level(i);
            require(!level.isEmpty(), "%s %s level %d is empty but present", side.side(), side.instrument(), level.price());
            if (i > 0)
            {
                require(side.isBetter(side.level(i - 1).price(), level.price()), "%s side of %d not sorted at %d", side.side(),
                    side.instrument(), level.price());
            }
            int gpus = 0;
            int active = 0;
            int size = 0;
            long lastSeq = 0;
            for (Order o = level.head(); o != null; o = o.nextInLevel())
            {
                size++;
                require(o.level == level && o.open && o.side == side.side() && o.instrument == side.instrument() &&
                    o.price == level.price(), "order %d misplaced in level %d", o.id, level.price());
                require(o.prioritySeq > lastSeq, "order %d priority %d not after %d at level %d", o.id, o.prioritySeq, lastSeq,
                    level.price());
                require(state.openOrders.get(o.id) == o, "order %d missing from the order index", o.id);
                require(o.remaining >= 0 && (o.remaining > 0 || !o.isBid()), "order %d rests with remaining %d", o.id, o.remaining);
                require(o.prioritySeq < state.nextPrioritySeq && o.id < state.nextOrderId, "order %d ahead of the counters", o.id);
                lastSeq = o.prioritySeq;
                gpus += o.remaining;
                active += o.remaining > 0 ? 1 : 0;
            }
            require(gpus == level.gpus() && active == level.activeOrders() && size == level.size(),
                "level %d aggregates (%d,%d,%d) != recomputed (%d,%d,%d)", level.price(), level.gpus(), level.activeOrders(),
                level.size(), gpus, active, size);
            orders += size;
        }
        return orders;
    }

    /** The book may be crossed only between orders that cannot trade with each other. */
    private void checkNoCrossedCompatiblePair(final int instrument)
    {
        final BookSide bids = state.books[instrument].side(Side.BID);
        final BookSide asks = state.books[instrument].side(Side.ASK);
        for (int b = 0; b < bids.levelCount(); b++)
        {
            final PriceLevel bidLevel = bids.level(b);
            for (int a = 0; a < asks.levelCount() && asks.level(a).price() <= bidLevel.price(); a++)
            {
                for (Order bid = bidLevel.head(); bid != null; bid = bid.nextInLevel())
                {
                    for (Order ask = asks.level(a).head(); ask != null; ask = ask.nextInLevel())
                    {
                        require(matcher.fillSize(bid, bid.remaining, ask, ask.remaining) == 0,
                            "bid %d and ask %d are crossed and compatible", bid.id, ask.id);
                    }
                }
            }
        }
    }

    private void checkLiveOrdersAndAccounts()
    {
        long lastId = 0;
        int open = 0;
        int live = 0;
        final Long2LongHashMap openPerAccount = new Long2LongHashMap(0);
        for (Order o = state.firstLive(); o != null; o = o.nextLive())
        {
            live++;
            require(o.id > lastId, "live orders out of id order at %d", o.id);
            lastId = o.id;
            if (o.isBid())
            {
                require(o.open, "bid %d is live but not open", o.id);
            }
            else
            {
                require(o.askPosted == o.remaining + o.leased + o.retired, "ask %d: posted %d != free %d + leased %d + retired %d",
                    o.id, o.askPosted, o.remaining, o.leased, o.retired);
                require(o.open || (o.leased > 0 && o.remaining == 0), "ask %d is closed but not draining", o.id);
            }
            require(!o.substituteVoided && (o.substituteGroup == 0 || (o.isBid() && o.substituteCount >= 1 &&
                o.id >= o.substituteGroup && o.id - o.substituteGroup <= Command.MAX_SUBSTITUTES)),
                "order %d: substitutes group %d of %d broken or not settled", o.id, o.substituteGroup, o.substituteCount);
            require(o.substituteCount <= 1 || !state.modes.isAuction(o.instrument),
                "order %d: an undecided substitutes alternative rests in an auction book", o.id);
            if (o.open)
            {
                open++;
                openPerAccount.put(o.account, openPerAccount.get(o.account) + 1);
            }
            if (o.clientRecord != ClientOrderIds.NONE)
            {
                final ClientOrderIds records = state.clientOrderIds;
                require(o.clientRecord >= records.oldest() && o.clientRecord < records.end() && records.order(o.clientRecord) == o &&
                    o.open, "order %d and its clientOrderId record disagree", o.id);
            }
        }
        require(live == state.liveCount(), "live count %d != %d", state.liveCount(), live);
        require(open == state.openOrders.size(), "open live orders %d != index %d", open, state.openOrders.size());
        for (final Account account : state.accounts.values())
        {
            require(account.openCount() == openPerAccount.get(account.id()), "account %d open count %d != %d", account.id(),
                account.openCount(), openPerAccount.get(account.id()));
            long previous = 0;
            int count = 0;
            for (Order o = account.firstOpen(); o != null; o = o.nextOfAccount())
            {
                require(o.open && o.account == account.id() && o.id > previous, "account %d open list broken at %d", account.id(), o.id);
                previous = o.id;
                count++;
            }
            require(count == account.openCount(), "account %d list length %d != count %d", account.id(), count, account.openCount());
        }
    }

    private void checkLeases()
    {
        final Long2LongHashMap leasedPerAsk = new Long2LongHashMap(0);
        final Long2LongHashMap pendingPerAsk = new Long2LongHashMap(0);
        final Long2LongHashMap noticedPerAsk = new Long2LongHashMap(0);
        long lastId = 0;
        for (Lease lease = state.leases.first(); lease != null; lease = lease.next())
        {
            require(lease.id > lastId && lease.id < state.nextLeaseId, "lease %d out of id order", lease.id);
            lastId = lease.id;
            require(state.leases.get(lease.id) == lease, "lease %d missing from its index", lease.id);
            final Order ask = lease.ask;
            require(ask.id != 0 && !ask.isBid() && (ask.open || ask.leased > 0), "lease %d refers to a dead ask", lease.id);
            require(lease.end <= ask.availableUntil, "lease %d ends %d after its ask's window %d", lease.id, lease.end,
                ask.availableUntil);
            require(lease.bidDeadline == 0 || lease.end <= lease.bidDeadline, "lease %d ends after its bid's deadline", lease.id);
            require(lease.end > state.now && lease.gpus > 0, "lease %d is not running at %d", lease.id, state.now);
            require(lease.noticeGpus >= 0 && lease.noticeGpus <= lease.gpus && (lease.noticeGpus == 0 ||
                (lease.preemptible && lease.noticeEnd > state.now && lease.noticeEnd <= lease.end)), "lease %d has a broken notice", lease.id);
            // A preemptor's lease starts when its victim's GPUs are handed over; until then they count as the victim's.
            if (lease.start <= state.now)
            {
                leasedPerAsk.put(ask.id, leasedPerAsk.get(ask.id) + lease.gpus);
            }
            else
            {
                require(!lease.preemptible, "lease %d is preemptible but has not started", lease.id);
                pendingPerAsk.put(ask.id, pendingPerAsk.get(ask.id) + lease.gpus);
            }
            if (lease.noticeGpus > 0)
            {
                noticedPerAsk.put(ask.id, noticedPerAsk.get(ask.id) + lease.noticeGpus);
            }
        }
        for (Order o = state.firstLive(); o != null; o = o.nextLive())
        {
            if (!o.isBid())
            {
                require(o.leased == leasedPerAsk.get(o.id), "ask %d leased %d != its leases %d", o.id, o.leased,
                    leasedPerAsk.get(o.id));
                require(pendingPerAsk.get(o.id) == noticedPerAsk.get(o.id), "ask %d: preemptors wait for %d GPUs, notices give %d", o.id,
                    pendingPerAsk.get(o.id), noticedPerAsk.get(o.id));
            }
        }
    }

    private void checkTimers()
    {
        final TimerQueue timers = state.timers;
        int live = 0;
        for (int i = 0; i < timers.size(); i++)
        {
            if (i > 0)
            {
                final int parent = TimerQueue.parentOf(i);
                require(timers.dueAt(parent) <= timers.dueAt(i), "timer heap order broken at %d", i);
            }
            if (isLive(state, timers.kindAt(i), timers.idAt(i), timers.dueAt(i)))
            {
                require(timers.dueAt(i) > state.now, "timer (%d,%d,%d) overdue at %d", timers.dueAt(i), timers.kindAt(i),
                    timers.idAt(i), state.now);
                live++;
            }
        }
        int expected = state.leases.size();
        for (Lease lease = state.leases.first(); lease != null; lease = lease.next())
        {
            expected += lease.noticeEndsEarly() ? 1 : 0;
        }
        for (Order o = state.firstLive(); o != null; o = o.nextLive())
        {
            expected += o.open && o.expiresAt != 0 ? 1 : 0;
        }
        for (int i = 0; i < state.modes.instruments(); i++)
        {
            expected += state.modes.armedAt(i) != 0 ? 1 : 0;
        }
        require(live == expected, "live timers %d != leases + expiring orders + auction boundaries %d", live, expected);
    }

    /** A boundary is armed in the future, on the schedule it serves; a pending switch always has one armed. */
    private void checkMarketMode(final int instrument)
    {
        final MarketModes modes = state.modes;
        final long armed = modes.armedAt(instrument);
        final long interval = modes.intervalMillis(instrument);
        final long requested = modes.requestedMillis(instrument);
        require(armed == 0 || armed > state.now, "instrument %d boundary %d is overdue at %d", instrument, armed, state.now);
        require(requested == interval || armed != 0, "instrument %d switch to %d ms has no boundary armed", instrument, requested);
        final long schedule = interval != 0 ? interval : requested;
        require(armed == 0 || (schedule != 0 && armed % schedule == 0), "instrument %d boundary %d is off its %d ms schedule",
            instrument, armed, schedule);
    }

    private void checkClientOrderIds()
    {
        final ClientOrderIds records = state.clientOrderIds;
        final Command request = new Command();
        long lastAt = Long.MIN_VALUE;
        for (long r = records.oldest(); r != records.end(); r++)
        {
            final long recordedAt = records.recordedAt(r);
            require(recordedAt >= lastAt, "clientOrderId records out of arrival order");
            lastAt = recordedAt;
            records.request(r, request);
            final long account = request.account;
            final long clientOrderId = request.clientOrderId;
            require(state.now - recordedAt < state.config.clientOrderIdRetentionMillis(), "clientOrderId %d/%d kept past retention",
                account, clientOrderId);
            require(records.find(account, clientOrderId) == r, "clientOrderId %d/%d not indexed", account, clientOrderId);
            final Order order = records.order(r);
            require(order == null || (order.clientRecord == r && order.open), "clientOrderId %d/%d follows a closed order",
                account, clientOrderId);
            require((order != null) == (records.currentStatus(r) == OrderStatus.OPEN), "clientOrderId %d/%d is open without its order",
                account, clientOrderId);
            require((records.orderId(r) == 0) != (records.rejectCode(r) == null), "clientOrderId %d/%d has no single answer", account,
                clientOrderId);
        }
    }

    private static void require(final boolean condition, final String format, final Object... args)
    {
        if (!condition)
        {
            throw new IllegalStateException(String.format(format, args));
        }
    }
}
