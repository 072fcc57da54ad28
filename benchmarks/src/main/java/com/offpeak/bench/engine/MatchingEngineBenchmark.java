package com.offpeak.bench.engine;

import com.offpeak.engine.Command;
import com.offpeak.engine.EngineConfig;
import com.offpeak.engine.MatchingEngine;
import com.offpeak.engine.PreTradeCheck;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.journal.OutputEncoder;
import org.agrona.ExpandableDirectByteBuffer;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of the matching engine alone: one thread applying a pre-generated command stream to
 * {@link MatchingEngine}, every event encoded by the pipeline's own {@link OutputEncoder} into an
 * off-heap buffer, as the output journal gets it. One operation is one command.
 *
 * <p>Besides ops/s, JMH reports the secondary rates {@code fills} (fills/s, counted from the
 * encoded output between batches, so reported one batch late) and {@code skips} (resting orders passed over by walks per second; divide by ops/s for
 * skips per op). Run with {@code -prof gc} for B/op. See benchmarks/README.md.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Agrona 2's off-heap buffers (the encoded output) need jdk.internal.misc.Unsafe.
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"})
public class MatchingEngineBenchmark
{
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @State(Scope.Thread)
    public static class EngineRun
    {
        @Param
        public Workload workload;

        /**
         * True: a full collection before each warm-up iteration moves the engine's state into the
         * old generation, where a running exchange's state lives after its first collections; under
         * G1 every reference stored into it then pays a write barrier and leaves a card for G1's
         * refinement threads. The measured iterations start a warm-up iteration after the last one,
         * so what a full collection leaves the refinement threads to do is not what they measure.
         * False (the default): the state stays young, as it was allocated.
         */
        @Param({"false"})
        public boolean aged;

        /** The commands of the current batch, reused: hot in cache, as a sequencer's ring slots would be. */
        final Command[] batch = new Command[CommandStream.BATCH];
        long batchSkips;
        /** Holds one batch's encoded output; grows to the largest batch during warm-up. */
        final ExpandableDirectByteBuffer output = new ExpandableDirectByteBuffer(1 << 20);
        final OutputEncoder encoder = new OutputEncoder();
        final OutputTally tally = new OutputTally();
        /** Fills of the batch applied last, tallied outside the measured time. */
        long lastBatchFills;
        MatchingEngine engine;
        private CommandStream stream;
        private int nextBatch;
        private long cycle;
        private long eventsAtCycleStart;

        @Setup(Level.Trial)
        public void generate()
        {
            stream = ForkedGenerator.generate(workload);
            System.out.println();
            System.out.println(stream.description());
            for (int i = 0; i < batch.length; i++)
            {
                batch[i] = new Command();
            }
            encoder.wrap(output);
            engine = new MatchingEngine(Catalog.loadDefault(), EngineConfig.DEFAULT, encoder, PreTradeCheck.ALLOW_ALL);
        }

        /** Ages the state before each warm-up iteration when {@link #aged}. */
        @Setup(Level.Iteration)
        public void age(final IterationParams iteration)
        {
            if (aged && iteration.getType() == IterationType.WARMUP)
            {
                System.gc();
            }
        }

        /**
         * Tallies the last batch's output and loads the next batch, outside the measured time. After
         * the last batch of a cycle the engine is empty again: check that the cycle replayed exactly
         * as generated first.
         */
        @Setup(Level.Invocation)
        public void loadNextBatch()
        {
            final long fillsBefore = tally.fills();
            tally.add(output, encoder.length());
            lastBatchFills = tally.fills() - fillsBefore;
            encoder.wrap(output);
            if (nextBatch == stream.batches())
            {
                verifyCycle();
                eventsAtCycleStart = tally.events();
                cycle++;
                nextBatch = 0;
            }
            stream.load(nextBatch, cycle, batch);
            batchSkips = stream.skipsInBatch(nextBatch);
            nextBatch++;
        }

        private void verifyCycle()
        {
            final long events = tally.events() - eventsAtCycleStart;
            final long lastOrderId = (cycle + 1) * stream.ordersPerCycle();
            if (events != stream.eventsPerCycle() || tally.rejections() != 0 || tally.lastAcceptedOrderId() != lastOrderId ||
                engine.openOrderCount() != 0)
            {
                throw new IllegalStateException("cycle " + cycle + " diverged from the generated stream: " + events + " events (expected " +
                    stream.eventsPerCycle() + "), " + tally.rejections() + " rejections (expected none), last order " +
                    tally.lastAcceptedOrderId() + " (expected " + lastOrderId + "), " + engine.openOrderCount() + " open orders left");
            }
        }
    }

    /**
     * Secondary results, as rates per second. {@code cpuNanos} is the CPU time the benchmark thread
     * got per second: on a shared, busy machine, ops/s × 1e9 / cpuNanos is the throughput per
     * CPU-second, which the load of other processes distorts far less than ops/s.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Outcomes
    {
        public long fills;
        public long skips;
        public long cpuNanos;

        @Setup(Level.Iteration)
        public void reset()
        {
            fills = 0;
            skips = 0;
            cpuNanos = 0;
        }
    }

    @Benchmark
    @OperationsPerInvocation(CommandStream.BATCH)
    public void applyBatch(final EngineRun run, final Outcomes outcomes)
    {
        final Command[] batch = run.batch;
        final MatchingEngine engine = run.engine;
        final long cpuBefore = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < batch.length; i++)
        {
            engine.apply(batch[i]);
        }
        outcomes.cpuNanos += THREADS.getCurrentThreadCpuTime() - cpuBefore;
        outcomes.fills += run.lastBatchFills;
        outcomes.skips += run.batchSkips;
    }
}
