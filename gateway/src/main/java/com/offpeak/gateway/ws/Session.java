package com.offpeak.gateway.ws;

import com.offpeak.gateway.auth.ApiKey;
import com.offpeak.gateway.auth.TokenBucket;
import com.offpeak.gateway.marketdata.Channel;
import com.offpeak.gateway.wire.Utf8;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.VoidChannelPromise;
import io.vertx.core.http.ServerWebSocket;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.agrona.concurrent.ManyToOneConcurrentLinkedQueue;

/**
 * One WebSocket connection. Requests arrive on the socket's event loop; answers are written from
 * the pipeline's publisher thread, market data and private reports from the publisher's context.
 * Every outgoing message goes through {@link #send}, which bounds what may wait unsent: a
 * consumer that falls that far behind is disconnected with an explicit reason instead of slowing
 * the publisher or growing memory.
 *
 * <p>Messages queue here and the connection's {@link EventLoopWriter} writes all that are queued
 * in one go on the event loop, as {@link TextFrames} in one buffer with one flush. They go to the
 * Netty channel directly ({@code WebSocketInternal.channelHandlerContext()}, the context Vert.x
 * itself writes its frames to) because Vert.x flushes every message written on the event loop
 * outside a read: a socket write system call per message, about six per order. Vert.x's own
 * writes (pongs, the closing handshake) still take Vert.x's path.
 */
public final class Session
{
    /** WebSocket close code for a policy violation (RFC 6455), used with a reason naming which. */
    public static final short CLOSE_POLICY = 1008;
    public static final String SLOW_CONSUMER = "SLOW_CONSUMER";
    private static final long CLOSE_GRACE_SECONDS = 2;

    private final long id;
    private final int slot;
    private final ServerWebSocket socket;
    private final ChannelHandlerContext channel;
    /** The completion of a batch's earlier buffers: its last buffer's completion stands for them all. */
    private final ChannelPromise unobserved;
    private final EventLoopWriter writer;
    private final ManyToOneConcurrentLinkedQueue<byte[]> queued = new ManyToOneConcurrentLinkedQueue<>();
    private final AtomicBoolean writeScheduled = new AtomicBoolean();
    private final String address;
    private final int maxPendingMessages;
    /**
     * Messages handed to the network whose bytes it has not taken yet. Counted from the hand-off,
     * not from {@link #send}: messages still queued wait for this server's event loop, and a server
     * that falls behind (a burst, a cold JIT) must not take its own backlog for a slow peer.
     */
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable onDroppedAsSlow;
    private final AwaitingAcks awaiting;
    private volatile ApiKey key;
    /** The rate limit in force: the connection's own before login, the key's (shared by its connections) after. */
    private TokenBucket bucket;
    /** Publisher-context only: per instrument, the bits of the {@link Channel}s followed. */
    private final int[] channels;
    private boolean followsAnything;

    Session(final long id, final int slot, final ServerWebSocket socket, final ChannelHandlerContext channel,
        final EventLoopWriter writer, final String address, final int instruments, final int maxPendingMessages,
        final int maxInFlight, final Runnable onDroppedAsSlow)
    {
        this.onDroppedAsSlow = onDroppedAsSlow;
        this.id = id;
        this.slot = slot;
        this.awaiting = new AwaitingAcks(maxInFlight);
        this.socket = socket;
        this.channel = channel;
        this.unobserved = new VoidChannelPromise(channel.channel(), false);
        this.writer = writer;
        this.address = address;
        this.channels = new int[instruments];
        this.maxPendingMessages = maxPendingMessages;
    }

    /** The connection's event loop, which reads its requests and writes its messages. */
    public Executor eventLoop()
    {
        return channel.executor();
    }

    /** {@link #send(byte[])} of the text's UTF-8 bytes. */
    public boolean send(final String text)
    {
        return send(Utf8.encode(text));
    }

    /**
     * Queues one text message (UTF-8, never modified afterwards: one array may go to many sessions)
     * unless the connection is closed or too far behind; then it is closed with reason
     * {@value #SLOW_CONSUMER} and false is returned. Safe from any thread.
     */
    public boolean send(final byte[] message)
    {
        if (closed.get())
        {
            return false;
        }
        if (pending.get() >= maxPendingMessages)
        {
            if (disconnect(SLOW_CONSUMER + ": more than " + maxPendingMessages + " messages unsent"))
            {
                onDroppedAsSlow.run();
            }
            return false;
        }
        queued.offer(message);
        if (writeScheduled.compareAndSet(false, true))
        {
            writer.schedule(this);
        }
        return true;
    }

    /**
     * On the event loop: writes every queued message as frames in one buffer (a few for a large
     * batch) and flushes once. Netty completes a channel's writes in order, so the last write's
     * completion releases the whole batch from {@link #pending}. The loop ends: what is queued was
     * produced by work this event loop admitted (requests it read, outputs of the publisher, which
     * shares it), and producers on other threads (the pipeline's answers) are bounded by the
     * requests in flight.
     */
    void writeQueued()
    {
        // Cleared before draining, so a message queued from now on schedules another write.
        writeScheduled.set(false);
        byte[] message = queued.poll();
        if (message == null || closed.get())
        {
            return; // after a close nothing more goes out; what is queued is garbage
        }
        int batch = 0;
        ByteBuf frames = channel.alloc().directBuffer(TextFrames.FIRST_BYTES);
        do
        {
            if (frames.readableBytes() >= TextFrames.CHUNK_BYTES)
            {
                channel.write(frames, unobserved);
                frames = channel.alloc().directBuffer(TextFrames.FIRST_BYTES);
            }
            TextFrames.append(frames, message);
            batch++;
        }
        while ((message = queued.poll()) != null);
        final int written = batch;
        pending.addAndGet(written);
        channel.writeAndFlush(frames, channel.newPromise().addListener((ChannelFutureListener)future -> pending.addAndGet(-written)));
    }

    /**
     * Closes with a policy-violation code and {@code reason}; true the first time. A peer that
     * does not read would never complete the closing handshake, so the TCP connection is cut
     * after {@value #CLOSE_GRACE_SECONDS} s regardless.
     */
    public boolean disconnect(final String reason)
    {
        if (closed.compareAndSet(false, true))
        {
            socket.shutdown(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS, CLOSE_POLICY, reason);
            return true;
        }
        return false;
    }

    /** Marks the session closed after the peer or the network closed it. */
    void markClosed()
    {
        closed.set(true);
    }

    public boolean isClosed()
    {
        return closed.get();
    }

    public long id()
    {
        return id;
    }

    /** Index in the {@link SessionRegistry}; with {@link #id} it forms the pipeline correlation id. */
    int slot()
    {
        return slot;
    }

    AwaitingAcks awaiting()
    {
        return awaiting;
    }

    /** The rate limit of this connection's requests (event loop). */
    TokenBucket bucket()
    {
        return bucket;
    }

    /** The connection's own rate limit, until a login replaces it. */
    void anonymousBucket(final TokenBucket anonymous)
    {
        bucket = anonymous;
    }

    public String address()
    {
        return address;
    }

    /** The logged-in key, or {@code null} for an anonymous (market-data only) connection. */
    public ApiKey key()
    {
        return key;
    }

    /** Logs in as {@code key}, whose rate limit its connections share from now on (event loop). */
    void login(final ApiKey key, final TokenBucket keyBucket)
    {
        this.bucket = keyBucket;
        this.key = key;
    }

    /** The account this session trades for, 0 when anonymous. */
    public long account()
    {
        final ApiKey current = key;
        return current == null ? 0 : current.account();
    }

    // Publisher-context bookkeeping of public subscriptions.

    boolean follows(final int instrument, final Channel channel)
    {
        return (channels[instrument] & channel.bit()) != 0;
    }

    void follow(final int instrument, final Channel channel)
    {
        channels[instrument] |= channel.bit();
        followsAnything = true;
    }

    void unfollow(final int instrument, final Channel channel)
    {
        channels[instrument] &= ~channel.bit();
    }

    boolean followsAnything()
    {
        return followsAnything;
    }
}
