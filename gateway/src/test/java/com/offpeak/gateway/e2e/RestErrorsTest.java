package com.offpeak.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** REST refusals an API client can switch on: the JSON envelope with a stable code, never the page's HTML. */
class RestErrorsTest
{
    @TempDir
    Path dataDir;

    @Test
    void aWrongPathOrMethodUnderApiIsAJsonNotFound() throws Exception
    {
        try (TestExchange exchange = new TestExchange(dataDir))
        {
            assertNotFound(exchange.get("/api/candles?instrument=T4&interval=1m", null), "GET /api/candles");
            assertNotFound(exchange.get("/api/nope", null), "GET /api/nope");
            assertNotFound(exchange.get("/api/admin/deposit", exchange.adminKey()), "GET /api/admin/deposit");

            final TestExchange.Response unknownInstrument = exchange.get("/api/book/NOPE", null);
            assertThat(unknownInstrument.status()).isEqualTo(404);
            assertThat(unknownInstrument.json().getJsonObject("error").getString("code")).isEqualTo("UNKNOWN_INSTRUMENT");
            assertThat(exchange.get("/api/candles/T4?interval=1m", null).status()).as("the right path still answers").isEqualTo(200);
        }
    }

    @Test
    void aBodyOverTheLimitIsAJsonRefusal() throws Exception
    {
        try (TestExchange exchange = new TestExchange(dataDir))
        {
            final String tooLong = "{\"account\":2,\"amount\":\"5.00\",\"idempotencyKey\":1,\"note\":\"" + "x".repeat(5_000) + "\"}";
            final TestExchange.Response response = exchange.post("/api/admin/deposit", exchange.adminKey(), tooLong);
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.json().getJsonObject("error").getString("code")).isEqualTo("BAD_REQUEST");
            assertThat(response.json().getJsonObject("error").getString("message")).isEqualTo("the request body is over 4096 bytes");
            assertThat(exchange.post("/api/admin/deposit", exchange.adminKey(), "{\"account\":2,\"amount\":\"5.00\",\"idempotencyKey\":1}")
                .status()).as("the same request within the limit").isEqualTo(200);
        }
    }

    private static void assertNotFound(final TestExchange.Response response, final String request)
    {
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().getBoolean("ok")).isFalse();
        assertThat(response.json().getJsonObject("error").getString("code")).isEqualTo("NOT_FOUND");
        assertThat(response.json().getJsonObject("error").getString("message")).isEqualTo("no such endpoint: " + request + " (docs/api.md lists them)");
    }
}
