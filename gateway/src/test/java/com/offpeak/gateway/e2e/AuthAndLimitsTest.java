package com.offpeak.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.offpeak.gateway.ws.Limits;
import com.offpeak.ledger.LedgerResult;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Login, isolation between accounts, admin-only cash, per-key rate limits and per-address connection limits. */
class AuthAndLimitsTest
{
    @TempDir
    Path dataDir;

    @Test
    void accountsSeeAndTouchOnlyTheirOwn() throws Exception
    {
        try (TestExchange exchange = new TestExchange(dataDir))
        {
            final String aliceKey = exchange.trader(1, "1000.00");
            final String bobKey = exchange.trader(2, "1000.00");
            try (TestClient anonymous = exchange.connect(); TestClient alice = exchange.connect(); TestClient bob = exchange.connect())
            {
                // Public data needs no key; order entry does.
                anonymous.ok(new JsonObject().put("op", "subscribe").put("channel", "ticker").put("instrument", "L4"));
                assertThat(code(anonymous.request(TradingEndToEndTest.bid(8, 60, "2.00", "GTC", 1)))).isEqualTo("NOT_AUTHENTICATED");
                assertThat(code(anonymous.request(new JsonObject().put("op", "login").put("key", aliceKey + "x")))).isEqualTo("AUTH_FAILED");
                assertThat(code(anonymous.request(new JsonObject().put("op", "login").put("key", "op_" + aliceKey.substring(3, 15) + "_00"))))
                    .isEqualTo("AUTH_FAILED");

                alice.login(aliceKey);
                bob.login(bobKey);
                final long aliceBid = alice.ok(TradingEndToEndTest.bid(8, 60, "1.50", "GTC", 1)).getLong("orderId");
                assertThat(code(bob.request(new JsonObject().put("op", "cancel").put("orderId", aliceBid)))).isEqualTo("UNKNOWN_ORDER");
                assertThat(code(bob.request(new JsonObject().put("op", "amend").put("orderId", aliceBid).put("gpus", 1)
                    .put("price", "1.50")))).isEqualTo("UNKNOWN_ORDER");
                assertThat(bob.ok(new JsonObject().put("op", "cancelAll")).getJsonArray("cancelled")).isEmpty();

                assertThat(exchange.get("/api/account/orders", aliceKey).json().getJsonArray("orders")).hasSize(1);
                assertThat(exchange.get("/api/account/orders", bobKey).json().getJsonArray("orders")).isEmpty();
                assertThat(exchange.get("/api/account/balances", bobKey).json().getString("available")).isEqualTo("1000.00");
                assertThat(exchange.get("/api/account/orders", null).status()).isEqualTo(401);
                assertThat(exchange.get("/api/account/orders", "op_bad_key").status()).isEqualTo(401);
                assertThat(exchange.post("/api/admin/deposit", bobKey, "{\"account\":2,\"amount\":\"5.00\",\"idempotencyKey\":9}").status())
                    .as("a trader key cannot move cash").isEqualTo(403);

                // Admin deposits are idempotent by key.
                final String deposit = "{\"account\":2,\"amount\":\"5.00\",\"idempotencyKey\":777}";
                assertThat(exchange.post("/api/admin/deposit", exchange.adminKey(), deposit).status()).isEqualTo(200);
                assertThat(exchange.post("/api/admin/deposit", exchange.adminKey(), deposit).status()).isEqualTo(200);
                assertThat(exchange.get("/api/account/balances", bobKey).json().getString("available")).isEqualTo("1005.00");
                assertThat(exchange.post("/api/admin/deposit", exchange.adminKey(), "{\"account\":2,\"amount\":5}").status()).isEqualTo(400);
                final String statement = exchange.get("/api/account/statement", bobKey).body();
                assertThat(statement.lines().findFirst()).hasValue("time,transfer_id,reason,ref,lease_id,debit,credit,balance");
                assertThat(statement.lines().filter(line -> line.contains(",DEPOSIT,"))).hasSize(2);
                assertThat(statement.lines().reduce((a, b) -> b).orElseThrow()).endsWith(",1005.000000");
                final TestExchange.Response shortOfCash = exchange.post("/api/admin/withdraw", exchange.adminKey(),
                    "{\"account\":2,\"amount\":\"99999.00\",\"idempotencyKey\":778}");
                assertThat(shortOfCash.status()).isEqualTo(409);
                // The same envelope as every other refusal: ok false, a stable code and a message.
                assertThat(shortOfCash.json().getBoolean("ok")).isFalse();
                assertThat(shortOfCash.json().getJsonObject("error").getString("code")).isEqualTo("INSUFFICIENT_FUNDS");
                assertThat(shortOfCash.json().getJsonObject("error").getString("message")).isEqualTo(LedgerResult.INSUFFICIENT_FUNDS.message());
                // Bob hears of the refused withdrawal on his private channel, with the same code by name.
                final JsonObject refused = bob.await(m -> "cashRejected".equals(m.getString("event")));
                assertThat(refused.getLong("idempotencyKey")).isEqualTo(778);
                assertThat(refused.getString("reason")).isEqualTo("INSUFFICIENT_FUNDS");
            }
        }
    }

    @Test
    void rateAndConnectionLimitsAnswerClearly() throws Exception
    {
        final Limits limits = Limits.defaults().withRequestsPerSecond(5, 5).withMaxConnectionsPerAddress(3);
        try (TestExchange exchange = new TestExchange(dataDir, limits))
        {
            final List<TestClient> open = new ArrayList<>();
            try
            {
                for (int i = 0; i < 3; i++)
                {
                    open.add(exchange.connect());
                }
                final TestClient fourth = exchange.connect();
                open.add(fourth);
                final JsonObject refused = fourth.await(m -> m.containsKey("ok"));
                assertThat(code(refused)).isEqualTo("TOO_MANY_CONNECTIONS");

                final TestClient client = open.get(0);
                int limited = 0;
                for (int i = 0; i < 10; i++)
                {
                    if ("RATE_LIMITED".equals(code(client.request(new JsonObject().put("op", "ping")))))
                    {
                        limited++;
                    }
                }
                assertThat(limited).as("a burst of 5 at 5/s lets about 5 of 10 through").isBetween(4, 6);
                Thread.sleep(1_100);
                assertThat(client.request(new JsonObject().put("op", "ping")).getBoolean("ok")).as("tokens come back").isTrue();

                open.get(1).close();
                Thread.sleep(200);
                try (TestClient replacement = exchange.connect())
                {
                    assertThat(replacement.request(new JsonObject().put("op", "ping")).getBoolean("ok"))
                        .as("a closed connection frees its place").isTrue();
                }
            }
            finally
            {
                open.forEach(TestClient::close);
            }
        }
    }

    static String code(final JsonObject response)
    {
        return response.getBoolean("ok") ? null : response.getJsonObject("error").getString("code");
    }
}
