package com.offpeak.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two owners and two buyers trade over real sockets through the real pipeline; each sees exactly its own private events. */
class TradingEndToEndTest
{
    @TempDir
    Path dataDir;

    private TestExchange exchange;
    private final List<TestClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception
    {
        exchange = new TestExchange(dataDir);
    }

    @AfterEach
    void stop()
    {
        clients.forEach(TestClient::close);
        exchange.close();
    }

    @Test
    void ownersAndBuyersTradeAndSeeOnlyTheirOwnEvents() throws Exception
    {
        final TestClient owner1 = trader(1, null);
        final TestClient owner2 = trader(2, null);
        final TestClient buyer3 = trader(3, "10000.00");
        final TestClient buyer4 = trader(4, "10000.00");

        final long ask1 = owner1.ok(ask("8", "2.00", 1)).getLong("orderId");
        final long ask2 = owner2.ok(ask("16", "2.10", 1)).getLong("orderId");

        final JsonObject bid3 = buyer3.ok(bid(8, 60, "2.50", "GTC", 31));
        assertThat(bid3.getString("status")).isEqualTo("FILLED");
        assertThat(bid3.getJsonArray("fills")).hasSize(1);
        assertThat(bid3.getJsonArray("fills").getJsonObject(0).getString("price")).as("the resting ask sets the price").isEqualTo("2.00");

        final JsonObject bid4 = buyer4.ok(bid(16, 120, "2.20", "IOC", 41));
        assertThat(bid4.getString("status")).isEqualTo("FILLED");
        assertThat(bid4.getJsonArray("fills").getJsonObject(0).getString("price")).isEqualTo("2.10");

        // Owners hear about the fills of their asks, with the lease.
        final JsonObject ownerFill = owner1.await(m -> "fill".equals(m.getString("event")));
        assertThat(ownerFill.getString("role")).isEqualTo("OWNER");
        assertThat(ownerFill.getLong("askId")).isEqualTo(ask1);
        owner1.await(m -> "leaseStarted".equals(m.getString("event")));
        owner2.await(m -> "fill".equals(m.getString("event")) && m.getLong("askId") == ask2);
        buyer4.await(m -> "balance".equals(m.getString("event")) && !"10000.00".equals(m.getString("available")));

        // An order of one account is unknown to another.
        final JsonObject foreignCancel = buyer3.request(new JsonObject().put("op", "cancel").put("orderId", ask2));
        assertThat(foreignCancel.getBoolean("ok")).isFalse();
        assertThat(foreignCancel.getJsonObject("error").getString("code")).isEqualTo("UNKNOWN_ORDER");

        // A retry with the same clientOrderId returns the original answer.
        final JsonObject retry = buyer3.ok(bid(8, 60, "2.50", "GTC", 31));
        assertThat(retry.getBoolean("duplicate")).isTrue();
        assertThat(retry.getLong("orderId")).isEqualTo(bid3.getLong("orderId"));
        // So does an ask given in relative minutes, retried later: the engine resolves the minutes at each command's own time.
        Thread.sleep(5);
        final JsonObject askRetry = owner2.ok(ask("16", "2.10", 1));
        assertThat(askRetry.getBoolean("duplicate")).isTrue();
        assertThat(askRetry.getLong("orderId")).isEqualTo(ask2);

        Thread.sleep(300); // let every private event arrive before checking nobody saw another's
        assertOnlyOwn(owner1, 1);
        assertOnlyOwn(owner2, 2);
        assertOnlyOwn(buyer3, 3);
        assertOnlyOwn(buyer4, 4);

        final JsonObject leases = exchange.get("/api/account/leases", keyOf(3)).json();
        assertThat(leases.getJsonArray("leases")).hasSize(1);
        assertThat(exchange.get("/api/account/orders", keyOf(1)).json().getJsonArray("orders")).hasSize(1);
    }

    private final List<String> keys = new ArrayList<>(List.of("", "", "", "", ""));

    private String keyOf(final int account)
    {
        return keys.get(account);
    }

    private TestClient trader(final int account, final String deposit) throws Exception
    {
        final String key = exchange.trader(account, deposit);
        keys.set(account, key);
        final TestClient client = exchange.connect();
        clients.add(client);
        client.login(key);
        return client;
    }

    static JsonObject ask(final String gpus, final String price, final long clientOrderId)
    {
        return new JsonObject().put("op", "placeAsk").put("instrument", "H100-SXM").put("gpus", Integer.parseInt(gpus))
            .put("price", price).put("availableForMinutes", 600).put("minBlock", 8).put("clientOrderId", clientOrderId);
    }

    static JsonObject bid(final int gpus, final int minutes, final String price, final String tif, final long clientOrderId)
    {
        return new JsonObject().put("op", "placeBid").put("instrument", "H100-SXM").put("gpus", gpus).put("durationMinutes", minutes)
            .put("price", price).put("timeInForce", tif).put("clientOrderId", clientOrderId);
    }

    /** Every private message names this account: as the order's owner, a lease's party, or the balance's holder. */
    private static void assertOnlyOwn(final TestClient client, final long account)
    {
        final Set<Long> ownOrders = new HashSet<>();
        final List<JsonObject> privateMessages = new ArrayList<>();
        for (final JsonObject message : client.drain())
        {
            if ("private".equals(message.getString("channel")))
            {
                privateMessages.add(message);
                if ("accepted".equals(message.getString("event")))
                {
                    ownOrders.add(message.getLong("orderId"));
                }
            }
        }
        assertThat(privateMessages).as("account %d got private events", account).isNotEmpty();
        for (final JsonObject message : privateMessages)
        {
            switch (message.getString("event"))
            {
                case "balance" -> assertThat(message.getLong("account")).isEqualTo(account);
                case "leaseStarted", "leaseEnded" -> assertThat(List.of(message.getLong("buyer"), message.getLong("owner")))
                    .as("%s", message).contains(account);
                case "fill" -> assertThat(ownOrders).as("%s", message).contains(message.getLong("orderId"));
                case "accepted", "duplicate", "rejected" -> { } // answers to its own requests
                default -> assertThat(ownOrders).as("%s", message).contains(message.getLong("orderId"));
            }
        }
    }
}
