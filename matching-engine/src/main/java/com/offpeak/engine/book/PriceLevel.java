package com.offpeak.engine.book;

import com.offpeak.engine.order.Order;

/**
 * All resting orders of one side at one price, in time priority: an intrusive FIFO queue (O(1)
 * append, O(1) removal by reference, no nodes to allocate). The links are fields of {@link Order}
 * itself rather than a separate link object, because amends and fills unlink orders at random:
 * touching only the order and its two neighbours saves a cache miss per link followed. It keeps the depth aggregates
 * (GPUs and the number of orders with GPUs) incrementally, which is why every change of an
 * order's {@code remaining} while it rests goes through {@link #setRemaining}.
 *
 * <p>An ask with no free GPUs (all leased) stays queued so that returning GPUs keep its place,
 * but does not count in {@link #activeOrders()}.
 */
public final class PriceLevel
{
    private Order head;
    private Order tail;
    private int size;
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
        enter(order);
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
    }

    /** Front insertion: only the planted bug {@code LIFO_AT_LEVEL} uses it. */
    public void prepend(final Order order)
    {
        enter(order);
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
    }

    public void remove(final Order order)
    {
        if (order.level != this)
        {
            throw new IllegalStateException("order " + order.id + " is not at this level");
        }
        final Order prev = order.levelPrev;
        final Order next = order.levelNext;
        if (prev == null)
        {
            head = next;
        }
        else
        {
            prev.levelNext = next;
        }
        if (next == null)
        {
            tail = prev;
        }
        else
        {
            next.levelPrev = prev;
        }
        order.levelPrev = null;
        order.levelNext = null;
        order.level = null;
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

    private void enter(final Order order)
    {
        if (order.level != null)
        {
            throw new IllegalStateException("order " + order.id + " is already at a level");
        }
        order.level = this;
        size++;
        gpus += order.remaining;
        if (order.remaining > 0)
        {
            activeOrders++;
        }
    }
}
