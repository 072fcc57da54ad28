package com.offpeak.gateway.marketdata;

import com.offpeak.engine.Side;
import java.util.Arrays;

/**
 * An instrument's L2 book as rebuilt from the engine's {@code bookChanged} events, plus the set
 * of levels touched since the last published update. Updates are conflated: however many times
 * a level changes between two flushes, the next update carries its latest aggregate once, with
 * {@code seq = prevSeq + 1}. A book crossed between incompatible orders is kept as it is.
 */
public final class DepthBook
{
    private final DepthSide bids = new DepthSide(true);
    private final DepthSide asks = new DepthSide(false);
    private final BookChecksum checksum = new BookChecksum();
    private long[] changedBids = new long[16];
    private long[] changedAsks = new long[16];
    private int changedBidCount;
    private int changedAskCount;
    private long seq;

    public void apply(final Side side, final long price, final int gpus, final int orders)
    {
        if (side == Side.BID)
        {
            bids.set(price, gpus, orders);
            changedBids = remember(changedBids, changedBidCount++, price);
        }
        else
        {
            asks.set(price, gpus, orders);
            changedAsks = remember(changedAsks, changedAskCount++, price);
        }
    }

    public boolean hasChanges()
    {
        return changedBidCount + changedAskCount > 0;
    }

    /**
     * Turns the pending changes into the next update: sorts them best-first, drops repeats and
     * advances {@code seq}. Until {@link #clearChanges()} the changed prices are readable.
     */
    public void sealUpdate()
    {
        changedBidCount = sortUnique(changedBids, changedBidCount, true);
        changedAskCount = sortUnique(changedAsks, changedAskCount, false);
        seq++;
    }

    public void clearChanges()
    {
        changedBidCount = 0;
        changedAskCount = 0;
    }

    public long seq()
    {
        return seq;
    }

    public DepthSide bids()
    {
        return bids;
    }

    public DepthSide asks()
    {
        return asks;
    }

    public int changedCount(final Side side)
    {
        return side == Side.BID ? changedBidCount : changedAskCount;
    }

    /** The {@code index}-th changed price of the sealed update; its new aggregate is {@code side(side).gpusAt(price)} (0 = removed). */
    public long changedPrice(final Side side, final int index)
    {
        return side == Side.BID ? changedBids[index] : changedAsks[index];
    }

    public DepthSide side(final Side side)
    {
        return side == Side.BID ? bids : asks;
    }

    public long checksum()
    {
        return checksum.checksum(bids, asks);
    }

    public CharSequence checksumInput()
    {
        return checksum.input(bids, asks);
    }

    private static long[] remember(final long[] prices, final int index, final long price)
    {
        final long[] target = index == prices.length ? Arrays.copyOf(prices, index * 2) : prices;
        target[index] = price;
        return target;
    }

    private static int sortUnique(final long[] prices, final int count, final boolean descending)
    {
        if (count == 0)
        {
            return 0;
        }
        Arrays.sort(prices, 0, count);
        int unique = 1;
        for (int i = 1; i < count; i++)
        {
            if (prices[i] != prices[unique - 1])
            {
                prices[unique++] = prices[i];
            }
        }
        if (descending)
        {
            for (int i = 0, j = unique - 1; i < j; i++, j--)
            {
                final long swap = prices[i];
                prices[i] = prices[j];
                prices[j] = swap;
            }
        }
        return unique;
    }
}
