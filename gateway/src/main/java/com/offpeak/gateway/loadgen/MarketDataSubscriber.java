package com.offpeak.gateway.loadgen;

import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.HdrHistogram.Histogram;

/**
 * A market-data client under load: rebuilds the book from snapshot + updates, checks every seq
 * and checksum (docs/api.md), and records update lag = arrival wall time − the update's engine
 * time (the server runs in real time, so engine time is the wall clock it stamped).
 */
final class MarketDataSubscriber
{
    private final WebSocket socket;
    private final TreeMap<BigDecimal, String[]> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<BigDecimal, String[]> asks = new TreeMap<>();
    private final Histogram lagMillis = new Histogram(TimeUnit.MINUTES.toMillis(10), 3);
    private long seq = -1;
    private long updates;
    private long badChecksums;
    private long gaps;
    private volatile boolean closed;

    MarketDataSubscriber(final WebSocket socket, final String instrument)
    {
        this.socket = socket;
        socket.textMessageHandler(this::onMessage);
        socket.closeHandler(ignored -> closed = true);
        socket.writeTextMessage("{\"id\":1,\"op\":\"subscribe\",\"channel\":\"book\",\"instrument\":\"" + instrument + "\"}");
        socket.writeTextMessage("{\"id\":2,\"op\":\"subscribe\",\"channel\":\"trades\",\"instrument\":\"" + instrument + "\"}");
        socket.writeTextMessage("{\"id\":3,\"op\":\"subscribe\",\"channel\":\"ticker\",\"instrument\":\"" + instrument + "\"}");
    }

    synchronized void reset()
    {
        lagMillis.reset();
        updates = 0;
        badChecksums = 0;
        gaps = 0;
    }

    private synchronized void onMessage(final String text)
    {
        if (!text.startsWith("{\"channel\":\"book\""))
        {
            return;
        }
        final JsonObject message = new JsonObject(text);
        if ("snapshot".equals(message.getString("type")))
        {
            bids.clear();
            asks.clear();
        }
        else
        {
            if (message.getLong("prevSeq") != seq)
            {
                gaps++;
            }
            updates++;
            lagMillis.recordValue(Math.max(0, System.currentTimeMillis() - message.getLong("time")));
        }
        seq = message.getLong("seq");
        apply(message.getJsonArray("bids"), bids);
        apply(message.getJsonArray("asks"), asks);
        if (checksum() != message.getLong("checksum"))
        {
            badChecksums++;
        }
    }

    private static void apply(final JsonArray levels, final TreeMap<BigDecimal, String[]> side)
    {
        for (int i = 0; i < levels.size(); i++)
        {
            final JsonArray level = levels.getJsonArray(i);
            if (level.getInteger(1) == 0)
            {
                side.remove(new BigDecimal(level.getString(0)));
            }
            else
            {
                side.put(new BigDecimal(level.getString(0)), new String[] {level.getString(0), level.getValue(1).toString()});
            }
        }
    }

    private long checksum()
    {
        final StringBuilder input = new StringBuilder();
        for (final TreeMap<BigDecimal, String[]> side : java.util.List.of(bids, asks))
        {
            int n = 0;
            for (final Map.Entry<BigDecimal, String[]> level : side.entrySet())
            {
                if (n++ == 10)
                {
                    break;
                }
                input.append(input.length() == 0 ? "" : ":").append(level.getValue()[0]).append(':').append(level.getValue()[1]);
            }
        }
        final CRC32 crc = new CRC32();
        crc.update(input.toString().getBytes(StandardCharsets.US_ASCII));
        return crc.getValue();
    }

    static void report(final MarketDataSubscriber[] subscribers)
    {
        final Histogram lag = new Histogram(TimeUnit.MINUTES.toMillis(10), 3);
        long updates = 0;
        long bad = 0;
        long gaps = 0;
        int dropped = 0;
        for (final MarketDataSubscriber subscriber : subscribers)
        {
            synchronized (subscriber)
            {
                lag.add(subscriber.lagMillis);
                updates += subscriber.updates;
                bad += subscriber.badChecksums;
                gaps += subscriber.gaps;
            }
            dropped += subscriber.closed ? 1 : 0;
        }
        System.out.printf("market data: %d subscribers, %,d book updates received, %,d bad checksums, %,d gaps, %d disconnected%n",
            subscribers.length, updates, bad, gaps, dropped);
        System.out.printf("book update lag (ms, arrival - engine time): p50 %d  p99 %d  max %d%n", lag.getValueAtPercentile(50),
            lag.getValueAtPercentile(99), lag.getMaxValue());
    }
}
