package com.offpeak.engine.order;

/**
 * Open orders by id: lookup only, never iterated (iteration order would depend on the table).
 *
 * <p>Every amend and cancel starts with this lookup, on an order nobody touched for a while, so it
 * is a string of cache misses. A general map keeps keys and values in two arrays: a probe reads a
 * key slot, a value slot and then the order. This table keeps only the orders and compares each
 * probed order's own id, so a hit reads one slot and the order the caller reads next anyway.
 * Linear probing at a load of at most one half, with deletion by backward shift (no tombstones),
 * keeps chains short; ids are consecutive counters, spread over the table by Fibonacci hashing so
 * that no pattern of ids left open (every 1024th, say) piles into one chain.
 */
public final class OrderIndex
{
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Order[] slots;
    private int mask;
    private int shift;
    private int size;

    /** Sized so that {@code expected} orders fit without a resize, which would rehash every open order in one command. */
    public OrderIndex(final int expected)
    {
        resize(Math.max(1024, Integer.highestOneBit(Math.max(1, 2 * expected - 1)) << 1));
    }

    public int size()
    {
        return size;
    }

    /** The open order with this id, or null. */
    public Order get(final long id)
    {
        final Order[] slots = this.slots;
        int index = home(id);
        Order order;
        while ((order = slots[index]) != null)
        {
            if (order.id == id)
            {
                return order;
            }
            index = (index + 1) & mask;
        }
        return null;
    }

    /** Indexes {@code order} under {@code id}, which must be its id; an order already indexed under it is replaced. */
    public void put(final long id, final Order order)
    {
        if (order.id != id)
        {
            throw new IllegalArgumentException("order " + order.id + " indexed under id " + id);
        }
        if (2 * (size + 1) > slots.length)
        {
            resize(2 * slots.length);
        }
        int index = home(id);
        Order present;
        while ((present = slots[index]) != null)
        {
            if (present.id == id)
            {
                slots[index] = order;
                return;
            }
            index = (index + 1) & mask;
        }
        slots[index] = order;
        size++;
    }

    /** Removes the order with this id, if indexed; returns it or null. */
    public Order remove(final long id)
    {
        final Order[] slots = this.slots;
        int hole = home(id);
        Order order;
        while ((order = slots[hole]) != null && order.id != id)
        {
            hole = (hole + 1) & mask;
        }
        if (order == null)
        {
            return null;
        }
        slots[hole] = null;
        size--;
        // Close the gap: a later order of the chain moves back into the hole unless its home lies
        // after the hole (cyclically), where a lookup would no longer reach it across the gap.
        int index = (hole + 1) & mask;
        Order next;
        while ((next = slots[index]) != null)
        {
            if (((index - home(next.id)) & mask) >= ((index - hole) & mask))
            {
                slots[hole] = next;
                slots[index] = null;
                hole = index;
            }
            index = (index + 1) & mask;
        }
        return order;
    }

    private int home(final long id)
    {
        return (int)((id * GOLDEN) >>> shift);
    }

    private void resize(final int capacity)
    {
        final Order[] old = slots;
        slots = new Order[capacity];
        mask = capacity - 1;
        shift = Long.numberOfLeadingZeros(capacity) + 1;
        size = 0;
        if (old != null)
        {
            for (final Order order : old)
            {
                if (order != null)
                {
                    put(order.id, order);
                }
            }
        }
    }
}
