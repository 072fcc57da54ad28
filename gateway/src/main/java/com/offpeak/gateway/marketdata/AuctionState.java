package com.offpeak.gateway.marketdata;

/**
 * One instrument's call-auction state as the public sees it (docs/auction.md): the interval in
 * force (0 = continuous), a switch waiting for its boundary, the indicative price and volume while
 * orders collect, and the last clear.
 */
public final class AuctionState
{
    private int intervalSeconds;
    private int pendingIntervalSeconds;
    private long pendingEffectiveAt;
    private long indicativePrice;
    private int indicativeGpus;
    private long lastClearTime;
    private long lastClearPrice;
    private int lastClearGpus;

    void modeChanged(final long time, final int auctionIntervalSeconds, final long effectiveAt)
    {
        if (effectiveAt > time)
        {
            pendingIntervalSeconds = auctionIntervalSeconds;
            pendingEffectiveAt = effectiveAt;
            return;
        }
        intervalSeconds = auctionIntervalSeconds;
        pendingEffectiveAt = 0;
        pendingIntervalSeconds = 0;
        if (auctionIntervalSeconds == 0)
        {
            // Continuous again: no book collects, so nothing is indicated.
            indicativePrice = 0;
            indicativeGpus = 0;
        }
    }

    void indicative(final long price, final int gpus)
    {
        indicativePrice = price;
        indicativeGpus = gpus;
    }

    void cleared(final long time, final long price, final int gpus)
    {
        lastClearTime = time;
        lastClearPrice = price;
        lastClearGpus = gpus;
    }

    /** True once the instrument was ever switched (or asked to switch) away from continuous matching. */
    public boolean everAuctioned()
    {
        return intervalSeconds != 0 || pendingEffectiveAt != 0 || lastClearTime != 0;
    }

    public int intervalSeconds()
    {
        return intervalSeconds;
    }

    public boolean switchPending()
    {
        return pendingEffectiveAt != 0;
    }

    public int pendingIntervalSeconds()
    {
        return pendingIntervalSeconds;
    }

    public long pendingEffectiveAt()
    {
        return pendingEffectiveAt;
    }

    public long indicativePrice()
    {
        return indicativePrice;
    }

    public int indicativeGpus()
    {
        return indicativeGpus;
    }

    public long lastClearTime()
    {
        return lastClearTime;
    }

    public long lastClearPrice()
    {
        return lastClearPrice;
    }

    public int lastClearGpus()
    {
        return lastClearGpus;
    }
}
