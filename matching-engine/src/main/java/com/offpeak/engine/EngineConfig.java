package com.offpeak.engine;

import com.offpeak.engine.auction.AuctionIntervals;

/**
 * Engine parameters that are part of its deterministic behaviour, so they are journaled with (or
 * fixed for) a replay: how long a clientOrderId is remembered, how many orders may rest, and the
 * planted bug (always {@link PlantedBug#NONE} outside mutation tests), how much notice a
 * preempted lease gets, and the market mode each instrument starts in (all continuous by default).
 * Two are sizing hints only, with no effect on behaviour: {@code clientOrderIdCapacity}, the
 * clientOrderId records preallocated (rounded up to a power of two; the buffer doubles when a
 * retention window holds more, so a process that records many should start big enough to never grow
 * in steady state), and {@code preallocatedOrders}, the orders and the leases made before the first
 * command. An order or lease made later, when more are open than were made, lives as long as it
 * stays in use — hours for a lease — and a young collection copies it each time it survives one, so
 * a process expecting many open orders and leases should make them up front.
 */
public record EngineConfig(long clientOrderIdRetentionMillis, int maxOpenOrders, PlantedBug plantedBug, long preemptionNoticeMillis,
    AuctionIntervals auctionIntervals, int clientOrderIdCapacity, int preallocatedOrders)
{
    public static final long DEFAULT_RETENTION_MILLIS = 24L * 60 * 60 * 1000;
    public static final int DEFAULT_MAX_OPEN_ORDERS = 1_000_000;
    public static final long DEFAULT_PREEMPTION_NOTICE_MILLIS = 5L * 60 * 1000;
    /** Modest (about 6 MB of records and index): tests create many engines. */
    public static final int DEFAULT_CLIENT_ORDER_ID_CAPACITY = 1 << 16;
    /** Most clientOrderId records an engine can hold: beyond it the index would not fit in one array. */
    public static final int MAX_CLIENT_ORDER_ID_CAPACITY = 1 << 29;
    /** About 300 KB of orders and leases: tests create many engines. */
    public static final int DEFAULT_PREALLOCATED_ORDERS = 1024;
    public static final EngineConfig DEFAULT = new EngineConfig(DEFAULT_RETENTION_MILLIS, DEFAULT_MAX_OPEN_ORDERS, PlantedBug.NONE,
        DEFAULT_PREEMPTION_NOTICE_MILLIS, AuctionIntervals.ALL_CONTINUOUS, DEFAULT_CLIENT_ORDER_ID_CAPACITY, DEFAULT_PREALLOCATED_ORDERS);

    public EngineConfig
    {
        if (clientOrderIdRetentionMillis < 0 || maxOpenOrders < 0 || plantedBug == null || auctionIntervals == null)
        {
            throw new IllegalArgumentException("retention and max open orders must be >= 0, plantedBug and auctionIntervals non-null");
        }
        // At least 1 ms: a notice ending at the command's own time would be a timer already overdue.
        if (preemptionNoticeMillis < 1)
        {
            throw new IllegalArgumentException("preemption notice must be at least 1 ms");
        }
        if (clientOrderIdCapacity < 1 || clientOrderIdCapacity > MAX_CLIENT_ORDER_ID_CAPACITY)
        {
            throw new IllegalArgumentException("clientOrderId capacity must be 1 to " + MAX_CLIENT_ORDER_ID_CAPACITY);
        }
        if (preallocatedOrders < 0)
        {
            throw new IllegalArgumentException("preallocated orders must be >= 0");
        }
    }

    public EngineConfig withRetentionMillis(final long millis)
    {
        return new EngineConfig(millis, maxOpenOrders, plantedBug,
            preemptionNoticeMillis, auctionIntervals, clientOrderIdCapacity, preallocatedOrders);
    }

    public EngineConfig withMaxOpenOrders(final int n)
    {
        return new EngineConfig(clientOrderIdRetentionMillis, n, plantedBug,
            preemptionNoticeMillis, auctionIntervals, clientOrderIdCapacity, preallocatedOrders);
    }

    public EngineConfig withPlantedBug(final PlantedBug bug)
    {
        return new EngineConfig(clientOrderIdRetentionMillis, maxOpenOrders, bug,
            preemptionNoticeMillis, auctionIntervals, clientOrderIdCapacity, preallocatedOrders);
    }

    public EngineConfig withPreemptionNoticeMillis(final long millis)
    {
        return new EngineConfig(clientOrderIdRetentionMillis, maxOpenOrders, plantedBug,
            millis, auctionIntervals, clientOrderIdCapacity, preallocatedOrders);
    }

    public EngineConfig withAuctionIntervals(final AuctionIntervals intervals)
    {
        return new EngineConfig(clientOrderIdRetentionMillis, maxOpenOrders, plantedBug,
            preemptionNoticeMillis, intervals, clientOrderIdCapacity, preallocatedOrders);
    }

    public EngineConfig withClientOrderIdCapacity(final int capacity)
    {
        return new EngineConfig(clientOrderIdRetentionMillis, maxOpenOrders, plantedBug,
            preemptionNoticeMillis, auctionIntervals, capacity, preallocatedOrders);
    }

    public EngineConfig withPreallocatedOrders(final int count)
    {
        return new EngineConfig(clientOrderIdRetentionMillis, maxOpenOrders, plantedBug,
            preemptionNoticeMillis, auctionIntervals, clientOrderIdCapacity, count);
    }
}
