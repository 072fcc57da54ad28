package com.offpeak.gateway.loadgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
    /** The measured answers' tally at [0], the warm-up's at [1]: see {@link #onText}. */
    private final AnswerTally[] tallies;
    /** Request 0 is the login, 1.. the flow's resting orders; the timed ones follow. */
    private long nextId = LOGIN + 1;
    /** Answers to requests before this id (the warm-up's) go to the warm-up's tally. */
    private volatile long firstMeasuredId = Long.MAX_VALUE;

    TradingConnection(final RawWebSocket socket, final String key, final OrderFlow flow, final AnswerTally warmUp,
        final AnswerTally measured) throws IOException
    {
        this.socket = socket;
        this.flow = flow;
        this.tallies = new AnswerTally[] {measured, warmUp};
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

    /**
     * Sender thread, before its timed sends: the answers to the first {@code warmUpSends} go to the
     * warm-up's tally, the rest to the measured one. Both tallies are started before this call, whose
     * volatile write makes their start visible to the reader.
     */
    void measureAfter(final long warmUpSends)
    {
        firstMeasuredId = nextId + warmUpSends;
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
        // A warm-up answer takes the very path a measured one does, into a tally of its own picked
        // without a branch (the sign of id - firstMeasuredId). When warm-up answers returned early
        // instead, the JIT compiled the measured path as a trap, and the first second of every
        // measurement timed this reader deoptimizing and recompiling (-XX:+PrintCompilation showed
        // onText made not entrant at the switch, 2026-12-04).
        final AnswerTally tally = tallies[(int)((id - firstMeasuredId) >>> 63)];
        if (ok)
        {
            tally.accepted(intendedById[(int)(id & (IN_FLIGHT - 1))], now);
        }
        else
        {
            tally.refused(now, data, offset, length);
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
