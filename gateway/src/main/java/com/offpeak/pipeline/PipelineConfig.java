package com.offpeak.pipeline;

import com.offpeak.journal.Durability;
import java.nio.file.Path;

/**
 * Everything the pipeline can be tuned with.
 *
 * @param dataDir          journals and snapshots live here
 * @param durability       when an acknowledged input is safe
 * @param waitStrategy     how idle stages wait
 * @param ringSize         ring slots, a power of two
 * @param snapshotEvery    take a snapshot after every input whose sequence is a multiple of this (0: only on request)
 * @param snapshotsKept    how many snapshot files to keep
 * @param clockSpeed       engine time runs this many times faster than the wall clock (1 = real time)
 * @param tickEveryMillis  wall-clock period of TIMER_TICK inputs (0: no clock thread)
 */
public record PipelineConfig(Path dataDir, Durability durability, WaitStrategyKind waitStrategy, int ringSize, long snapshotEvery,
                             int snapshotsKept, double clockSpeed, long tickEveryMillis)
{
    public PipelineConfig
    {
        if (Integer.bitCount(ringSize) != 1)
        {
            throw new IllegalArgumentException("ringSize must be a power of two, was " + ringSize);
        }
        if (snapshotEvery < 0 || snapshotsKept < 1 || tickEveryMillis < 0)
        {
            throw new IllegalArgumentException("snapshotEvery and tickEveryMillis must be >= 0 and snapshotsKept >= 1");
        }
    }

    /** Async durability, blocking waits, 64k slots, a snapshot every million inputs, ticks every 100 ms of real time. */
    public static PipelineConfig defaults(final Path dataDir)
    {
        return new PipelineConfig(dataDir, Durability.ASYNC, WaitStrategyKind.BLOCKING, 1 << 16, 1_000_000, 3, 1.0, 100);
    }

    public PipelineConfig withDurability(final Durability value)
    {
        return new PipelineConfig(dataDir, value, waitStrategy, ringSize, snapshotEvery, snapshotsKept, clockSpeed, tickEveryMillis);
    }

    public PipelineConfig withWaitStrategy(final WaitStrategyKind value)
    {
        return new PipelineConfig(dataDir, durability, value, ringSize, snapshotEvery, snapshotsKept, clockSpeed, tickEveryMillis);
    }

    public PipelineConfig withRingSize(final int value)
    {
        return new PipelineConfig(dataDir, durability, waitStrategy, value, snapshotEvery, snapshotsKept, clockSpeed, tickEveryMillis);
    }

    public PipelineConfig withSnapshotEvery(final long value)
    {
        return new PipelineConfig(dataDir, durability, waitStrategy, ringSize, value, snapshotsKept, clockSpeed, tickEveryMillis);
    }

    public PipelineConfig withClockSpeed(final double value)
    {
        return new PipelineConfig(dataDir, durability, waitStrategy, ringSize, snapshotEvery, snapshotsKept, value, tickEveryMillis);
    }

    public PipelineConfig withTickEveryMillis(final long value)
    {
        return new PipelineConfig(dataDir, durability, waitStrategy, ringSize, snapshotEvery, snapshotsKept, clockSpeed, value);
    }
}
