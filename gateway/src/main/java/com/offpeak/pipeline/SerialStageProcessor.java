package com.offpeak.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.EventProcessor;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the serial stages over the ring, on the stage thread or on a producer's own thread.
 *
 * <p>Why a producer may run them: at a gateway's steady rates inputs arrive one at a time, so the
 * stage thread parks between them, and every input costs two wake-ups across the two cores — the
 * event loop unparks the stage thread, and the stage thread's answers wake the event loop back —
 * each a system call and a context switch on both sides, more than the input's own work
 * (benchmarks/README.md, Gateway). An event loop that finds the stage thread parked
 * {@linkplain #tryHold holds} the stages instead, submits without waking anybody, and runs the held
 * stages itself at the end of its current round of reads ({@link #runHeld}), so its answers are
 * written in the same round. When inputs come faster the stage thread is awake (spinning or
 * working) and keeps them, and a holder that has gathered more than {@value #HAND_OFF} inputs in one
 * round (a backlog after a pause) hands them to the stage thread at once: the two cores then work
 * in parallel again, one reading, the other processing.
 *
 * <p>Exactly one thread runs the stages at a time: the hold is a flag that the stage thread takes
 * for each batch too. Whoever holds it processes every input published before it looks and, once it
 * lets go, looks again and wakes the stage thread for anything published meanwhile (those
 * producers' own wake-ups were skipped because the stages were held; see
 * {@link StageBlockingWaitStrategy#signalAllWhenBlocking}). So an input is never left unprocessed,
 * and the stages see the inputs in ring order whichever thread runs them.
 *
 * <p>A stage that throws halts the processor, as the pipeline's exception handler does for the
 * Disruptor's processors: nothing after the failing input is processed or acknowledged.
 */
final class SerialStageProcessor implements EventProcessor
{
    /**
     * Inputs a producer may gather while it holds the stages before the stage thread takes them:
     * past a few, processing them beside the producer's reading beats one wake-up.
     */
    static final int HAND_OFF = 8;

    private final RingBuffer<RingSlot> ring;
    private final SequenceBarrier barrier;
    private final SerialStages stages;
    private final StageBlockingWaitStrategy waits;
    private final Sequence sequence = new Sequence(-1);
    private final AtomicBoolean held = new AtomicBoolean();
    /** The producer thread holding the stages since {@link #tryHold}, or null (nobody, or the stage thread). */
    private volatile Thread holder;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean halted;

    SerialStageProcessor(final RingBuffer<RingSlot> ring, final SerialStages stages, final StageBlockingWaitStrategy waits)
    {
        this.ring = ring;
        this.barrier = ring.newBarrier();
        this.stages = stages;
        this.waits = waits;
        stages.setSequenceCallback(sequence);
    }

    @Override
    public Sequence getSequence()
    {
        return sequence;
    }

    @Override
    public void halt()
    {
        running.set(false);
        barrier.alert();
    }

    @Override
    public boolean isRunning()
    {
        return running.get();
    }

    /** True once a stage has thrown: nothing more is processed. */
    boolean halted()
    {
        return halted;
    }

    /** True while some thread holds the stages: a producer's publish then need not wake the stage thread. */
    boolean held()
    {
        return held.get();
    }

    /**
     * On a producer about to submit: takes the stages if their thread is parked, nothing waits to
     * be processed and nobody holds them. The caller must then call {@link #runHeld} on this thread,
     * after submitting.
     */
    boolean tryHold()
    {
        if (halted || !waits.stageParked() || sequence.get() != ring.getCursor() || !held.compareAndSet(false, true))
        {
            return false;
        }
        holder = Thread.currentThread();
        return true;
    }

    /** On a producer after a submit it did not take the stages for: if it holds them with a backlog, the stage thread takes over. */
    void handOffIfBehind()
    {
        if (holder == Thread.currentThread() && ring.getCursor() - sequence.get() > HAND_OFF)
        {
            holder = null;
            release();
        }
    }

    /**
     * On the thread that took the stages with {@link #tryHold}: runs them over everything published,
     * then lets them go; nothing if they were handed off meanwhile.
     */
    void runHeld()
    {
        if (holder != Thread.currentThread())
        {
            return;
        }
        holder = null;
        try
        {
            process();
        }
        finally
        {
            release();
        }
    }

    /** The stage thread: waits for published inputs and processes them whenever no producer holds the stages. */
    @Override
    public void run()
    {
        if (!running.compareAndSet(false, true))
        {
            throw new IllegalStateException("the stage processor is already running");
        }
        barrier.clearAlert();
        while (!halted)
        {
            try
            {
                waits.awaitAfter(sequence, barrier);
            }
            catch (final AlertException e)
            {
                if (!running.get())
                {
                    break;
                }
                continue;
            }
            if (held.compareAndSet(false, true))
            {
                try
                {
                    process();
                }
                finally
                {
                    held.set(false);
                }
            }
            else
            {
                // A producer runs the stages; it finishes its round within microseconds.
                Thread.yield();
            }
        }
        running.set(false);
    }

    /** Holding the stages: every input published from the next one on, in order, the last one ending the batch. */
    private void process()
    {
        if (halted)
        {
            return;
        }
        final long next = sequence.get() + 1;
        final long cursor = ring.getCursor();
        long last = next - 1;
        while (last < cursor && ring.isAvailable(last + 1))
        {
            last++;
        }
        long current = next;
        try
        {
            for (; current <= last; current++)
            {
                stages.onEvent(ring.get(current), current, current == last);
            }
            sequence.set(last);
        }
        catch (final RuntimeException | Error e)
        {
            halted = true;
            Pipeline.HaltOnError.logHalt(ring.get(current), e);
        }
    }

    /** Lets the stages go, then wakes their thread for inputs published while they were held. */
    private void release()
    {
        held.set(false);
        // The volatile write above comes before this read (both sequentially consistent), and a
        // producer fences between its publish and its read of the hold (signalAllWhenBlocking), so
        // one of the two sees the other.
        final long next = sequence.get() + 1;
        if (!halted && next <= ring.getCursor())
        {
            waits.signalAllWhenBlocking();
        }
    }
}
