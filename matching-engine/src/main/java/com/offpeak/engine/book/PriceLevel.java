package com.offpeak.engine.book;

import com.offpeak.engine.order.Order;

/**
 * All resting orders of one side at one price, in time priority: an intrusive doubly linked FIFO
 * (O(1) append, O(1) removal by reference, no nodes to allocate). It keeps the depth aggregates
 * (GPUs and the number of orders with GPUs) incrementally, which is why every change of an
 * order's {@code remaining} while it rests goes through {@link #setRemaining}.
 *
 * <p>An ask with no free GPUs (all leased) stays queued so that returning GPUs keep its place,
 * but does not count in {@link #activeOrders()}.
 */
public final class PriceLevel
{
    private long price;
    private Order head;
    private Order tail;
    private int gpus;
    private int activeOrders;
    private int size;

    void reset(final long price)
    {
        this.price = price;
        head = null;
        tail = null;
        gpus = 0;
        activeOrders = 0;
        size = 0;
    }

    public long price()
    {
        return price;
    }

    public Order head()
    {
        return head;
    }

    public Order tail()
    {
        return tail;
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
        return size;
    }

    public boolean isEmpty()
    {
        return size == 0;
    }

    public void append(final Order order)
    {
        order.level = this;
        order.levelPrev = tail;
        order.levelNext = null;
        if (tail == null)
        {
            head = order;
        }
        else
        {
            tail.levelNext = order;
        }
        tail = order;
        added(order);
    }

    /** Front insertion: only the planted bug {@code LIFO_AT_LEVEL} uses it. */
    public void prepend(final Order order)
    {
        order.level = this;
        order.levelPrev = null;
        order.levelNext = head;
        if (head == null)
        {
            tail = order;
        }
        else
        {
            head.levelPrev = order;
        }
        head = order;
        added(order);
    }

    public void remove(final Order order)
    {
        if (order.levelPrev == null)
        {
            head = order.levelNext;
        }
        else
        {
            order.levelPrev.levelNext = order.levelNext;
        }
        if (order.levelNext == null)
        {
            tail = order.levelPrev;
        }
        else
        {
            order.levelNext.levelPrev = order.levelPrev;
        }
        order.level = null;
        order.levelPrev = null;
        order.levelNext = null;
        size--;
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
        size++;
        gpus += order.remaining;
        if (order.remaining > 0)
        {
            activeOrders++;
        }
    }
}
