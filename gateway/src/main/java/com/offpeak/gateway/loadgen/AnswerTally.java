package com.offpeak.gateway.loadgen;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What one phase of a run (the warm-up, or the measured seconds) got back: the accepted answers'
 * latencies and where in the phase they fell, how many, when the last one came, and the refusals by
 * code. The reader thread records; the main thread reads once the phase's answers are in.
 */
final class AnswerTally
{
    private final Recorder latency = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
    private final SlowAnswerTimeline timeline;
    private final AtomicLong acked = new AtomicLong();
    /** When the latest answer arrived (System.nanoTime()). */
    private final AtomicLong lastAnswer = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Map<String, LongAdder> errorCodes = new ConcurrentHashMap<>();

    AnswerTally(final int seconds)
    {
        timeline = new SlowAnswerTimeline(seconds);
    }

    /** Sender thread, before the phase's first request: its timeline's bins count from here. */
    void start(final long nanos, final long epochMillis)
    {
        timeline.start(nanos, epochMillis);
    }

    /** Reader thread: an accepted answer, arrived at {@code now}, to a request due at {@code intended}. */
    void accepted(final long intended, final long now)
    {
        lastAnswer.accumulateAndGet(now, Math::max);
        final long took = Math.max(0, now - intended);
        latency.recordValue(took);
        timeline.record(intended, took);
        acked.incrementAndGet();
    }

    /** Reader thread: a refusal (the answer's bytes), counted by the code in its text. */
    void refused(final long now, final ByteBuffer data, final int offset, final int length)
    {
        lastAnswer.accumulateAndGet(now, Math::max);
        final byte[] bytes = new byte[length];
        data.get(offset, bytes);
        final String answer = new String(bytes, StandardCharsets.UTF_8);
        errors.incrementAndGet();
        final int code = answer.indexOf("\"code\":\"");
        errorCodes.computeIfAbsent(code < 0 ? "?" : answer.substring(code + 8, answer.indexOf('"', code + 8)), c -> new LongAdder())
            .increment();
    }

    long acked()
    {
        return acked.get();
    }

    long errors()
    {
        return errors.get();
    }

    long answers()
    {
        return acked.get() + errors.get();
    }

    long lastAnswerNanos()
    {
        return lastAnswer.get();
    }

    Map<String, LongAdder> errorCodes()
    {
        return errorCodes;
    }

    /** The latencies recorded since the last call (main thread, once the answers are in). */
    Histogram latencies()
    {
        return latency.getIntervalHistogram();
    }

    SlowAnswerTimeline timeline()
    {
        return timeline;
    }
}
