package com.offpeak.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline's own stage allocates nothing per input once warm: the publisher (input journal,
 * output journal, acknowledgement), on a thread of its own in the two-thread layout, measured with
 * the JVM's per-thread allocation counters over 50,000 inputs after a warm-up. (The logic thread's figure includes the engine's and ledger's
 * growth as their state grows, so it is not asserted here; both are tested for zero allocation in
 * their own modules.)
 */
class AllocationTest
{
    private static final String[] OWN_STAGES = {"offpeak-publisher"};

    @TempDir
    Path data;

    @Test
    void ownStagesAllocateNothingPerInputWhenWarm() throws Exception
    {
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        try (Pipeline pipeline = Pipeline.start(PipelineConfig.defaults(data).withTickEveryMillis(0).withSnapshotEvery(0)
            .withRingSize(1024).withStageThreads(2), Load.EXCHANGE))
        {
            Load.run(pipeline, 1, 50_000, 1); // warm-up: JIT, output buffers grown, journal files mapped
            final Map<String, Long> before = allocatedByStage(threads);
            Load.run(pipeline, 1, 50_000, 2);
            final Map<String, Long> after = allocatedByStage(threads);
            for (final String stage : OWN_STAGES)
            {
                // Under one byte per input: any per-input allocation is at least 16 bytes each (800 KB here). The
                // slack covers what does not grow with inputs: the counter itself, a JIT deoptimisation, and
                // Chronicle mapping the next chunk of a journal file when a run crosses one (a few KB, now and then).
                assertThat(after.get(stage) - before.get(stage)).as("bytes allocated by %s over 50,000 inputs", stage)
                    .isLessThan(50_000);
            }
        }
    }

    private static Map<String, Long> allocatedByStage(final ThreadMXBean threads)
    {
        final Map<String, Long> allocated = new HashMap<>();
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            allocated.put(thread.getName(), threads.getThreadAllocatedBytes(thread.getId()));
        }
        return allocated;
    }
}
