package com.offpeak.bench.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Two builds of the engine in one JVM, their batches interleaved, to tell a few percent apart on a
 * machine whose speed drifts by half within the hour (benchmarks/README.md, Matching engine). Runs
 * of JMH one after the other each meet a different machine; here both builds see the same minutes,
 * batch by batch, and the order within each pair alternates. Each build is its own class loader over
 * its jar, so the JIT compiles and profiles each separately. Per batch the least CPU time over the
 * measured cycles is kept (interference only ever adds time), and the medians are shown too.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.offpeak.bench.engine.InterleavedBuilds OLD.jar NEW.jar [cycles] [warm-up cycles] [workload]
 * </pre>
 * The jars are {@code benchmarks.jar} of each build (both must contain {@link BatchRunner}); the
 * stream is generated once, by this JVM's build, and replayed by both.
 */
public final class InterleavedBuilds
{
    private InterleavedBuilds()
    {
    }

    public static void main(final String[] args) throws Throwable
    {
        if (args.length < 2)
        {
            System.err.println("usage: InterleavedBuilds OLD.jar NEW.jar [cycles (8)] [warm-up cycles (4)] [workload (EXCHANGE_MIX)]");
            System.exit(2);
        }
        final int cycles = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        final int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        final Workload workload = args.length > 4 ? Workload.valueOf(args[4]) : Workload.EXCHANGE_MIX;
        final Path streamFile = ForkedGenerator.generateToFile(workload);
        try
        {
            final Build[] builds = {new Build("old", Path.of(args[0]), streamFile), new Build("new", Path.of(args[1]), streamFile)};
            final int batches = builds[0].batches();
            final long[][][] cpu = new long[2][batches][cycles];
            for (int c = 0; c < warmUp + cycles; c++)
            {
                for (int b = 0; b < batches; b++)
                {
                    // Alternate who goes first, so neither always runs on the cache the other left.
                    final int first = (b + c) & 1;
                    final long firstCpu = builds[first].applyNextBatch();
                    final long secondCpu = builds[1 - first].applyNextBatch();
                    if (c >= warmUp)
                    {
                        cpu[first][b][c - warmUp] = firstCpu;
                        cpu[1 - first][b][c - warmUp] = secondCpu;
                    }
                }
            }
            report(builds, cpu, (double)batches * CommandStream.BATCH);
        }
        finally
        {
            Files.deleteIfExists(streamFile);
        }
    }

    private static void report(final Build[] builds, final long[][][] cpu, final double commandsPerCycle) throws Throwable
    {
        final double[] least = new double[2];
        final double[] median = new double[2];
        for (int build = 0; build < 2; build++)
        {
            for (final long[] batch : cpu[build])
            {
                final long[] sorted = batch.clone();
                Arrays.sort(sorted);
                least[build] += sorted[0];
                median[build] += sorted[sorted.length / 2];
            }
            least[build] /= commandsPerCycle;
            median[build] /= commandsPerCycle;
        }
        System.out.printf("CPU per command, summing each batch's least over the cycles: old %.1f ns, new %.1f ns (%+.1f%%)%n",
            least[0], least[1], 100 * (least[1] - least[0]) / least[0]);
        System.out.printf("CPU per command, summing each batch's median: old %.1f ns, new %.1f ns (%+.1f%%)%n",
            median[0], median[1], 100 * (median[1] - median[0]) / median[0]);
        final long oldDigest = builds[0].outputDigest();
        final long newDigest = builds[1].outputDigest();
        System.out.printf("output digest: old %08x, new %08x (%s)%n", oldDigest, newDigest,
            oldDigest == newDigest ? "the same bytes" : "DIFFERENT: the builds did not behave the same");
    }

    /** One build's {@link BatchRunner}, in a class loader of its own. */
    private static final class Build
    {
        private final Object runner;
        private final MethodHandle applyNextBatch;
        private final MethodHandle outputDigest;
        private final int batches;

        Build(final String name, final Path jar, final Path streamFile) throws Throwable
        {
            final URLClassLoader loader = new URLClassLoader(name, new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            final Class<?> type = loader.loadClass(BatchRunner.class.getName());
            final MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            runner = lookup.findConstructor(type, MethodType.methodType(void.class, String.class)).invoke(streamFile.toString());
            applyNextBatch = lookup.findVirtual(type, "applyNextBatch", MethodType.methodType(long.class)).bindTo(runner);
            outputDigest = lookup.findVirtual(type, "outputDigest", MethodType.methodType(long.class)).bindTo(runner);
            batches = (int)lookup.findVirtual(type, "batches", MethodType.methodType(int.class)).invoke(runner);
        }

        int batches()
        {
            return batches;
        }

        long applyNextBatch() throws Throwable
        {
            return (long)applyNextBatch.invokeExact();
        }

        long outputDigest() throws Throwable
        {
            return (long)outputDigest.invokeExact();
        }
    }
}
