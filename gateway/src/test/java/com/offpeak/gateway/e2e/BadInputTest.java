package com.offpeak.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and malformed frames, each answered with an error and a stable code on a connection that
 * stays usable; the server keeps serving afterwards. One exchange and one logged-in connection
 * take every frame in turn.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest
{
    @TempDir
    static Path dataDir;

    private TestExchange exchange;
    private TestClient client;
    private int served;

    @BeforeAll
    void start() throws Exception
    {
        exchange = new TestExchange(dataDir);
        client = exchange.connect();
        client.login(exchange.trader(1, "100.00"));
    }

    @AfterAll
    void stop()
    {
        client.close();
        exchange.close();
        assertThat(served).isGreaterThanOrEqualTo(30);
    }

    static Stream<Arguments> frames()
    {
        final String bid = "\"op\":\"placeBid\",\"instrument\":\"H100-SXM\",\"gpus\":8,\"durationMinutes\":60,\"timeInForce\":\"GTC\"";
        return Stream.of(
            // not JSON objects at all: no id to echo
            Arguments.of("not json", "BAD_JSON"),
            Arguments.of("", "BAD_JSON"),
            Arguments.of("[1,2,3]", "BAD_JSON"),
            Arguments.of("42", "BAD_JSON"),
            Arguments.of("null", "BAD_JSON"),
            Arguments.of("{\"id\":1,\"op\":", "BAD_JSON"),
            Arguments.of("{\"id\":1,\"op\":\"ping\"}}}", "BAD_JSON"),
            Arguments.of("{\"id\":{\"nested\":1},\"op\":\"ping\"}", "BAD_REQUEST"),
            Arguments.of("{\"id\":\"" + "x".repeat(200) + "\",\"op\":\"ping\"}", "BAD_REQUEST"),
            Arguments.of("{\"id\":1.5,\"op\":\"ping\"}", "BAD_REQUEST"),
            Arguments.of("{\"op\":\"" + "y".repeat(5000) + "\"}", "FRAME_TOO_LARGE"),
            // envelopes with an id
            Arguments.of("{\"id\":1}", "UNKNOWN_OP"),
            Arguments.of("{\"id\":2,\"op\":\"nope\"}", "UNKNOWN_OP"),
            Arguments.of("{\"id\":3,\"op\":42}", "UNKNOWN_OP"),
            Arguments.of("{\"id\":4,\"op\":\"PLACEBID\"}", "UNKNOWN_OP"),
            Arguments.of("{\"id\":5,\"op\":\"ping\\u0000\"}", "UNKNOWN_OP"),
            Arguments.of("{\"id\":6,\"op\":\"login\",\"key\":\"op_nothing_here\"}", "ALREADY_AUTHENTICATED"),
            Arguments.of("{\"id\":7,\"op\":\"subscribe\",\"channel\":\"gossip\",\"instrument\":\"H100-SXM\"}", "UNKNOWN_CHANNEL"),
            Arguments.of("{\"id\":8,\"op\":\"subscribe\",\"channel\":\"candles\",\"interval\":\"5m\",\"instrument\":\"H100-SXM\"}",
                "UNKNOWN_CHANNEL"),
            Arguments.of("{\"id\":9,\"op\":\"subscribe\",\"channel\":\"book\",\"instrument\":\"B200\"}", "UNKNOWN_INSTRUMENT"),
            Arguments.of("{\"id\":10,\"op\":\"subscribe\",\"channel\":\"book\",\"instrument\":0}", "BAD_REQUEST"),
            Arguments.of("{\"id\":11,\"op\":\"subscribe\",\"channel\":\"book\"}", "BAD_REQUEST"),
            // order entry: wire format
            Arguments.of("{\"id\":12," + bid + ",\"price\":2.1}", "INVALID_PRICE_FORMAT"),
            Arguments.of("{\"id\":13," + bid + ",\"price\":\"2.1234567\"}", "INVALID_PRICE_FORMAT"),
            Arguments.of("{\"id\":14," + bid + ",\"price\":\"1e3\"}", "INVALID_PRICE_FORMAT"),
            Arguments.of("{\"id\":15," + bid + ",\"price\":\"-1.00\"}", "INVALID_PRICE_FORMAT"),
            Arguments.of("{\"id\":16," + bid + ",\"price\":\"NaN\"}", "INVALID_PRICE_FORMAT"),
            Arguments.of("{\"id\":17," + bid + "}", "BAD_REQUEST"),
            Arguments.of("{\"id\":18,\"op\":\"placeBid\",\"instrument\":\"H100-SXM\",\"gpus\":\"8\",\"durationMinutes\":60," +
                "\"timeInForce\":\"GTC\",\"price\":\"2.00\"}", "BAD_REQUEST"),
            Arguments.of("{\"id\":19,\"op\":\"placeBid\",\"instrument\":\"H100-SXM\",\"gpus\":1.5,\"durationMinutes\":60," +
                "\"timeInForce\":\"GTC\",\"price\":\"2.00\"}", "BAD_REQUEST"),
            Arguments.of("{\"id\":20,\"op\":\"placeBid\",\"instrument\":\"H100-SXM\",\"gpus\":99999999999,\"durationMinutes\":60," +
                "\"timeInForce\":\"GTC\",\"price\":\"2.00\"}", "BAD_REQUEST"),
            Arguments.of("{\"id\":21,\"op\":\"placeBid\",\"instrument\":\"H100-SXM\",\"gpus\":-1,\"durationMinutes\":60," +
                "\"timeInForce\":\"GTC\",\"price\":\"2.00\"}", "BAD_REQUEST"),
            Arguments.of("{\"id\":22,\"op\":\"placeBid\",\"instrument\":\"H100-SXM\",\"gpus\":8,\"timeInForce\":\"GTC\"," +
                "\"price\":\"2.00\"}", "BAD_REQUEST"),
            Arguments.of("{\"id\":23,\"op\":\"placeBid\",\"instrument\":\"H100-SXM\",\"gpus\":8,\"durationMinutes\":60," +
                "\"timeInForce\":\"FOREVER\",\"price\":\"2.00\"}", "BAD_REQUEST"),
            Arguments.of("{\"id\":24," + bid.replace("GTC", "GTD") + ",\"price\":\"2.00\",\"deadline\":\"yesterday\"}",
                "INVALID_TIME_FORMAT"),
            Arguments.of("{\"id\":25," + bid.replace("GTC", "GTD") + ",\"price\":\"2.00\",\"deadline\":1,\"deadlineInMinutes\":90}",
                "BAD_REQUEST"),
            Arguments.of("{\"id\":26," + bid + ",\"price\":\"2.00\",\"contiguous\":\"yes\"}", "BAD_REQUEST"),
            Arguments.of("{\"id\":27," + bid + ",\"price\":\"2.00\",\"clientOrderId\":0}", "BAD_REQUEST"),
            Arguments.of("{\"id\":28," + bid + ",\"price\":\"2.00\",\"instrument\":\"h100-sxm\"}", "UNKNOWN_INSTRUMENT"),
            Arguments.of("{\"id\":29,\"op\":\"cancel\",\"orderId\":\"abc\"}", "BAD_REQUEST"),
            Arguments.of("{\"id\":30,\"op\":\"amend\",\"orderId\":1,\"gpus\":8}", "BAD_REQUEST"),
            Arguments.of("{\"id\":31,\"op\":\"cancelAll\",\"instrument\":[\"H100-SXM\"]}", "BAD_REQUEST"),
            // order entry: well-formed, refused by the market's rules (the engine's codes)
            Arguments.of("{\"id\":32," + bid + ",\"price\":\"2.001\"}", "PRICE_NOT_ON_TICK"),
            Arguments.of("{\"id\":33," + bid.replace("\"gpus\":8", "\"gpus\":5000") + ",\"price\":\"2.00\"}", "INVALID_QUANTITY"),
            Arguments.of("{\"id\":34," + bid.replace("60", "30") + ",\"price\":\"2.00\"}", "INVALID_DURATION"),
            Arguments.of("{\"id\":35," + bid.replace("GTC", "IOC") + ",\"price\":\"2.00\",\"postOnly\":true}", "POST_ONLY_NOT_ALLOWED"),
            Arguments.of("{\"id\":36," + bid + ",\"price\":\"999.00\"}", "INSUFFICIENT_FUNDS"),
            Arguments.of("{\"id\":37,\"op\":\"placeAsk\",\"instrument\":\"H100-SXM\",\"gpus\":8,\"price\":\"2.00\"," +
                "\"availableForMinutes\":10}", "WINDOW_TOO_SHORT"),
            Arguments.of("{\"id\":38,\"op\":\"placeAsk\",\"instrument\":\"H100-SXM\",\"gpus\":12,\"minBlock\":8,\"price\":\"2.00\"," +
                "\"availableForMinutes\":100}", "INVALID_MIN_BLOCK"),
            Arguments.of("{\"id\":39,\"op\":\"cancel\",\"orderId\":123456}", "UNKNOWN_ORDER"),
            Arguments.of("{\"id\":40,\"op\":\"amend\",\"orderId\":123456,\"gpus\":8,\"price\":\"2.00\"}", "UNKNOWN_ORDER"),
            Arguments.of("{\"id\":41,\"op\":\"cancelAll\",\"instrument\":\"T5\"}", "UNKNOWN_INSTRUMENT"),
            Arguments.of("{\"id\":42,\"op\":\"ping\",\"deep\":" + "[".repeat(900) + "]".repeat(900) + "}", "NONE"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("frames")
    void everyBadFrameGetsAnErrorAndTheConnectionStaysUsable(final String frame, final String code) throws Exception
    {
        client.sendRaw(frame);
        final JsonObject answer = client.await(m -> m.containsKey("ok"));
        if ("NONE".equals(code))
        {
            assertThat(answer.getBoolean("ok")).as("%s", answer).isTrue();
        }
        else
        {
            assertThat(answer.getBoolean("ok")).as("%s", answer).isFalse();
            assertThat(answer.getJsonObject("error").getString("code")).as("%s", answer).isEqualTo(code);
            assertThat(answer.getJsonObject("error").getString("message")).isNotBlank();
        }
        assertThat(client.request(new JsonObject().put("op", "ping")).getBoolean("ok")).as("still usable after %s", code).isTrue();
        served++;
    }

    @Test
    void binaryFramesAreRefusedPolitely() throws Exception
    {
        client.socket().writeBinaryMessage(Buffer.buffer(new byte[] {1, 2, 3}));
        final JsonObject answer = client.await(m -> m.containsKey("ok"));
        assertThat(answer.getJsonObject("error").getString("code")).isEqualTo("BINARY_NOT_SUPPORTED");
        assertThat(client.request(new JsonObject().put("op", "ping")).getBoolean("ok")).isTrue();
        served++;
    }

    @Test
    void aFrameBeyondTheHardLimitClosesOnlyThatConnection() throws Exception
    {
        try (TestClient flooder = exchange.connect())
        {
            flooder.sendRaw("{\"op\":\"ping\",\"pad\":\"" + "z".repeat(100_000) + "\"}");
            final long deadline = System.currentTimeMillis() + 5000;
            while (flooder.closeReason() == null && System.currentTimeMillis() < deadline)
            {
                Thread.sleep(20);
            }
            assertThat(flooder.isClosed()).isTrue();
            assertThat(flooder.closeCode()).as("1009: message too big, said before the connection goes").isEqualTo((short)1009);
        }
        assertThat(client.request(new JsonObject().put("op", "ping")).getBoolean("ok")).isTrue();
        try (TestClient fresh = exchange.connect())
        {
            final JsonObject subscribed = fresh.ok(new JsonObject().put("op", "subscribe").put("channel", "book")
                .put("instrument", "H100-SXM"));
            assertThat(subscribed.getString("channel")).isEqualTo("book");
            assertThat(fresh.await(m -> "book".equals(m.getString("channel"))).getString("type")).isEqualTo("snapshot");
        }
        served++;
    }
}
