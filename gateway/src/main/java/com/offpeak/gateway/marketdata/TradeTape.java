package com.offpeak.gateway.marketdata;

import com.offpeak.engine.Side;

/**
 * The most recent trades of one instrument in a fixed ring of primitive columns. Every trade is
 * numbered ({@link #count()} grows forever), so a publisher can send exactly the trades added
 * since it last looked.
 */
public final class TradeTape
{
    private final int capacity;
    private final long[] time;
    private final long[] leaseId;
    private final long[] price;
    private final int[] gpus;
    private final int[] durationMinutes;
    private final Side[] maker;
    private long count;

    public TradeTape(final int capacity)
    {
        this.capacity = capacity;
        time = new long[capacity];
        leaseId = new long[capacity];
        price = new long[capacity];
        gpus = new int[capacity];
        durationMinutes = new int[capacity];
        maker = new Side[capacity];
    }

    public void add(final long tradeTime, final long tradeLeaseId, final long tradePrice, final int tradeGpus, final int minutes,
        final Side makerSide)
    {
        final int slot = (int)(count % capacity);
        time[slot] = tradeTime;
        leaseId[slot] = tradeLeaseId;
        price[slot] = tradePrice;
        gpus[slot] = tradeGpus;
        durationMinutes[slot] = minutes;
        maker[slot] = makerSide;
        count++;
    }

    /** Number of trades ever added. */
    public long count()
    {
        return count;
    }

    /** The oldest trade number still held. */
    public long oldest()
    {
        return Math.max(0, count - capacity);
    }

    public long time(final long number)
    {
        return time[slot(number)];
    }

    public long leaseId(final long number)
    {
        return leaseId[slot(number)];
    }

    public long price(final long number)
    {
        return price[slot(number)];
    }

    public int gpus(final long number)
    {
        return gpus[slot(number)];
    }

    public int durationMinutes(final long number)
    {
        return durationMinutes[slot(number)];
    }

    /** The side that rested first and set the price; the other side was the taker. */
    public Side maker(final long number)
    {
        return maker[slot(number)];
    }

    private int slot(final long number)
    {
        return (int)(number % capacity);
    }
}
