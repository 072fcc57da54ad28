package com.offpeak.engine.timer;

import java.util.Arrays;

/**
 * Pending timers as a binary min-heap over parallel primitive arrays, ordered by (due, kind, id):
 * the exact order the rules fire them in. No entry objects, no boxing.
 *
 * <p>Deletion is lazy: cancelling an order does not search the heap; its expiry entry stays and
 * is recognised as stale when popped (the owner checks the order is still open). Entries are
 * only ever pushed for due times in the future, so stale ones drain out as time passes.
 */
public final class TimerQueue
{
    /** Lease ends fire before order expiries due at the same millisecond. */
    public static final int LEASE_END = 0;
    public static final int ORDER_EXPIRY = 1;
    /** Call-auction boundaries (a clear or a mode switch) fire after both; the id is the instrument index. */
    public static final int AUCTION_BOUNDARY = 2;

    private long[] due = new long[1024];
    private int[] kind = new int[1024];
    private long[] id = new long[1024];
    private int size;

    public int size()
    {
        return size;
    }

    public boolean isEmpty()
    {
        return size == 0;
    }

    public long peekDue()
    {
        return due[0];
    }

    public int peekKind()
    {
        return kind[0];
    }

    public long peekId()
    {
        return id[0];
    }

    /** Entry {@code index} in heap (not firing) order; for hashing, validation and snapshots. */
    public long dueAt(final int index)
    {
        return due[index];
    }

    public int kindAt(final int index)
    {
        return kind[index];
    }

    public long idAt(final int index)
    {
        return id[index];
    }

    public void push(final long dueTime, final int timerKind, final long timerId)
    {
        if (size == due.length)
        {
            due = Arrays.copyOf(due, size * 2);
            kind = Arrays.copyOf(kind, size * 2);
            id = Arrays.copyOf(id, size * 2);
        }
        int child = size++;
        while (child > 0)
        {
            final int parent = (child - 1) >>> 1;
            if (!before(dueTime, timerKind, timerId, parent))
            {
                break;
            }
            move(parent, child);
            child = parent;
        }
        set(child, dueTime, timerKind, timerId);
    }

    /** Removes the head; read it with the peek methods first. */
    public void pop()
    {
        final int last = --size;
        if (last == 0)
        {
            return;
        }
        final long lastDue = due[last];
        final int lastKind = kind[last];
        final long lastId = id[last];
        int parent = 0;
        while (true)
        {
            int child = 2 * parent + 1;
            if (child >= last)
            {
                break;
            }
            if (child + 1 < last && isBefore(child + 1, child))
            {
                child++;
            }
            if (!before(due[child], kind[child], id[child], lastDue, lastKind, lastId))
            {
                break;
            }
            move(child, parent);
            parent = child;
        }
        set(parent, lastDue, lastKind, lastId);
    }

    public void clear()
    {
        size = 0;
    }

    private boolean isBefore(final int a, final int b)
    {
        return before(due[a], kind[a], id[a], due[b], kind[b], id[b]);
    }

    private boolean before(final long d, final int k, final long i, final int index)
    {
        return before(d, k, i, due[index], kind[index], id[index]);
    }

    private static boolean before(final long d1, final int k1, final long i1, final long d2, final int k2, final long i2)
    {
        if (d1 != d2)
        {
            return d1 < d2;
        }
        if (k1 != k2)
        {
            return k1 < k2;
        }
        return i1 < i2;
    }

    private void move(final int from, final int to)
    {
        due[to] = due[from];
        kind[to] = kind[from];
        id[to] = id[from];
    }

    private void set(final int index, final long d, final int k, final long i)
    {
        due[index] = d;
        kind[index] = k;
        id[index] = i;
    }
}
