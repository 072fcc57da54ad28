package com.offpeak.gateway.loadgen;

import com.offpeak.gateway.auth.ApiKeyStore;
import com.offpeak.gateway.auth.Role;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./offpeak loadgen}: drives a running server over N WebSocket connections at a fixed
 * offered rate and reports acknowledgement latency measured from each request's intended send
 * time (open loop: a stalled server cannot hide its stall by slowing the generator). Optionally
 * adds market-data subscribers that verify every book checksum and measure update lag. Runs in
 * its own JVM; creates its own API keys (and funds its buyers) in the server's data directory.
 */
@Command(name = "loadgen", mixinStandardHelpOptions = true,
    description = {"Load a running Offpeak server: N connections trading at a target rate; ack latency p50/p99/p99.9/max",
        "from intended send time; optional market-data subscribers with checksum verification and lag."})
public final class LoadgenCommand implements Callable<Integer>
{
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "server address (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "server port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data", defaultValue = "./data", description = "the server's data directory, for API keys (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--connections", defaultValue = "64", description = "trading connections (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--rate", defaultValue = "20000", description = "orders per second offered, all connections together (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--seconds", defaultValue = "20", description = "measured duration (default: ${DEFAULT-VALUE})")
    int seconds;

    // On the 2-core VM the load generator's own JIT compiles for about 20 s of load; a shorter warm-up measures its compiler.
    @Option(names = "--warmup", defaultValue = "20", description = "seconds of load before measuring (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--subscribers", defaultValue = "0", description = "market-data connections following the book, trades and ticker (default: ${DEFAULT-VALUE})")
    int subscribers;

    @Option(names = "--instrument", defaultValue = "L4", description = "instrument to trade (default: ${DEFAULT-VALUE})")
    String instrument;

    /** The order mix of the trading connections. */
    enum Mix
    {
        /** Every other order trades: {@link FillsFlow}. */
        fills,
        /** Amend-heavy, one request in 40 trades: {@link ExchangeMixFlow}. */
        exchange,
        /** No orders: pings the event loop answers itself, the round trip without the exchange ({@link PingFlow}). */
        ping
    }

    @Option(names = "--mix", defaultValue = "fills", description = "order mix: fills (owners post and cancel 8-GPU asks, buyers send IOC bids: "
        + "every other order trades), exchange (90%% amends of resting orders, one request in 40 trades, on --trade-instrument) "
        + "or ping (pings the server answers without the pipeline: the floor under the other two) "
        + "(default: ${DEFAULT-VALUE})")
    Mix mix;

    @Option(names = "--trade-instrument", defaultValue = "T4", description = "where the exchange mix trades (default: ${DEFAULT-VALUE})")
    String tradeInstrument;

    @Option(names = "--timeline", description = "write the measured answers per 100 ms of send time (answers, over 1 ms, longest) "
        + "to this CSV file, stamped with wall time to line up with the server's GC log or a profile")
    Path timelineFile;

    @Option(names = "--event-loops", defaultValue = "2", description = "event loops of the market-data subscribers (default: ${DEFAULT-VALUE})")
    int eventLoops;

    @Override
    public Integer call() throws Exception
    {
        try
        {
            return load();
        }
        catch (final ConnectException e)
        {
            System.err.printf("loadgen: cannot connect to %s:%d (%s); is `./offpeak serve --port %d` running?%n", host, port, e.getMessage(),
                port);
            return 1;
        }
        catch (final TradingConnection.TooFarBehind e)
        {
            System.err.println("loadgen: " + e.getMessage());
            return 1;
        }
    }

    private int load() throws Exception
    {
        final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        final WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(subscribers + 8)
            .setMaxFrameSize(1 << 22).setMaxMessageSize(1 << 24));
        final ApiKeyStore keys = ApiKeyStore.open(data);
        final String admin = keys.create(900_000, Role.ADMIN, System.currentTimeMillis());
        final AnswerTally warmUp = new AnswerTally(warmup);
        final AnswerTally measured = new AnswerTally(seconds);

        final TradingConnection[] traders = new TradingConnection[connections];
        for (int i = 0; i < connections; i++)
        {
            final long account = 900_001 + i;
            final boolean buyer = i % 2 == 1;
            if (buyer)
            {
                fund(admin, account);
            }
            final OrderFlow flow = switch (mix)
            {
                case fills -> new FillsFlow(buyer, instrument);
                case exchange -> new ExchangeMixFlow(buyer, instrument, tradeInstrument);
                case ping -> new PingFlow();
            };
            traders[i] = new TradingConnection(RawWebSocket.connect(host, port, "/ws"), keys.create(account, Role.TRADER,
                System.currentTimeMillis()), flow, warmUp, measured);
        }
        final AnswerReader reader = new AnswerReader(traders);
        for (final TradingConnection trader : traders)
        {
            trader.open();
        }
        final MarketDataSubscriber[] watchers = new MarketDataSubscriber[subscribers];
        for (int i = 0; i < subscribers; i++)
        {
            watchers[i] = new MarketDataSubscriber(connect(client), instrument);
        }
        System.out.printf("loadgen: %d trading connections at %,d orders/s offered (%s mix), %d market-data subscribers, %s on %s:%d%n",
            connections, rate, mix, subscribers, instrument, host, port);

        // The warm-up and the measured seconds are one open-loop schedule, and which of its requests
        // are measured is fixed before the first is sent: nothing in the sender or the reader changes
        // at the switch. A switch made between two runs of the schedule (until 2026-12-04) put the
        // JIT's deoptimizing and recompiling of both threads' loops into the first measured second.
        final long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        final long warmUpSends = (long)warmup * rate;
        final long sent = (long)seconds * rate;
        final long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
        final long epochStart = System.currentTimeMillis() + 1;
        final long measuredStart = start + warmUpSends * interval;
        warmUp.start(start, epochStart);
        measured.start(measuredStart, epochStart + TimeUnit.NANOSECONDS.toMillis(warmUpSends * interval));
        for (int i = 0; i < traders.length; i++)
        {
            traders[i].measureAfter(sendsTo(i, traders.length, warmUpSends));
        }
        if (subscribers > 0)
        {
            vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(measuredStart - System.nanoTime())), id ->
            {
                for (final MarketDataSubscriber watcher : watchers)
                {
                    watcher.reset();
                }
            });
        }
        run(traders, start, interval, warmUpSends + sent);
        reader.check();
        // The last answers can come a second or more after the last send when the server is behind:
        // wait for every answer, up to 10 s; "never answered" counts what still has none.
        final long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (measured.answers() < sent && System.nanoTime() < waitUntil)
        {
            Thread.sleep(10);
        }
        // From the first send to the last answer: the rate the server sustained, the drain included
        // (not the time waited above).
        final double elapsed = (Math.max(measured.lastAnswerNanos(), measuredStart) - measuredStart) / 1e9;
        final Histogram histogram = measured.latencies();
        final long acked = measured.acked();

        System.out.printf("orders sent %,d, acknowledged %,d (%,.0f/s from the first send to the last answer, %.2f s), errors %,d, "
            + "never answered %,d%n", sent, acked, elapsed == 0 ? 0 : acked / elapsed, elapsed, measured.errors(),
            sent - measured.answers());
        System.out.printf("ack latency from intended send time (us): p50 %,.0f  p99 %,.0f  p99.9 %,.0f  max %,.0f%n",
            histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(99) / 1e3,
            histogram.getValueAtPercentile(99.9) / 1e3, histogram.getMaxValue() / 1e3);
        if (!measured.errorCodes().isEmpty())
        {
            System.out.println("errors by code: " + new TreeMap<>(measured.errorCodes()));
        }
        if (subscribers > 0)
        {
            MarketDataSubscriber.report(watchers);
        }
        reader.check();
        reader.close(); // joins the reader: the timeline is complete and visible from here
        System.out.println(measured.timeline().summary());
        if (timelineFile != null)
        {
            measured.timeline().write(timelineFile);
        }
        for (final TradingConnection trader : traders)
        {
            trader.socket().close();
        }
        client.close(); // also keeps the client reachable until here: Vert.x closes unreachable clients' connections
        vertx.close().await(10, TimeUnit.SECONDS);
        return 0;
    }

    /**
     * Sends {@code sends} requests on the open-loop schedule from {@code start}, one every
     * {@code interval} ns, round-robin over the connections. The sender sleeps until the next request
     * is due, then sends every request due by the time it woke: a sleep overshoots by tens of
     * microseconds, and a request sent that late is still measured from its intended time, so the
     * lateness counts against the server. Spinning for exact send times instead took a whole core of
     * the two the server runs on.
     */
    private static void run(final TradingConnection[] traders, final long start, final long interval, final long sends)
    {
        for (long n = 0; n < sends; n++)
        {
            final long intended = start + n * interval;
            final long wait = intended - System.nanoTime();
            if (wait > 0)
            {
                LockSupport.parkNanos(wait);
            }
            traders[(int)(n % traders.length)].send(intended);
        }
    }

    /** How many of the schedule's first {@code sends} requests {@link #run} gives connection {@code i} of {@code connections}. */
    static long sendsTo(final int i, final int connections, final long sends)
    {
        return Math.max(0, (sends - i + connections - 1) / connections);
    }

    private WebSocket connect(final WebSocketClient client) throws Exception
    {
        return client.connect(new WebSocketConnectOptions().setHost(host).setPort(port).setURI("/ws")).await(10, TimeUnit.SECONDS);
    }

    private void fund(final String admin, final long account) throws Exception
    {
        final HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/api/admin/deposit"))
                .header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.ofString("{\"account\":" + account + ",\"amount\":\"100000000.00\",\"idempotencyKey\":" +
                    account + "}")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200)
        {
            throw new IllegalStateException("could not fund account " + account + ": " + response.body());
        }
    }
}
