package com.offpeak.bench.platform;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * How long one dependent load takes on this machine for a working set of each size: the latency of
 * L1, L2, L3 and memory as a thread that chases pointers sees it. The engine's amends and cancels
 * each start with such loads (an order found by id, its level neighbours, the new level's tail),
 * and its ~7,000 resting orders are about 2 MB with their links and index — four times this VM's
 * 512 KB of L2 per core — so its throughput follows the L3 and memory latency of the day, which
 * other guests on the host share. Run it beside the engine benchmark to tell a slower day from a
 * slower build.
 *
 * <p>Each size is an {@code int[]} holding one random cycle through all its 64-byte cache lines
 * (Sattolo's algorithm, fixed seed), so every load depends on the one before and the prefetchers
 * cannot guess the next line. Per size: the least time per load over five passes, and the
 * thread's CPU time against the wall time of the best pass (a gap means the thread lost its core).
 * Usage: {@code PlatformMemoryLatency [loads per pass (default 5,000,000)]}.
 */
public final class PlatformMemoryLatency
{
    private static final int INTS_PER_LINE = 16;
    private static final int PASSES = 5;
    private static final int[] SIZES_KB = {16, 128, 256, 512, 1024, 2048, 4096, 8192, 32768, 262144};
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PlatformMemoryLatency()
    {
    }

    public static void main(final String[] args)
    {
        final int loads = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        System.out.printf("dependent loads through a random cycle of cache lines, best of %d passes of %,d loads%n", PASSES, loads);
        long sink = 0;
        for (final int kb : SIZES_KB)
        {
            final int[] cycle = cycle(kb * 1024 / 4);
            double bestNanos = Double.MAX_VALUE;
            double cpuShare = 0;
            for (int pass = 0; pass < PASSES; pass++)
            {
                final long cpuBefore = THREADS.getCurrentThreadCpuTime();
                final long before = System.nanoTime();
                sink += chase(cycle, loads);
                final long wall = System.nanoTime() - before;
                final long cpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
                if ((double)wall / loads < bestNanos)
                {
                    bestNanos = (double)wall / loads;
                    cpuShare = (double)cpu / wall;
                }
            }
            System.out.printf("%,9d KB: %6.1f ns per load (CPU %3.0f%% of the best pass's wall time)%n", kb, bestNanos, 100 * cpuShare);
        }
        System.out.println("(checksum " + sink + ")");
    }

    /** One random cycle through every cache line of an array of {@code ints} ints, each line's first int naming the next line's. */
    private static int[] cycle(final int ints)
    {
        final int lines = ints / INTS_PER_LINE;
        final int[] order = new int[lines];
        for (int i = 0; i < lines; i++)
        {
            order[i] = i;
        }
        // Sattolo: a uniformly random permutation that is a single cycle, so a chase visits every line.
        final SplittableRandom random = new SplittableRandom(20261202);
        for (int i = lines - 1; i > 0; i--)
        {
            final int j = random.nextInt(i);
            final int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        final int[] next = new int[ints];
        for (int i = 0; i < lines; i++)
        {
            next[i * INTS_PER_LINE] = order[i] * INTS_PER_LINE;
        }
        return next;
    }

    private static int chase(final int[] next, final int loads)
    {
        int at = 0;
        for (int i = 0; i < loads; i++)
        {
            at = next[at];
        }
        return at;
    }
}
