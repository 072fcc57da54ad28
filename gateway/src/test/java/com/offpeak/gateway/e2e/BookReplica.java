package com.offpeak.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * What a market-data client does with the book channel, written from docs/api.md alone: apply the
 * snapshot, then each update whose prevSeq is the last seq seen, and check the CRC32 of the top 10
 * levels per side after every message.
 */
final class BookReplica
{
    /** price as sent → [gpus, orders] */
    final TreeMap<BigDecimal, Level> bids = new TreeMap<>(Comparator.reverseOrder());
    final TreeMap<BigDecimal, Level> asks = new TreeMap<>();
    long seq = -1;
    int updates;

    record Level(String price, int gpus, int orders)
    {
    }

    void apply(final JsonObject message)
    {
        assertThat(message.getString("channel")).isEqualTo("book");
        if ("snapshot".equals(message.getString("type")))
        {
            bids.clear();
            asks.clear();
        }
        else
        {
            assertThat(message.getLong("prevSeq")).as("gap before %s", message).isEqualTo(seq);
            updates++;
        }
        seq = message.getLong("seq");
        levels(message.getJsonArray("bids"), bids);
        levels(message.getJsonArray("asks"), asks);
        assertThat(checksum()).as("checksum after %s", message).isEqualTo(message.getLong("checksum"));
    }

    long checksum()
    {
        final StringBuilder input = new StringBuilder();
        append(input, bids);
        append(input, asks);
        final CRC32 crc = new CRC32();
        crc.update(input.toString().getBytes(StandardCharsets.US_ASCII));
        return crc.getValue();
    }

    private static void append(final StringBuilder input, final TreeMap<BigDecimal, Level> side)
    {
        int n = 0;
        for (final Map.Entry<BigDecimal, Level> level : side.entrySet())
        {
            if (n++ == 10)
            {
                break;
            }
            if (input.length() > 0)
            {
                input.append(':');
            }
            input.append(level.getValue().price()).append(':').append(level.getValue().gpus());
        }
    }

    private static void levels(final JsonArray levels, final TreeMap<BigDecimal, Level> side)
    {
        for (int i = 0; i < levels.size(); i++)
        {
            final JsonArray level = levels.getJsonArray(i);
            final BigDecimal price = new BigDecimal(level.getString(0));
            if (level.getInteger(1) == 0)
            {
                side.remove(price);
            }
            else
            {
                side.put(price, new Level(level.getString(0), level.getInteger(1), level.getInteger(2)));
            }
        }
    }
}
