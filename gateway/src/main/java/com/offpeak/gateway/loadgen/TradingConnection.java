package com.offpeak.gateway.loadgen;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * One trading connection of the load generator. Owners alternate posting an 8-GPU ask at 1.00 and
 * cancelling their orders (a fully leased ask keeps resting for its returning GPUs, so without the
 * cancels the level would grow without bound); buyers send IOC bids at 1.00, which trade whenever
 * an ask is free. Each request's intended send time is kept by request id until its answer arrives.
 */
final class TradingConnection
{
    private static final int IN_FLIGHT = 1 << 16;
    /** How every answer starts; private events start with "channel". */
    private static final byte[] ANSWER = "{\"id\":".getBytes(StandardCharsets.US_ASCII);

    private final WebSocket socket;
    private final long[] intendedById = new long[IN_FLIGHT];
    private final String order;
    private final String cancel;
    private final Recorder latency;
    private final AtomicLong acked;
    /** When the latest measured answer arrived (System.nanoTime()), shared by all connections. */
    private final AtomicLong lastAnswer;
    private final AtomicLong errors;
    private final Map<String, LongAdder> errorCodes;
    private long nextId = 1;
    /** Answers to requests before this id (the warm-up's) are not measured. */
    private volatile long firstMeasuredId = Long.MAX_VALUE;

    TradingConnection(final WebSocket socket, final String key, final boolean buyer, final String instrument, final Recorder latency,
        final AtomicLong acked, final AtomicLong lastAnswer, final AtomicLong errors, final Map<String, LongAdder> errorCodes)
    {
        this.lastAnswer = lastAnswer;
        this.errorCodes = errorCodes;
        this.socket = socket;
        this.latency = latency;
        this.acked = acked;
        this.errors = errors;
        order = buyer
            ? ",\"op\":\"placeBid\",\"instrument\":\"" + instrument + "\",\"gpus\":8,\"durationMinutes\":60,\"price\":\"1.00\",\"timeInForce\":\"IOC\"}"
            : ",\"op\":\"placeAsk\",\"instrument\":\"" + instrument + "\",\"gpus\":8,\"price\":\"1.00\",\"availableForMinutes\":600}";
        cancel = buyer ? order : ",\"op\":\"cancelAll\",\"instrument\":\"" + instrument + "\"}";
        socket.frameHandler(this::onFrame);
        socket.writeTextMessage("{\"id\":0,\"op\":\"login\",\"key\":\"" + key + "\"}");
    }

    /** Measures the answers of requests sent from now on (sender thread). */
    void startMeasuring()
    {
        firstMeasuredId = nextId;
    }

    /** Called by the single sender thread. */
    void send(final long intendedNanos)
    {
        final long id = nextId++;
        intendedById[(int)(id & (IN_FLIGHT - 1))] = intendedNanos;
        socket.writeTextMessage("{\"id\":" + id + ((id & 1) == 0 ? cancel : order));
    }

    /**
     * Looks at a message's bytes, not a String of them: five of the six messages an order brings are
     * private events that are not measured, and decoding them took the CPU the server shares. The
     * server sends every message as one frame.
     */
    private void onFrame(final WebSocketFrame frame)
    {
        if (!frame.isText())
        {
            return;
        }
        final Buffer data = frame.binaryData();
        if (!startsWith(data, ANSWER))
        {
            return; // private channel events
        }
        final long now = System.nanoTime();
        long id = 0;
        for (int i = ANSWER.length; i < data.length() && Character.isDigit(data.getByte(i)); i++)
        {
            id = id * 10 + (data.getByte(i) - '0');
        }
        if (id < firstMeasuredId)
        {
            return; // the login answer, or one from the warm-up
        }
        lastAnswer.accumulateAndGet(now, Math::max);
        final String text = data.toString(StandardCharsets.UTF_8);
        if (text.contains("\"ok\":true"))
        {
            acked.incrementAndGet();
            latency.recordValue(Math.max(0, now - intendedById[(int)(id & (IN_FLIGHT - 1))]));
        }
        else
        {
            errors.incrementAndGet();
            final int code = text.indexOf("\"code\":\"");
            errorCodes.computeIfAbsent(code < 0 ? "?" : text.substring(code + 8, text.indexOf('"', code + 8)), c -> new LongAdder())
                .increment();
        }
    }

    private static boolean startsWith(final Buffer data, final byte[] prefix)
    {
        if (data.length() < prefix.length)
        {
            return false;
        }
        for (int i = 0; i < prefix.length; i++)
        {
            if (data.getByte(i) != prefix[i])
            {
                return false;
            }
        }
        return true;
    }
}
