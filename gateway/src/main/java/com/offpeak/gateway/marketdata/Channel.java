package com.offpeak.gateway.marketdata;

/** The public market-data channels of one instrument, with their wire names. */
public enum Channel
{
    BOOK("book", null),
    TRADES("trades", null),
    TICKER("ticker", null),
    CANDLES_1M("candles", "1m"),
    CANDLES_1H("candles", "1h"),
    UTILISATION("utilisation", null),
    AUCTION("auction", null);

    private static final Channel[] VALUES = values();

    private final String wireName;
    private final String interval;

    Channel(final String wireName, final String interval)
    {
        this.wireName = wireName;
        this.interval = interval;
    }

    public String wireName()
    {
        return wireName;
    }

    /** The candle interval ("1m", "1h"), {@code null} for other channels. */
    public String interval()
    {
        return interval;
    }

    public int bit()
    {
        return 1 << ordinal();
    }

    /** The channel named {@code name} (with {@code interval} for candles), or {@code null}. */
    public static Channel of(final String name, final String interval)
    {
        for (final Channel channel : VALUES)
        {
            if (channel.wireName.equals(name) && (channel.interval == null || channel.interval.equals(interval)))
            {
                return channel;
            }
        }
        return null;
    }

    public static Channel ofOrdinal(final int ordinal)
    {
        return VALUES[ordinal];
    }

    public static int count()
    {
        return VALUES.length;
    }
}
