package com.offpeak.gateway.loadgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * One trading connection of the load generator: sends what its {@link OrderFlow} writes and times
 * each answer from the request's intended send time, kept by request id until the answer arrives.
 */
final class TradingConnection implements RawWebSocket.TextHandler
{
    private static final int IN_FLIGHT = 1 << 16;
    /** How every answer starts; private events start with "channel". */
    private static final byte[] ANSWER = "{\"id\":".getBytes(StandardCharsets.US_ASCII);
    /** What follows an accepted request's id. */
    private static final byte[] OK = ",\"ok\":true".getBytes(StandardCharsets.US_ASCII);

    private final RawWebSocket socket;
    private final long[] intendedById = new long[IN_FLIGHT];
    /** What follows "orderId": in an accepted place's answer. */
    private static final byte[] ORDER_ID = "\"orderId\":".getBytes(StandardCharsets.US_ASCII);
    private static final long REST_TIMEOUT_NANOS = 30_000_000_000L;

    private final OrderFlow flow;
    /** Resting orders accepted so far (reader thread), or -1 once one was refused. */
    private final AtomicLong rested = new AtomicLong();
    private final ByteBuffer request = ByteBuffer.allocate(256);
    private final Recorder latency;
    private final AtomicLong acked;
    /** When the latest measured answer arrived (System.nanoTime()), shared by all connections. */
    private final AtomicLong lastAnswer;
    private final AtomicLong errors;
    private final Map<String, LongAdder> errorCodes;
    /** Requests 1.. are the flow's resting orders; the timed ones follow. */
    private long nextId = 1;
    /** Answers to requests before this id (the warm-up's) are not measured. */
    private volatile long firstMeasuredId = Long.MAX_VALUE;

    TradingConnection(final RawWebSocket socket, final String key, final OrderFlow flow, final Recorder latency, final AtomicLong acked,
        final AtomicLong lastAnswer, final AtomicLong errors, final Map<String, LongAdder> errorCodes) throws IOException
    {
        this.lastAnswer = lastAnswer;
        this.errorCodes = errorCodes;
        this.socket = socket;
        this.flow = flow;
        this.latency = latency;
        this.acked = acked;
        this.errors = errors;
        socket.sendText(ByteBuffer.wrap(("{\"id\":0,\"op\":\"login\",\"key\":\"" + key + "\"}").getBytes(StandardCharsets.US_ASCII)));
    }

    /** Sender thread, once, with the reader running: places the flow's resting orders and waits until each is accepted. */
    void rest() throws IOException, InterruptedException
    {
        final int count = flow.restingOrders();
        final long deadline = System.nanoTime() + REST_TIMEOUT_NANOS;
        for (int i = 0; i < count; i++)
        {
            request.clear();
            request.put(ANSWER);
            OrderFlow.putDigits(request, nextId++);
            flow.putPlace(i, request);
            socket.sendText(request.flip());
            while (rested.get() == i && System.nanoTime() < deadline)
            {
                Thread.sleep(1);
            }
            if (rested.get() != i + 1)
            {
                throw new IOException("resting order " + (i + 1) + " was not accepted (see the server's log)");
            }
        }
    }

    RawWebSocket socket()
    {
        return socket;
    }

    /** Measures the answers of requests sent from now on (sender thread). */
    void startMeasuring()
    {
        firstMeasuredId = nextId;
    }

    /** Called by the single sender thread; allocates nothing. */
    void send(final long intendedNanos)
    {
        final long id = nextId++;
        intendedById[(int)(id & (IN_FLIGHT - 1))] = intendedNanos;
        request.clear();
        request.put(ANSWER);
        OrderFlow.putDigits(request, id);
        flow.putNext(id - 1 - flow.restingOrders(), request);
        request.flip();
        try
        {
            socket.sendText(request);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** Reader thread: false once the connection closed. */
    boolean onReadable()
    {
        try
        {
            return socket.read(this);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Looks at a message's bytes, not a String of them: five of the six messages an order brings are
     * private events that are not measured, and decoding them took the CPU the server shares.
     */
    @Override
    public void onText(final ByteBuffer data, final int offset, final int length)
    {
        if (!matches(data, offset, length, ANSWER))
        {
            return; // private channel events
        }
        final long now = System.nanoTime();
        long id = 0;
        int i = offset + ANSWER.length;
        for (; i < offset + length && Character.isDigit(data.get(i)); i++)
        {
            id = id * 10 + (data.get(i) - '0');
        }
        final boolean ok = matches(data, i, offset + length - i, OK);
        if (id >= 1 && id <= flow.restingOrders())
        {
            onRested((int)id - 1, ok, data, i, offset + length);
            return;
        }
        if (id < firstMeasuredId)
        {
            return; // the login answer, or one from the warm-up
        }
        lastAnswer.accumulateAndGet(now, Math::max);
        if (ok)
        {
            acked.incrementAndGet();
            latency.recordValue(Math.max(0, now - intendedById[(int)(id & (IN_FLIGHT - 1))]));
        }
        else
        {
            errors.incrementAndGet();
            final byte[] bytes = new byte[length];
            data.get(offset, bytes);
            final String text = new String(bytes, StandardCharsets.UTF_8);
            final int code = text.indexOf("\"code\":\"");
            errorCodes.computeIfAbsent(code < 0 ? "?" : text.substring(code + 8, text.indexOf('"', code + 8)), c -> new LongAdder())
                .increment();
        }
    }

    private void onRested(final int index, final boolean ok, final ByteBuffer data, final int from, final int end)
    {
        for (int i = from; ok && i + ORDER_ID.length < end; i++)
        {
            if (matches(data, i, end - i, ORDER_ID))
            {
                long orderId = 0;
                for (int digit = i + ORDER_ID.length; digit < end && Character.isDigit(data.get(digit)); digit++)
                {
                    orderId = orderId * 10 + (data.get(digit) - '0');
                }
                flow.rested(index, orderId);
                rested.incrementAndGet();
                return;
            }
        }
        rested.set(-1);
    }

    private static boolean matches(final ByteBuffer data, final int offset, final int length, final byte[] prefix)
    {
        if (length < prefix.length)
        {
            return false;
        }
        for (int i = 0; i < prefix.length; i++)
        {
            if (data.get(offset + i) != prefix[i])
            {
                return false;
            }
        }
        return true;
    }
}
