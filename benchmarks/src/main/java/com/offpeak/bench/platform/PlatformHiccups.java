package com.offpeak.bench.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * How long the machine itself keeps a running thread from running: the floor under every latency
 * percentile measured on it. Each of N threads spins on {@link System#nanoTime()} for the given
 * seconds and records every gap between two consecutive readings above 10 µs — time the thread was
 * not running its loop: the hypervisor running another guest (steal), the kernel preempting it for
 * another task or an interrupt, or the JVM stopping it at a safepoint. Run it alone: anything else
 * running on the machine shows up as gaps too.
 *
 * <p>Usage: {@code PlatformHiccups [threads (default 1)] [seconds (default 20)]}. One thread leaves
 * the other core free, so its gaps are the platform's alone; two threads fill both cores, as the
 * pipeline benchmark's spinning producer and yielding stage thread do.
 */
public final class PlatformHiccups
{
    private static final long RECORDED_ABOVE_NANOS = TimeUnit.MICROSECONDS.toNanos(10);

    private PlatformHiccups()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        final int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        final Histogram[] gaps = new Histogram[threads];
        final Thread[] spinners = new Thread[threads];
        final long stealAtStart = stealMillis();
        for (int t = 0; t < threads; t++)
        {
            final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            gaps[t] = histogram;
            spinners[t] = new Thread(() -> spin(histogram, TimeUnit.SECONDS.toNanos(seconds)), "spinner-" + t);
            spinners[t].start();
        }
        for (final Thread spinner : spinners)
        {
            spinner.join();
        }
        final long steal = stealMillis() - stealAtStart;
        System.out.printf("%d spinning thread(s) for %d s on %d cores; kernel-reported steal over the run: %s%n", threads, seconds,
            Runtime.getRuntime().availableProcessors(), steal < 0 ? "unknown" : steal + " ms (all cores)");
        for (int t = 0; t < threads; t++)
        {
            final Histogram h = gaps[t];
            System.out.printf("thread %d: gaps > 100 us: %,d, > 1 ms: %,d, > 10 ms: %,d; time lost in gaps > 100 us: %.1f ms (%.3f%% of the run); "
                    + "longest %.2f ms%n", t, above(h, 100_000), above(h, 1_000_000), above(h, 10_000_000),
                lostAbove(h, 100_000) / 1e6, 100.0 * lostAbove(h, 100_000) / TimeUnit.SECONDS.toNanos(seconds), h.getMaxValue() / 1e6);
        }
    }

    private static void spin(final Histogram gaps, final long duration)
    {
        final long end = System.nanoTime() + duration;
        long previous = System.nanoTime();
        while (previous < end)
        {
            final long now = System.nanoTime();
            final long gap = now - previous;
            if (gap > RECORDED_ABOVE_NANOS)
            {
                gaps.recordValue(Math.min(gap, gaps.getHighestTrackableValue()));
            }
            previous = now;
        }
    }

    /** How many gaps were longer than {@code nanos}. */
    private static long above(final Histogram histogram, final long nanos)
    {
        return histogram.getTotalCount() - histogram.getCountBetweenValues(0, nanos);
    }

    /** The time lost in gaps longer than {@code nanos}. */
    private static long lostAbove(final Histogram histogram, final long nanos)
    {
        long lost = 0;
        for (final var value : histogram.recordedValues())
        {
            if (value.getValueIteratedTo() > nanos)
            {
                lost += value.getValueIteratedTo() * value.getCountAtValueIteratedTo();
            }
        }
        return lost;
    }

    /** Steal time of all cores from /proc/stat (the 8th field of the "cpu" line, in clock ticks of 10 ms); -1 where there is none. */
    private static long stealMillis()
    {
        try
        {
            final String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(fields[8]) * 10;
        }
        catch (final Exception e)
        {
            return -1;
        }
    }
}
