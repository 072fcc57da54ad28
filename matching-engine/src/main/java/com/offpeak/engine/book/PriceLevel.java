package com.offpeak.engine.book;

import com.offpeak.engine.list.LinkedQueue;
import com.offpeak.engine.order.Order;

/**
 * All resting orders of one side at one price, in time priority: an intrusive FIFO queue (O(1)
 * append, O(1) removal by reference, no nodes to allocate). It keeps the depth aggregates
 * (GPUs and the number of orders with GPUs) incrementally, which is why every change of an
 * order's {@code remaining} while it rests goes through {@link #setRemaining}.
 *
 * <p>An ask with no free GPUs (all leased) stays queued so that returning GPUs keep its place,
 * but does not count in {@link #activeOrders()}.
 */
public final class PriceLevel
{
    private final LinkedQueue<Order> queue = new LinkedQueue<>();
    private long price;
    private int gpus;
    private int activeOrders;

    void reset(final long price)
    {
        this.price = price;
        gpus = 0;
        activeOrders = 0;
    }

    public long price()
    {
        return price;
    }

    /** The order with the best time priority; continue with {@link Order#nextInLevel()}. */
    public Order head()
    {
        return queue.first();
    }

    public Order tail()
    {
        return queue.last();
    }

    /** Total GPUs shown in depth: bids' unfilled, asks' free. */
    public int gpus()
    {
        return gpus;
    }

    /** Orders with GPUs to show. */
    public int activeOrders()
    {
        return activeOrders;
    }

    /** Orders queued, including asks with nothing free. */
    public int size()
    {
        return queue.size();
    }

    public boolean isEmpty()
    {
        return queue.isEmpty();
    }

    public void append(final Order order)
    {
        queue.append(order.inLevel);
        added(order);
    }

    /** Front insertion: only the planted bug {@code LIFO_AT_LEVEL} uses it. */
    public void prepend(final Order order)
    {
        queue.prepend(order.inLevel);
        added(order);
    }

    public void remove(final Order order)
    {
        queue.remove(order.inLevel);
        order.level = null;
        gpus -= order.remaining;
        if (order.remaining > 0)
        {
            activeOrders--;
        }
    }

    public void setRemaining(final Order order, final int remaining)
    {
        gpus += remaining - order.remaining;
        if (order.remaining > 0 && remaining == 0)
        {
            activeOrders--;
        }
        else if (order.remaining == 0 && remaining > 0)
        {
            activeOrders++;
        }
        order.remaining = remaining;
    }

    private void added(final Order order)
    {
        order.level = this;
        gpus += order.remaining;
        if (order.remaining > 0)
        {
            activeOrders++;
        }
    }
}
