package com.offpeak.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.offpeak.engine.EngineConfig;
import com.offpeak.engine.Side;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.gateway.server.GatewayConfig;
import com.offpeak.gateway.ws.Limits;
import com.offpeak.ledger.LedgerConfig;
import com.offpeak.pipeline.Exchange;
import com.offpeak.pipeline.JournalReplay;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A market-data client rebuilds the H100 book from snapshot + updates while three traders send a
 * seeded random stream (asks, bids of every time-in-force, cancels, amends); every update's seq
 * and checksum verify, and the final book equals the engine's own depth, read from a replay of
 * the journal the exchange wrote. The run is repeated with a hand-off ring too small for most
 * outputs: the publisher must then fill every gap from the output journal, and nothing changes.
 */
class MarketDataEndToEndTest
{
    @TempDir
    Path dataDir;

    /**
     * With no orders at all, the clock's timer ticks are the only inputs; they produce no events,
     * yet engine time must move on for subscribers too (heartbeats, utilisation's minutes, /health).
     */
    @Test
    void engineTimeMovesOnAnIdleExchange() throws Exception
    {
        try (TestExchange exchange = new TestExchange(dataDir))
        {
            final JsonObject before = exchange.get("/health", null).json();
            Thread.sleep(600);
            final JsonObject after = exchange.get("/health", null).json();
            assertThat(after.getLong("lastSequence")).isGreaterThan(before.getLong("lastSequence"));
            assertThat(after.getLong("engineTime") - before.getLong("engineTime")).isGreaterThanOrEqualTo(300);
        }
    }

    @ParameterizedTest(name = "seed 7, relay of {0} bytes")
    @ValueSource(ints = {GatewayConfig.DEFAULT_RELAY_BYTES, 1024})
    void clientRebuildsTheEnginesBook(final int relayBytes) throws Exception
    {
        final long seed = 7;
        final Random random = new Random(seed);
        final BookReplica replica = new BookReplica();
        // No time conflation: every publisher batch becomes an update, the most demanding stream to follow.
        try (TestExchange exchange = new TestExchange(GatewayConfig.defaults(dataDir).withPort(0).withRelayBytes(relayBytes)
            .withLimits(Limits.defaults().withConflationMillis(0))))
        {
            final TestClient watcher = exchange.connect();
            watcher.ok(new JsonObject().put("op", "subscribe").put("channel", "book").put("instrument", "H100-SXM"));
            final List<TestClient> traders = new ArrayList<>();
            for (int account = 1; account <= 3; account++)
            {
                final TestClient trader = exchange.connect();
                trader.login(exchange.trader(account, "1000000.00"));
                traders.add(trader);
            }
            final List<List<Long>> open = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < 300; i++)
            {
                final int who = random.nextInt(3);
                final JsonObject response = traders.get(who).request(randomRequest(random, open.get(who)));
                final JsonObject result = response.getJsonObject("result");
                if (result != null && result.containsKey("orderId") && "OPEN".equals(result.getString("status")))
                {
                    open.get(who).add(result.getLong("orderId"));
                }
            }
            // Its answer means every command is applied; then follow the stream up to the publisher's current seq.
            traders.get(0).ok(new JsonObject().put("op", "cancelAll"));
            final long deadline = System.currentTimeMillis() + 10_000;
            while (replica.seq != exchange.get("/api/book/H100-SXM", null).json().getLong("seq") && System.currentTimeMillis() < deadline)
            {
                replica.apply(watcher.await(message -> "book".equals(message.getString("channel"))));
            }
            final String dropped = exchange.get("/metrics", null).body().lines()
                .filter(line -> line.startsWith("offpeak_relay_dropped_outputs ")).findFirst().orElseThrow();
            assertThat(Double.parseDouble(dropped.substring(dropped.indexOf(' ') + 1)) > 0)
                .as("%s with a %d-byte relay", dropped, relayBytes).isEqualTo(relayBytes < 4096);
            traders.forEach(TestClient::close);
            watcher.close();
        }
        assertThat(replica.updates).as("seed %d: updates seen", seed).isGreaterThan(20);

        final Exchange replayed = (Exchange)new JournalReplay(dataDir).fromStart(
            Exchange.factory(Catalog.loadDefault(), EngineConfig.DEFAULT, new LedgerConfig(GatewayConfig.defaults(dataDir).makerBps(),
                GatewayConfig.defaults(dataDir).takerBps())).create()).toEnd((input, output, length) -> { }).stateMachine();
        final List<String> engineBids = new ArrayList<>();
        final List<String> engineAsks = new ArrayList<>();
        replayed.engine().depth(0, Side.BID, (price, gpus, orders) -> engineBids.add(price + "x" + gpus + "/" + orders));
        replayed.engine().depth(0, Side.ASK, (price, gpus, orders) -> engineAsks.add(price + "x" + gpus + "/" + orders));
        assertThat(asEngine(replica.bids)).as("seed %d bids", seed).isEqualTo(engineBids);
        assertThat(asEngine(replica.asks)).as("seed %d asks", seed).isEqualTo(engineAsks);
    }

    private static List<String> asEngine(final java.util.TreeMap<BigDecimal, BookReplica.Level> side)
    {
        final List<String> levels = new ArrayList<>();
        side.forEach((price, level) -> levels.add(price.movePointRight(6).longValueExact() + "x" + level.gpus() + "/" + level.orders()));
        return levels;
    }

    private static JsonObject randomRequest(final Random random, final List<Long> open)
    {
        final int kind = random.nextInt(10);
        final String price = BigDecimal.valueOf(180 + random.nextInt(40), 2).toPlainString();
        if (kind < 4)
        {
            return new JsonObject().put("op", "placeAsk").put("instrument", "H100-SXM").put("gpus", 8 * (1 + random.nextInt(4)))
                .put("price", price).put("availableForMinutes", 120 + random.nextInt(600)).put("minBlock", random.nextBoolean() ? 8 : 1);
        }
        if (kind < 8)
        {
            final String tif = List.of("GTC", "IOC", "GTD", "GTC").get(random.nextInt(4));
            final JsonObject bid = new JsonObject().put("op", "placeBid").put("instrument", "H100-SXM").put("gpus", 1 + random.nextInt(24))
                .put("durationMinutes", 60 + random.nextInt(180)).put("price", price).put("timeInForce", tif)
                .put("contiguous", random.nextInt(4) == 0);
            return "GTD".equals(tif) ? bid.put("deadlineInMinutes", 600) : bid;
        }
        if (kind == 8 && !open.isEmpty())
        {
            return new JsonObject().put("op", "cancel").put("orderId", open.remove(random.nextInt(open.size())));
        }
        if (!open.isEmpty())
        {
            return new JsonObject().put("op", "amend").put("orderId", open.get(random.nextInt(open.size())))
                .put("gpus", 8 * (1 + random.nextInt(3))).put("price", price);
        }
        return new JsonObject().put("op", "ping");
    }
}
