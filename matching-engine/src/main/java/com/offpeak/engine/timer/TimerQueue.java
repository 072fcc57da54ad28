package com.offpeak.engine.timer;

import java.util.Arrays;

/**
 * Pending timers as an indexed 4-ary min-heap ordered by (due, kind, id): the exact order the
 * rules fire them in. No entry objects, no boxing.
 *
 * <p>Why this shape: the engine pops a timer on almost every lease end and pushes one on almost
 * every resting order, over a heap of thousands of entries that does not fit in L1.
 * <ul>
 *   <li>Each entry is two adjacent longs, {@code due} and {@code kind << 61 | id}, so one
 *       comparison reads one place in memory, and the four children of a node sit in 64
 *       contiguous bytes; a 4-ary heap is half as deep as a binary one.</li>
 *   <li>Every entry has a handle (a small int, stable while the entry moves) so its owner can
 *       {@link #cancel} it: a cancelled or filled order takes its expiry out at once instead of
 *       leaving a stale entry for days of engine time (lazily deleted, they outnumbered the live
 *       ones three to one).</li>
 * </ul>
 * Handles are recycled once their entry leaves the heap, so {@link #cancel} names the entry's kind
 * and id too and does nothing unless the handle still holds exactly that timer: a late or
 * repeated cancel can never remove somebody else's timer.
 */
public final class TimerQueue
{
    /** Lease ends fire before order expiries due at the same millisecond. */
    public static final int LEASE_END = 0;
    public static final int ORDER_EXPIRY = 1;
    /** Call-auction boundaries (a clear or a mode switch) fire after both; the id is the instrument index. */
    public static final int AUCTION_BOUNDARY = 2;

    private static final int KIND_SHIFT = 61;
    private static final long ID_MASK = (1L << KIND_SHIFT) - 1;
    private static final int ARITY_SHIFT = 2;
    private static final int UNQUEUED = -1;

    /** Entry i at [2i] (due) and [2i + 1] (kind and id): the heap proper. */
    private long[] entries;
    /** The handle of entry i. */
    private int[] handleAt;
    /** The heap index of each handle's entry, {@link #UNQUEUED} for a free handle. */
    private int[] indexOf;
    /** Handles whose entries have left the heap, reused before new ones. */
    private int[] freeHandles;
    private int freeCount;
    private int handlesIssued;
    private int size;

    public TimerQueue()
    {
        final int capacity = 1024;
        entries = new long[2 * capacity];
        handleAt = new int[capacity];
        indexOf = new int[capacity];
        freeHandles = new int[capacity];
    }

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
        return entries[0];
    }

    public int peekKind()
    {
        return (int)(entries[1] >>> KIND_SHIFT);
    }

    public long peekId()
    {
        return entries[1] & ID_MASK;
    }

    /** Entry {@code index} in heap (not firing) order; for hashing, validation and snapshots. */
    public long dueAt(final int index)
    {
        return entries[2 * index];
    }

    public int kindAt(final int index)
    {
        return (int)(entries[2 * index + 1] >>> KIND_SHIFT);
    }

    public long idAt(final int index)
    {
        return entries[2 * index + 1] & ID_MASK;
    }

    /** The heap parent of entry {@code index} (> 0): its due time is never later. */
    public static int parentOf(final int index)
    {
        return (index - 1) >>> ARITY_SHIFT;
    }

    /**
     * Arms a timer and returns its handle, for {@link #cancel}. Ids are engine counters or an
     * instrument index, far below the 2^61 the packed layout holds.
     */
    public int push(final long dueTime, final int timerKind, final long timerId)
    {
        if ((timerId & ~ID_MASK) != 0 || timerKind < LEASE_END || timerKind > AUCTION_BOUNDARY)
        {
            throw new IllegalArgumentException("timer kind " + timerKind + " id " + timerId + " out of range");
        }
        if (size == handleAt.length)
        {
            grow();
        }
        final int handle = freeCount > 0 ? freeHandles[--freeCount] : handlesIssued++;
        siftUp(size++, dueTime, (long)timerKind << KIND_SHIFT | timerId, handle);
        return handle;
    }

    /** Removes the head; read it with the peek methods first. */
    public void pop()
    {
        removeAt(0);
    }

    /**
     * Removes the timer {@code handle} refers to if it is still the (kind, id) timer; returns
     * whether it was. A handle whose timer already fired or was cancelled is a no-op.
     */
    public boolean cancel(final int handle, final int timerKind, final long timerId)
    {
        if (handle < 0 || handle >= handlesIssued)
        {
            return false;
        }
        final int index = indexOf[handle];
        if (index == UNQUEUED || entries[2 * index + 1] != ((long)timerKind << KIND_SHIFT | timerId))
        {
            return false;
        }
        removeAt(index);
        return true;
    }

    private void removeAt(final int index)
    {
        release(handleAt[index]);
        final int last = --size;
        if (index == last)
        {
            return;
        }
        final long due = entries[2 * last];
        final long key = entries[2 * last + 1];
        final int handle = handleAt[last];
        // Bottom-up: the hole goes down to a leaf along the earliest children without comparing
        // them with the moved entry, which is a leaf's and so nearly always belongs near the bottom;
        // it then rises from there (rarely more than a level). That saves a hard-to-predict
        // comparison per level on the way down.
        siftUp(holeToLeaf(index), due, key, handle);
    }

    /** Moves the earliest child into the hole at {@code start}, level by level; returns the leaf the hole ends at. */
    private int holeToLeaf(final int start)
    {
        final long[] entries = this.entries;
        final int size = this.size;
        int hole = start;
        while (true)
        {
            final int first = (hole << ARITY_SHIFT) + 1;
            if (first >= size)
            {
                return hole;
            }
            final int end = Math.min(first + (1 << ARITY_SHIFT), size);
            int best = first;
            long bestDue = entries[2 * first];
            long bestKey = entries[2 * first + 1];
            for (int child = first + 1; child < end; child++)
            {
                final long childDue = entries[2 * child];
                final long childKey = entries[2 * child + 1];
                if (childDue < bestDue || (childDue == bestDue && childKey < bestKey))
                {
                    best = child;
                    bestDue = childDue;
                    bestKey = childKey;
                }
            }
            place(hole, bestDue, bestKey, handleAt[best]);
            hole = best;
        }
    }

    private void siftUp(final int start, final long due, final long key, final int handle)
    {
        int child = start;
        while (child > 0)
        {
            final int parent = parentOf(child);
            if (!before(due, key, parent))
            {
                break;
            }
            place(child, entries[2 * parent], entries[2 * parent + 1], handleAt[parent]);
            child = parent;
        }
        place(child, due, key, handle);
    }

    /** (due, key) fires before entry {@code index}; the key orders kind, then id, as one long. */
    private boolean before(final long due, final long key, final int index)
    {
        final long otherDue = entries[2 * index];
        return due < otherDue || (due == otherDue && key < entries[2 * index + 1]);
    }

    private void place(final int index, final long due, final long key, final int handle)
    {
        entries[2 * index] = due;
        entries[2 * index + 1] = key;
        handleAt[index] = handle;
        indexOf[handle] = index;
    }

    private void release(final int handle)
    {
        indexOf[handle] = UNQUEUED;
        freeHandles[freeCount++] = handle;
    }

    /** Capacity doubles: at most as many handles are in use (queued or free) as entries fit. */
    private void grow()
    {
        final int capacity = handleAt.length * 2;
        entries = Arrays.copyOf(entries, 2 * capacity);
        handleAt = Arrays.copyOf(handleAt, capacity);
        indexOf = Arrays.copyOf(indexOf, capacity);
        freeHandles = Arrays.copyOf(freeHandles, capacity);
    }
}
