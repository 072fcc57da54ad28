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
 * One trading connection of the load generator. Owners alternate posting an 8-GPU ask at 1.00 and
 * cancelling their orders (a fully leased ask keeps resting for its returning GPUs, so without the
 * cancels the level would grow without bound); buyers send IOC bids at 1.00, which trade whenever
 * an ask is free. Each request's intended send time is kept by request id until its answer arrives.
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
    private final byte[] order;
    private final byte[] cancel;
    private final ByteBuffer request = ByteBuffer.allocate(256);
    private final Recorder latency;
    private final AtomicLong acked;
    /** When the latest measured answer arrived (System.nanoTime()), shared by all connections. */
    private final AtomicLong lastAnswer;
    private final AtomicLong errors;
    private final Map<String, LongAdder> errorCodes;
    private long nextId = 1;
    /** Answers to requests before this id (the warm-up's) are not measured. */
    private volatile long firstMeasuredId = Long.MAX_VALUE;

    TradingConnection(final RawWebSocket socket, final String key, final boolean buyer, final String instrument, final Recorder latency,
        final AtomicLong acked, final AtomicLong lastAnswer, final AtomicLong errors, final Map<String, LongAdder> errorCodes)
        throws IOException
    {
        this.lastAnswer = lastAnswer;
        this.errorCodes = errorCodes;
        this.socket = socket;
        this.latency = latency;
        this.acked = acked;
        this.errors = errors;
        final String orderText = buyer
            ? ",\"op\":\"placeBid\",\"instrument\":\"" + instrument + "\",\"gpus\":8,\"durationMinutes\":60,\"price\":\"1.00\",\"timeInForce\":\"IOC\"}"
            : ",\"op\":\"placeAsk\",\"instrument\":\"" + instrument + "\",\"gpus\":8,\"price\":\"1.00\",\"availableForMinutes\":600}";
        order = orderText.getBytes(StandardCharsets.US_ASCII);
        cancel = buyer ? order : (",\"op\":\"cancelAll\",\"instrument\":\"" + instrument + "\"}").getBytes(StandardCharsets.US_ASCII);
        socket.sendText(ByteBuffer.wrap(("{\"id\":0,\"op\":\"login\",\"key\":\"" + key + "\"}").getBytes(StandardCharsets.US_ASCII)));
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
        putDigits(request, id);
        request.put((id & 1) == 0 ? cancel : order).flip();
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
        if (id < firstMeasuredId)
        {
            return; // the login answer, or one from the warm-up
        }
        lastAnswer.accumulateAndGet(now, Math::max);
        if (matches(data, i, offset + length - i, OK))
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

    private static void putDigits(final ByteBuffer buffer, final long value)
    {
        long divisor = 1;
        while (divisor <= value / 10)
        {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10)
        {
            buffer.put((byte)('0' + value / divisor % 10));
        }
    }
}
