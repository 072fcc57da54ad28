package com.offpeak.gateway.ws;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Open sessions by slot, so the pipeline's publisher thread can find the connection an
 * acknowledgement belongs to from its correlation id ({@code sessionId << 20 | slot}) without
 * a concurrent map or boxing. A slot reused by a newer session is told apart by the id part:
 * acknowledgements of a closed session are dropped.
 */
final class SessionRegistry
{
    private static final int SLOT_BITS = 20;
    static final int MAX_SESSIONS = 1 << SLOT_BITS;

    private final AtomicReferenceArray<Session> slots;
    private final int[] free;
    private int freeCount;
    private long nextId = 1;

    SessionRegistry(final int capacity)
    {
        if (capacity < 1 || capacity > MAX_SESSIONS)
        {
            throw new IllegalArgumentException("capacity must be 1.." + MAX_SESSIONS);
        }
        slots = new AtomicReferenceArray<>(capacity);
        free = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            free[i] = capacity - 1 - i;
        }
        freeCount = capacity;
    }

    /** Next session id and a free slot, or -1 when the server is full. Ids never repeat. */
    synchronized long reserve()
    {
        if (freeCount == 0)
        {
            return -1;
        }
        return (nextId++ << SLOT_BITS) | free[--freeCount];
    }

    static long sessionId(final long reservation)
    {
        return reservation >>> SLOT_BITS;
    }

    static int slot(final long reservation)
    {
        return (int)(reservation & (MAX_SESSIONS - 1));
    }

    void publish(final Session session)
    {
        slots.set(session.slot(), session);
    }

    synchronized void release(final Session session)
    {
        if (slots.compareAndSet(session.slot(), session, null))
        {
            free[freeCount++] = session.slot();
        }
    }

    static long correlationId(final Session session)
    {
        return (session.id() << SLOT_BITS) | session.slot();
    }

    /** The session a correlation id was issued for, or {@code null} if it has closed since. */
    Session lookup(final long correlationId)
    {
        final Session session = slots.get(slot(correlationId));
        return session != null && session.id() == sessionId(correlationId) ? session : null;
    }
}
