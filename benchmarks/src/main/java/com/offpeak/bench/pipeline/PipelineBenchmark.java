package com.offpeak.bench.pipeline;

import com.offpeak.bench.engine.CommandStream;
import com.offpeak.bench.engine.ForkedGenerator;
import com.offpeak.bench.engine.OutputTally;
import com.offpeak.bench.engine.Workload;
import com.offpeak.engine.EngineConfig;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.journal.Durability;
import com.offpeak.ledger.LedgerConfig;
import com.offpeak.pipeline.Acknowledger;
import com.offpeak.pipeline.Exchange;
import com.offpeak.pipeline.InputCommand;
import com.offpeak.pipeline.InputWriter;
import com.offpeak.pipeline.JournalReplay;
import com.offpeak.pipeline.Pipeline;
import com.offpeak.pipeline.PipelineConfig;
import com.offpeak.pipeline.StateMachineFactory;
import com.offpeak.pipeline.SyntheticFlow;
import com.offpeak.pipeline.WaitStrategyKind;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * The whole pipeline with journaling on (sequencer, input journal ∥ engine + ledger, output
 * journal, acknowledgement), driven by {@link SyntheticFlow} producers:
 * <ul>
 * <li>throughput: producers submit as fast as the ring takes inputs; inputs/s from the first
 *     submit to the last acknowledgement;</li>
 * <li>latency at an offered rate: one producer sends on a fixed schedule and each latency is
 *     measured from the input's INTENDED send time to its acknowledgement, so a stall delays
 *     (and counts against) every input scheduled behind it: no coordinated omission;</li>
 * <li>replay: the journal of the throughput run replayed through the business logic.</li>
 * </ul>
 * Usage: {@code PipelineBenchmark [dataRoot] [throughputInputs] [latencySeconds (0: none)] [EXCHANGE_MIX|SYNTHETIC] [stageThreads]}.
 * System properties narrow a run to what is being looked at (the warm-up always runs):
 * {@code -Dpipeline.throughput=false} skips the measured throughput and replay runs,
 * {@code -Dpipeline.rates=200000} (comma-separated, default 10000,100000,200000; empty: no latency runs),
 * {@code -Dpipeline.durability=ASYNC} and {@code -Dpipeline.waits=YIELDING} (comma-separated, default all);
 * {@code -Dpipeline.pretouch=false} runs without the journals' pretoucher (the writers then map their files without read-ahead);
 * {@code -Dpipeline.preallocate=131072} makes the engine's and the ledger's long-lived objects up front, as {@code serve} does
 * (default: {@link EngineConfig#DEFAULT}'s count).
 */
public final class PipelineBenchmark
{
    private static final int PREALLOCATED = Integer.getInteger("pipeline.preallocate", EngineConfig.DEFAULT.preallocatedOrders());
    private static final StateMachineFactory EXCHANGE = Exchange.factory(Catalog.loadDefault(),
        EngineConfig.DEFAULT.withPreallocatedOrders(PREALLOCATED), new LedgerConfig(10, 20, PREALLOCATED));
    /** Either source fills the slot: {@code SyntheticFlow::next} or {@code ExchangeMixInputs::next}, bound once per producer. */
    private static final InputWriter<Consumer<InputCommand>> NEXT = (slot, source) -> source.accept(slot);
    private static final int PRODUCERS = 2;
    /** The pipeline's layout, a benchmark argument: 1 (the default) or 2 stage threads. */
    private static int stageThreads;

    private PipelineBenchmark()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final Path root = Path.of(args.length > 0 ? args[0] : "target/pipeline-bench");
        final int inputs = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        final int latencySeconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        final Source source = Source.valueOf(args.length > 3 ? args[3] : Source.EXCHANGE_MIX.name());
        stageThreads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        final CommandStream stream = source == Source.EXCHANGE_MIX ? ForkedGenerator.generate(Workload.EXCHANGE_MIX) : null;
        if (stream != null)
        {
            System.out.println(stream.description());
        }
        System.out.printf("cores=%d, source %s, %d stage thread(s), load average at start: %s%n", Runtime.getRuntime().availableProcessors(),
            source, stageThreads, loadAverage());

        // Warm-up, not reported: the JIT compiles the engine, ledger and journals before anything is measured.
        System.out.println("warm-up:");
        throughput(fresh(root.resolve("warm-up")), Durability.ASYNC, WaitStrategyKind.BLOCKING, inputs, stream);
        replay(root.resolve("warm-up"));
        System.out.println("measured:");
        final Durability[] durabilities = listProperty("pipeline.durability", "ASYNC,SYNC")
            .map(Durability::valueOf).toArray(Durability[]::new);
        final WaitStrategyKind[] waits = listProperty("pipeline.waits", "BLOCKING,YIELDING")
            .map(WaitStrategyKind::valueOf).toArray(WaitStrategyKind[]::new);
        final int[] rates = latencySeconds == 0 ? new int[0]
            : listProperty("pipeline.rates", "10000,100000,200000").mapToInt(Integer::parseInt).toArray();
        for (final Durability durability : Boolean.parseBoolean(System.getProperty("pipeline.throughput", "true")) ? durabilities
            : new Durability[0])
        {
            for (final WaitStrategyKind wait : waits)
            {
                final int n = durability == Durability.SYNC ? inputs / 4 : inputs;
                final Path dir = fresh(root.resolve("throughput-" + durability + "-" + wait));
                throughput(dir, durability, wait, n, stream);
                if (durability == Durability.ASYNC && wait == WaitStrategyKind.BLOCKING)
                {
                    replay(dir);
                }
            }
        }
        for (final Durability durability : durabilities)
        {
            for (final WaitStrategyKind wait : waits)
            {
                // 10k/s shows the pipeline's own latency; 100k and 200k/s are the targets' rates. 0 seconds: no latency runs.
                for (final int rate : rates)
                {
                    latency(fresh(root.resolve("latency-" + durability + "-" + wait + "-" + rate)), durability, wait, rate, latencySeconds,
                        stream);
                }
            }
        }
        System.out.printf("load average at end: %s%n", loadAverage());
    }

    /** Where the inputs come from: a benchmark argument. */
    private enum Source
    {
        /** The engine benchmark's exchange-core-like mix (~80% amends), one producer, on the stream's own timeline. */
        EXCHANGE_MIX,
        /** {@link SyntheticFlow}: 45% asks, 45% bids (a third IOC), cancels; two producers, wall-clock time. */
        SYNTHETIC
    }

    private static void throughput(final Path dir, final Durability durability, final WaitStrategyKind wait, final int inputs,
        final CommandStream stream) throws Exception
    {
        final ExchangeMixInputs mix = stream == null ? null : new ExchangeMixInputs(stream, inputs);
        final int total = mix == null ? inputs : mix.inputs();
        final int producers = mix == null ? PRODUCERS : 1;
        final CountDownLatch done = new CountDownLatch(total);
        final Acknowledger ack = (correlationId, sequence, output, length) -> done.countDown();
        final JvmActivity jvm;
        try (Pipeline pipeline = start(config(dir, durability, wait), mix))
        {
            final Thread[] threads = new Thread[producers];
            System.gc(); // the inputs just built are garbage-free from here on; collect what came before
            jvm = JvmActivity.start();
            final long cpuAtStart = processCpuNanos();
            final long start = System.nanoTime();
            for (int p = 0; p < producers; p++)
            {
                final int share = total / producers + (p < total % producers ? 1 : 0);
                final Consumer<InputCommand> source = mix != null ? mix::next : new SyntheticFlow(p, 1 + p * 1000L, 50)::next;
                threads[p] = new Thread(() ->
                {
                    for (int i = 0; i < share; i++)
                    {
                        pipeline.submit(NEXT, source, ack, i);
                    }
                }, "producer-" + p);
                threads[p].start();
            }
            done.await();
            final long nanos = System.nanoTime() - start;
            final long cpuNanos = processCpuNanos() - cpuAtStart;
            final String stageCpu = stageThreadsCpu(total) + ", " + jvm.threadsPerInput(total);
            pipeline.close();
            System.out.printf("throughput %-5s %-8s %,d inputs in %.2f s = %,.0f inputs/s, %.2f us CPU per input (%s; %d producers, %,d msyncs; %s)%n",
                durability, wait, total, nanos / 1e9, total * 1e9 / nanos, cpuNanos / 1e3 / total, stageCpu, producers,
                pipeline.inputJournalSyncs(), jvm.since());
        }
    }

    private static void latency(final Path dir, final Durability durability, final WaitStrategyKind wait, final int rate,
        final int seconds, final CommandStream stream) throws Exception
    {
        final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        final long warmupInputs = rate; // one second at the offered rate, not recorded
        final ExchangeMixInputs mix = stream == null ? null : new ExchangeMixInputs(stream, (int)(warmupInputs + (long)rate * seconds));
        final long total = mix == null ? warmupInputs + (long)rate * seconds : mix.inputs();
        final CountDownLatch warmedUp = new CountDownLatch(1);
        final CountDownLatch done = new CountDownLatch(1);
        // Runs on the publisher thread only, so the histogram has a single writer.
        final Acknowledger ack = (intendedNanos, sequence, output, length) ->
        {
            final long latency = System.nanoTime() - intendedNanos;
            if (sequence > warmupInputs)
            {
                histogram.recordValue(Math.min(latency, histogram.getHighestTrackableValue()));
            }
            if (sequence == warmupInputs)
            {
                warmedUp.countDown();
            }
            if (sequence == total)
            {
                done.countDown();
            }
        };
        final JvmActivity jvm;
        try (Pipeline pipeline = start(config(dir, durability, wait), mix))
        {
            final Consumer<InputCommand> source = mix != null ? mix::next : new SyntheticFlow(42, 1, 50)::next;
            final long interval = 1_000_000_000L / rate;
            offer(pipeline, source, ack, warmupInputs, interval);
            // The warm-up grew the new engine's pools; its garbage must not be collected inside the measured window.
            warmedUp.await();
            System.gc();
            jvm = JvmActivity.start();
            offer(pipeline, source, ack, total - warmupInputs, interval);
            done.await();
        }
        System.out.printf("latency    %-5s %-8s offered %,7d/s for %d s: p50 %6.1f us  p99 %8.1f us  p99.9 %8.1f us  max %9.1f us  (%s)%n",
            durability, wait, rate, seconds, histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(99) / 1e3,
            histogram.getValueAtPercentile(99.9) / 1e3, histogram.getMaxValue() / 1e3, jvm.since());
    }

    /**
     * Submits {@code count} inputs on a fixed schedule starting 1 ms from now; each carries its
     * intended send time, so a late submit counts against its latency.
     */
    private static void offer(final Pipeline pipeline, final Consumer<InputCommand> source, final Acknowledger ack, final long count,
        final long interval)
    {
        final long start = System.nanoTime() + 1_000_000;
        for (long i = 0; i < count; i++)
        {
            final long intended = start + i * interval;
            while (System.nanoTime() < intended)
            {
                Thread.onSpinWait();
            }
            pipeline.submit(NEXT, source, ack, intended);
        }
    }

    /** The exchange mix runs on its own timeline; the synthetic flow on the wall clock. */
    private static Pipeline start(final PipelineConfig config, final ExchangeMixInputs mix)
    {
        return mix == null ? Pipeline.start(config, EXCHANGE) : Pipeline.startWithClock(config, EXCHANGE, mix);
    }

    private static void replay(final Path dir)
    {
        for (int run = 0; run < 2; run++) // the first run warms the JIT
        {
            System.gc();
            final JvmActivity jvm = JvmActivity.start();
            final long cpuAtStart = processCpuNanos();
            final long start = System.nanoTime();
            // The first run also counts what the engine said (its timing is the warm-up's anyway).
            final OutputTally tally = new OutputTally();
            final boolean count = run == 0;
            try (JournalReplay replay = new JournalReplay(dir).fromStart(EXCHANGE.create()))
            {
                replay.toEnd((input, output, length) ->
                {
                    if (count)
                    {
                        tally.add(output, length);
                    }
                });
                final long nanos = System.nanoTime() - start;
                System.out.printf("replay     run %d: %,d inputs in %.2f s = %,.0f inputs/s, %.2f us CPU per input (%s)%s%n", run + 1,
                    replay.replayed(), nanos / 1e9, replay.replayed() * 1e9 / nanos, (processCpuNanos() - cpuAtStart) / 1e3 / replay.replayed(),
                    jvm.since(), count ? String.format(" (%,d records: %,d fills, %,d rejections)", tally.events(), tally.fills(), tally.rejections()) : "");
            }
        }
    }

    private static PipelineConfig config(final Path dir, final Durability durability, final WaitStrategyKind wait)
    {
        // No clock thread and no periodic snapshots: the benchmark measures the input path alone.
        return PipelineConfig.defaults(dir).withDurability(durability).withWaitStrategy(wait).withTickEveryMillis(0).withSnapshotEvery(0)
            .withStageThreads(stageThreads).withPretouch(Boolean.parseBoolean(System.getProperty("pipeline.pretouch", "true")));
    }

    /** A comma-separated system property's values; set empty ({@code -Dpipeline.rates=}), none. */
    private static Stream<String> listProperty(final String name, final String defaults)
    {
        return Stream.of(System.getProperty(name, defaults).split(",")).filter(value -> !value.isEmpty());
    }

    private static Path fresh(final Path dir) throws IOException
    {
        if (Files.exists(dir))
        {
            try (Stream<Path> files = Files.walk(dir))
            {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }

    /** CPU time per input of each live stage thread (names {@code offpeak-*}), since it started. */
    private static String stageThreadsCpu(final long inputs)
    {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final StringBuilder cpu = new StringBuilder();
        for (final ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds()))
        {
            if (thread != null && thread.getThreadName().startsWith("offpeak-"))
            {
                cpu.append(cpu.length() == 0 ? "" : ", ").append(thread.getThreadName())
                    .append(String.format(" %.2f us", threads.getThreadCpuTime(thread.getThreadId()) / 1e3 / inputs));
            }
        }
        return cpu.toString();
    }

    /**
     * CPU time of the whole process (every thread, GC and JIT included): on a shared machine CPU per
     * input compares runs better than wall time, which depends on what else is running.
     */
    private static long processCpuNanos()
    {
        return ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class).getProcessCpuTime();
    }

    private static String loadAverage()
    {
        try
        {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        }
        catch (final IOException e)
        {
            return "unknown";
        }
    }
}
