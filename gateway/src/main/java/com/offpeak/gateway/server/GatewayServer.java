package com.offpeak.gateway.server;

import com.offpeak.engine.EngineConfig;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.gateway.auth.ApiKeyStore;
import com.offpeak.gateway.rest.RestApi;
import com.offpeak.gateway.ws.WebSocketApi;
import com.offpeak.ledger.LedgerConfig;
import com.offpeak.pipeline.Exchange;
import com.offpeak.pipeline.Pipeline;
import com.offpeak.pipeline.PipelineClock;
import com.offpeak.pipeline.PipelineConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.net.BindException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole exchange process: the pipeline (recovered from the data directory), the publisher
 * that turns its output into market data and private reports, and one HTTP server carrying the
 * WebSocket API on {@code /ws}, REST, metrics and the live page at {@code /}.
 */
public final class GatewayServer implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
    private static final long TIMER_TICK_MILLIS = 100;

    private final GatewayConfig config;
    private final Catalog catalog;
    private final Vertx vertx;
    private final Pipeline pipeline;
    private final Publisher publisher;
    private final PipelineClock exchangeClock;
    private final ApiKeyStore keys;
    private final HttpServer server;

    private GatewayServer(final GatewayConfig config) throws Exception
    {
        this.config = config;
        catalog = config.catalog() == null ? Catalog.loadDefault() : Catalog.load(config.catalog());
        keys = ApiKeyStore.open(config.dataDir());
        vertx = Vertx.vertx();
        final Context publisherContext = vertx.getOrCreateContext();
        publisher = new Publisher(publisherContext, catalog, config.dataDir(), config.relayBytes(), config.limits().conflationMillis(),
            config.preallocatedOrders());
        final PipelineConfig pipelineConfig = PipelineConfig.defaults(config.dataDir()).withDurability(config.durability())
            .withClockSpeed(config.clockSpeed()).withTickEveryMillis(TIMER_TICK_MILLIS)
            .withSnapshotEvery(config.snapshotEvery());
        pipeline = Pipeline.start(pipelineConfig,
            Exchange.factory(catalog, EngineConfig.DEFAULT.withPreallocatedOrders(config.preallocatedOrders()),
                new LedgerConfig(config.makerBps(), config.takerBps(), config.preallocatedOrders())), publisher.relay());
        // The same mapping the sequencer uses, to turn "in N minutes" requests into engine time.
        exchangeClock = PipelineClock.accelerated(config.clockSpeed(), pipeline.recovered().lastTime());

        final Promise<Void> caughtUp = Promise.promise();
        publisherContext.runOnContext(ignored ->
        {
            publisher.drain();
            vertx.setPeriodic(config.limits().heartbeatMillis(), id -> publisher.heartbeat());
            caughtUp.complete();
        });
        caughtUp.future().await(5, TimeUnit.MINUTES);

        final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        final WebSocketApi webSocketApi = new WebSocketApi(catalog, pipeline, publisher, keys, config.limits(), exchangeClock::now,
            metrics);
        Gauge.builder("offpeak_relay_dropped_outputs", publisher.relay(), OutputRelay::droppedOutputs).register(metrics);

        final Router router = Router.router(vertx);
        new RestApi(catalog, publisher, keys, pipeline, metrics, config.dataDir()).register(router);
        router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));

        final HttpServerOptions options = new HttpServerOptions().setHost(config.bindAddress()).setPort(config.port())
            .setMaxWebSocketFrameSize(config.limits().maxFrameBytes()).setMaxWebSocketMessageSize(config.limits().maxFrameBytes())
            // No compression: its CPU per message is not worth it for small JSON, and a compressed
            // frame would pass the frame limit and then be dropped whole, unanswered, once inflated.
            .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false)
            .setRegisterWebSocketWriteHandlers(false);
        final HttpServer created = vertx.createHttpServer(options)
            .webSocketHandshakeHandler(handshake ->
            {
                if ("/ws".equals(handshake.path()))
                {
                    handshake.accept();
                }
                else
                {
                    handshake.reject(404);
                }
            })
            .webSocketHandler(webSocketApi::accept)
            .requestHandler(router);
        try
        {
            server = created.listen().await(30, TimeUnit.SECONDS);
        }
        catch (final Exception e)
        {
            // Nothing listens, so nothing may keep running: the pipeline (and its lock on the data directory) stops too.
            stopBehindServer();
            if (e instanceof BindException)
            {
                throw new BindException("cannot listen on " + config.bindAddress() + ':' + config.port() + ": " + e.getMessage() +
                    " (another server there? --port chooses another)");
            }
            throw e;
        }
        LOG.info("gateway listening on http://{}:{}/ (WebSocket /ws), data in {}", config.bindAddress(), server.actualPort(),
            config.dataDir());
    }

    /** Recovers the data directory, starts the pipeline and opens the server; returns once it listens. */
    public static GatewayServer start(final GatewayConfig config) throws Exception
    {
        return new GatewayServer(config);
    }

    public int port()
    {
        return server.actualPort();
    }

    public String baseUrl()
    {
        return "http://" + config.bindAddress() + ':' + port();
    }

    public Catalog catalog()
    {
        return catalog;
    }

    public Pipeline pipeline()
    {
        return pipeline;
    }

    public Publisher publisher()
    {
        return publisher;
    }

    public ApiKeyStore keys()
    {
        return keys;
    }

    public Vertx vertx()
    {
        return vertx;
    }

    /** Engine time now, as the sequencer would stamp it. */
    public long exchangeTime()
    {
        return exchangeClock.now();
    }

    /** Stops taking connections, drains the pipeline, and closes the journals. */
    @Override
    public void close()
    {
        try
        {
            server.close().await(10, TimeUnit.SECONDS);
        }
        catch (final Exception e)
        {
            LOG.warn("server did not close cleanly", e);
        }
        stopBehindServer();
    }

    /** Stops what runs behind the HTTP server, in order: the pipeline, Vert.x, the publisher. */
    private void stopBehindServer()
    {
        pipeline.close();
        try
        {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        catch (final Exception e)
        {
            LOG.warn("vert.x did not close cleanly", e);
        }
        publisher.close();
    }
}
