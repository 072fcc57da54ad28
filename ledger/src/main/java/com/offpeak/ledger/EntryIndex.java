package com.offpeak.ledger;

import org.agrona.collections.Hashing;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.function.Supplier;

/**
 * Open records (holds, lease escrows) by id, plus an intrusive list in arrival order for the
 * walks that must be deterministic (snapshot, state hash, invariants) — the hash map is never
 * iterated. Removed records go to a free list and are reused, so steady state allocates nothing;
 * the free list starts with records made up front (see {@link LedgerConfig#preallocatedEntries()}).
 */
final class EntryIndex<E extends IndexedEntry>
{
    private final Long2ObjectHashMap<E> byId;
    private final Supplier<E> factory;
    private IndexedEntry head;
    private IndexedEntry tail;
    private IndexedEntry free;
    private int size;

    EntryIndex(final Supplier<E> factory, final int preallocated)
    {
        this.factory = factory;
        byId = new Long2ObjectHashMap<>(Math.max(8, 2 * preallocated), Hashing.DEFAULT_LOAD_FACTOR);
        for (int i = 0; i < preallocated; i++)
        {
            final E entry = factory.get();
            entry.next = free;
            free = entry;
        }
    }

    E get(final long id)
    {
        return byId.get(id);
    }

    /** A record for a new id, appended to the arrival order; the caller fills every other field. */
    @SuppressWarnings("unchecked")
    E add(final long id)
    {
        final E entry;
        if (free != null)
        {
            entry = (E)free;
            free = free.next;
        }
        else
        {
            entry = factory.get();
        }
        entry.id = id;
        entry.previous = tail;
        entry.next = null;
        if (tail == null)
        {
            head = entry;
        }
        else
        {
            tail.next = entry;
        }
        tail = entry;
        byId.put(id, entry);
        size++;
        return entry;
    }

    void remove(final E entry)
    {
        byId.remove(entry.id);
        if (entry.previous == null)
        {
            head = entry.next;
        }
        else
        {
            entry.previous.next = entry.next;
        }
        if (entry.next == null)
        {
            tail = entry.previous;
        }
        else
        {
            entry.next.previous = entry.previous;
        }
        entry.previous = null;
        entry.next = free;
        free = entry;
        size--;
    }

    @SuppressWarnings("unchecked")
    E first()
    {
        return (E)head;
    }

    @SuppressWarnings("unchecked")
    E after(final E entry)
    {
        return (E)entry.next;
    }

    int size()
    {
        return size;
    }
}
