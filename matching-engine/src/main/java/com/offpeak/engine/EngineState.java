package com.offpeak.engine;

import com.offpeak.engine.auction.MarketModes;
import com.offpeak.engine.book.BookSide;
import com.offpeak.engine.book.OrderBook;
import com.offpeak.engine.book.PriceLevel;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.engine.catalog.TickGrid;
import com.offpeak.engine.lease.RunningLeases;
import com.offpeak.engine.list.LinkedQueue;
import com.offpeak.engine.order.Account;
import com.offpeak.engine.order.ClientOrderIds;
import com.offpeak.engine.order.Order;
import com.offpeak.engine.order.OrderIndex;
import com.offpeak.engine.pool.ObjectPool;
import com.offpeak.engine.substitute.SubstituteGroups;
import com.offpeak.engine.timer.TimerQueue;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Everything the engine knows, in one place so that the matcher, the command handlers, the state
 * hash, the invariant checker and the snapshot codec all see the same structures. It also owns the
 * order life cycle (rest, close, release) so that the several indexes an order sits in are always
 * updated together.
 */
final class EngineState
{
    final Catalog catalog;
    final EngineConfig config;
    final EngineListener listener;
    final OrderBook[] books;
    final ObjectPool<Order> orderPool;
    /** Open orders by id: O(1) cancel/amend and the staleness test for expiry timers. Lookup only. */
    final OrderIndex openOrders;
    final Long2ObjectHashMap<Account> accounts = new Long2ObjectHashMap<>();
    final ClientOrderIds clientOrderIds;
    final RunningLeases leases;
    final TimerQueue timers = new TimerQueue();
    final SubstituteGroups substituteGroups = new SubstituteGroups();
    final MarketModes modes;

    long now;
    long nextOrderId = 1;
    long nextLeaseId = 1;
    long nextPrioritySeq = 1;

    /** Open and draining orders in id order (ids only grow and orders are appended as they start to rest). */
    private final LinkedQueue<Order> live = new LinkedQueue<>();

    EngineState(final Catalog catalog, final EngineConfig config, final EngineListener listener)
    {
        this.catalog = catalog;
        this.config = config;
        this.listener = listener;
        this.orderPool = new ObjectPool<>(Order::new, config.preallocatedOrders());
        this.openOrders = new OrderIndex(config.preallocatedOrders());
        final ObjectPool<PriceLevel> levelPool = new ObjectPool<>(PriceLevel::new, 256);
        this.leases = new RunningLeases(catalog.size(), config.preallocatedOrders());
        this.books = new OrderBook[catalog.size()];
        this.modes = new MarketModes(catalog.size(), config.auctionIntervals(), timers);
        for (int i = 0; i < books.length; i++)
        {
            books[i] = new OrderBook(i, new TickGrid(catalog.get(i).tickSize()), levelPool);
        }
        this.clientOrderIds = new ClientOrderIds(config.clientOrderIdRetentionMillis(), config.clientOrderIdCapacity());
    }

    BookSide sideOf(final Order order)
    {
        return books[order.instrument].side(order.side);
    }

    /** The oldest live order; continue with {@link Order#nextLive()}. */
    Order firstLive()
    {
        return live.first();
    }

    int liveCount()
    {
        return live.size();
    }

    /** A cleared order from the pool. */
    Order newOrder()
    {
        return orderPool.acquire();
    }

    /** Puts an accepted order into its book, the id index, its account's list and the live list; arms its expiry. */
    void rest(final Order order)
    {
        order.open = true;
        final PriceLevel level = sideOf(order).levelFor(order.price);
        if (config.plantedBug() == PlantedBug.LIFO_AT_LEVEL)
        {
            level.prepend(order);
        }
        else
        {
            level.append(order);
        }
        openOrders.put(order.id, order);
        account(order.account).addOpen(order);
        linkLive(order);
        if (order.expiresAt != 0)
        {
            order.expiryTimer = timers.push(order.expiresAt, TimerQueue.ORDER_EXPIRY, order.id);
        }
    }

    /**
     * The order stops being open: out of its level (which the caller publishes and prunes), the
     * index and its account. An ask's free GPUs retire now; it stays live (draining) while GPUs
     * are out on lease.
     */
    void close(final Order order, final OrderStatus status)
    {
        final PriceLevel level = order.level;
        if (level != null)
        {
            level.remove(order);
        }
        openOrders.remove(order.id);
        if (order.expiresAt != 0)
        {
            timers.cancel(order.expiryTimer, TimerQueue.ORDER_EXPIRY, order.id);
        }
        order.inAccount.unlink();
        order.open = false;
        clientOrderIds.orderEnded(order, status, order.remaining);
        if (order.isBid())
        {
            release(order);
        }
        else
        {
            order.retired += order.remaining;
            order.remaining = 0;
            releaseIfDrained(order);
        }
    }

    /** Closes a resting order and publishes its level: the common tail of cancel and expiry. */
    void closeAndPublish(final Order order, final OrderStatus status)
    {
        final BookSide side = sideOf(order);
        final PriceLevel level = order.level;
        close(order, status);
        publish(side, level);
        pruneIfEmpty(side, level);
    }

    void releaseIfDrained(final Order ask)
    {
        if (!ask.open && ask.leased == 0)
        {
            release(ask);
        }
    }

    /** Returns an order that is no longer open or draining to the pool. */
    void release(final Order order)
    {
        if (order.inLive.isLinked())
        {
            live.remove(order.inLive);
        }
        order.clear();
        orderPool.release(order);
    }

    void publish(final BookSide side, final PriceLevel level)
    {
        listener.bookChanged(now, side.instrument(), side.side(), level.price(), level.gpus(), level.activeOrders());
        modes.bookChanged(side.instrument(), now);
    }

    void pruneIfEmpty(final BookSide side, final PriceLevel level)
    {
        if (level.isEmpty())
        {
            side.removeLevel(level);
        }
    }

    Account account(final long id)
    {
        Account account = accounts.get(id);
        if (account == null)
        {
            account = new Account(id);
            accounts.put(id, account);
        }
        return account;
    }

    void linkLive(final Order order)
    {
        live.append(order.inLive);
    }
}
