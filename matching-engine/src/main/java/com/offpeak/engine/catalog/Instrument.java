package com.offpeak.engine.catalog;

/**
 * A GPU class traded as one order book. {@code index} is the instrument's position in the
 * catalog, the number commands and events carry; {@code id} is its name on the wire.
 */
public record Instrument(
    int index,
    String id,
    String generation,
    int year,
    int memoryGb,
    Interconnect interconnect,
    int gpusPerNode,
    long tickSize,
    int minDurationMinutes,
    int maxGpus,
    int maxDurationMinutes)
{
    public static final long MILLIS_PER_MINUTE = 60_000L;

    public Instrument
    {
        if (tickSize <= 0 || minDurationMinutes <= 0 || maxGpus <= 0 || gpusPerNode <= 0 || maxDurationMinutes < minDurationMinutes)
        {
            throw new IllegalArgumentException("instrument " + id + ": tick, durations, GPU limits must be positive and ordered");
        }
    }

    public long minDurationMillis()
    {
        return minDurationMinutes * MILLIS_PER_MINUTE;
    }

    /** An order or quote quantity this instrument accepts: 1 to {@link #maxGpus()} GPUs. */
    public boolean allowsGpus(final int gpus)
    {
        return gpus >= 1 && gpus <= maxGpus;
    }

    /** A lease duration this instrument accepts, in whole minutes between its minimum and maximum. */
    public boolean allowsDuration(final int minutes)
    {
        return minutes >= minDurationMinutes && minutes <= maxDurationMinutes;
    }
}
