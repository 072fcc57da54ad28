package com.offpeak.bench.pipeline;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time the JVM's own threads took since a measured window began: the collector's (G1's
 * refinement threads run all the time when the engine stores references into old objects, not only
 * in collections) and the JIT's. They are not Java threads, so no MXBean reports them; Linux does,
 * per thread, in {@code /proc/self/task}. Elsewhere the figures read 0.
 */
final class VmThreadsCpu
{
    private static final Path TASKS = Path.of("/proc/self/task");
    /** {@code utime} and {@code stime} are the 12th and 13th fields after the command name, in clock ticks. */
    private static final int UTIME_FIELD = 11;
    /** Linux's USER_HZ, 100 on every architecture we run on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final long gcNanos;
    private final long jitNanos;

    private VmThreadsCpu(final long gcNanos, final long jitNanos)
    {
        this.gcNanos = gcNanos;
        this.jitNanos = jitNanos;
    }

    static VmThreadsCpu start()
    {
        long gc = 0;
        long jit = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS))
        {
            for (final Path task : tasks)
            {
                final String name = readOrEmpty(task.resolve("comm")).trim();
                final boolean isGc = name.startsWith("G1 ") || name.startsWith("GC ") || name.startsWith("Shenandoah") ||
                    name.startsWith("ZWorker") || name.startsWith("VM Thread");
                final boolean isJit = name.startsWith("C1 ") || name.startsWith("C2 ");
                if (isGc || isJit)
                {
                    final long nanos = cpuNanos(readOrEmpty(task.resolve("stat")));
                    gc += isGc ? nanos : 0;
                    jit += isJit ? nanos : 0;
                }
            }
        }
        catch (final IOException | UnsupportedOperationException e)
        {
            return new VmThreadsCpu(0, 0);
        }
        return new VmThreadsCpu(gc, jit);
    }

    /** E.g. "GC threads 0.41 us, JIT 0.02 us" per input since {@link #start()}. */
    String perInputSince(final long inputs)
    {
        final VmThreadsCpu now = start();
        return String.format("GC threads %.2f us, JIT %.2f us", (now.gcNanos - gcNanos) / 1e3 / inputs,
            (now.jitNanos - jitNanos) / 1e3 / inputs);
    }

    private static long cpuNanos(final String stat)
    {
        final int nameEnd = stat.lastIndexOf(')');
        if (nameEnd < 0)
        {
            return 0; // the thread ended meanwhile
        }
        // The command name may hold spaces and parentheses: the fields start after its last ')'.
        final String[] fields = stat.substring(nameEnd + 2).split(" ");
        if (fields.length <= UTIME_FIELD + 1)
        {
            return 0;
        }
        return (Long.parseLong(fields[UTIME_FIELD]) + Long.parseLong(fields[UTIME_FIELD + 1])) * NANOS_PER_TICK;
    }

    private static String readOrEmpty(final Path file)
    {
        try
        {
            return Files.readString(file);
        }
        catch (final IOException e)
        {
            return ""; // the thread ended meanwhile
        }
    }
}
