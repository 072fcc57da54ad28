package com.offpeak.gateway.rest;

import com.offpeak.engine.catalog.Catalog;
import com.offpeak.engine.catalog.Instrument;
import com.offpeak.gateway.auth.ApiKey;
import com.offpeak.gateway.auth.ApiKeyStore;
import com.offpeak.gateway.auth.Role;
import com.offpeak.gateway.marketdata.Channel;
import com.offpeak.gateway.marketdata.InstrumentMarket;
import com.offpeak.gateway.server.Publisher;
import com.offpeak.gateway.wire.Prices;
import com.offpeak.gateway.ws.ApiError;
import com.offpeak.gateway.ws.BadRequest;
import com.offpeak.gateway.ws.Replies;
import com.offpeak.journal.Journals;
import com.offpeak.ledger.Ledger;
import com.offpeak.ledger.account.AccountId;
import com.offpeak.ledger.account.AccountKind;
import com.offpeak.ledger.journal.StatementExporter;
import com.offpeak.pipeline.Pipeline;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.util.function.Function;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REST on the same server (docs/api.md, "REST"): public market data, an account's own balances,
 * statement, orders and leases (bearer API key), admin deposits and withdrawals (admin key, idempotency key),
 * spending caps and market modes (admin key),
 * health and Prometheus metrics. Market data and account state live on the publisher context;
 * handlers read them there and answer from there.
 */
public final class RestApi
{
    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);
    private static final int MAX_BODY_BYTES = 4096;

    private final Catalog catalog;
    private final Publisher publisher;
    private final ApiKeyStore keys;
    private final AdminRequests admin;
    private final QuoteRequests quotes;
    private final PrometheusMeterRegistry metrics;
    private final Path dataDir;

    public RestApi(final Catalog catalog, final Publisher publisher, final ApiKeyStore keys, final Pipeline pipeline,
        final PrometheusMeterRegistry metrics, final Path dataDir)
    {
        this.dataDir = dataDir;
        this.catalog = catalog;
        this.publisher = publisher;
        this.keys = keys;
        this.admin = new AdminRequests(pipeline);
        this.quotes = new QuoteRequests(pipeline, catalog);
        this.metrics = metrics;
    }

    public void register(final Router router)
    {
        router.get("/health").handler(this::health);
        router.get("/metrics").handler(ctx -> ctx.response().putHeader("content-type", "text/plain; version=0.0.4")
            .end(metrics.scrape()));
        router.get("/api/instruments").handler(this::instruments);
        router.get("/api/book/:instrument").handler(ctx -> marketData(ctx, Channel.BOOK));
        router.get("/api/trades/:instrument").handler(ctx -> marketData(ctx, Channel.TRADES));
        router.get("/api/ticker/:instrument").handler(ctx -> marketData(ctx, Channel.TICKER));
        router.get("/api/utilisation/:instrument").handler(ctx -> marketData(ctx, Channel.UTILISATION));
        router.get("/api/utilisation").handler(ctx -> onPublisher(ctx, () -> ctx.response()
            .putHeader("content-type", "application/json")
            .end(publisher.publicChannels().utilisationOverall())));
        router.get("/api/auction/:instrument").handler(ctx -> marketData(ctx, Channel.AUCTION));
        router.get("/api/quote").handler(this::quote);
        router.get("/api/candles/:instrument").handler(this::candles);
        router.get("/api/account/balances").handler(ctx -> account(ctx, account -> new JsonObject().put("account", account)
            .put("available", Prices.format(publisher.balances().available(account)))
            .put("held", Prices.format(publisher.balances().held(account)))));
        router.get("/api/account/orders").handler(ctx -> account(ctx, account -> new JsonObject().put("account", account)
            .put("orders", publisher.accounts().ordersOf(account))));
        router.get("/api/account/leases").handler(ctx -> account(ctx, account -> new JsonObject().put("account", account)
            .put("leases", publisher.accounts().leasesOf(account))));
        router.get("/api/account/statement").handler(this::statement);
        router.post("/api/admin/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        router.post("/api/admin/deposit").handler(ctx -> cash(ctx, true));
        router.post("/api/admin/withdraw").handler(ctx -> cash(ctx, false));
        router.post("/api/admin/spending-cap").handler(this::spendingCap);
        router.post("/api/admin/market-mode").handler(this::marketMode);
        // Last of the API's routes: an API client gets the JSON envelope for a wrong path or method, not the page's HTML 404.
        router.route("/api/*").handler(ctx -> error(ctx, 404, ApiError.NOT_FOUND,
            "no such endpoint: " + ctx.request().method() + ' ' + ctx.request().path() + " (docs/api.md lists them)"));
        // And for a failed request (a body over the limit, a handler that threw), instead of Vert.x's text page.
        router.route("/api/*").failureHandler(this::failed);
    }

    private void failed(final RoutingContext ctx)
    {
        if (ctx.response().ended())
        {
            return;
        }
        if (ctx.statusCode() == 413)
        {
            error(ctx, 413, ApiError.BAD_REQUEST, "the request body is over " + MAX_BODY_BYTES + " bytes");
            return;
        }
        internalError(ctx, ctx.failure());
    }

    /** A request the server failed on: logged with its cause, answered {@code 500 INTERNAL}. */
    private static void internalError(final RoutingContext ctx, final Throwable cause)
    {
        LOG.error("REST {} {} failed", ctx.request().method(), ctx.request().path(), cause);
        error(ctx, 500, ApiError.INTERNAL, null);
    }

    /**
     * Runs {@code work} on the publisher's context, the only one that reads its state; if it throws,
     * the request is answered {@code 500 INTERNAL} rather than left without an answer. A
     * {@link LinkageError} too: a class missing from a build replaced under the running server.
     */
    private void onPublisher(final RoutingContext ctx, final Runnable work)
    {
        publisher.context().runOnContext(ignored ->
        {
            try
            {
                work.run();
            }
            catch (final RuntimeException | LinkageError e)
            {
                internalError(ctx, e);
            }
        });
    }

    private void health(final RoutingContext ctx)
    {
        onPublisher(ctx, () -> json(ctx, 200, new JsonObject().put("status", "UP")
            .put("lastSequence", publisher.lastApplied()).put("engineTime", publisher.marketData().now())
            .put("sessions", publisher.publicChannels().sessions())));
    }

    /** The catalog, with each instrument's market mode (the publisher's view: read on its context). */
    private void instruments(final RoutingContext ctx)
    {
        onPublisher(ctx, () ->
        {
            final JsonArray list = new JsonArray();
            for (final Instrument instrument : catalog.all())
            {
                final int interval = publisher.marketData().market(instrument.index()).auction().intervalSeconds();
                list.add(new JsonObject().put("id", instrument.id()).put("generation", instrument.generation())
                    .put("year", instrument.year()).put("memoryGb", instrument.memoryGb())
                    .put("interconnect", instrument.interconnect().name()).put("gpusPerNode", instrument.gpusPerNode())
                    .put("tickSize", Prices.format(instrument.tickSize())).put("minDurationMinutes", instrument.minDurationMinutes())
                    .put("maxGpus", instrument.maxGpus()).put("maxDurationMinutes", instrument.maxDurationMinutes())
                    .put("mode", interval == 0 ? "CONTINUOUS" : "AUCTION").put("auctionIntervalSeconds", interval));
            }
            json(ctx, 200, new JsonObject().put("instruments", list));
        });
    }

    private void candles(final RoutingContext ctx)
    {
        final String interval = ctx.request().getParam("interval", "1m");
        final Channel channel = Channel.of("candles", interval);
        if (channel == null)
        {
            error(ctx, 400, ApiError.BAD_REQUEST, "interval must be 1m or 1h");
            return;
        }
        marketData(ctx, channel);
    }

    /** The same JSON a WebSocket subscriber gets as its snapshot. */
    private void marketData(final RoutingContext ctx, final Channel channel)
    {
        final Instrument instrument = catalog.byId(ctx.pathParam("instrument"));
        if (instrument == null)
        {
            error(ctx, 404, ApiError.UNKNOWN_INSTRUMENT, null);
            return;
        }
        onPublisher(ctx, () ->
        {
            final InstrumentMarket market = publisher.marketData().market(instrument.index());
            ctx.response().putHeader("content-type", "application/json").end(publisher.publicChannels().snapshot(market, channel));
        });
    }

    /**
     * {@code ?instrument=H100-SXM&gpus=8&durationMinutes=60&alternatives=true}: what the live book would fill now.
     * Anonymous (account 0); with a bearer key, as that account (its own asks are skipped, as they would be).
     */
    private void quote(final RoutingContext ctx)
    {
        long account = 0;
        if (ctx.request().getHeader("Authorization") != null)
        {
            final ApiKey key = bearer(ctx);
            if (key == null)
            {
                return;
            }
            account = key.account();
        }
        final QuoteRequests.Quote request;
        try
        {
            final Instrument instrument = catalog.byId(ctx.request().getParam("instrument", ""));
            if (instrument == null)
            {
                error(ctx, 404, ApiError.UNKNOWN_INSTRUMENT, null);
                return;
            }
            request = new QuoteRequests.Quote(account, instrument.index(),
                QuoteRequests.positiveInt(ctx.request().getParam("gpus"), "gpus"),
                QuoteRequests.positiveInt(ctx.request().getParam("durationMinutes"), "durationMinutes"),
                "true".equals(ctx.request().getParam("alternatives")));
        }
        catch (final IllegalArgumentException e)
        {
            error(ctx, 400, ApiError.BAD_REQUEST, e.getMessage());
            return;
        }
        quotes.submit(request).onComplete(result ->
        {
            if (result.failed())
            {
                error(ctx, 503, ApiError.BUSY, null);
            }
            else
            {
                json(ctx, result.result().containsKey("error") ? 409 : 200, result.result());
            }
        });
    }

    private void account(final RoutingContext ctx, final Function<Long, JsonObject> view)
    {
        final ApiKey key = bearer(ctx);
        if (key != null)
        {
            onPublisher(ctx, () -> json(ctx, 200, view.apply(key.account())));
        }
    }

    /**
     * The account's ledger history as CSV, by the ledger's own {@link StatementExporter} reading
     * the output journal's transfer documents; {@code ?kind=held} for the held account. Reading a
     * journal blocks, so it runs on a worker thread.
     */
    private void statement(final RoutingContext ctx)
    {
        final ApiKey key = bearer(ctx);
        if (key == null)
        {
            return;
        }
        final String kind = ctx.request().getParam("kind", "available");
        if (!"available".equals(kind) && !"held".equals(kind))
        {
            error(ctx, 400, ApiError.BAD_REQUEST, "kind must be available or held");
            return;
        }
        final long accountId = AccountId.of(key.account(), "held".equals(kind) ? AccountKind.HELD : AccountKind.AVAILABLE);
        ctx.vertx().executeBlocking(() ->
        {
            final StringBuilder csv = new StringBuilder(4096);
            try (ChronicleQueue journal = Journals.openReadOnly(dataDir, Journals.OUTPUT))
            {
                StatementExporter.export(journal, accountId, csv);
            }
            return csv.toString();
        }, false).onComplete(result ->
        {
            if (result.succeeded())
            {
                ctx.response().putHeader("content-type", "text/csv").end(result.result());
            }
            else
            {
                error(ctx, 500, ApiError.INTERNAL, "statement export failed");
            }
        });
    }

    private void cash(final RoutingContext ctx, final boolean deposit)
    {
        adminRequest(ctx, body -> AdminRequests.Request.cash(deposit, positive(body, "account"), amount(body),
            positive(body, "idempotencyKey")), request -> new JsonObject().put("ok", true).put("account", request.account())
            .put("amount", Prices.format(request.amount())).put("idempotencyKey", request.idempotencyKey()));
    }

    /** {@code {"account": 7, "capPerHour": "50.00"}}; {@code "capPerHour": null} removes the cap. */
    private void spendingCap(final RoutingContext ctx)
    {
        adminRequest(ctx, body -> AdminRequests.Request.spendingCap(positive(body, "account"), capPerHour(body)),
            request -> new JsonObject().put("ok", true).put("account", request.account()).put("capPerHour",
                request.amount() == Ledger.NO_CAP ? null : Prices.format(request.amount())));
    }

    /** {@code {"instrument": "H100-SXM", "auctionIntervalSeconds": 60}}; 0 switches back to continuous matching. */
    private void marketMode(final RoutingContext ctx)
    {
        adminRequest(ctx, body ->
        {
            final Object id = body.getValue("instrument");
            final Instrument instrument = id instanceof String text ? catalog.byId(text) : null;
            if (instrument == null)
            {
                throw new BadRequest(ApiError.UNKNOWN_INSTRUMENT, "'instrument' must be a catalog id (GET /api/instruments)");
            }
            final Object interval = body.getValue("auctionIntervalSeconds");
            if (!(interval instanceof Integer seconds))
            {
                throw new IllegalArgumentException("'auctionIntervalSeconds' must be an integer (0 = continuous)");
            }
            return AdminRequests.Request.marketMode(instrument.index(), seconds);
        }, request -> new JsonObject().put("ok", true).put("instrument", catalog.get(request.instrument()).id())
            .put("auctionIntervalSeconds", request.auctionIntervalSeconds()));
    }

    /** Admin key, JSON body parsed into a request, through the pipeline; 409 with the ledger's or engine's code if refused. */
    private void adminRequest(final RoutingContext ctx, final Function<JsonObject, AdminRequests.Request> parse,
        final Function<AdminRequests.Request, JsonObject> answer)
    {
        final ApiKey key = bearer(ctx);
        if (key == null)
        {
            return;
        }
        if (key.role() != Role.ADMIN)
        {
            error(ctx, 403, ApiError.FORBIDDEN, "admin requests need an admin key");
            return;
        }
        final AdminRequests.Request request;
        try
        {
            final JsonObject body = ctx.body().asJsonObject();
            if (body == null)
            {
                throw new IllegalArgumentException("a JSON body is required");
            }
            request = parse.apply(body);
        }
        catch (final DecodeException | ClassCastException e)
        {
            error(ctx, 400, ApiError.BAD_JSON, null);
            return;
        }
        catch (final BadRequest e)
        {
            error(ctx, 400, e.error(), e.getMessage());
            return;
        }
        catch (final IllegalArgumentException e)
        {
            error(ctx, 400, ApiError.BAD_REQUEST, e.getMessage());
            return;
        }
        admin.submit(request).onComplete(result ->
        {
            if (result.failed())
            {
                error(ctx, 503, ApiError.BUSY, null);
            }
            else if (result.result() != null)
            {
                json(ctx, 409, result.result());
            }
            else
            {
                json(ctx, 200, answer.apply(request));
            }
        });
    }

    /** The key of an {@code Authorization: Bearer} header, or null after answering 401. */
    private ApiKey bearer(final RoutingContext ctx)
    {
        final String header = ctx.request().getHeader("Authorization");
        final ApiKey key = header != null && header.startsWith("Bearer ") ? keys.authenticate(header.substring(7).trim()) : null;
        if (key == null)
        {
            error(ctx, 401, header == null ? ApiError.NOT_AUTHENTICATED : ApiError.AUTH_FAILED, "send Authorization: Bearer <api key>");
        }
        return key;
    }

    private static long positive(final JsonObject body, final String field)
    {
        final Object value = body.getValue(field);
        if (!(value instanceof Integer || value instanceof Long) || ((Number)value).longValue() <= 0)
        {
            throw new IllegalArgumentException("'" + field + "' must be a positive integer");
        }
        return ((Number)value).longValue();
    }

    private static long amount(final JsonObject body)
    {
        final Object value = body.getValue("amount");
        final long micros = value instanceof String text ? Prices.parse(text) : Prices.INVALID;
        if (micros <= 0)
        {
            throw new IllegalArgumentException("'amount' must be a positive decimal string of USD, e.g. \"1000.00\"");
        }
        return micros;
    }

    private static long capPerHour(final JsonObject body)
    {
        if (!body.containsKey("capPerHour"))
        {
            throw new IllegalArgumentException("'capPerHour' is required: a decimal string of USD per hour, or null for no cap");
        }
        final Object value = body.getValue("capPerHour");
        if (value == null)
        {
            return Ledger.NO_CAP;
        }
        final long micros = value instanceof String text ? Prices.parse(text) : Prices.INVALID;
        if (micros < 0)
        {
            throw new IllegalArgumentException("'capPerHour' must be a decimal string of USD per hour, e.g. \"50.00\", or null");
        }
        return micros;
    }

    private static void json(final RoutingContext ctx, final int status, final JsonObject body)
    {
        json(ctx, status, body.encode());
    }

    private static void json(final RoutingContext ctx, final int status, final String body)
    {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body);
    }

    private static void error(final RoutingContext ctx, final int status, final ApiError error, final String detail)
    {
        json(ctx, status, Replies.error(null, error, detail));
    }
}
