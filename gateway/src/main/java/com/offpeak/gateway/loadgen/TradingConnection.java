package com.offpeak.gateway.loadgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    /** How every request and every answer starts; private events start with "channel". */
    private static final byte[] ID_PREFIX = "{\"id\":".getBytes(StandardCharsets.US_ASCII);
    /** What follows an accepted request's id. */
    private static final byte[] OK = ",\"ok\":true".getBytes(StandardCharsets.US_ASCII);
    /** What comes before the order's id in an accepted place's answer. */
    private static final byte[] ORDER_ID = "\"orderId\":".getBytes(StandardCharsets.US_ASCII);
    private static final long OPEN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long LOGIN = 0;
    private static final long REFUSED = -1;

    private final RawWebSocket socket;
    private final OrderFlow flow;
    /**
     * Written by the sender before the request's bytes go to the socket and read by the reader once
     * the answer to those bytes arrived: the system calls in between order the two in practice,
     * which is all a measuring tool needs (x86 keeps stores in order, too).
     */
    private final long[] intendedById = new long[IN_FLIGHT];
    /** Answers that carried an id, of any kind (reader thread); the sender checks it before reusing a slot. */
    private final AtomicLong answered = new AtomicLong();
    private final ByteBuffer request = ByteBuffer.allocate(256);
    /** The login answered and resting orders accepted so far (reader thread), or {@link #REFUSED}. */
    private final AtomicLong opened = new AtomicLong();
    private final Recorder latency;
    private final SlowAnswerTimeline timeline;
    private final AtomicLong acked;
    /** When the latest measured answer arrived (System.nanoTime()), shared by all connections. */
    private final AtomicLong lastAnswer;
    private final AtomicLong errors;
    private final Map<String, LongAdder> errorCodes;
    /** Request 0 is the login, 1.. the flow's resting orders; the timed ones follow. */
    private long nextId = LOGIN + 1;
    /** Answers to requests before this id (the warm-up's) are not measured. */
    private volatile long firstMeasuredId = Long.MAX_VALUE;

    TradingConnection(final RawWebSocket socket, final String key, final OrderFlow flow, final Recorder latency,
        final SlowAnswerTimeline timeline, final AtomicLong acked,
        final AtomicLong lastAnswer, final AtomicLong errors, final Map<String, LongAdder> errorCodes) throws IOException
    {
        this.lastAnswer = lastAnswer;
        this.errorCodes = errorCodes;
        this.socket = socket;
        this.flow = flow;
        this.latency = latency;
        this.timeline = timeline;
        this.acked = acked;
        this.errors = errors;
        socket.sendText(ByteBuffer.wrap(("{\"id\":" + LOGIN + ",\"op\":\"login\",\"key\":\"" + key + "\"}")
            .getBytes(StandardCharsets.US_ASCII)));
    }

    RawWebSocket socket()
    {
        return socket;
    }

    /**
     * Sender thread, once, with the reader running: waits for the login's answer, then places the
     * flow's resting orders one at a time, each accepted before the next.
     */
    void open() throws IOException, InterruptedException
    {
        final long deadline = System.nanoTime() + OPEN_TIMEOUT_NANOS;
        awaitOpened(1, deadline, "the login");
        for (int i = 0; i < flow.restingOrders(); i++)
        {
            startRequest(nextId++);
            flow.putPlace(i, request);
            socket.sendText(request.flip());
            awaitOpened(i + 2, deadline, "resting order " + (i + 1));
        }
    }

    private void awaitOpened(final long count, final long deadline, final String what) throws IOException, InterruptedException
    {
        while (opened.get() >= 0 && opened.get() < count && !socket.isClosed() && System.nanoTime() < deadline)
        {
            Thread.sleep(1);
        }
        if (opened.get() != count)
        {
            throw new IOException(what + " was not accepted" + (socket.isClosed() ? ": " + socket.closeReason() : " (see the server's log)"));
        }
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
        if (id - answered.get() >= IN_FLIGHT)
        {
            // The slot still belongs to an unanswered request: overwriting it would time that answer
            // from the wrong send, and the longest latencies are the ones that would be lost.
            throw new TooFarBehind(id - answered.get());
        }
        intendedById[(int)(id & (IN_FLIGHT - 1))] = intendedNanos;
        startRequest(id);
        flow.putNext(id - 1 - flow.restingOrders(), request);
        try
        {
            socket.sendText(request.flip());
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private void startRequest(final long id)
    {
        request.clear();
        request.put(ID_PREFIX);
        OrderFlow.putDigits(request, id);
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
        if (!matches(data, offset, length, ID_PREFIX))
        {
            return; // private channel events
        }
        final long now = System.nanoTime();
        final int end = offset + length;
        final int idEnd = digitsEnd(data, offset + ID_PREFIX.length, end);
        if (idEnd == offset + ID_PREFIX.length)
        {
            return; // "id":null: the server's answer to a connection it refuses, which then closes
        }
        final long id = parseDigits(data, offset + ID_PREFIX.length, idEnd);
        answered.lazySet(answered.get() + 1);
        final boolean ok = matches(data, idEnd, end - idEnd, OK);
        if (id <= flow.restingOrders())
        {
            onOpening(id, ok, data, idEnd, end);
            return;
        }
        if (id < firstMeasuredId)
        {
            return; // one from the warm-up
        }
        lastAnswer.accumulateAndGet(now, Math::max);
        if (ok)
        {
            final long intended = intendedById[(int)(id & (IN_FLIGHT - 1))];
            final long took = Math.max(0, now - intended);
            latency.recordValue(took);
            timeline.record(intended, took);
            acked.incrementAndGet();
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

    /** The login's answer or a resting order's: the flow gets the order's id before {@link #opened} counts it, so the sender sees it. */
    private void onOpening(final long id, final boolean ok, final ByteBuffer data, final int from, final int end)
    {
        if (ok && id == LOGIN)
        {
            opened.incrementAndGet();
            return;
        }
        for (int i = from; ok && i + ORDER_ID.length < end; i++)
        {
            if (matches(data, i, end - i, ORDER_ID))
            {
                final int digits = i + ORDER_ID.length;
                flow.rested((int)id - 1, parseDigits(data, digits, digitsEnd(data, digits, end)));
                opened.incrementAndGet();
                return;
            }
        }
        opened.set(REFUSED);
    }

    private static int digitsEnd(final ByteBuffer data, final int from, final int end)
    {
        int i = from;
        while (i < end && Character.isDigit(data.get(i)))
        {
            i++;
        }
        return i;
    }

    private static long parseDigits(final ByteBuffer data, final int from, final int end)
    {
        long value = 0;
        for (int i = from; i < end; i++)
        {
            value = value * 10 + (data.get(i) - '0');
        }
        return value;
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

    /** A connection has more requests awaiting answers than it keeps send times for: the run cannot be measured. */
    static final class TooFarBehind extends IllegalStateException
    {
        TooFarBehind(final long unanswered)
        {
            super(unanswered + " requests on one connection are still unanswered, more than the " + IN_FLIGHT +
                " send times it keeps: the server stopped answering, so latencies from here on cannot be measured");
        }
    }
}
