package com.offpeak.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.offpeak.gateway.server.GatewayConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The market features over real sockets and the real pipeline: a preemption notice on the victim's
 * private channel with the end time at which the preemptor's lease starts, quotes, spending caps,
 * and a call auction's public channel.
 */
class MarketFeaturesEndToEndTest
{
    /** Engine time at 100×: a 60 s auction interval passes in 0.6 s of wall time. */
    private static final double CLOCK_SPEED = 100;
    private static final long NOTICE_MILLIS = 5 * 60_000L;

    @TempDir
    Path dataDir;

    private TestExchange exchange;
    private final List<TestClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception
    {
        exchange = new TestExchange(GatewayConfig.defaults(dataDir).withPort(0).withClockSpeed(CLOCK_SPEED));
    }

    @AfterEach
    void stop()
    {
        clients.forEach(TestClient::close);
        exchange.close();
    }

    @Test
    void theVictimIsNoticedWithTheEndTimeAtWhichThePreemptorsLeaseStarts() throws Exception
    {
        final TestClient owner = trader(1, null);
        final TestClient victim = trader(2, "10000.00");
        final TestClient preemptor = trader(3, "10000.00");
        owner.ok(ask("H100-SXM", 8, "2.00"));
        final JsonObject victimBid = victim.ok(bid("H100-SXM", 8, 240, "2.50").put("preemptible", true));
        assertThat(victimBid.getString("status")).isEqualTo("FILLED");
        final long victimLease = victimBid.getJsonArray("fills").getJsonObject(0).getLong("leaseId");

        final JsonObject preemptorBid = preemptor.ok(bid("H100-SXM", 8, 60, "3.00"));
        assertThat(preemptorBid.getJsonArray("fills")).hasSize(1);
        assertThat(preemptorBid.getJsonArray("fills").getJsonObject(0).getString("price"))
            .as("the victim's price + one tick").isEqualTo("2.01");

        final JsonObject notice = victim.await(m -> "preempted".equals(m.getString("event")));
        assertThat(notice.getLong("leaseId")).isEqualTo(victimLease);
        assertThat(notice.getInteger("gpus")).isEqualTo(8);
        assertThat(notice.getLong("end") - notice.getLong("time")).as("the notice period").isEqualTo(NOTICE_MILLIS);
        assertThat(notice.containsKey("preemptorBidId")).as("the preemptor stays anonymous").isFalse();

        final JsonObject lease = preemptor.await(m -> "leaseStarted".equals(m.getString("event")));
        assertThat(lease.getLong("start")).as("the preemptor's lease starts at the notice end").isEqualTo(notice.getLong("end"));
        assertThat(lease.getLong("end") - lease.getLong("start")).isEqualTo(60 * 60_000L);
        assertThat(lease.getBoolean("preemptible")).isFalse();
        assertThat(owner.await(m -> "preempted".equals(m.getString("event"))).getLong("leaseId")).isEqualTo(victimLease);

        // At 100x the notice ends 3 s later: the victim's GPUs end early and its unfinished work is back in the book.
        final JsonObject ended = victim.await(m -> "leaseEnded".equals(m.getString("event")));
        assertThat(ended.getString("reason")).isEqualTo("PREEMPTED");
        assertThat(ended.getLong("time")).isEqualTo(notice.getLong("end"));
        final JsonObject requeued = victim.await(m -> "requeued".equals(m.getString("event")));
        assertThat(requeued.getLong("originalOrderId")).isEqualTo(victimBid.getLong("orderId"));
        assertThat(requeued.getInteger("gpus")).isEqualTo(8);
        final long victimStart = victim.await(m -> "leaseStarted".equals(m.getString("event"))).getLong("start");
        final long usedMinutes = (notice.getLong("end") - victimStart + 59_999) / 60_000;
        assertThat(usedMinutes).as("the 5-minute notice and the moments before it, started minutes whole").isBetween(5L, 6L);
        assertThat(requeued.getLong("durationMinutes")).as("240 minutes less those used").isEqualTo(240 - usedMinutes);
        assertThat(requeued.getString("price")).isEqualTo("2.50");
    }

    @Test
    void theFirstFillOfASubstituteCancelsTheOthersAndTheHoldIsTheLargestAlternative() throws Exception
    {
        final TestClient owner = trader(1, null);
        final TestClient buyer = trader(2, "1000.00");
        final JsonObject placed = buyer.ok(bid("H100-SXM", 8, 120, "2.40").put("alternatives", new JsonArray()
            .add(new JsonObject().put("instrument", "A100-80G").put("gpus", 8).put("durationMinutes", 120).put("price", "1.30"))
            .add(new JsonObject().put("instrument", "L40S").put("gpus", 16).put("durationMinutes", 180).put("price", "0.70"))));
        assertThat(placed.getString("status")).isEqualTo("OPEN");
        final JsonArray alternatives = placed.getJsonArray("alternatives");
        assertThat(alternatives).hasSize(3);
        final long groupId = placed.getLong("orderId");
        assertThat(alternatives.getJsonObject(2).getLong("orderId")).isEqualTo(groupId + 2);
        final JsonObject balances = exchange.get("/api/account/balances", exchange.trader(2, null)).json();
        // Notionals: 8 x 2 h x 2.40 = 38.40, 8 x 2 h x 1.30 = 20.80, 16 x 3 h x 0.70 = 33.60; the hold adds the fee (< 1 %).
        assertThat(new BigDecimal(balances.getString("held"))).as("the largest alternative's worst case, not the sum")
            .isBetween(new BigDecimal("38.40"), new BigDecimal("38.79"));

        owner.ok(ask("A100-80G", 8, "1.20"));
        final JsonObject fill = buyer.await(m -> "fill".equals(m.getString("event")));
        assertThat(fill.getLong("orderId")).isEqualTo(groupId + 1);
        final List<Long> cancelled = new ArrayList<>();
        cancelled.add(buyer.await(m -> "orderCancelled".equals(m.getString("event"))).getLong("orderId"));
        cancelled.add(buyer.await(m -> "orderCancelled".equals(m.getString("event"))).getLong("orderId"));
        assertThat(cancelled).containsExactly(groupId, groupId + 2);
        final JsonObject after = exchange.get("/api/account/balances", exchange.trader(2, null)).json();
        assertThat(new BigDecimal(after.getString("held"))).as("the winner filled completely: nothing held").isZero();
    }

    @Test
    void aQuoteAnswersFromTheLiveBookAndNamesCheaperSubstitutes() throws Exception
    {
        final TestClient owner = trader(1, null);
        final TestClient buyer = trader(2, "10000.00");
        owner.ok(ask("H100-SXM", 8, "2.40"));
        owner.ok(ask("A100-80G", 8, "1.30"));

        final JsonArray quotes = buyer.ok(new JsonObject().put("op", "quote").put("instrument", "H100-SXM").put("gpus", 8)
            .put("durationMinutes", 60).put("alternatives", true)).getJsonArray("quotes");
        assertThat(quotes.getJsonObject(0).getString("instrument")).isEqualTo("H100-SXM");
        assertThat(quotes.getJsonObject(0).getInteger("fillableGpus")).isEqualTo(8);
        assertThat(quotes.getJsonObject(0).getString("averagePrice")).isEqualTo("2.40");
        assertThat(quotes.getJsonObject(0).getString("notional")).isEqualTo("19.20");
        final JsonObject a100 = quotes.stream().map(JsonObject.class::cast).filter(q -> "A100-80G".equals(q.getString("instrument")))
            .findFirst().orElseThrow();
        assertThat(a100.getBoolean("cheaper")).isTrue();
        assertThat(a100.getString("averagePrice")).isEqualTo("1.30");
        assertThat(quotes).as("every instrument of the catalog").hasSize(exchange.server().catalog().size());
        final JsonObject rest = exchange.get("/api/quote?instrument=H100-SXM&gpus=8&durationMinutes=60", null).json();
        assertThat(rest.getJsonArray("quotes")).hasSize(1);
        assertThat(rest.getJsonArray("quotes").getJsonObject(0).getString("notional")).isEqualTo("19.20");
        assertThat(exchange.get("/api/quote?instrument=H100-SXM&gpus=0&durationMinutes=60", null).status()).isEqualTo(400);
        final JsonObject tooShort = exchange.get("/api/quote?instrument=H100-SXM&gpus=8&durationMinutes=1", null).json();
        assertThat(tooShort.getJsonObject("error").getString("code")).as("the engine's own check").isEqualTo("INVALID_DURATION");
        assertThat(tooShort.getBoolean("ok")).as("the envelope every refusal has").isFalse();
        assertThat(buyer.ok(bid("H100-SXM", 8, 60, "2.40")).getString("status")).as("the quote took nothing from the book")
            .isEqualTo("FILLED");
    }

    @Test
    void aSpendingCapSetByTheAdminRejectsABidOverIt() throws Exception
    {
        final TestClient buyer = trader(5, "10000.00");
        final TestExchange.Response set = exchange.post("/api/admin/spending-cap", exchange.adminKey(),
            new JsonObject().put("account", 5).put("capPerHour", "10.00").encode());
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(buyer.await(m -> "spendingCap".equals(m.getString("event"))).getString("capPerHour")).isEqualTo("10.00");

        final JsonObject over = buyer.request(bid("H100-SXM", 8, 60, "2.00"));
        assertThat(over.getBoolean("ok")).isFalse();
        assertThat(over.getJsonObject("error").getString("code")).isEqualTo("SPEND_CAP_EXCEEDED");
        final JsonObject fits = buyer.ok(bid("H100-SXM", 4, 60, "2.00"));
        assertThat(fits.getString("status")).as("4 GPUs x 2.00 = 8.00/h fits").isEqualTo("OPEN");
        final JsonObject amend = buyer.request(new JsonObject().put("op", "amend").put("orderId", fits.getLong("orderId"))
            .put("gpus", 8).put("price", "2.00"));
        assertThat(amend.getJsonObject("error").getString("code")).as("checked on amend too").isEqualTo("SPEND_CAP_EXCEEDED");

        assertThat(exchange.post("/api/admin/spending-cap", exchange.adminKey(), new JsonObject().put("account", 5).encode()).status())
            .isEqualTo(400);
        final String traderKey = exchange.trader(6, null);
        assertThat(exchange.post("/api/admin/spending-cap", traderKey,
            new JsonObject().put("account", 6).put("capPerHour", "1.00").encode()).status()).isEqualTo(403);
    }

    @Test
    void anAuctionPublishesItsModeIndicativeAndClear() throws Exception
    {
        final TestClient watcher = exchange.connect();
        clients.add(watcher);
        final TestClient owner = trader(1, null);
        final TestClient buyer = trader(2, "10000.00");
        final TestExchange.Response switched = exchange.post("/api/admin/market-mode", exchange.adminKey(),
            new JsonObject().put("instrument", "L40S").put("auctionIntervalSeconds", 60).encode());
        assertThat(switched.status()).as(switched.body()).isEqualTo(200);
        final TestExchange.Response unknown = exchange.post("/api/admin/market-mode", exchange.adminKey(),
            new JsonObject().put("instrument", "l40s").put("auctionIntervalSeconds", 60).encode());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().getJsonObject("error").getString("code")).as("ids are case-sensitive").isEqualTo("UNKNOWN_INSTRUMENT");
        watcher.ok(new JsonObject().put("op", "subscribe").put("channel", "auction").put("instrument", "L40S"));
        watcher.ok(new JsonObject().put("op", "subscribe").put("channel", "utilisation").put("instrument", "ALL"));
        watcher.await(m -> "auction".equals(m.getString("channel")) && "AUCTION".equals(m.getString("mode")));
        assertThat(exchange.get("/api/instruments", null).json().getJsonArray("instruments").stream().map(JsonObject.class::cast)
            .filter(i -> "L40S".equals(i.getString("id"))).findFirst().orElseThrow().getString("mode")).isEqualTo("AUCTION");

        owner.ok(ask("L40S", 8, "0.60"));
        assertThat(buyer.ok(bid("L40S", 8, 60, "0.80")).getString("status")).as("nothing trades on entry").isEqualTo("OPEN");
        final JsonObject indicative = watcher.await(m -> "auction".equals(m.getString("channel")) && m.getInteger("indicativeGpus") == 8);
        assertThat(indicative.getString("indicativePrice")).as("no losing bid: the lowest winning limit").isEqualTo("0.80");
        final JsonObject cleared = watcher.await(m -> "auction".equals(m.getString("channel")) && m.getValue("lastClear") != null);
        assertThat(cleared.getJsonObject("lastClear").getInteger("gpus")).isEqualTo(8);
        assertThat(cleared.getJsonObject("lastClear").getString("price")).isEqualTo("0.80");
        assertThat(buyer.await(m -> "fill".equals(m.getString("event"))).getString("maker")).isEqualTo("BOTH");

        final JsonObject overall = watcher.await(m -> "utilisation".equals(m.getString("channel")) && "ALL".equals(m.getString("instrument"))
            && m.getLong("leasedGpus") == 8);
        assertThat(overall.getLong("postedGpus")).isEqualTo(8);
        final JsonObject utilisation = exchange.get("/api/utilisation", null).json();
        assertThat(utilisation.getLong("leasedGpus")).isEqualTo(8);
        assertThat(utilisation.getJsonObject("windows").getJsonObject("1h").containsKey("leasedGpuHours")).isTrue();
    }

    private TestClient trader(final long account, final String usd) throws Exception
    {
        final TestClient client = exchange.connect();
        clients.add(client);
        client.login(exchange.trader(account, usd));
        return client;
    }

    private static JsonObject ask(final String instrument, final int gpus, final String price)
    {
        return new JsonObject().put("op", "placeAsk").put("instrument", instrument).put("gpus", gpus).put("price", price)
            .put("availableForMinutes", 6000).put("minBlock", 8);
    }

    private static JsonObject bid(final String instrument, final int gpus, final int minutes, final String price)
    {
        return new JsonObject().put("op", "placeBid").put("instrument", instrument).put("gpus", gpus).put("durationMinutes", minutes)
            .put("price", price).put("timeInForce", "GTC");
    }
}
