package com.offpeak.engine.order;

/**
 * Open orders by id: lookup only, never iterated (iteration order would depend on the table).
 *
 * <p>Every amend and cancel starts with this lookup, on an order nobody touched for a while, so the
 * order itself is a cache miss the caller pays anyway. The probe should add none: ids sit in a
 * {@code long[]} of their own (8 bytes a slot: 128 KB for the exchange mix's ~7,000 open orders,
 * well inside the L2), with the orders in a parallel array read only on a hit. An
 * earlier table held only the orders and compared each probed order's own id, which read one
 * random order per collision and, on removal, one per order shifted back; replay of the exchange
 * mix took about 5% longer with it (benchmarks/README.md). Linear probing at a load of at most one
 * half, with deletion by backward shift (no tombstones), keeps chains short; ids are consecutive
 * counters, spread over the table by Fibonacci hashing so that no pattern of ids left open (every
 * 1024th, say) piles into one chain.
 */
public final class OrderIndex
{
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** An empty slot's id; order ids start at 1. */
    private static final long EMPTY = 0;

    private long[] ids;
    private Order[] orders;
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
        final long[] ids = this.ids;
        int index = home(id);
        long present;
        while ((present = ids[index]) != EMPTY)
        {
            if (present == id)
            {
                return orders[index];
            }
            index = (index + 1) & mask;
        }
        return null;
    }

    /** Indexes {@code order} under {@code id}, which must be its id; an order already indexed under it is replaced. */
    public void put(final long id, final Order order)
    {
        if (order.id != id || id <= EMPTY)
        {
            throw new IllegalArgumentException("order " + order.id + " indexed under id " + id);
        }
        if (2 * (size + 1) > ids.length)
        {
            resize(2 * ids.length);
        }
        final long[] ids = this.ids;
        int index = home(id);
        long present;
        while ((present = ids[index]) != EMPTY)
        {
            if (present == id)
            {
                orders[index] = order;
                return;
            }
            index = (index + 1) & mask;
        }
        ids[index] = id;
        orders[index] = order;
        size++;
    }

    /** Removes the order with this id, if indexed; returns it or null. */
    public Order remove(final long id)
    {
        final long[] ids = this.ids;
        final Order[] orders = this.orders;
        int hole = home(id);
        long present;
        while ((present = ids[hole]) != EMPTY && present != id)
        {
            hole = (hole + 1) & mask;
        }
        if (present == EMPTY)
        {
            return null;
        }
        final Order order = orders[hole];
        ids[hole] = EMPTY;
        orders[hole] = null;
        size--;
        // Close the gap: a later order of the chain moves back into the hole unless its home lies
        // after the hole (cyclically), where a lookup would no longer reach it across the gap.
        int index = (hole + 1) & mask;
        long next;
        while ((next = ids[index]) != EMPTY)
        {
            if (((index - home(next)) & mask) >= ((index - hole) & mask))
            {
                ids[hole] = next;
                orders[hole] = orders[index];
                ids[index] = EMPTY;
                orders[index] = null;
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
        final Order[] old = orders;
        ids = new long[capacity];
        orders = new Order[capacity];
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
