package com.offpeak.engine.quote;

import com.offpeak.engine.auction.FillSizer;
import com.offpeak.engine.book.BookSide;
import com.offpeak.engine.book.PriceLevel;
import com.offpeak.engine.order.Order;

/**
 * What a bid would get from one book's asks right now, without trading: the matcher's walk
 * (asks in priority order, incompatible ones skipped, whole blocks, the matcher's own fill-size
 * rule) for a bid with no price limit, at each ask's price (a new bid is the younger order, so the
 * resting ask sets the price). Reusable: one instance holds the last result.
 */
public final class QuoteWalk
{
    private static final long MINUTES_PER_HOUR = 60;

    private int fillableGpus;
    private long notional;
    private long averagePrice;

    /** Walks {@code asks} for {@code probe} (a bid: account, GPUs as remaining, duration, TIF). */
    public void walk(final BookSide asks, final Order probe, final FillSizer sizer)
    {
        int left = probe.remaining;
        long total = 0;
        long priceTimesGpus = 0;
        for (int l = 0; l < asks.levelCount() && left > 0; l++)
        {
            final PriceLevel level = asks.level(l);
            for (Order ask = level.head(); ask != null && left > 0; ask = ask.nextInLevel())
            {
                final int q = sizer.fillSize(probe, left, ask, ask.remaining);
                if (q > 0)
                {
                    left -= q;
                    // Each lease is charged floor(price x gpus x minutes / 60) on its own, as the ledger does.
                    total = saturatingAdd(total, notional(ask.price, q, probe.durationMinutes));
                    priceTimesGpus = saturatingAdd(priceTimesGpus, saturatingMultiply(ask.price, q));
                }
            }
        }
        fillableGpus = probe.remaining - left;
        notional = total;
        averagePrice = fillableGpus == 0 ? 0 : priceTimesGpus / fillableGpus;
    }

    public int fillableGpus()
    {
        return fillableGpus;
    }

    /** The sum of the leases' notionals, micro-USD (saturating at Long.MAX_VALUE). */
    public long notional()
    {
        return notional;
    }

    /** GPU-weighted average price per GPU-hour of the fillable GPUs, floored; 0 when none. */
    public long averagePrice()
    {
        return averagePrice;
    }

    private static long notional(final long price, final int gpus, final int minutes)
    {
        final long gpuMinutes = (long)gpus * minutes;
        if (Math.multiplyHigh(price, gpuMinutes) != 0 || price * gpuMinutes < 0)
        {
            return Long.MAX_VALUE;
        }
        return price * gpuMinutes / MINUTES_PER_HOUR;
    }

    private static long saturatingMultiply(final long a, final long b)
    {
        return Math.multiplyHigh(a, b) != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }

    private static long saturatingAdd(final long a, final long b)
    {
        final long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
