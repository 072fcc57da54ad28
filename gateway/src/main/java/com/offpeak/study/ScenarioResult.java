package com.offpeak.study;

/**
 * What one simulated scenario measured, in exact integer units (GPU-milliseconds, GPU-minutes,
 * micro-USD); ratios are derived only when reported. Instrument index {@link #ALL} sums every class.
 */
final class ScenarioResult
{
    static final int ALL = -1;
    static final int HOURS_PER_DAY = 24;

    final String name;
    final String[] instrumentIds;
    final int days;
    /** GPU-ms offered (free in open asks + leased) and leased, by instrument and hour since the start. */
    final long[][] offeredGpuMillis;
    final long[][] leasedGpuMillis;
    /** Traded GPU-minutes and Σ price × GPU-minutes, by instrument and hour of day of the fill. */
    final long[][] tradedGpuMinutes;
    final long[][] tradedValue;
    /** Deferrable bids accepted, GPUs they asked for and GPUs filled, by slack bucket. */
    final long[] deferrableBids = new long[SlackBucket.COUNT];
    final long[] deferrableRequestedGpus = new long[SlackBucket.COUNT];
    final long[] deferrableFilledGpus = new long[SlackBucket.COUNT];
    long urgentBids;
    long urgentRequestedGpus;
    long urgentFilledGpus;
    long rejectedOrders;
    /** Leases taken over by preemption, by day and instrument. */
    final int[][] preemptions;

    ScenarioResult(final String name, final String[] instrumentIds, final int days)
    {
        this.name = name;
        this.instrumentIds = instrumentIds;
        this.days = days;
        offeredGpuMillis = new long[instrumentIds.length][days * HOURS_PER_DAY];
        leasedGpuMillis = new long[instrumentIds.length][days * HOURS_PER_DAY];
        tradedGpuMinutes = new long[instrumentIds.length][HOURS_PER_DAY];
        tradedValue = new long[instrumentIds.length][HOURS_PER_DAY];
        preemptions = new int[days][instrumentIds.length];
    }

    int instruments()
    {
        return instrumentIds.length;
    }

    /** GPU-hours offered in hour {@code hourOfDay} summed over every day; {@code day} < 0 for all days. */
    double offeredGpuHours(final int instrument, final int day, final int hourOfDay)
    {
        return sum(offeredGpuMillis, instrument, day, hourOfDay) / (double)StudyTime.HOUR;
    }

    double leasedGpuHours(final int instrument, final int day, final int hourOfDay)
    {
        return sum(leasedGpuMillis, instrument, day, hourOfDay) / (double)StudyTime.HOUR;
    }

    /** Leased / offered GPU-hours; {@code day} or {@code hourOfDay} < 0 means all of them. */
    double utilisation(final int instrument, final int day, final int hourOfDay)
    {
        final long offered = sum(offeredGpuMillis, instrument, day, hourOfDay);
        return offered == 0 ? 0 : (double)sum(leasedGpuMillis, instrument, day, hourOfDay) / offered;
    }

    /** Volume-weighted average price in USD per GPU-hour, or NaN when nothing traded. */
    double vwapUsd(final int instrument, final int hourOfDay)
    {
        long value = 0;
        long volume = 0;
        for (int i = 0; i < instruments(); i++)
        {
            if (instrument == ALL || instrument == i)
            {
                for (int h = 0; h < HOURS_PER_DAY; h++)
                {
                    if (hourOfDay < 0 || hourOfDay == h)
                    {
                        value += tradedValue[i][h];
                        volume += tradedGpuMinutes[i][h];
                    }
                }
            }
        }
        return volume == 0 ? Double.NaN : value / (double)volume / 1e6;
    }

    double tradedGpuHours(final int instrument, final int hourOfDay)
    {
        return tradedGpuMinutes[instrument][hourOfDay] / 60.0;
    }

    double deferrableFillRate(final int bucket)
    {
        return deferrableRequestedGpus[bucket] == 0 ? 0 : (double)deferrableFilledGpus[bucket] / deferrableRequestedGpus[bucket];
    }

    double deferrableFillRate()
    {
        long requested = 0;
        long filled = 0;
        for (int b = 0; b < SlackBucket.COUNT; b++)
        {
            requested += deferrableRequestedGpus[b];
            filled += deferrableFilledGpus[b];
        }
        return requested == 0 ? 0 : (double)filled / requested;
    }

    double urgentFillRate()
    {
        return urgentRequestedGpus == 0 ? 0 : (double)urgentFilledGpus / urgentRequestedGpus;
    }

    int preemptions(final int day, final int instrument)
    {
        int count = 0;
        for (int i = 0; i < instruments(); i++)
        {
            if (instrument == ALL || instrument == i)
            {
                count += preemptions[day][i];
            }
        }
        return count;
    }

    int preemptions()
    {
        int count = 0;
        for (int d = 0; d < days; d++)
        {
            count += preemptions(d, ALL);
        }
        return count;
    }

    private long sum(final long[][] byHour, final int instrument, final int day, final int hourOfDay)
    {
        long total = 0;
        for (int i = 0; i < instruments(); i++)
        {
            if (instrument != ALL && instrument != i)
            {
                continue;
            }
            for (int hour = 0; hour < byHour[i].length; hour++)
            {
                if ((day < 0 || hour / HOURS_PER_DAY == day) && (hourOfDay < 0 || hour % HOURS_PER_DAY == hourOfDay))
                {
                    total += byHour[i][hour];
                }
            }
        }
        return total;
    }
}
