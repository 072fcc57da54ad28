package com.offpeak.gateway.ws;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The order-entry requests of one connection that the pipeline has not answered yet, oldest
 * first. One event loop adds (in submission order, which is the pipeline's sequence order for
 * that connection) and the pipeline's publisher thread takes, so a single-producer
 * single-consumer ring of the requests' {@code id}s suffices to pair each acknowledgement with its
 * request.
 */
final class AwaitingAcks
{
    private final String[] ids;
    private final byte[] ops;
    private final int mask;
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong tail = new AtomicLong();

    AwaitingAcks(final int capacityPowerOfTwo)
    {
        if (Integer.bitCount(capacityPowerOfTwo) != 1)
        {
            throw new IllegalArgumentException("capacity must be a power of two");
        }
        ids = new String[capacityPowerOfTwo];
        ops = new byte[capacityPowerOfTwo];
        mask = capacityPowerOfTwo - 1;
    }

    /** Producer: remembers a request's JSON id text; false when full (too many in flight). */
    boolean offer(final String idJson, final Op op)
    {
        final long t = tail.get();
        if (t - head.get() >= ids.length)
        {
            return false;
        }
        final int slot = (int)(t & mask);
        ids[slot] = idJson;
        ops[slot] = (byte)op.ordinal();
        tail.lazySet(t + 1); // publishes the slot's contents to the consumer
        return true;
    }

    /** Producer: takes back the newest offer after its submission failed. */
    void retractNewest()
    {
        tail.lazySet(tail.get() - 1);
    }

    /** Consumer: the oldest request's op, or {@code null} when none waits. */
    Op peekOp()
    {
        final long h = head.get();
        return h == tail.get() ? null : Op.ofOrdinal(ops[(int)(h & mask)]);
    }

    /** Consumer: removes and returns the oldest request's id text. */
    String take()
    {
        final long h = head.get();
        final int slot = (int)(h & mask);
        final String id = ids[slot];
        ids[slot] = null;
        head.lazySet(h + 1);
        return id;
    }
}
