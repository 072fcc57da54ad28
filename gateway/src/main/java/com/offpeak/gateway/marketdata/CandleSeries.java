package com.offpeak.gateway.marketdata;

/**
 * OHLC candles of one interval from engine time: a candle opens at the first trade of its
 * interval (intervals without trades have no candle) and the ring keeps the latest
 * {@code capacity}. Volume is in GPU-minutes, exact; the wire shows GPU-hours.
 */
public final class CandleSeries
{
    private final long intervalMillis;
    private final int capacity;
    private final long[] start;
    private final long[] open;
    private final long[] high;
    private final long[] low;
    private final long[] close;
    private final long[] gpuMinutes;
    private final int[] trades;
    private long count;

    public CandleSeries(final long intervalMillis, final int capacity)
    {
        this.intervalMillis = intervalMillis;
        this.capacity = capacity;
        start = new long[capacity];
        open = new long[capacity];
        high = new long[capacity];
        low = new long[capacity];
        close = new long[capacity];
        gpuMinutes = new long[capacity];
        trades = new int[capacity];
    }

    public void trade(final long time, final long price, final long tradeGpuMinutes)
    {
        final long bucket = time - Math.floorMod(time, intervalMillis);
        if (count == 0 || bucket > start[slot(count - 1)])
        {
            final int slot = slot(count++);
            start[slot] = bucket;
            open[slot] = price;
            high[slot] = price;
            low[slot] = price;
            close[slot] = price;
            gpuMinutes[slot] = tradeGpuMinutes;
            trades[slot] = 1;
            return;
        }
        // Engine time never goes back, so a trade always belongs to the newest candle.
        final int slot = slot(count - 1);
        high[slot] = Math.max(high[slot], price);
        low[slot] = Math.min(low[slot], price);
        close[slot] = price;
        gpuMinutes[slot] += tradeGpuMinutes;
        trades[slot]++;
    }

    public long count()
    {
        return count;
    }

    public long oldest()
    {
        return Math.max(0, count - capacity);
    }

    public long start(final long number)
    {
        return start[slot(number)];
    }

    public long open(final long number)
    {
        return open[slot(number)];
    }

    public long high(final long number)
    {
        return high[slot(number)];
    }

    public long low(final long number)
    {
        return low[slot(number)];
    }

    public long close(final long number)
    {
        return close[slot(number)];
    }

    public long gpuMinutes(final long number)
    {
        return gpuMinutes[slot(number)];
    }

    public int trades(final long number)
    {
        return trades[slot(number)];
    }

    private int slot(final long number)
    {
        return (int)(number % capacity);
    }
}
