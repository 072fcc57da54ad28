package com.offpeak.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * <p>Waiters park with {@link LockSupport} in a fixed table of waiter slots rather than on a lock's
 * condition, whose every wait allocates a queue node. A slot records what its thread waits for, so
 * a signal unparks only the threads whose wait is over: a producer's publish wakes the stage that
 * reads the ring, not the stages behind it (an unpark is a system call, and a thread woken for
 * nothing takes the CPU away from the one that has work). Wake-ups cannot be lost: a waiter fills
 * its slot and then announces itself (a volatile write) before it re-reads the sequence it waits
 * for, and a signaller stores its sequence and then fences before it reads the table (the
 * Disruptor's publish is only a release store), so at least one of them sees the other. The timed park is a second line of defence (and the fallback
 * if the table is ever full).
 */
final class StageBlockingWaitStrategy implements WaitStrategy
{
    private static final int SPINS = 200;
    /** The stages, the clock and the producers that may wait at once; more still work, on the timed park alone. */
    private static final int MAX_WAITERS = 16;
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /**
     * How long a waiter yields before it parks: long against the gaps inside a burst, short against
     * idleness. At 50 µs a gateway taking 20k orders/s (one every 50 µs) kept its stages yielding
     * all the time, a quarter of its CPU, and its latency was no better (benchmarks/README.md,
     * Gateway, "the stages' yield window").
     */
    private static final long YIELD_NANOS = TimeUnit.MICROSECONDS.toNanos(10);

    private final Waiter[] waiters = new Waiter[MAX_WAITERS];
    private final AtomicInteger waiting = new AtomicInteger();
    /** Threads parked waiting for the ring's next input: the stage thread that reads the ring. */
    private final AtomicInteger parkedOnRing = new AtomicInteger();
    private volatile RingBuffer<?> ring;
    private volatile SerialStageProcessor serialStages;

    StageBlockingWaitStrategy()
    {
        for (int i = 0; i < MAX_WAITERS; i++)
        {
            waiters[i] = new Waiter();
        }
    }

    /**
     * Lets the first stage wait for publication instead of the claim cursor; call once the ring
     * exists. {@code serialStages} (null unless producers may run them) is asked, before the stage
     * thread is woken, whether somebody holds them.
     */
    void watch(final RingBuffer<?> ring, final SerialStageProcessor serialStages)
    {
        this.ring = ring;
        this.serialStages = serialStages;
    }

    /** True while the thread reading the ring is parked (not spinning or yielding): waking it costs a system call. */
    boolean stageParked()
    {
        return parkedOnRing.get() > 0;
    }

    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence, final SequenceBarrier barrier)
        throws AlertException
    {
        await(sequence, dependentSequence, dependentSequence == cursor ? ring : null, null, barrier);
        return dependentSequence.get();
    }

    /**
     * The serial stages' wait: returns when the input after {@code processed} is published. The
     * target is read afresh at every look, because a producer may run the stages meanwhile
     * ({@link SerialStageProcessor}): a sequence fixed at the start of the wait could be processed
     * and then its slot reused by a later lap, and would never look published again.
     */
    void awaitAfter(final Sequence processed, final SequenceBarrier barrier) throws AlertException
    {
        await(0, null, ring, processed, barrier);
    }

    /**
     * Claims the next ring slot for a producer; while the ring is full, parks until {@code lastStage}
     * frees a slot (it signals at the end of each batch). The Disruptor's own claim loops on
     * {@code LockSupport.parkNanos(1)} instead: a system call and a timer wake-up per turn and
     * producer, tens of thousands a second, taking the CPU from the stages that would free the slot.
     */
    long claim(final RingBuffer<?> ring, final Sequence lastStage)
    {
        while (true)
        {
            try
            {
                return ring.tryNext();
            }
            catch (final InsufficientCapacityException full)
            {
                try
                {
                    await(ring.getCursor() - ring.getBufferSize() + 1, lastStage, null, null, null);
                }
                catch (final AlertException e)
                {
                    throw new AssertionError("a producer's wait has no barrier to alert it", e);
                }
            }
        }
    }

    /**
     * Returns when {@code sequence} (or, when {@code processed} is not null, the one after it) is
     * published ({@code published} not null) or reached by {@code dependentSequence}.
     */
    private void await(final long sequence, final Sequence dependentSequence, final RingBuffer<?> published,
        final Sequence processed, final SequenceBarrier barrier) throws AlertException
    {
        for (int i = 0; i < SPINS; i++)
        {
            // Work usually arrives in bursts: a short spin avoids parking for the next event of a burst.
            if (ready(sequence, dependentSequence, published, processed))
            {
                return;
            }
            Thread.onSpinWait();
        }
        // Then yield the core for a while before parking: under a steady flow the next input comes
        // within microseconds, and a park costs the waiter and the producer that unparks it a system
        // call each, several microseconds. Yielding lets a producer on this core run meanwhile.
        final long yieldUntil = System.nanoTime() + YIELD_NANOS;
        while (System.nanoTime() < yieldUntil)
        {
            if (ready(sequence, dependentSequence, published, processed))
            {
                return;
            }
            Thread.yield();
        }
        final Waiter waiter = register(sequence, dependentSequence, published, processed);
        try
        {
            while (!ready(sequence, dependentSequence, published, processed))
            {
                if (barrier != null)
                {
                    barrier.checkAlert();
                }
                LockSupport.parkNanos(this, PARK_NANOS);
            }
        }
        finally
        {
            unregister(waiter, published);
        }
    }

    /**
     * Unparks the waiters whose wait is over, except the stage thread while a producer holds the
     * serial stages: the holder processes this input, or wakes the stage thread when it lets go.
     */
    @Override
    public void signalAllWhenBlocking()
    {
        // The Disruptor publishes a slot with a release store, which a later load may overtake (a
        // store buffer): without the fence this signaller could read the table (or the hold) as it
        // was before its own publish while the waiter, registered meanwhile, has not yet seen the
        // slot — a lost wake-up, caught only by the waiter's timed park a millisecond later.
        VarHandle.fullFence();
        if (waiting.get() > 0)
        {
            final SerialStageProcessor stages = serialStages;
            for (final Waiter waiter : waiters)
            {
                final Thread thread = waiter.thread;
                if (thread != null && ready(waiter.sequence, waiter.dependentSequence, waiter.published, waiter.processed) &&
                    !(waiter.published != null && stages != null && stages.held()))
                {
                    LockSupport.unpark(thread);
                }
            }
        }
    }

    private Waiter register(final long sequence, final Sequence dependentSequence, final RingBuffer<?> published,
        final Sequence processed)
    {
        waiting.incrementAndGet();
        if (published != null)
        {
            parkedOnRing.incrementAndGet();
        }
        for (final Waiter waiter : waiters)
        {
            if (waiter.claimed.compareAndSet(false, true))
            {
                waiter.sequence = sequence;
                waiter.dependentSequence = dependentSequence;
                waiter.published = published;
                waiter.processed = processed;
                waiter.thread = Thread.currentThread(); // volatile: publishes the fields above to signallers
                return waiter;
            }
        }
        return null;
    }

    private void unregister(final Waiter waiter, final RingBuffer<?> published)
    {
        if (waiter != null)
        {
            waiter.thread = null;
            waiter.claimed.set(false);
        }
        if (published != null)
        {
            parkedOnRing.decrementAndGet();
        }
        waiting.decrementAndGet();
    }

    private static boolean ready(final long sequence, final Sequence dependentSequence, final RingBuffer<?> published,
        final Sequence processed)
    {
        if (processed != null)
        {
            return published.isAvailable(processed.get() + 1);
        }
        return published != null ? published.isAvailable(sequence) : dependentSequence.get() >= sequence;
    }

    /** One parked thread and what it waits for: {@code sequence} published in the ring, or reached by {@code dependentSequence}. */
    private static final class Waiter
    {
        final AtomicBoolean claimed = new AtomicBoolean();
        volatile Thread thread;
        long sequence;
        Sequence dependentSequence;
        RingBuffer<?> published;
        Sequence processed;
    }
}
