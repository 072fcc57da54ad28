package com.offpeak.engine.lease;

import com.offpeak.engine.list.LinkedQueue;
import com.offpeak.engine.pool.ObjectPool;
import org.agrona.collections.Hashing;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Every running lease: an id index for the lease-end timer and an intrusive list in id order
 * (ids only grow and leases are appended as created, so appending keeps the order) for views,
 * the state hash and snapshots, which must never iterate the hash map. The preemptible ones are
 * also listed per instrument, in id order, so that a preemptor scans only its own candidates.
 */
public final class RunningLeases
{
    private final ObjectPool<Lease> pool;
    private final Long2ObjectHashMap<Lease> byId;
    private final LinkedQueue<Lease> inIdOrder = new LinkedQueue<>();
    private final LinkedQueue<Lease>[] preemptibleByInstrument;

    @SuppressWarnings("unchecked")
    public RunningLeases(final int instruments, final int preallocated)
    {
        pool = new ObjectPool<>(Lease::new, preallocated);
        byId = new Long2ObjectHashMap<>(Math.max(8, 2 * preallocated), Hashing.DEFAULT_LOAD_FACTOR);
        preemptibleByInstrument = new LinkedQueue[instruments];
        for (int i = 0; i < instruments; i++)
        {
            preemptibleByInstrument[i] = new LinkedQueue<>();
        }
    }

    /** A cleared lease from the pool; fill it, then {@link #add} it. */
    public Lease newLease()
    {
        return pool.acquire();
    }

    public void add(final Lease lease)
    {
        final Lease last = inIdOrder.last();
        if (last != null && last.id >= lease.id)
        {
            throw new IllegalStateException("lease " + lease.id + " added out of id order");
        }
        byId.put(lease.id, lease);
        inIdOrder.append(lease.link);
        if (lease.preemptible)
        {
            preemptibleByInstrument[lease.instrument].append(lease.preemptibleLink);
        }
    }

    public Lease get(final long id)
    {
        return byId.get(id);
    }

    /** Unlinks the lease and returns it to the pool; the caller must not use it afterwards. */
    public void remove(final Lease lease)
    {
        byId.remove(lease.id);
        inIdOrder.remove(lease.link);
        if (lease.preemptible)
        {
            preemptibleByInstrument[lease.instrument].remove(lease.preemptibleLink);
        }
        lease.clear();
        pool.release(lease);
    }

    /** The oldest running lease; continue with {@link Lease#next()}. */
    public Lease first()
    {
        return inIdOrder.first();
    }

    /** The oldest running preemptible lease of the instrument; continue with {@link Lease#nextPreemptible()}. */
    public Lease firstPreemptible(final int instrument)
    {
        return preemptibleByInstrument[instrument].first();
    }

    public int size()
    {
        return byId.size();
    }
}
