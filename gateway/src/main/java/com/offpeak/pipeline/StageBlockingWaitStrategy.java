package com.offpeak.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Blocks every stage while it has nothing to do, including stages that wait on other stages.
 * The Disruptor's own {@code BlockingWaitStrategy} has two busy-spins that cost a whole core on a
 * two-core machine: a downstream stage spins until its upstream stages catch up, and the first
 * stage spins while a multi-producer slot is claimed but not yet published (a producer preempted
 * between {@code next()} and {@code publish()} makes that last a scheduling quantum). Here upstream
 * stages signal when they release a batch ({@link BatchRelease}), producers signal on publish, and
 * the first stage waits for the slot to be published, not merely claimed.
 *
 * <p>Wake-ups cannot be lost: a waiter registers (a full fence) before it re-reads the sequence it
 * waits for, and a signaller stores its sequence with a volatile write before it reads the waiter
 * count, so at least one of them sees the other. The timed wait is a second line of defence, not
 * the mechanism.
 */
final class StageBlockingWaitStrategy implements WaitStrategy
{
    private static final int SPINS = 200;
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progress = lock.newCondition();
    private final AtomicInteger waiters = new AtomicInteger();
    private volatile RingBuffer<?> ring;

    /** Lets the first stage wait for publication instead of the claim cursor; call once the ring exists. */
    void watch(final RingBuffer<?> ring)
    {
        this.ring = ring;
    }

    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence, final SequenceBarrier barrier)
        throws AlertException, InterruptedException
    {
        final RingBuffer<?> published = dependentSequence == cursor ? ring : null;
        for (int i = 0; i < SPINS; i++)
        {
            // Work usually arrives in bursts: a short spin avoids the lock for the next event of a burst.
            if (ready(sequence, dependentSequence, published))
            {
                return dependentSequence.get();
            }
            Thread.onSpinWait();
        }
        lock.lock();
        try
        {
            waiters.incrementAndGet();
            while (!ready(sequence, dependentSequence, published))
            {
                barrier.checkAlert();
                progress.awaitNanos(PARK_NANOS);
            }
        }
        finally
        {
            waiters.decrementAndGet();
            lock.unlock();
        }
        return dependentSequence.get();
    }

    private static boolean ready(final long sequence, final Sequence dependentSequence, final RingBuffer<?> published)
    {
        return published != null ? published.isAvailable(sequence) : dependentSequence.get() >= sequence;
    }

    @Override
    public void signalAllWhenBlocking()
    {
        if (waiters.get() > 0)
        {
            lock.lock();
            try
            {
                progress.signalAll();
            }
            finally
            {
                lock.unlock();
            }
        }
    }
}
