package com.offpeak.gateway.loadgen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator's own WebSocket client (RFC 6455, the subset the exchange speaks): text frames
 * out, masked as a client must; text messages in, whole or in fragments, unmasked. It exists for
 * the measurement, not for users: through a general client every send from the generator's sender
 * thread was a hand-off to an event loop and a wake-up of it, on the two cores the server under
 * test runs on. Here the sender thread writes straight to the socket, one system call per order,
 * and one reader thread drains every connection ({@link AnswerReader}).
 */
final class RawWebSocket implements AutoCloseable
{
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int HEADER_LIMIT = 8192;
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;
    private static final int OPCODE_CONTINUATION = 0;
    private static final int OPCODE_TEXT = 1;
    private static final int OPCODE_CLOSE = 8;
    private static final int OPCODE_PING = 9;
    private static final int OPCODE_PONG = 10;
    private static final long WRITE_RETRY_NANOS = 20_000;

    /** A whole text message that arrived; valid only during the call. */
    interface TextHandler
    {
        void onText(ByteBuffer buffer, int offset, int length);
    }

    private final SocketChannel channel;
    private final ByteBuffer out = ByteBuffer.allocateDirect(1 << 16);
    private ByteBuffer in = ByteBuffer.allocateDirect(1 << 16);
    /** The fragments of a text message so far, or null between messages. */
    private ByteArrayOutputStream fragments;
    private volatile boolean closed;
    /** Why the server closed the connection (its close frame's code and reason), once it did. */
    private volatile String closeReason;

    private RawWebSocket(final SocketChannel channel, final ByteBuffer afterHandshake)
    {
        this.channel = channel;
        in.put(afterHandshake);
    }

    /** Connects and completes the opening handshake (blocking); the channel is non-blocking afterwards. */
    static RawWebSocket connect(final String host, final int port, final String path) throws IOException
    {
        final SocketChannel channel = SocketChannel.open(new InetSocketAddress(host, port));
        channel.socket().setTcpNoDelay(true);
        final byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        final String key = Base64.getEncoder().encodeToString(nonce);
        final String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + ':' + port
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        final ByteBuffer requestBytes = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
        while (requestBytes.hasRemaining())
        {
            channel.write(requestBytes);
        }
        // The socket's stream, not the channel: only its reads honour a timeout.
        channel.socket().setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
        final InputStream answer = channel.socket().getInputStream();
        final ByteBuffer response = ByteBuffer.allocate(HEADER_LIMIT);
        int headerEnd;
        while ((headerEnd = headerEnd(response)) < 0)
        {
            final int read = response.hasRemaining() ? answer.read(response.array(), response.position(), response.remaining()) : -1;
            if (read < 0)
            {
                channel.close();
                throw new IOException("no WebSocket handshake answer from " + host + ':' + port + path);
            }
            response.position(response.position() + read);
        }
        final String header = new String(response.array(), 0, headerEnd, StandardCharsets.US_ASCII);
        if (!header.startsWith("HTTP/1.1 101") || !header.contains(acceptFor(key)))
        {
            channel.close();
            throw new IOException("WebSocket handshake refused: " + header.lines().findFirst().orElse(""));
        }
        response.flip().position(headerEnd);
        channel.configureBlocking(false);
        return new RawWebSocket(channel, response);
    }

    SocketChannel channel()
    {
        return channel;
    }

    boolean isClosed()
    {
        return closed;
    }

    String closeReason()
    {
        return closeReason;
    }

    /**
     * Sends {@code payload} (position to limit, at most 65,535 bytes) as one masked text frame. Any
     * thread; the lock keeps a pong from the reader thread from landing inside an order's frame.
     */
    synchronized void sendText(final ByteBuffer payload) throws IOException
    {
        send(OPCODE_TEXT, payload);
    }

    private void send(final int opcode, final ByteBuffer payload) throws IOException
    {
        if (closed)
        {
            throw new IOException("connection closed by the server: " + closeReason);
        }
        final int length = payload.remaining();
        if (length > 0xFFFF)
        {
            throw new IllegalArgumentException("a request of " + length + " bytes; the load generator sends small ones only");
        }
        out.clear();
        out.put((byte)(0x80 | opcode));
        if (length < 126)
        {
            out.put((byte)(0x80 | length));
        }
        else
        {
            out.put((byte)(0x80 | 126)).putShort((short)length);
        }
        final int mask = ThreadLocalRandom.current().nextInt();
        out.putInt(mask);
        for (int i = 0; i < length; i++)
        {
            out.put((byte)(payload.get(payload.position() + i) ^ (mask >>> (8 * (3 - (i & 3))))));
        }
        out.flip();
        while (out.hasRemaining())
        {
            // Non-blocking: a full socket buffer (the server stalled) makes the sender wait here,
            // and every send behind it is measured from its intended time, so the stall is counted.
            if (channel.write(out) == 0)
            {
                LockSupport.parkNanos(WRITE_RETRY_NANOS);
            }
        }
    }

    /**
     * Reads what has arrived and hands each complete text message to {@code handler} (reader
     * thread). Returns false once the connection is closed.
     */
    boolean read(final TextHandler handler) throws IOException
    {
        if (channel.read(in) < 0)
        {
            closeReason = "the connection ended without a close frame";
            closed = true;
            return false;
        }
        in.flip();
        while (in.remaining() >= 2)
        {
            final int start = in.position();
            final boolean last = (in.get(start) & 0x80) != 0;
            final int opcode = in.get(start) & 0x0F;
            if ((in.get(start + 1) & 0x80) != 0)
            {
                throw new IOException("a masked frame from the server (RFC 6455 forbids it)");
            }
            final int length7 = in.get(start + 1) & 0x7F;
            final int header = length7 < 126 ? 2 : length7 == 126 ? 4 : 10;
            if (in.remaining() < header)
            {
                break;
            }
            final long length = length7 < 126 ? length7
                : length7 == 126 ? in.getShort(start + 2) & 0xFFFF : in.getLong(start + 2);
            if (length < 0)
            {
                throw new IOException("a frame length over 2^63 bytes");
            }
            if (header + length > in.capacity())
            {
                grow(header + length);
                return read(handler);
            }
            if (in.remaining() < header + length)
            {
                break;
            }
            final int payload = start + header;
            in.position(payload + (int)length);
            if (opcode == OPCODE_TEXT && last)
            {
                handler.onText(in, payload, (int)length);
            }
            else if (opcode == OPCODE_TEXT || opcode == OPCODE_CONTINUATION && fragments != null)
            {
                onFragment(handler, payload, (int)length, last);
            }
            else if (opcode == OPCODE_PING)
            {
                // The exchange never pings (its heartbeats are JSON); a pong waits for the sender's write, if one is in progress.
                synchronized (this)
                {
                    send(OPCODE_PONG, in.duplicate().position(payload).limit(payload + (int)length));
                }
            }
            else if (opcode == OPCODE_CLOSE)
            {
                // Marked, not closed: the sender may be writing; its next send says why, and close() ends it.
                closeReason = closeReason(payload, (int)length);
                closed = true;
                return false;
            }
        }
        in.compact();
        return true;
    }

    private String closeReason(final int payload, final int length)
    {
        if (length < 2)
        {
            return "close frame without a code";
        }
        final byte[] reason = new byte[length - 2];
        in.get(payload + 2, reason);
        return "close code " + (in.getShort(payload) & 0xFFFF) + " " + new String(reason, StandardCharsets.UTF_8);
    }

    private void onFragment(final TextHandler handler, final int payload, final int length, final boolean last)
    {
        if (fragments == null)
        {
            fragments = new ByteArrayOutputStream();
        }
        for (int i = 0; i < length; i++)
        {
            fragments.write(in.get(payload + i));
        }
        if (last)
        {
            final byte[] message = fragments.toByteArray();
            fragments = null;
            handler.onText(ByteBuffer.wrap(message), 0, message.length);
        }
    }

    private void grow(final long needed)
    {
        if (needed > Integer.MAX_VALUE / 2)
        {
            throw new IllegalStateException("frame of " + needed + " bytes");
        }
        final ByteBuffer bigger = ByteBuffer.allocateDirect(Integer.highestOneBit((int)needed) << 1);
        bigger.put(in); // from the frame that does not fit: the ones before it were handled
        in = bigger;
    }

    @Override
    public void close() throws IOException
    {
        closed = true;
        channel.close();
    }

    private static int headerEnd(final ByteBuffer response)
    {
        final byte[] bytes = response.array();
        for (int i = 3; i < response.position(); i++)
        {
            if (bytes[i - 3] == '\r' && bytes[i - 2] == '\n' && bytes[i - 1] == '\r' && bytes[i] == '\n')
            {
                return i + 1;
            }
        }
        return -1;
    }

    private static String acceptFor(final String key)
    {
        try
        {
            final byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new IllegalStateException(e);
        }
    }
}
