package com.offpeak.engine.book;

import com.offpeak.engine.order.Order;
import com.offpeak.engine.order.OrderTable;

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
    private final OrderTable orders;
    /** Handles, not references: see {@link OrderTable}. */
    private int head = OrderTable.NONE;
    private int tail = OrderTable.NONE;
    private int size;
    private long price;
    private int gpus;
    private int activeOrders;

    public PriceLevel(final OrderTable orders)
    {
        this.orders = orders;
    }

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

    /** The order with the best time priority; continue with {@link #next}. */
    public Order head()
    {
        return orders.get(head);
    }

    public Order tail()
    {
        return orders.get(tail);
    }

    /** The order after {@code order} (which rests here) in time priority, or null. */
    public Order next(final Order order)
    {
        return orders.get(order.levelNext);
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
        order.levelNext = OrderTable.NONE;
        if (tail == OrderTable.NONE)
        {
            head = order.handle;
        }
        else
        {
            orders.get(tail).levelNext = order.handle;
        }
        tail = order.handle;
    }

    /** Front insertion: only the planted bug {@code LIFO_AT_LEVEL} uses it. */
    public void prepend(final Order order)
    {
        enter(order);
        order.levelPrev = OrderTable.NONE;
        order.levelNext = head;
        if (head == OrderTable.NONE)
        {
            tail = order.handle;
        }
        else
        {
            orders.get(head).levelPrev = order.handle;
        }
        head = order.handle;
    }

    public void remove(final Order order)
    {
        if (order.level != this)
        {
            throw new IllegalStateException("order " + order.id + " is not at this level");
        }
        final int prev = order.levelPrev;
        final int next = order.levelNext;
        if (prev == OrderTable.NONE)
        {
            head = next;
        }
        else
        {
            orders.get(prev).levelNext = next;
        }
        if (next == OrderTable.NONE)
        {
            tail = prev;
        }
        else
        {
            orders.get(next).levelPrev = prev;
        }
        order.levelPrev = OrderTable.NONE;
        order.levelNext = OrderTable.NONE;
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
        if (order.handle == OrderTable.NONE)
        {
            throw new IllegalStateException("order " + order.id + " is in no order table, so no level can link it");
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
