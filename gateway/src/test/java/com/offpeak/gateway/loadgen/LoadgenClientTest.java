package com.offpeak.gateway.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.offpeak.gateway.auth.Role;
import com.offpeak.gateway.server.GatewayConfig;
import com.offpeak.gateway.server.GatewayServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load generator's own WebSocket client against a real Vert.x server, and its trading connections against the real exchange. */
class LoadgenClientTest
{
    @TempDir
    Path dataDir;

    @Test
    void framesTextBothWaysAndAnswersPings() throws Exception
    {
        final Vertx vertx = Vertx.vertx();
        final String big = "x".repeat(70_000); // a 64-bit length, and more than the client's first read buffer
        final List<String> echoed = new CopyOnWriteArrayList<>();
        final CountDownLatch pong = new CountDownLatch(1);
        try
        {
            final HttpServer server = vertx.createHttpServer().webSocketHandler(socket ->
            {
                socket.textMessageHandler(text ->
                {
                    if ("close".equals(text))
                    {
                        socket.close((short)1008, "too slow");
                    }
                    else
                    {
                        echoed.add(text);
                    }
                });
                socket.pongHandler(data ->
                {
                    if ("are you there".equals(data.toString()))
                    {
                        pong.countDown();
                    }
                });
                socket.writeTextMessage("short");
                socket.writeTextMessage("m".repeat(300)); // a 16-bit length
                socket.writeTextMessage(big);
                socket.writePing(Buffer.buffer("are you there"));
                socket.writeTextMessage("after the ping");
            }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);

            try (RawWebSocket client = RawWebSocket.connect("127.0.0.1", server.actualPort(), "/ws"))
            {
                final List<String> received = new CopyOnWriteArrayList<>();
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (received.size() < 4 && System.nanoTime() < deadline)
                {
                    assertThat(client.read((buffer, offset, length) ->
                    {
                        final byte[] bytes = new byte[length];
                        buffer.get(offset, bytes);
                        received.add(new String(bytes, StandardCharsets.UTF_8));
                    })).isTrue();
                    Thread.sleep(1);
                }
                assertThat(received).containsExactly("short", "m".repeat(300), big, "after the ping");
                assertThat(pong.await(10, TimeUnit.SECONDS)).as("the ping was answered").isTrue();

                // Client frames are masked; the server unmasks them back to the text sent.
                client.sendText(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII)));
                client.sendText(ByteBuffer.wrap("h".repeat(1000).getBytes(StandardCharsets.US_ASCII)));
                final long echoDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (echoed.size() < 2 && System.nanoTime() < echoDeadline)
                {
                    Thread.sleep(5);
                }
                assertThat(echoed).containsExactly("hello", "h".repeat(1000));

                // "close" makes the server close the connection with a reason; the next send says it.
                client.sendText(ByteBuffer.wrap("close".getBytes(StandardCharsets.US_ASCII)));
                final long closeDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (client.read((buffer, offset, length) -> { }) && System.nanoTime() < closeDeadline)
                {
                    Thread.sleep(5);
                }
                assertThat(client.isClosed()).isTrue();
                assertThat(client.closeReason()).isEqualTo("close code 1008 too slow");
                assertThatThrownBy(() -> client.sendText(ByteBuffer.wrap(new byte[] {'x'})))
                    .isInstanceOf(IOException.class).hasMessageContaining("1008 too slow");
            }
        }
        finally
        {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void tradingConnectionsTimeTheirAnswersAndCountRefusals() throws Exception
    {
        try (GatewayServer server = GatewayServer.start(GatewayConfig.defaults(dataDir).withPort(0)))
        {
            assertThatThrownBy(() -> RawWebSocket.connect("127.0.0.1", server.port(), "/not-the-api"))
                .isInstanceOf(IOException.class).hasMessageContaining("refused");

            final AnswerTally warmUp = new AnswerTally(60);
            final AnswerTally measured = new AnswerTally(60);
            warmUp.start(System.nanoTime(), 0);
            measured.start(System.nanoTime(), 0);
            // An owner posts and cancels (every request accepted); a buyer with no cash is refused every bid.
            final TradingConnection owner = new TradingConnection(RawWebSocket.connect("127.0.0.1", server.port(), "/ws"),
                server.keys().create(1, Role.TRADER, 0), new FillsFlow(false, "L4"), warmUp, measured);
            final TradingConnection broke = new TradingConnection(RawWebSocket.connect("127.0.0.1", server.port(), "/ws"),
                server.keys().create(2, Role.TRADER, 0), new FillsFlow(true, "L4"), warmUp, measured);
            final long start = System.nanoTime();
            try (AnswerReader reader = new AnswerReader(new TradingConnection[] {owner, broke}))
            {
                owner.open();
                broke.open();
                // A warm-up of 30: answered, tallied apart from the measured answers.
                owner.measureAfter(30);
                broke.measureAfter(0);
                for (int i = 0; i < 30; i++)
                {
                    owner.send(System.nanoTime());
                }
                awaitAnswers(warmUp, 30);
                for (int i = 0; i < 200; i++)
                {
                    owner.send(System.nanoTime());
                    if (i < 50)
                    {
                        broke.send(System.nanoTime());
                    }
                }
                awaitAnswers(measured, 250);
                reader.check();
            }
            final long elapsed = System.nanoTime() - start;
            assertThat(measured.acked()).isEqualTo(200);
            final Histogram latencies = measured.latencies();
            assertThat(latencies.getTotalCount()).isEqualTo(200);
            assertThat(latencies.getMinValue()).as("each answer timed against its own request").isPositive();
            assertThat(latencies.getMaxValue()).isLessThanOrEqualTo(elapsed);
            assertThat(measured.errors()).isEqualTo(50);
            assertThat(measured.errorCodes()).containsOnlyKeys("INSUFFICIENT_FUNDS");
            assertThat(warmUp.acked()).as("the warm-up's answers, in its own tally").isEqualTo(30);
            assertThat(warmUp.errors()).isZero();
            assertThat(warmUp.latencies().getTotalCount()).isEqualTo(30);
            final Path csv = dataDir.resolve("timeline.csv");
            measured.timeline().write(csv);
            assertThat(Files.readAllLines(csv).stream().skip(1).mapToLong(line -> Long.parseLong(line.split(",")[1])).sum())
                .as("the timeline counts the measured answers, as the histogram does").isEqualTo(200);
            owner.socket().close();
            broke.socket().close();
        }
    }

    @Test
    void aConnectionRefusesToSendOnceItsSendTimesWouldBeOverwritten() throws Exception
    {
        final Vertx vertx = Vertx.vertx();
        final AtomicLong received = new AtomicLong();
        try
        {
            // Answers the login, then reads every request and answers none: a server that stopped.
            final HttpServer server = vertx.createHttpServer().webSocketHandler(socket -> socket.textMessageHandler(text ->
            {
                if (received.getAndIncrement() == 0)
                {
                    socket.writeTextMessage("{\"id\":0,\"ok\":true,\"result\":{}}");
                }
            })).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
            final TradingConnection trader = new TradingConnection(RawWebSocket.connect("127.0.0.1", server.actualPort(), "/ws"), "key",
                new FillsFlow(false, "L4"), new AnswerTally(1), new AnswerTally(1));
            try (AnswerReader reader = new AnswerReader(new TradingConnection[] {trader}))
            {
                trader.open();
                trader.measureAfter(0);
                // The login's answer freed its slot: 65,536 requests may await answers, not one more.
                for (int i = 0; i < 1 << 16; i++)
                {
                    trader.send(System.nanoTime());
                }
                assertThatThrownBy(() -> trader.send(System.nanoTime())).isInstanceOf(TradingConnection.TooFarBehind.class)
                    .hasMessageContaining("65536 requests on one connection are still unanswered");
                reader.check();
            }
            trader.socket().close();
        }
        finally
        {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void thePingMixIsAnsweredAndTimedWithoutAnOrder() throws Exception
    {
        try (GatewayServer server = GatewayServer.start(GatewayConfig.defaults(dataDir).withPort(0)))
        {
            final String key = server.keys().create(1, Role.TRADER, 0);
            final AnswerTally measured = new AnswerTally(60);
            final TradingConnection pinger = new TradingConnection(RawWebSocket.connect("127.0.0.1", server.port(), "/ws"), key,
                new PingFlow(), new AnswerTally(60), measured);
            try (AnswerReader reader = new AnswerReader(new TradingConnection[] {pinger}))
            {
                pinger.open();
                pinger.measureAfter(0);
                for (int i = 0; i < 300; i++)
                {
                    pinger.send(System.nanoTime());
                }
                awaitAnswers(measured, 300);
                reader.check();
            }
            assertThat(measured.errorCodes()).isEmpty();
            assertThat(measured.acked()).isEqualTo(300);
            assertThat(measured.latencies().getTotalCount()).isEqualTo(300);
            assertThat(new JsonObject(get(server, "/api/account/orders", key)).getJsonArray("orders")).as("pings place nothing").isEmpty();
            pinger.socket().close();
        }
    }

    @Test
    void theExchangeMixAmendsItsRestingOrdersAndTradesOnTheSecondInstrument() throws Exception
    {
        try (GatewayServer server = GatewayServer.start(GatewayConfig.defaults(dataDir).withPort(0)))
        {
            final String admin = server.keys().create(999, Role.ADMIN, 0);
            final HttpResponse<String> deposit = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/api/admin/deposit")).header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.ofString("{\"account\":2,\"amount\":\"100000.00\",\"idempotencyKey\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(deposit.statusCode()).isEqualTo(200);

            final String ownerKey = server.keys().create(1, Role.TRADER, 0);
            final String buyerKey = server.keys().create(2, Role.TRADER, 0);
            final AnswerTally warmUp = new AnswerTally(1);
            final AnswerTally measured = new AnswerTally(1);
            final TradingConnection owner = new TradingConnection(RawWebSocket.connect("127.0.0.1", server.port(), "/ws"),
                ownerKey, new ExchangeMixFlow(false, "L4", "T4"), warmUp, measured);
            final TradingConnection buyer = new TradingConnection(RawWebSocket.connect("127.0.0.1", server.port(), "/ws"),
                buyerKey, new ExchangeMixFlow(true, "L4", "T4"), warmUp, measured);
            try (AnswerReader reader = new AnswerReader(new TradingConnection[] {owner, buyer}))
            {
                owner.open();
                buyer.open();
                owner.measureAfter(0);
                buyer.measureAfter(0);
                // One request at a time, so the owner's ask is in the book before the buyer's bid arrives.
                for (int i = 0; i < 400; i++)
                {
                    owner.send(System.nanoTime());
                    awaitAnswers(measured, 2 * i + 1);
                    buyer.send(System.nanoTime());
                    awaitAnswers(measured, 2 * i + 2);
                }
                reader.check();
            }
            assertThat(measured.errorCodes()).isEmpty();
            assertThat(measured.acked()).isEqualTo(800);
            // Each cycle of 20 the owner posts one ask there, which the buyer's next IOC bid takes; the
            // account mirror follows the pipeline's output, so it may be a moment behind the answers.
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (new JsonObject(get(server, "/api/account/leases", buyerKey)).getJsonArray("leases").size() < 20
                && System.nanoTime() < deadline)
            {
                Thread.sleep(10);
            }
            assertThat(new JsonObject(get(server, "/api/account/leases", buyerKey)).getJsonArray("leases")).hasSize(20);
            // The four resting orders each, amended in place (the last cancel-all on T4 came after the last ask posted there).
            assertThat(new JsonObject(get(server, "/api/account/orders", ownerKey)).getJsonArray("orders")).hasSize(4);
            assertThat(new JsonObject(get(server, "/api/account/orders", buyerKey)).getJsonArray("orders")).hasSize(4);
            owner.socket().close();
            buyer.socket().close();
        }
    }

    @Test
    void eachConnectionsShareOfTheWarmUpIsWhatTheRoundRobinSendsIt()
    {
        for (final int connections : new int[] {1, 3, 64})
        {
            for (final long sends : new long[] {0, 1, 2, 63, 64, 65, 400_000, 400_001})
            {
                final long[] given = new long[connections];
                for (long n = 0; n < sends; n++)
                {
                    given[(int)(n % connections)]++;
                }
                for (int i = 0; i < connections; i++)
                {
                    assertThat(LoadgenCommand.sendsTo(i, connections, sends)).as("connection %d of %d, %d sends", i, connections, sends)
                        .isEqualTo(given[i]);
                }
            }
        }
    }

    private static void awaitAnswers(final AnswerTally tally, final long count)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (tally.answers() < count)
        {
            assertThat(System.nanoTime()).as("%d answers within 20 s, %d so far", count, tally.answers()).isLessThan(deadline);
            LockSupport.parkNanos(50_000);
        }
    }

    private static String get(final GatewayServer server, final String path, final String key) throws Exception
    {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
