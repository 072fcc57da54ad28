package com.offpeak.gateway.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.offpeak.gateway.auth.Role;
import com.offpeak.gateway.server.GatewayConfig;
import com.offpeak.gateway.server.GatewayServer;
import com.offpeak.gateway.wire.Prices;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live page in headless Chromium: orders placed through the API at a price unique to this run
 * show up in the page's depth ladder, and once they trade, in its trade tape, with every book
 * checksum verified by the page's own code. Under CI=true a missing Chromium fails the test.
 */
class LivePageBrowserTest
{
    @TempDir
    Path dataDir;

    @Test
    void ordersAppearInTheLadderThenTheTape() throws Exception
    {
        if (!HeadlessChromium.installed())
        {
            final String message = "SKIPPED LivePageBrowserTest: no Chromium at " + HeadlessChromium.BINARY +
                " (apt-get install chromium); it must run under CI=true";
            if ("true".equals(System.getenv("CI")))
            {
                throw new AssertionError("CI=true but " + message);
            }
            System.out.println(message);
            Assumptions.abort(message);
        }
        // Unique to this run, and in the canonical form the page shows ("7.060" is written "7.06").
        final String price = Prices.format(Prices.parse(String.format("7.%03d", 1 + System.nanoTime() % 998)));
        final Vertx vertx = Vertx.vertx();
        try (GatewayServer server = GatewayServer.start(GatewayConfig.defaults(dataDir).withPort(0));
             HeadlessChromium chromium = new HeadlessChromium())
        {
            final Trader owner = new Trader(vertx, server.port(), server.keys().create(1, Role.TRADER, 0));
            final String buyerKey = server.keys().create(2, Role.ADMIN, 0);
            final Trader buyer = new Trader(vertx, server.port(), buyerKey);
            buyer.send(new JsonObject().put("op", "ping")); // connection is up
            deposit(server, 2);

            chromium.navigate(server.baseUrl() + "/?instrument=L4");
            assertThat(chromium.waitFor("document.getElementById('status').className.includes('ok')", 30))
                .as("the page subscribed and verified a book snapshot").isTrue();

            owner.send(new JsonObject().put("op", "placeAsk").put("instrument", "L4").put("gpus", 8).put("price", price)
                .put("availableForMinutes", 600));
            assertThat(chromium.waitFor("document.getElementById('ladder').innerText.includes('" + price + "')", 20))
                .as("ask at %s in the ladder", price).isTrue();
            assertThat(chromium.evaluate("document.getElementById('tape').innerText.includes('" + price + "')"))
                .as("no trade yet").isEqualTo(false);

            buyer.send(new JsonObject().put("op", "placeBid").put("instrument", "L4").put("gpus", 8).put("durationMinutes", 60)
                .put("price", price).put("timeInForce", "IOC"));
            assertThat(chromium.waitFor("document.getElementById('tape').innerText.includes('" + price + "')", 20))
                .as("trade at %s in the tape", price).isTrue();
            assertThat(chromium.waitFor("!document.getElementById('ladder').innerText.includes('" + price + "')", 20))
                .as("the filled ask left the ladder").isTrue();
            assertThat(((Number)chromium.evaluate("state.resyncs")).intValue()).as("no checksum mismatch or gap").isZero();
            assertThat(((Number)chromium.evaluate("state.verified")).intValue()).isGreaterThanOrEqualTo(3);
            assertThat(chromium.waitFor("document.querySelector('#utilisation table.windows') !== null && " +
                "document.querySelector('#utilisation table.windows').innerText.includes('24h')", 20))
                .as("utilisation windows on the page").isTrue();
            assertThat(chromium.waitFor("document.getElementById('overall').innerText.includes('all GPU classes')", 20))
                .as("the whole market's utilisation on the page").isTrue();

            assertThat(chromium.evaluate("document.getElementById('auction').hidden")).as("continuous: no auction box").isEqualTo(true);
            adminPost(server, "/api/admin/market-mode", "{\"instrument\":\"L4\",\"auctionIntervalSeconds\":3600}");
            assertThat(chromium.waitFor("!document.getElementById('auction').hidden && " +
                "document.getElementById('auction').innerText.includes('switching')", 20))
                .as("the auction box shows the pending switch").isTrue();
        }
        finally
        {
            vertx.close();
        }
    }

    private static void deposit(final GatewayServer server, final long account) throws Exception
    {
        adminPost(server, "/api/admin/deposit", "{\"account\":" + account + ",\"amount\":\"10000.00\",\"idempotencyKey\":1}");
    }

    private static void adminPost(final GatewayServer server, final String path, final String body) throws Exception
    {
        final String admin = server.keys().create(99, Role.ADMIN, 0);
        final java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + admin)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** A logged-in WebSocket connection that sends a request and waits for its successful answer. */
    private static final class Trader
    {
        /** Held so Vert.x does not close the client (and the socket) once it looks unused. */
        private final WebSocketClient client;
        private final WebSocket socket;
        private final BlockingQueue<JsonObject> answers = new LinkedBlockingQueue<>();
        private int nextId = 1;

        Trader(final Vertx vertx, final int port, final String key) throws Exception
        {
            client = vertx.createWebSocketClient();
            socket = client.connect(port, "127.0.0.1", "/ws").await(10, TimeUnit.SECONDS);
            socket.textMessageHandler(text ->
            {
                final JsonObject message = new JsonObject(text);
                if (message.containsKey("ok"))
                {
                    answers.add(message);
                }
            });
            send(new JsonObject().put("op", "login").put("key", key));
        }

        void send(final JsonObject request) throws InterruptedException
        {
            socket.writeTextMessage(request.put("id", nextId++).encode());
            final JsonObject answer = answers.poll(10, TimeUnit.SECONDS);
            assertThat(answer).as("answer to %s", request).isNotNull();
            assertThat(answer.getBoolean("ok")).as("%s -> %s", request, answer).isTrue();
        }
    }
}
