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
 * @param snapshotEvery    a snapshot after every input whose sequence is a multiple of this, taken by the
 *                         {@link SnapshotReplica} off the engine's thread (0: only on request, and no replica)
 * @param snapshotsKept    how many snapshot files to keep
 * @param clockSpeed       engine time runs this many times faster than the wall clock (1 = real time)
 * @param tickEveryMillis  wall-clock period of TIMER_TICK inputs (0: no clock thread)
 * @param stageThreads     1: one thread runs the logic and then journals and publishes each batch; 2: the logic
 *                         and the journal-and-publish stage on threads of their own (for machines with cores to spare)
 * @param pretouch         a {@link com.offpeak.journal.Pretoucher} thread faults the journal files in ahead of their writer, so
 *                         the stage thread never waits for the kernel to zero-fill or map pages (off: the writers fault their pages in
 *                         themselves, one at a time, without read-ahead ({@code journal.WriterMapping}): a shorter tail for
 *                         a yielding pipeline, two fifths less throughput)
 */
public record PipelineConfig(Path dataDir, Durability durability, WaitStrategyKind waitStrategy, int ringSize, long snapshotEvery,
                             int snapshotsKept, double clockSpeed, long tickEveryMillis, int stageThreads,
                             boolean pretouch)
{
    public static final long DEFAULT_SNAPSHOT_EVERY = 1_000_000;

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
        if (stageThreads != 1 && stageThreads != 2)
        {
            throw new IllegalArgumentException("stageThreads must be 1 or 2, was " + stageThreads);
        }
    }

    /**
     * Async durability, blocking waits, 8k slots (enough to absorb bursts, few enough that the slots stay in
     * cache), a snapshot every million inputs, ticks every 100 ms of real time, one stage thread, journals pretouched.
     */
    public static PipelineConfig defaults(final Path dataDir)
    {
        return new PipelineConfig(dataDir, Durability.ASYNC, WaitStrategyKind.BLOCKING, 1 << 13, DEFAULT_SNAPSHOT_EVERY, 3, 1.0, 100, 1, true);
    }

    public PipelineConfig withDurability(final Durability value)
    {
        return new PipelineConfig(dataDir, value, waitStrategy, ringSize, snapshotEvery, snapshotsKept, clockSpeed, tickEveryMillis, stageThreads,
            pretouch);
    }

    public PipelineConfig withWaitStrategy(final WaitStrategyKind value)
    {
        return new PipelineConfig(dataDir, durability, value, ringSize, snapshotEvery, snapshotsKept, clockSpeed, tickEveryMillis, stageThreads,
            pretouch);
    }

    public PipelineConfig withRingSize(final int value)
    {
        return new PipelineConfig(dataDir, durability, waitStrategy, value, snapshotEvery, snapshotsKept, clockSpeed, tickEveryMillis, stageThreads,
            pretouch);
    }

    public PipelineConfig withSnapshotEvery(final long value)
    {
        return new PipelineConfig(dataDir, durability, waitStrategy, ringSize, value, snapshotsKept, clockSpeed, tickEveryMillis, stageThreads,
            pretouch);
    }

    public PipelineConfig withClockSpeed(final double value)
    {
        return new PipelineConfig(dataDir, durability, waitStrategy, ringSize, snapshotEvery, snapshotsKept, value, tickEveryMillis, stageThreads,
            pretouch);
    }

    public PipelineConfig withStageThreads(final int value)
    {
        return new PipelineConfig(dataDir, durability, waitStrategy, ringSize, snapshotEvery, snapshotsKept, clockSpeed, tickEveryMillis, value,
            pretouch);
    }

    public PipelineConfig withTickEveryMillis(final long value)
    {
        return new PipelineConfig(dataDir, durability, waitStrategy, ringSize, snapshotEvery, snapshotsKept, clockSpeed, value, stageThreads,
            pretouch);
    }

    public PipelineConfig withPretouch(final boolean value)
    {
        return new PipelineConfig(dataDir, durability, waitStrategy, ringSize, snapshotEvery, snapshotsKept, clockSpeed, tickEveryMillis, stageThreads,
            value);
    }
}
