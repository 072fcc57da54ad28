package com.offpeak.bench.engine;

import com.offpeak.engine.Command;
import com.offpeak.engine.EngineConfig;
import com.offpeak.engine.MatchingEngine;
import com.offpeak.engine.PreTradeCheck;
import com.offpeak.engine.catalog.Catalog;
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

import java.util.concurrent.TimeUnit;

/**
 * Throughput of the matching engine alone: one thread applying a pre-generated command stream to
 * {@link MatchingEngine}, every event encoded into an off-heap ring. One operation is one command.
 *
 * <p>Besides ops/s, JMH reports the secondary rates {@code fills} (fills/s, counted by the
 * encoder) and {@code skips} (resting orders passed over by walks per second; divide by ops/s for
 * skips per op). Run with {@code -prof gc} for B/op. See benchmarks/README.md.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Agrona 2's UnsafeBuffer (the event ring) needs jdk.internal.misc.Unsafe.
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g", "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"})
public class MatchingEngineBenchmark
{
    @State(Scope.Thread)
    public static class EngineRun
    {
        @Param
        public Workload workload;

        CommandStream stream;
        EventRingEncoder encoder;
        MatchingEngine engine;
        int cursor;
        private long cycles;
        private long fillsAtCycleStart;

        @Setup(Level.Trial)
        public void generate()
        {
            stream = ForkedGenerator.generate(workload);
            System.out.println();
            System.out.println(stream.description());
            encoder = new EventRingEncoder();
            engine = new MatchingEngine(Catalog.loadDefault(), EngineConfig.DEFAULT, encoder, PreTradeCheck.ALLOW_ALL);
        }

        /**
         * At the end of the stream the engine is empty again: check that the cycle replayed exactly
         * as generated, then shift the stream to the next cycle. Runs outside the measured time.
         */
        @Setup(Level.Invocation)
        public void wrapAtEndOfStream()
        {
            if (cursor < stream.length())
            {
                return;
            }
            cycles++;
            final long fills = encoder.fills() - fillsAtCycleStart;
            if (fills != stream.fillsPerCycle() || encoder.lastAcceptedOrderId() != cycles * stream.ordersPerCycle() ||
                engine.openOrderCount() != 0)
            {
                throw new IllegalStateException("cycle " + cycles + " diverged from the generated stream: " + fills + " fills (expected " +
                    stream.fillsPerCycle() + "), last order " + encoder.lastAcceptedOrderId() + " (expected " +
                    cycles * stream.ordersPerCycle() + "), " + engine.openOrderCount() + " open orders left");
            }
            fillsAtCycleStart = encoder.fills();
            stream.shiftToNextCycle();
            cursor = 0;
        }
    }

    /** Secondary results, as rates per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Outcomes
    {
        public long fills;
        public long skips;

        @Setup(Level.Iteration)
        public void reset()
        {
            fills = 0;
            skips = 0;
        }
    }

    @Benchmark
    @OperationsPerInvocation(CommandStream.BATCH)
    public void applyBatch(final EngineRun run, final Outcomes outcomes)
    {
        final Command[] commands = run.stream.commands();
        final MatchingEngine engine = run.engine;
        final long fillsBefore = run.encoder.fills();
        final int start = run.cursor;
        final int end = start + CommandStream.BATCH;
        for (int i = start; i < end; i++)
        {
            engine.apply(commands[i]);
        }
        run.cursor = end;
        outcomes.fills += run.encoder.fills() - fillsBefore;
        outcomes.skips += run.stream.skipsInBatch(start / CommandStream.BATCH);
    }
}
