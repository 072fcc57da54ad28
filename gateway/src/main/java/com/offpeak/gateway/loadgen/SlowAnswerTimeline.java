package com.offpeak.gateway.loadgen;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Where in a phase of a run (the warm-up, or the measured seconds) the slow answers were: its
 * answers counted per bin of their requests' intended send times, with how many took longer than a
 * threshold and the longest. A p99 says how many answers were slow, not whether they were spread
 * over the run (the round trip's own cost) or packed into a few stretches (a pause, another thread
 * on the cores); the bins, stamped with wall time, line up with a GC log or a profile of the
 * server. The sender {@link #start starts} it before the phase's first request; from then on only
 * the single reader thread writes it, and the main thread reads it once the reader has stopped.
 */
final class SlowAnswerTimeline
{
    static final long BIN_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final long[] answers;
    private final long[] slow;
    private final long[] longest;
    private long startNanos = Long.MAX_VALUE;
    private long startEpochMillis;

    SlowAnswerTimeline(final int seconds)
    {
        final int bins = (int)(TimeUnit.SECONDS.toNanos(seconds) / BIN_NANOS) + 1;
        answers = new long[bins];
        slow = new long[bins];
        longest = new long[bins];
    }

    /**
     * Sender thread, before the phase's first request: bins count from here (a request's intended
     * send time). The reader sees these fields because the sender publishes which ids are whose (a
     * volatile write, {@link TradingConnection#measureAfter}) after this call.
     */
    void start(final long nanos, final long epochMillis)
    {
        startEpochMillis = epochMillis;
        startNanos = nanos;
    }

    /** Reader thread: an answer to a request due at {@code intendedNanos}. */
    void record(final long intendedNanos, final long latencyNanos)
    {
        final long bin = Math.floorDiv(intendedNanos - startNanos, BIN_NANOS);
        if (bin < 0 || bin >= answers.length)
        {
            return;
        }
        final int i = (int)bin;
        answers[i]++;
        if (latencyNanos > SLOW_NANOS)
        {
            slow[i]++;
        }
        longest[i] = Math.max(longest[i], latencyNanos);
    }

    /** One line for the report: how the slow answers were spread. */
    String summary()
    {
        long total = 0;
        long slowTotal = 0;
        int slowBins = 0;
        long inWorstTenth = 0;
        final long[] sorted = slow.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < answers.length; i++)
        {
            total += answers[i];
            slowTotal += slow[i];
            slowBins += slow[i] > answers[i] / 10 ? 1 : 0;
        }
        for (int i = sorted.length - Math.max(1, sorted.length / 10); i < sorted.length; i++)
        {
            inWorstTenth += sorted[i];
        }
        return String.format("answers over %d ms: %,d of %,d (%.2f%%); %,d of them in the worst tenth of the %d %d-ms bins; "
                + "%d bins with over a tenth of their answers slow", TimeUnit.NANOSECONDS.toMillis(SLOW_NANOS), slowTotal, total,
            total == 0 ? 0 : 100.0 * slowTotal / total, inWorstTenth, answers.length, TimeUnit.NANOSECONDS.toMillis(BIN_NANOS), slowBins);
    }

    /** CSV: bin start (epoch ms), answers, answers over the threshold, the longest (µs). */
    void write(final Path file) throws IOException
    {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file)))
        {
            out.println("epoch_ms,answers,over_1ms,longest_us");
            for (int i = 0; i < answers.length; i++)
            {
                out.printf("%d,%d,%d,%d%n", startEpochMillis + i * TimeUnit.NANOSECONDS.toMillis(BIN_NANOS), answers[i], slow[i],
                    longest[i] / 1_000);
            }
        }
    }
}
