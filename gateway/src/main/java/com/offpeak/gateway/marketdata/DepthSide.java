package com.offpeak.gateway.marketdata;

import java.util.Arrays;

/**
 * One side of an L2 book: price levels kept sorted best-first in parallel primitive arrays, so
 * that applying a level, reading the top N and walking the side allocate nothing once the
 * arrays have grown to the book's depth.
 */
public final class DepthSide
{
    private final boolean bids;
    private long[] prices = new long[32];
    private int[] gpus = new int[32];
    private int[] orders = new int[32];
    private int size;

    public DepthSide(final boolean bids)
    {
        this.bids = bids;
    }

    /** Sets a level's aggregate; {@code gpus == 0} removes it (the engine's "level gone"). */
    public void set(final long price, final int levelGpus, final int levelOrders)
    {
        final int index = search(price);
        if (index >= 0)
        {
            if (levelGpus == 0)
            {
                final int tail = size - index - 1;
                System.arraycopy(prices, index + 1, prices, index, tail);
                System.arraycopy(gpus, index + 1, gpus, index, tail);
                System.arraycopy(orders, index + 1, orders, index, tail);
                size--;
            }
            else
            {
                gpus[index] = levelGpus;
                orders[index] = levelOrders;
            }
            return;
        }
        if (levelGpus == 0)
        {
            return;
        }
        final int insertAt = -index - 1;
        if (size == prices.length)
        {
            prices = Arrays.copyOf(prices, size * 2);
            gpus = Arrays.copyOf(gpus, size * 2);
            orders = Arrays.copyOf(orders, size * 2);
        }
        final int tail = size - insertAt;
        System.arraycopy(prices, insertAt, prices, insertAt + 1, tail);
        System.arraycopy(gpus, insertAt, gpus, insertAt + 1, tail);
        System.arraycopy(orders, insertAt, orders, insertAt + 1, tail);
        prices[insertAt] = price;
        gpus[insertAt] = levelGpus;
        orders[insertAt] = levelOrders;
        size++;
    }

    public int size()
    {
        return size;
    }

    /** Price of the {@code index}-th best level (0 = best). */
    public long price(final int index)
    {
        return prices[index];
    }

    public int gpus(final int index)
    {
        return gpus[index];
    }

    public int orders(final int index)
    {
        return orders[index];
    }

    /** GPUs at {@code price}, 0 when there is no such level. */
    public int gpusAt(final long price)
    {
        final int index = search(price);
        return index >= 0 ? gpus[index] : 0;
    }

    public int ordersAt(final long price)
    {
        final int index = search(price);
        return index >= 0 ? orders[index] : 0;
    }

    /** Sum of GPUs over all levels (for asks: the idle capacity on offer). */
    public long totalGpus()
    {
        long total = 0;
        for (int i = 0; i < size; i++)
        {
            total += gpus[i];
        }
        return total;
    }

    /** True when {@code a} is a better (earlier in depth) price than {@code b} on this side. */
    public boolean better(final long a, final long b)
    {
        return bids ? a > b : a < b;
    }

    /** Binary search in best-first order; returns the index, or {@code -(insertion point) - 1}. */
    private int search(final long price)
    {
        int low = 0;
        int high = size - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long midPrice = prices[mid];
            if (midPrice == price)
            {
                return mid;
            }
            if (better(midPrice, price))
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return -(low + 1);
    }
}
