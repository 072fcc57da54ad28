package com.offpeak.bench.pipeline;

import com.offpeak.engine.EngineConfig;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.ledger.LedgerConfig;
import com.offpeak.pipeline.Exchange;
import com.offpeak.pipeline.JournalReplay;
import com.offpeak.pipeline.StateMachine;
import com.offpeak.pipeline.StateMachineFactory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * Replays one existing data directory's input journal (e.g. a {@link PipelineBenchmark} throughput
 * run's) again and again, so replay alone can be timed and profiled without producing a journal
 * first. The first run also digests every output byte: two builds that print the same digest and
 * state hash replayed identically. CPU time per input is the replaying thread's own: on this shared
 * 2-core machine it varies less than wall time with what else runs.
 * Usage: {@code ReplayBenchmark dataDir [runs]}.
 */
public final class ReplayBenchmark
{
    private static final StateMachineFactory EXCHANGE = Exchange.factory(Catalog.loadDefault(), EngineConfig.DEFAULT,
        new LedgerConfig(10, 20));
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ReplayBenchmark()
    {
    }

    public static void main(final String[] args)
    {
        final Path dir = Path.of(args[0]);
        final int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        for (int run = 1; run <= runs; run++)
        {
            final OutputDigest digest = run == 1 ? new OutputDigest() : null;
            System.gc();
            final JvmActivity jvm = JvmActivity.start();
            final long cpuAtStart = THREADS.getCurrentThreadCpuTime();
            final long start = System.nanoTime();
            try (JournalReplay replay = new JournalReplay(dir).fromStart(EXCHANGE.create()))
            {
                replay.toEnd(digest == null ? (input, output, length) -> { } : digest);
                final long nanos = System.nanoTime() - start;
                final long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuAtStart;
                final StateMachine state = replay.stateMachine();
                System.out.printf("replay run %d: %,d inputs in %.2f s = %,.0f inputs/s, %.0f ns CPU per input (%s), stateHash %x%s%n", run,
                    replay.replayed(), nanos / 1e9, replay.replayed() * 1e9 / nanos, (double)cpuNanos / replay.replayed(), jvm.since(), state.stateHash(),
                    digest == null ? "" : String.format(", output digest %x over %,d bytes", digest.value(), digest.bytes()));
            }
        }
    }
}
