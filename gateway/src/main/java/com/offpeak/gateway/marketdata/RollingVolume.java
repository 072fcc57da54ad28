package com.offpeak.gateway.marketdata;

import java.util.Arrays;

/**
 * Traded volume and VWAP over the trailing 24 hours of engine time, in one-minute buckets so
 * that old trades fall out without a per-trade history. Sums are recomputed over the buckets
 * (never kept by add-and-subtract), so nothing drifts.
 */
public final class RollingVolume
{
    private static final long MINUTE = 60_000L;
    private static final int BUCKETS = 24 * 60;

    private final long[] minute = new long[BUCKETS];
    private final long[] gpuMinutes = new long[BUCKETS];
    private final long[] priceGpuMinutes = new long[BUCKETS];
    private long sumGpuMinutes;
    private long sumPriceGpuMinutes;

    public RollingVolume()
    {
        Arrays.fill(minute, Long.MIN_VALUE);
    }

    public void trade(final long time, final long price, final long tradeGpuMinutes)
    {
        final long tradeMinute = Math.floorDiv(time, MINUTE);
        final int slot = (int)Math.floorMod(tradeMinute, BUCKETS);
        if (minute[slot] != tradeMinute)
        {
            minute[slot] = tradeMinute;
            gpuMinutes[slot] = 0;
            priceGpuMinutes[slot] = 0;
        }
        gpuMinutes[slot] += tradeGpuMinutes;
        priceGpuMinutes[slot] += price * tradeGpuMinutes;
    }

    /** Recomputes the window ending at {@code now}: the 1440 minutes up to and including now's minute. */
    public void roll(final long now)
    {
        final long nowMinute = Math.floorDiv(now, MINUTE);
        long volume = 0;
        long weighted = 0;
        for (int i = 0; i < BUCKETS; i++)
        {
            if (minute[i] > nowMinute - BUCKETS && minute[i] <= nowMinute)
            {
                volume += gpuMinutes[i];
                weighted += priceGpuMinutes[i];
            }
        }
        sumGpuMinutes = volume;
        sumPriceGpuMinutes = weighted;
    }

    public long gpuMinutes()
    {
        return sumGpuMinutes;
    }

    /** Volume-weighted average price in micro-USD per GPU-hour (floor), 0 without trades. */
    public long vwap()
    {
        return sumGpuMinutes == 0 ? 0 : sumPriceGpuMinutes / sumGpuMinutes;
    }
}
