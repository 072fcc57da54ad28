package com.offpeak.engine.auction;

import com.offpeak.engine.book.BookSide;
import com.offpeak.engine.book.PriceLevel;
import com.offpeak.engine.order.Order;

import java.util.Arrays;

/**
 * One call auction's allocation and uniform price (docs/auction.md), computed without changing the
 * book: the clear executes it, the indicative publishes its price and volume.
 *
 * <p>Bids in book priority order (limit high first, then time) each take compatible asks cheapest
 * first (then by time) at or below their limit, in whole blocks, a contiguous bid all from one ask
 * or not at all. A bid whose limit is below an ask price already matched gets nothing, and so
 * does every later bid: this keeps one price that fits every winner's limit and every matched
 * ask's limit. The price is the highest limit among losing bids that is at most every winner's
 * limit, else the lowest winning limit, raised to the highest matched ask's limit if below it.
 *
 * <p>Reusable scratch arrays, grown on demand: allocation-free once warmed up.
 */
public final class AuctionAllocation
{
    private Order[] asks = new Order[64];
    private int[] askFree = new int[64];
    private int askCount;

    private Order[] fillBid = new Order[64];
    private Order[] fillAsk = new Order[64];
    private int[] fillGpus = new int[64];
    private int fillCount;

    private long price;
    private int volume;

    /** Allocates the resting bids against the resting asks of one book; read the result with the accessors. */
    public void allocate(final BookSide bids, final BookSide askSide, final FillSizer sizer)
    {
        collectAsks(askSide);
        fillCount = 0;
        volume = 0;
        long highestMatchedAsk = 0;
        long lowestWinningLimit = 0;
        // Bids come in non-increasing limit order, so the losers at or below every winner so far are
        // those after the last winner plus those tied with it; the latest loser is the lowest one.
        long highestQualifiedLoser = 0;
        long latestLoser = 0;
        boolean closed = false;
        for (int l = 0; l < bids.levelCount(); l++)
        {
            final PriceLevel level = bids.level(l);
            for (Order bid = level.head(); bid != null; bid = bid.nextInLevel())
            {
                closed = closed || bid.price < highestMatchedAsk;
                final int won = closed ? 0 : take(bid, sizer);
                if (won > 0)
                {
                    volume += won;
                    lowestWinningLimit = bid.price;
                    highestQualifiedLoser = latestLoser == bid.price ? bid.price : 0;
                    for (int f = fillCount - 1; f >= 0 && fillBid[f] == bid; f--)
                    {
                        highestMatchedAsk = Math.max(highestMatchedAsk, fillAsk[f].price);
                    }
                }
                else
                {
                    latestLoser = bid.price;
                    highestQualifiedLoser = Math.max(highestQualifiedLoser, bid.price);
                }
            }
        }
        price = volume == 0 ? 0 : Math.max(highestQualifiedLoser != 0 ? highestQualifiedLoser : lowestWinningLimit, highestMatchedAsk);
    }

    /** The uniform clearing price, 0 when nothing crosses. */
    public long price()
    {
        return price;
    }

    /** GPUs allocated in total. */
    public int volume()
    {
        return volume;
    }

    /** Allocations in the order made (by bid priority, then ask priority). */
    public int fillCount()
    {
        return fillCount;
    }

    public Order bidAt(final int index)
    {
        return fillBid[index];
    }

    public Order askAt(final int index)
    {
        return fillAsk[index];
    }

    public int gpusAt(final int index)
    {
        return fillGpus[index];
    }

    /** Drops the order references so pooled orders are not kept reachable from here. */
    public void forget()
    {
        Arrays.fill(asks, 0, askCount, null);
        Arrays.fill(fillBid, 0, fillCount, null);
        Arrays.fill(fillAsk, 0, fillCount, null);
        askCount = 0;
        fillCount = 0;
    }

    private int take(final Order bid, final FillSizer sizer)
    {
        int left = bid.remaining;
        for (int a = 0; a < askCount && left > 0; a++)
        {
            final Order ask = asks[a];
            if (ask.price > bid.price)
            {
                break;
            }
            final int q = sizer.fillSize(bid, left, ask, askFree[a]);
            if (q > 0)
            {
                askFree[a] -= q;
                left -= q;
                record(bid, ask, q);
            }
        }
        return bid.remaining - left;
    }

    private void collectAsks(final BookSide askSide)
    {
        askCount = 0;
        for (int l = 0; l < askSide.levelCount(); l++)
        {
            for (Order ask = askSide.level(l).head(); ask != null; ask = ask.nextInLevel())
            {
                if (ask.remaining > 0)
                {
                    if (askCount == asks.length)
                    {
                        asks = Arrays.copyOf(asks, askCount * 2);
                        askFree = Arrays.copyOf(askFree, askCount * 2);
                    }
                    asks[askCount] = ask;
                    askFree[askCount] = ask.remaining;
                    askCount++;
                }
            }
        }
    }

    private void record(final Order bid, final Order ask, final int q)
    {
        if (fillCount == fillBid.length)
        {
            fillBid = Arrays.copyOf(fillBid, fillCount * 2);
            fillAsk = Arrays.copyOf(fillAsk, fillCount * 2);
            fillGpus = Arrays.copyOf(fillGpus, fillCount * 2);
        }
        fillBid[fillCount] = bid;
        fillAsk[fillCount] = ask;
        fillGpus[fillCount] = q;
        fillCount++;
    }
}
