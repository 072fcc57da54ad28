package com.offpeak.gateway.ws;

import com.offpeak.gateway.auth.ApiKey;
import com.offpeak.gateway.auth.TokenBucket;
import com.offpeak.gateway.marketdata.Channel;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.http.ServerWebSocket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One WebSocket connection. Requests arrive on the socket's event loop; market data and private
 * reports are written from the publisher's context. Every outgoing message goes through
 * {@link #send}, which bounds what may wait unsent: a consumer that falls that far behind is
 * disconnected with an explicit reason instead of slowing the publisher or growing memory.
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
    private final String address;
    private final int maxPendingMessages;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable onDroppedAsSlow;
    private final Handler<AsyncResult<Void>> written = result -> pending.decrementAndGet();
    private final AwaitingAcks awaiting;
    private volatile ApiKey key;
    private TokenBucket anonymousBucket;
    /** Publisher-context only: per instrument, the bits of the {@link Channel}s followed. */
    private final int[] channels;
    private boolean followsAnything;

    Session(final long id, final int slot, final ServerWebSocket socket, final String address, final int instruments,
        final int maxPendingMessages, final int maxInFlight, final Runnable onDroppedAsSlow)
    {
        this.onDroppedAsSlow = onDroppedAsSlow;
        this.id = id;
        this.slot = slot;
        this.awaiting = new AwaitingAcks(maxInFlight);
        this.socket = socket;
        this.address = address;
        this.channels = new int[instruments];
        this.maxPendingMessages = maxPendingMessages;
    }

    /**
     * Queues {@code text} unless the connection is closed or too far behind; then it is closed
     * with reason {@value #SLOW_CONSUMER} and false is returned. Safe from any thread.
     */
    public boolean send(final String text)
    {
        if (closed.get())
        {
            return false;
        }
        // Not writeQueueFull(): for writes from another thread (the publisher's) Vert.x 5 reports the
        // cross-thread hand-off queue, full at a few messages whenever the socket's event loop is busy.
        // Counting messages until their write completes measures what the peer has not taken.
        if (pending.get() >= maxPendingMessages)
        {
            if (disconnect(SLOW_CONSUMER + ": more than " + maxPendingMessages + " messages unsent"))
            {
                onDroppedAsSlow.run();
            }
            return false;
        }
        pending.incrementAndGet();
        socket.writeTextMessage(text).onComplete(written);
        return true;
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

    /** Rate limit of a connection before login (per connection); after login the key's shared bucket applies. */
    TokenBucket anonymousBucket()
    {
        return anonymousBucket;
    }

    void anonymousBucket(final TokenBucket bucket)
    {
        anonymousBucket = bucket;
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

    void key(final ApiKey key)
    {
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
