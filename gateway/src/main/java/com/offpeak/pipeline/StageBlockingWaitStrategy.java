package com.offpeak.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Blocks every stage while it has nothing to do, including stages that wait on other stages.
 * The Disruptor's own {@code BlockingWaitStrategy} has two busy-spins that cost a whole core on a
 * two-core machine: a downstream stage spins until its upstream stages catch up, and the first
 * stage spins while a multi-producer slot is claimed but not yet published (a producer preempted
 * between {@code next()} and {@code publish()} makes that last a scheduling quantum). Here upstream
 * stages signal when they release a batch ({@link BatchRelease}), producers signal on publish, and
 * the first stage waits for the slot to be published, not merely claimed.
 *
 * <p>Waiters park with {@link LockSupport} in a fixed table of thread slots rather than on a lock's
 * condition, whose every wait allocates a queue node. Wake-ups cannot be lost: a waiter registers
 * (a volatile write) before it re-reads the sequence it waits for, and a signaller stores its
 * sequence with a volatile write before it reads the table, so at least one of them sees the other.
 * The timed park is a second line of defence (and the fallback if the table is ever full).
 */
final class StageBlockingWaitStrategy implements WaitStrategy
{
    private static final int SPINS = 200;
    private static final int MAX_WAITERS = 16;
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final AtomicReferenceArray<Thread> parked = new AtomicReferenceArray<>(MAX_WAITERS);
    private final AtomicInteger waiters = new AtomicInteger();
    private volatile RingBuffer<?> ring;

    /** Lets the first stage wait for publication instead of the claim cursor; call once the ring exists. */
    void watch(final RingBuffer<?> ring)
    {
        this.ring = ring;
    }

    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence, final SequenceBarrier barrier)
        throws AlertException
    {
        final RingBuffer<?> published = dependentSequence == cursor ? ring : null;
        for (int i = 0; i < SPINS; i++)
        {
            // Work usually arrives in bursts: a short spin avoids parking for the next event of a burst.
            if (ready(sequence, dependentSequence, published))
            {
                return dependentSequence.get();
            }
            Thread.onSpinWait();
        }
        final Thread me = Thread.currentThread();
        final int slot = register(me);
        try
        {
            while (!ready(sequence, dependentSequence, published))
            {
                barrier.checkAlert();
                LockSupport.parkNanos(this, PARK_NANOS);
            }
        }
        finally
        {
            unregister(slot);
        }
        return dependentSequence.get();
    }

    @Override
    public void signalAllWhenBlocking()
    {
        if (waiters.get() > 0)
        {
            for (int i = 0; i < MAX_WAITERS; i++)
            {
                final Thread thread = parked.get(i);
                if (thread != null)
                {
                    LockSupport.unpark(thread);
                }
            }
        }
    }

    private int register(final Thread thread)
    {
        waiters.incrementAndGet();
        for (int i = 0; i < MAX_WAITERS; i++)
        {
            if (parked.compareAndSet(i, null, thread))
            {
                return i;
            }
        }
        return -1;
    }

    private void unregister(final int slot)
    {
        if (slot >= 0)
        {
            parked.set(slot, null);
        }
        waiters.decrementAndGet();
    }

    private static boolean ready(final long sequence, final Sequence dependentSequence, final RingBuffer<?> published)
    {
        return published != null ? published.isAvailable(sequence) : dependentSequence.get() >= sequence;
    }
}
