package com.offpeak.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.offpeak.gateway.ws.Limits;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subscriber that stops reading is disconnected once its unsent backlog passes the limit, with
 * SLOW_CONSUMER as the reason; a healthy subscriber of the same channel keeps getting updates and
 * order entry is unaffected.
 */
class SlowConsumerTest
{
    @TempDir
    Path dataDir;

    @Test
    void aStalledReaderIsDroppedAndNobodyElseNotices() throws Exception
    {
        final Limits limits = Limits.defaults().withMaxPendingMessages(64).withRequestsPerSecond(100_000, 100_000);
        try (TestExchange exchange = new TestExchange(dataDir, limits);
             TestClient owner = exchange.connect();
             TestClient healthy = exchange.connect();
             TestClient stalled = exchange.connect())
        {
            owner.login(exchange.trader(1, null));
            // A deep book makes every snapshot large, so a stalled reader's backlog grows fast.
            for (int i = 0; i < 400; i++)
            {
                owner.ok(new JsonObject().put("op", "placeAsk").put("instrument", "L4").put("gpus", 8)
                    .put("price", String.format("%d.%03d", 1 + i / 1000, i % 1000)).put("availableForMinutes", 600));
            }
            healthy.ok(new JsonObject().put("op", "subscribe").put("channel", "book").put("instrument", "L4"));

            stalled.socket().pause();
            final String resubscribe = new JsonObject().put("op", "subscribe").put("channel", "book").put("instrument", "L4").encode();
            for (int i = 0; i < 3_000; i++)
            {
                stalled.sendRaw(resubscribe);
            }
            final long deadline = System.currentTimeMillis() + 20_000;
            while (!exchange.get("/metrics", null).body().contains("offpeak_ws_slow_consumers_total 1.0") &&
                System.currentTimeMillis() < deadline)
            {
                Thread.sleep(100);
            }
            assertThat(exchange.get("/metrics", null).body()).contains("offpeak_ws_slow_consumers_total 1.0");

            // The healthy subscriber still gets the next update, and order entry still answers.
            healthy.drain();
            owner.ok(new JsonObject().put("op", "placeAsk").put("instrument", "L4").put("gpus", 8).put("price", "9.99")
                .put("availableForMinutes", 600));
            final JsonObject update = healthy.await(m -> "book".equals(m.getString("channel")) && "update".equals(m.getString("type")));
            assertThat(update.getJsonArray("asks").getJsonArray(0).getString(0)).isEqualTo("9.99");

            stalled.socket().resume();
            final long closeDeadline = System.currentTimeMillis() + 20_000;
            while (!stalled.isClosed() && System.currentTimeMillis() < closeDeadline)
            {
                stalled.drain();
                Thread.sleep(50);
            }
            assertThat(stalled.isClosed()).isTrue();
            if (stalled.closeReason() != null && !"null".equals(stalled.closeReason()))
            {
                assertThat(stalled.closeReason()).startsWith("SLOW_CONSUMER");
            }
        }
    }
}
