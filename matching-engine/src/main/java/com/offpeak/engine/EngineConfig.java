package com.offpeak.engine;

import com.offpeak.engine.auction.AuctionIntervals;

/**
 * Engine parameters that are part of its deterministic behaviour, so they are journaled with (or
 * fixed for) a replay: how long a clientOrderId is remembered, how many orders may rest, and the
 * planted bug (always {@link PlantedBug#NONE} outside mutation tests), how much notice a
 * preempted lease gets, and the market mode each instrument starts in (all continuous by default).
 * One is a sizing hint only, with no effect on behaviour: {@code clientOrderIdCapacity}, the
 * clientOrderId records preallocated (rounded up to a power of two; the buffer doubles when a
 * retention window holds more, so a process that records many should start big enough to never grow
 * in steady state).
 */
public record EngineConfig(long clientOrderIdRetentionMillis, int maxOpenOrders, PlantedBug plantedBug, long preemptionNoticeMillis,
    AuctionIntervals auctionIntervals, int clientOrderIdCapacity)
{
    public static final long DEFAULT_RETENTION_MILLIS = 24L * 60 * 60 * 1000;
    public static final int DEFAULT_MAX_OPEN_ORDERS = 1_000_000;
    public static final long DEFAULT_PREEMPTION_NOTICE_MILLIS = 5L * 60 * 1000;
    /** Modest (about 6 MB of records and index): tests create many engines. */
    public static final int DEFAULT_CLIENT_ORDER_ID_CAPACITY = 1 << 16;
    /** Most clientOrderId records an engine can hold: beyond it the index would not fit in one array. */
    public static final int MAX_CLIENT_ORDER_ID_CAPACITY = 1 << 29;
    public static final EngineConfig DEFAULT = new EngineConfig(DEFAULT_RETENTION_MILLIS, DEFAULT_MAX_OPEN_ORDERS, PlantedBug.NONE,
        DEFAULT_PREEMPTION_NOTICE_MILLIS, AuctionIntervals.ALL_CONTINUOUS, DEFAULT_CLIENT_ORDER_ID_CAPACITY);

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
    }

    public EngineConfig withRetentionMillis(final long millis)
    {
        return new EngineConfig(millis, maxOpenOrders, plantedBug,
            preemptionNoticeMillis, auctionIntervals, clientOrderIdCapacity);
    }

    public EngineConfig withMaxOpenOrders(final int n)
    {
        return new EngineConfig(clientOrderIdRetentionMillis, n, plantedBug,
            preemptionNoticeMillis, auctionIntervals, clientOrderIdCapacity);
    }

    public EngineConfig withPlantedBug(final PlantedBug bug)
    {
        return new EngineConfig(clientOrderIdRetentionMillis, maxOpenOrders, bug,
            preemptionNoticeMillis, auctionIntervals, clientOrderIdCapacity);
    }

    public EngineConfig withPreemptionNoticeMillis(final long millis)
    {
        return new EngineConfig(clientOrderIdRetentionMillis, maxOpenOrders, plantedBug,
            millis, auctionIntervals, clientOrderIdCapacity);
    }

    public EngineConfig withAuctionIntervals(final AuctionIntervals intervals)
    {
        return new EngineConfig(clientOrderIdRetentionMillis, maxOpenOrders, plantedBug,
            preemptionNoticeMillis, intervals, clientOrderIdCapacity);
    }

    public EngineConfig withClientOrderIdCapacity(final int capacity)
    {
        return new EngineConfig(clientOrderIdRetentionMillis, maxOpenOrders, plantedBug,
            preemptionNoticeMillis, auctionIntervals, capacity);
    }
}
