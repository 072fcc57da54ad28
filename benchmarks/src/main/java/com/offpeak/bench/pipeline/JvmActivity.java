package com.offpeak.bench.pipeline;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the JVM itself did since a measured window began: the collections and their accumulated
 * time (a pause inside the window shows in the latency tail, so each result line says whether there
 * was one), and the CPU time of its own threads, the collector's and the JIT's. G1's refinement
 * threads run all the time when the engine stores references into old objects, not only in
 * collections. Those threads are not Java threads, so no MXBean reports them; Linux does, per
 * thread, in {@code /proc/self/task}. Elsewhere their figures read 0.
 */
final class JvmActivity
{
    private static final Path TASKS = Path.of("/proc/self/task");
    /** {@code utime} and {@code stime} are the 12th and 13th fields after the command name, in clock ticks. */
    private static final int UTIME_FIELD = 11;
    /** Linux's USER_HZ, 100 on every architecture we run on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final long collections;
    private final long millis;
    private final long gcThreadNanos;
    private final long jitThreadNanos;

    private JvmActivity(final long collections, final long millis, final long gcThreadNanos, final long jitThreadNanos)
    {
        this.collections = collections;
        this.millis = millis;
        this.gcThreadNanos = gcThreadNanos;
        this.jitThreadNanos = jitThreadNanos;
    }

    static JvmActivity start()
    {
        long collections = 0;
        long millis = 0;
        for (final GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans())
        {
            collections += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
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
            gc = 0; // not Linux: no per-thread figures
            jit = 0;
        }
        return new JvmActivity(collections, millis, gc, jit);
    }

    /** "gc 0" or e.g. "gc 2, 31 ms". */
    String since()
    {
        final JvmActivity now = start();
        final long count = now.collections - collections;
        return count == 0 ? "gc 0" : String.format("gc %d, %d ms", count, now.millis - millis);
    }

    /** E.g. "GC threads 0.41 us, JIT 0.02 us": the collector's and the JIT's threads' CPU per input since {@link #start()}. */
    String threadsPerInput(final long inputs)
    {
        final JvmActivity now = start();
        return String.format("GC threads %.2f us, JIT %.2f us", (now.gcThreadNanos - gcThreadNanos) / 1e3 / inputs,
            (now.jitThreadNanos - jitThreadNanos) / 1e3 / inputs);
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
