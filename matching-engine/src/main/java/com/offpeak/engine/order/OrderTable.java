package com.offpeak.engine.order;

import java.util.Arrays;

/**
 * Every order an engine's pool has made, by handle: a small int fixed when the order is made and
 * kept through every reuse. The price levels link their orders by handle, not by reference.
 *
 * <p>Why: in a running exchange the book is old-generation state, and under G1 every reference
 * stored into an old object costs a write barrier and a card for the collector's refinement
 * threads to process. An amend relinks an order in two levels, about six reference stores; with the
 * engine's state aged into the old generation, G1 ran the exchange-mix benchmark about 40% slower
 * than with the same state young (benchmarks/README.md, "aged"). Int links cost no barrier.
 */
public final class OrderTable
{
    /** The handle of no order: the end of a level's list. Handles start at 1. */
    public static final int NONE = 0;

    /** Slot 0 stays null, so looking up {@link #NONE} answers null. */
    private Order[] byHandle = new Order[1024];
    private int next = 1;

    /** A new order with the next handle; the pool's factory. */
    public Order create()
    {
        if (next == byHandle.length)
        {
            byHandle = Arrays.copyOf(byHandle, 2 * byHandle.length);
        }
        final Order order = new Order(next);
        byHandle[next++] = order;
        return order;
    }

    /** The order with this handle; null for {@link #NONE}. */
    public Order get(final int handle)
    {
        return byHandle[handle];
    }
}
