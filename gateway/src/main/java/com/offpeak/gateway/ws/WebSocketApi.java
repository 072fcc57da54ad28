package com.offpeak.gateway.ws;

import com.offpeak.engine.Command;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.engine.catalog.Instrument;
import com.offpeak.gateway.auth.ApiKey;
import com.offpeak.gateway.auth.ApiKeyStore;
import com.offpeak.gateway.auth.ConnectionLimiter;
import com.offpeak.gateway.auth.TokenBucket;
import com.offpeak.gateway.marketdata.Channel;
import com.offpeak.gateway.server.Publisher;
import com.offpeak.gateway.wire.JsonFields;
import com.offpeak.pipeline.InputWriter;
import com.offpeak.pipeline.Pipeline;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.http.WebSocketInternal;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket API on {@code /ws} (docs/api.md): one JSON request per text message, each answered
 * with its {@code id} echoed — order entry after the pipeline has journaled and applied it, every
 * other request at once. Public channels need no login; order entry and the private channel need
 * an API key. Nothing a client sends can break the connection's state or the server: every
 * malformed, hostile or unauthorised request gets an error response and the next one is served.
 */
public final class WebSocketApi
{
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketApi.class);
    /** The utilisation channel's pseudo-instrument for the whole market. */
    private static final String OVERALL = "ALL";
    /** The engine command a connection staged, copied into the ring slot; static and non-capturing. */
    private static final InputWriter<Command> COPY_COMMAND = (slot, command) ->
    {
        slot.command.copyFrom(command);
        slot.engineCommand();
    };

    private final Catalog catalog;
    private final Pipeline pipeline;
    private final Publisher publisher;
    private final ApiKeyStore keys;
    private final Limits limits;
    private final LongSupplier exchangeClock;
    private final ConnectionLimiter connections;
    private final SessionRegistry sessions;
    private final OrderAcks acks;
    private final OrderRequests orders;
    private final ConcurrentHashMap<String, TokenBucket> bucketsByKey = new ConcurrentHashMap<>();
    /** One writer per event loop that serves connections. */
    private final ConcurrentHashMap<EventExecutor, EventLoopWriter> writers = new ConcurrentHashMap<>();
    private final MeterRegistry metrics;
    private final Counter requests;
    private final Counter orderRequests;
    private final Counter errors;
    private final Counter slowConsumers;

    public WebSocketApi(final Catalog catalog, final Pipeline pipeline, final Publisher publisher, final ApiKeyStore keys,
        final Limits limits, final LongSupplier exchangeClock, final MeterRegistry metrics)
    {
        this.catalog = catalog;
        this.pipeline = pipeline;
        this.publisher = publisher;
        this.keys = keys;
        this.limits = limits;
        this.exchangeClock = exchangeClock;
        this.metrics = metrics;
        connections = new ConnectionLimiter(limits.maxConnectionsPerAddress());
        sessions = new SessionRegistry(65_536);
        acks = new OrderAcks(sessions, catalog);
        orders = new OrderRequests(catalog);
        requests = metrics.counter("offpeak_ws_requests");
        orderRequests = metrics.counter("offpeak_ws_order_requests");
        errors = metrics.counter("offpeak_ws_errors");
        slowConsumers = metrics.counter("offpeak_ws_slow_consumers");
    }

    /** Takes a freshly accepted WebSocket: applies the per-address limit, then serves its requests. */
    public void accept(final ServerWebSocket socket)
    {
        final String address = socket.remoteAddress() == null ? "unknown" : socket.remoteAddress().hostAddress();
        if (!connections.tryOpen(address))
        {
            socket.writeTextMessage(Replies.error(null, ApiError.TOO_MANY_CONNECTIONS,
                "at most " + connections.maxPerAddress() + " connections per address"));
            socket.close(Session.CLOSE_POLICY, ApiError.TOO_MANY_CONNECTIONS.name());
            return;
        }
        final long reservation = sessions.reserve();
        if (reservation < 0)
        {
            connections.closed(address);
            socket.close(Session.CLOSE_POLICY, ApiError.TOO_MANY_CONNECTIONS.name());
            return;
        }
        final ChannelHandlerContext channel = ((WebSocketInternal)socket).channelHandlerContext();
        final EventLoopWriter writer = writers.computeIfAbsent(channel.executor(), EventLoopWriter::new);
        final Session session = new Session(SessionRegistry.sessionId(reservation), SessionRegistry.slot(reservation), socket, channel,
            writer, address, catalog.size(), limits.maxPendingMessages(), limits.maxInFlight(), slowConsumers::increment);
        session.anonymousBucket(new TokenBucket(limits.requestsPerSecond(), limits.requestBurst(), System.nanoTime()));
        sessions.publish(session);
        // Per connection, like its requests: reused request after request on the connection's event loop.
        final Command staged = new Command();
        final JsonFields.Reader reader = new JsonFields.Reader();
        socket.textMessageHandler(text -> onText(session, staged, reader, text));
        socket.binaryMessageHandler(bytes -> reply(session, Replies.error(null, ApiError.BINARY_NOT_SUPPORTED, null)));
        socket.exceptionHandler(e ->
        {
            LOG.debug("websocket {} from {} failed: {}", session.id(), address, e.toString());
            if (e instanceof CorruptedWebSocketFrameException corrupt)
            {
                // A frame over the limit, or one that breaks the protocol: say which before the connection goes.
                final WebSocketCloseStatus status =
                    corrupt.closeStatus() == null ? WebSocketCloseStatus.PROTOCOL_ERROR : corrupt.closeStatus();
                socket.close((short)status.code(), status.reasonText());
            }
        });
        socket.closeHandler(ignored -> closed(session));
    }

    private void closed(final Session session)
    {
        session.markClosed();
        connections.closed(session.address());
        sessions.release(session);
        publisher.context().runOnContext(ignored ->
        {
            publisher.publicChannels().remove(session);
            if (session.account() != 0)
            {
                publisher.privateChannels().remove(session);
            }
        });
    }

    private void onText(final Session session, final Command staged, final JsonFields.Reader reader, final String text)
    {
        requests.increment();
        if (text.length() > limits.maxRequestBytes())
        {
            error(session, null, ApiError.FRAME_TOO_LARGE, "at most " + limits.maxRequestBytes() + " characters per request");
            return;
        }
        final JsonFields request = reader.parse(text);
        if (request == null)
        {
            error(session, null, ApiError.BAD_JSON, null);
            return;
        }
        final String id;
        try
        {
            id = Replies.idJson(request.getValue("id"));
        }
        catch (final BadRequest e)
        {
            error(session, null, e.error(), e.getMessage());
            return;
        }
        try
        {
            handle(session, staged, request, id);
        }
        catch (final BadRequest e)
        {
            error(session, id, e.error(), e.getMessage());
        }
        catch (final RuntimeException e)
        {
            LOG.warn("request {} on session {} failed", id, session.id(), e);
            error(session, id, ApiError.INTERNAL, null);
        }
    }

    private void handle(final Session session, final Command staged, final JsonFields request, final String id)
    {
        final Object opValue = request.getValue("op");
        final Op op = opValue instanceof String name ? Op.of(name) : null;
        if (op == null)
        {
            throw new BadRequest(ApiError.UNKNOWN_OP, opValue == null ? "'op' is required" : "no op " + Replies.clip(opValue));
        }
        if (!session.bucket().tryAcquire(System.nanoTime()))
        {
            throw new BadRequest(ApiError.RATE_LIMITED, "at most " + (long)limits.requestsPerSecond() + " requests per second");
        }
        switch (op)
        {
            case PING -> reply(session, Replies.ok(id, new JsonObject().put("pong", true)));
            case TIME -> reply(session, Replies.ok(id, new JsonObject().put("time", exchangeClock.getAsLong())));
            case LOGIN -> login(session, request, id);
            case SUBSCRIBE, UNSUBSCRIBE -> subscription(session, request, id, op == Op.SUBSCRIBE);
            default -> orderEntry(session, staged, request, id, op);
        }
    }

    private void login(final Session session, final JsonFields request, final String id)
    {
        if (session.key() != null)
        {
            throw new BadRequest(ApiError.ALREADY_AUTHENTICATED, "logged in as account " + session.account());
        }
        final ApiKey key = keys.authenticate(RequestFields.requiredString(request, "key", 128));
        if (key == null)
        {
            throw new BadRequest(ApiError.AUTH_FAILED, null);
        }
        session.login(key, bucketsByKey.computeIfAbsent(key.keyId(),
            keyId -> new TokenBucket(limits.requestsPerSecond(), limits.requestBurst(), System.nanoTime())));
        final String answer = Replies.ok(id, new JsonObject().put("account", key.account()).put("role", key.role().name()));
        // The answer and the first balance go out from the publisher, so they arrive in that order.
        publisher.context().runOnContext(ignored ->
        {
            session.send(answer);
            publisher.privateChannels().add(session);
        });
    }

    /** {@code "instrument":"ALL"} on the utilisation channel: every instrument summed. */
    private void overallSubscription(final Session session, final String id, final boolean subscribe)
    {
        final String answer = Replies.ok(id, new JsonObject().put("channel", Channel.UTILISATION.wireName()).put("instrument", OVERALL));
        publisher.context().runOnContext(ignored ->
        {
            session.send(answer);
            if (subscribe)
            {
                publisher.publicChannels().subscribeOverall(session);
            }
            else
            {
                publisher.publicChannels().unsubscribeOverall(session);
            }
        });
    }

    private void subscription(final Session session, final JsonFields request, final String id, final boolean subscribe)
    {
        final String name = RequestFields.requiredString(request, "channel", 32);
        final Channel channel = Channel.of(name, RequestFields.optionalString(request, "interval", 8));
        if (channel == null)
        {
            throw new BadRequest(ApiError.UNKNOWN_CHANNEL,
                "channels: book, trades, ticker, candles (interval 1m or 1h), utilisation, auction");
        }
        if (channel == Channel.UTILISATION && OVERALL.equals(request.getValue("instrument")))
        {
            overallSubscription(session, id, subscribe);
            return;
        }
        final Instrument instrument = RequestFields.instrument(request, catalog);
        final JsonObject result = new JsonObject().put("channel", channel.wireName()).put("instrument", instrument.id());
        if (channel.interval() != null)
        {
            result.put("interval", channel.interval());
        }
        final String answer = Replies.ok(id, result);
        // Answer, then snapshot, then updates: all from the publisher context, in that order.
        publisher.context().runOnContext(ignored ->
        {
            session.send(answer);
            if (subscribe)
            {
                publisher.publicChannels().subscribe(session, instrument.index(), channel);
            }
            else
            {
                publisher.publicChannels().unsubscribe(session, instrument.index(), channel);
            }
        });
    }

    private void orderEntry(final Session session, final Command staged, final JsonFields request, final String id, final Op op)
    {
        final long account = session.account();
        if (account == 0)
        {
            throw new BadRequest(ApiError.NOT_AUTHENTICATED, "send {\"op\":\"login\",\"key\":\"...\"} first");
        }
        orderRequests.increment();
        switch (op)
        {
            case PLACE_ASK -> orders.placeAsk(request, account, staged);
            case PLACE_BID -> orders.placeBid(request, account, staged);
            case CANCEL -> orders.cancel(request, account, staged);
            case CANCEL_ALL -> orders.cancelAll(request, account, staged);
            case AMEND -> orders.amend(request, account, staged);
            case QUOTE -> orders.quote(request, account, staged);
            default -> throw new IllegalStateException(op + " is not order entry");
        }
        if (!session.awaiting().offer(id, op))
        {
            throw new BadRequest(ApiError.TOO_MANY_IN_FLIGHT, "at most " + limits.maxInFlight() + " requests awaiting answers");
        }
        if (!pipeline.trySubmitOnLoop(COPY_COMMAND, staged, acks, SessionRegistry.correlationId(session), session.eventLoop()))
        {
            session.awaiting().retractNewest();
            throw new BadRequest(ApiError.BUSY, null);
        }
    }

    private void error(final Session session, final String id, final ApiError error, final String detail)
    {
        errors.increment();
        reply(session, Replies.error(id, error, detail));
    }

    private static void reply(final Session session, final String text)
    {
        session.send(text);
    }
}
