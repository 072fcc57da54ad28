package com.offpeak.gateway.marketdata;

import java.util.Arrays;

/**
 * GPU-time posted and leased over trailing windows of engine time (1 h, 24 h, 7 d), integrated
 * from the GPU counts as they change: each change first accrues the time since the last one at the
 * old counts into one-minute buckets (GPU-milliseconds), so a window's sum is exact up to now and
 * old minutes fall out without a per-event history. Sums are recomputed over the buckets.
 */
public final class UtilisationWindows
{
    public static final int HOUR = 0;
    public static final int DAY = 1;
    public static final int WEEK = 2;
    private static final long MINUTE = 60_000L;
    private static final int[] WINDOW_MINUTES = {60, 24 * 60, 7 * 24 * 60};
    private static final int BUCKETS = 7 * 24 * 60;

    private final long[] minute = new long[BUCKETS];
    private final long[] postedGpuMillis = new long[BUCKETS];
    private final long[] leasedGpuMillis = new long[BUCKETS];
    private final long[] postedSum = new long[WINDOW_MINUTES.length];
    private final long[] leasedSum = new long[WINDOW_MINUTES.length];
    /** Engine time accrued up to; before the first event there is nothing to accrue. */
    private long accruedTo = Long.MIN_VALUE;

    public UtilisationWindows()
    {
        Arrays.fill(minute, Long.MIN_VALUE);
    }

    /** Accrues {@code posted} and {@code leased} GPUs (the counts in force since the last call) up to {@code now}. */
    void accrue(final long now, final long posted, final long leased)
    {
        if (accruedTo == Long.MIN_VALUE || now <= accruedTo)
        {
            accruedTo = Math.max(accruedTo, now);
            return;
        }
        // Minutes older than the longest window never show again: skip them after a long quiet spell.
        long from = Math.max(accruedTo, now - BUCKETS * MINUTE);
        while (from < now)
        {
            final long fromMinute = Math.floorDiv(from, MINUTE);
            final long to = Math.min(now, (fromMinute + 1) * MINUTE);
            final int slot = slot(fromMinute);
            postedGpuMillis[slot] += posted * (to - from);
            leasedGpuMillis[slot] += leased * (to - from);
            from = to;
        }
        accruedTo = now;
    }

    /** Recomputes every window ending at {@code now} (after {@link #accrue} to now). */
    void roll(final long now)
    {
        final long nowMinute = Math.floorDiv(now, MINUTE);
        Arrays.fill(postedSum, 0);
        Arrays.fill(leasedSum, 0);
        for (int i = 0; i < BUCKETS; i++)
        {
            final long age = nowMinute - minute[i];
            for (int w = 0; w < WINDOW_MINUTES.length; w++)
            {
                if (age >= 0 && age < WINDOW_MINUTES[w])
                {
                    postedSum[w] += postedGpuMillis[i];
                    leasedSum[w] += leasedGpuMillis[i];
                }
            }
        }
    }

    public static int windows()
    {
        return WINDOW_MINUTES.length;
    }

    public static String name(final int window)
    {
        return switch (window)
        {
            case HOUR -> "1h";
            case DAY -> "24h";
            default -> "7d";
        };
    }

    /** GPU-milliseconds offered (free or leased) in the window. */
    public long postedGpuMillis(final int window)
    {
        return postedSum[window];
    }

    public long leasedGpuMillis(final int window)
    {
        return leasedSum[window];
    }

    private int slot(final long absoluteMinute)
    {
        final int slot = (int)Math.floorMod(absoluteMinute, BUCKETS);
        if (minute[slot] != absoluteMinute)
        {
            minute[slot] = absoluteMinute;
            postedGpuMillis[slot] = 0;
            leasedGpuMillis[slot] = 0;
        }
        return slot;
    }
}
