package com.offpeak.pipeline;

import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.offpeak.journal.DataDirectoryLock;
import com.offpeak.journal.Durability;
import com.offpeak.journal.InputJournal;
import com.offpeak.journal.Journals;
import com.offpeak.journal.OutputJournal;
import com.offpeak.journal.Pretoucher;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange's sequenced, journaled pipeline (the LMAX architecture, on two threads for two cores):
 * <pre>
 *   producers ──► ring ──► logic (stamp sequence and time, apply) ──► publisher (input journal and commit,
 *                                                                     then output journal, subscribers, snapshots, acks)
 * </pre>
 * {@link #start} first locks the data directory against a second writer ({@link DataDirectoryLock}),
 * recovers it (snapshot + replay), then opens the ring. Any number of threads may {@link #submit};
 * each submission is acknowledged once, in sequence order, on the thread running the publish stage.
 * A clock thread submits TIMER_TICKs, so timers are journaled inputs too.
 */
public final class Pipeline implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final InputWriter<Void> TIMER_TICK = (slot, unused) -> slot.timerTick();
    private static final InputWriter<Void> SNAPSHOT = (slot, unused) -> slot.snapshot();

    /** This process's claim on the data directory, released after the journals close. */
    private final DataDirectoryLock directoryLock;
    private final Disruptor<RingSlot> disruptor;
    private final RingBuffer<RingSlot> ring;
    private final InputJournal inputJournal;
    private final OutputJournal outputJournal;
    private final Recovery.Result recovered;
    private final PublishStage publisher;
    /** The last stage's sequence, which frees ring slots: the publisher's, or the serial stages' that run it. */
    private final Sequence lastStage;
    /**
     * The serial stages when a producer may run them itself (one stage thread, the blocking wait
     * strategy, async durability); otherwise null.
     */
    private final SerialStageProcessor sharedStages;
    /** {@code sharedStages::runHeld} made once: a method reference evaluated per submit would allocate. */
    private final Runnable runHeldStages;
    /** The wait strategy when it is the blocking one: producers then wait for a full ring through it. */
    private final StageBlockingWaitStrategy blocking;
    private final Thread clockThread;
    /** {@link Pretoucher#NONE} when the configuration turns pretouching off. */
    private final Pretoucher pretoucher;
    /** Takes the periodic snapshots; null when the configuration asks for none. */
    private final SnapshotReplica replica;
    private volatile boolean running = true;
    private boolean closed;

    private Pipeline(final DataDirectoryLock directoryLock, final PipelineConfig config, final StateMachineFactory factory,
        final PipelineClock stampClock, final OutputSubscriber[] subscribers)
    {
        this.directoryLock = directoryLock;
        final SnapshotStore snapshots = new SnapshotStore(config.dataDir().resolve(Journals.SNAPSHOTS), config.snapshotsKept());
        pretoucher = config.pretouch() ? Pretoucher.start() : Pretoucher.NONE;
        outputJournal = new OutputJournal(config.dataDir(), pretoucher.track());
        recovered = Recovery.recover(config.dataDir(), factory, snapshots, outputJournal);
        inputJournal = new InputJournal(config.dataDir(), config.durability(), pretoucher.track());

        final WaitStrategy waitStrategy = config.waitStrategy().create();
        final PipelineClock clock = stampClock != null ? stampClock : PipelineClock.accelerated(config.clockSpeed(), recovered.lastTime());
        disruptor = new Disruptor<>(RingSlot::new, config.ringSize(), namedThreads(config.stageThreads() == 2), ProducerType.MULTI,
            waitStrategy);
        disruptor.setDefaultExceptionHandler(new HaltOnError());
        final LogicStage logic = new LogicStage(new Sequencer(clock, recovered.lastSequence(), recovered.lastTime()),
            new BusinessLogic(recovered.stateMachine()), config.stageThreads() == 2 ? new BatchRelease(waitStrategy) : null,
            config.ringSize());
        publisher = new PublishStage(disruptor.getRingBuffer(), inputJournal, outputJournal, subscribers.clone(), snapshots,
            new BatchRelease(waitStrategy));
        blocking = waitStrategy instanceof StageBlockingWaitStrategy stageBlocking ? stageBlocking : null;
        if (config.stageThreads() == 2)
        {
            disruptor.handleEventsWith(logic).then(publisher);
            sharedStages = null;
        }
        else if (blocking != null && config.durability() == Durability.ASYNC)
        {
            // A producer that runs the stages waits for their journal commit: only where that is a
            // memory copy, not an msync, so that it never stalls an event loop on the disk.
            sharedStages = new SerialStageProcessor(disruptor.getRingBuffer(), new SerialStages(logic, publisher), blocking);
            disruptor.handleEventsWith(sharedStages);
        }
        else
        {
            disruptor.handleEventsWith(new SerialStages(logic, publisher));
            sharedStages = null;
        }
        runHeldStages = sharedStages == null ? null : sharedStages::runHeld;
        if (blocking != null)
        {
            blocking.watch(disruptor.getRingBuffer(), sharedStages);
        }
        lastStage = publisher.sequence();
        ring = disruptor.start();
        replica = config.snapshotEvery() > 0 ? SnapshotReplica.start(config.dataDir(), factory, snapshots, config.snapshotEvery()) : null;
        LOG.info("pipeline started on {}: {} durability, {} wait strategy, ring of {}, {} stage thread(s), next sequence {}",
            config.dataDir(), config.durability(), config.waitStrategy(), config.ringSize(), config.stageThreads(),
            recovered.lastSequence() + 1);

        if (config.tickEveryMillis() > 0)
        {
            clockThread = new Thread(() -> tickEvery(config.tickEveryMillis()), "offpeak-clock");
            clockThread.setDaemon(true);
            clockThread.start();
        }
        else
        {
            clockThread = null;
        }
    }

    /**
     * Recovers {@code config.dataDir()} and starts the pipeline; subscribers are fixed from then on.
     *
     * @throws com.offpeak.journal.DataDirectoryInUseException if another pipeline, here or in another process, writes the directory
     */
    public static Pipeline start(final PipelineConfig config, final StateMachineFactory factory, final OutputSubscriber... subscribers)
    {
        return open(config, factory, null, subscribers);
    }

    /**
     * Like {@link #start} but stamps inputs with {@code clock} instead of the configured wall clock: for
     * benchmarks and simulations that replay a stream with its own timeline. The logic thread calls
     * {@code clock.now()} exactly once per input, in sequence order.
     */
    public static Pipeline startWithClock(final PipelineConfig config, final StateMachineFactory factory, final PipelineClock clock,
        final OutputSubscriber... subscribers)
    {
        return open(config, factory, clock, subscribers);
    }

    /**
     * Locks the data directory first (another process writing it refuses this start), and releases
     * it if recovery or start-up fails, so that the directory can be opened again.
     */
    private static Pipeline open(final PipelineConfig config, final StateMachineFactory factory, final PipelineClock clock,
        final OutputSubscriber[] subscribers)
    {
        final DataDirectoryLock directoryLock = DataDirectoryLock.acquire(config.dataDir());
        try
        {
            return new Pipeline(directoryLock, config, factory, clock, subscribers);
        }
        catch (final RuntimeException | Error e)
        {
            directoryLock.close();
            throw e;
        }
    }

    /**
     * Submits one input, waiting for a free slot if the ring is full. {@code writer} fills the slot
     * (its sequence and time are stamped later, on the logic thread); {@code acknowledger} (may be null)
     * is told when it is done.
     *
     * @throws IllegalArgumentException if the writer left no input type; nothing is then executed.
     */
    public <A> void submit(final InputWriter<A> writer, final A argument, final Acknowledger acknowledger, final long correlationId)
    {
        fill(claim(), writer, argument, acknowledger, correlationId);
    }

    /** Like {@link #submit} but returns false at once when the ring is full (back-pressure for event loops). */
    public <A> boolean trySubmit(final InputWriter<A> writer, final A argument, final Acknowledger acknowledger,
        final long correlationId)
    {
        final long sequence;
        try
        {
            sequence = ring.tryNext();
        }
        catch (final InsufficientCapacityException e)
        {
            return false;
        }
        fill(sequence, writer, argument, acknowledger, correlationId);
        return true;
    }

    /**
     * Like {@link #trySubmit}, from a thread that runs a task queue (an event loop, {@code loop}):
     * when the stage thread is parked, this thread takes the stages instead of waking it, and runs
     * them in a task it queues on {@code loop} — after the rest of its current work, so everything it
     * submits meanwhile is one batch and the answers come back on this thread without a wake-up
     * (up to {@value SerialStageProcessor#HAND_OFF} inputs: past that the stage thread takes them).
     * Otherwise the same as {@link #trySubmit}.
     */
    public <A> boolean trySubmitOnLoop(final InputWriter<A> writer, final A argument, final Acknowledger acknowledger,
        final long correlationId, final Executor loop)
    {
        final boolean held = sharedStages != null && sharedStages.tryHold();
        final boolean submitted;
        try
        {
            submitted = trySubmit(writer, argument, acknowledger, correlationId);
        }
        finally
        {
            if (held)
            {
                runHeldOn(loop);
            }
            else if (sharedStages != null)
            {
                sharedStages.handOffIfBehind();
            }
        }
        return submitted;
    }

    /** Queues the run of the stages this thread holds; a loop that takes no more tasks gets them run at once. */
    private void runHeldOn(final Executor loop)
    {
        try
        {
            loop.execute(runHeldStages);
        }
        catch (final RejectedExecutionException e)
        {
            runHeldStages.run();
        }
    }

    /** Requests a snapshot after everything submitted before it. */
    public void snapshot(final Acknowledger acknowledger, final long correlationId)
    {
        submit(SNAPSHOT, null, acknowledger, correlationId);
    }

    /** What recovery found at start. */
    public Recovery.Result recovered()
    {
        return recovered;
    }

    /** msyncs of the input journal so far; exact once the pipeline is closed. */
    public long inputJournalSyncs()
    {
        return inputJournal.syncs();
    }

    /** Stops the clock, drains every submitted input through all stages, and closes the journals. Idempotent. */
    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        running = false;
        if (clockThread != null)
        {
            clockThread.interrupt();
            try
            {
                clockThread.join();
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
        }
        if (!drained(TimeUnit.SECONDS.toNanos(30)))
        {
            LOG.error("pipeline did not drain (a stage failed, or not within 30 s); halting with inputs in flight " +
                "(they are journaled or not acknowledged)");
        }
        disruptor.halt();
        if (replica != null)
        {
            replica.close();
        }
        pretoucher.close();
        inputJournal.close();
        outputJournal.close();
        directoryLock.close();
        LOG.info("pipeline stopped");
    }

    /**
     * Waits until the publisher has finished everything claimed so far. (Not {@code Disruptor.shutdown}: it
     * skips stages whose threads have not started yet, so a pipeline closed right after it started
     * could close the journals under a stage that is about to run.)
     */
    private boolean drained(final long timeoutNanos)
    {
        final long deadline = System.nanoTime() + timeoutNanos;
        while (lastStage.get() < ring.getCursor())
        {
            if (sharedStages != null && sharedStages.halted())
            {
                return false;
            }
            if (System.nanoTime() > deadline)
            {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return true;
    }

    /** The next slot; a full ring parks the producer under the blocking strategy, spins (the Disruptor's claim) otherwise. */
    private long claim()
    {
        return blocking != null ? blocking.claim(ring, lastStage) : ring.next();
    }

    private <A> void fill(final long sequence, final InputWriter<A> writer, final A argument, final Acknowledger acknowledger,
        final long correlationId)
    {
        final RingSlot slot = ring.get(sequence);
        try
        {
            slot.input.type = null;
            writer.write(slot.input, argument);
            if (slot.input.type == null)
            {
                throw new IllegalArgumentException("the input writer set no input type");
            }
            slot.acknowledger = acknowledger;
            slot.correlationId = correlationId;
        }
        catch (final RuntimeException e)
        {
            // The slot is claimed and must be published: turn it into a harmless tick nobody waits for.
            slot.input.timerTick();
            slot.acknowledger = null;
            throw e;
        }
        finally
        {
            ring.publish(sequence);
        }
    }

    private void tickEvery(final long millis)
    {
        while (running)
        {
            try
            {
                Thread.sleep(millis);
            }
            catch (final InterruptedException e)
            {
                return;
            }
            submit(TIMER_TICK, null, null, 0);
        }
    }

    /** Names the stage threads in the order the Disruptor starts them, which is the order the stages were added. */
    private static ThreadFactory namedThreads(final boolean twoThreads)
    {
        final String[] names = twoThreads ? new String[] {"offpeak-logic", "offpeak-publisher"} : new String[] {"offpeak-pipeline"};
        final AtomicInteger next = new AtomicInteger();
        return runnable ->
        {
            final int i = next.getAndIncrement();
            final Thread thread = new Thread(runnable, i < names.length ? names[i] : "offpeak-pipeline-" + i);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * A stage that throws has hit a bug or a broken disk: its state can no longer be trusted, so it
     * stops (nothing after the failing input is acknowledged) and says so loudly.
     */
    static final class HaltOnError implements ExceptionHandler<RingSlot>
    {
        @Override
        public void handleEventException(final Throwable ex, final long ringSequence, final RingSlot slot)
        {
            logHalt(slot, ex);
            throw new IllegalStateException("pipeline halted", ex);
        }

        /** Says loudly that the stages stop at {@code slot}'s input, whichever processor ran them. */
        static void logHalt(final RingSlot slot, final Throwable ex)
        {
            LOG.error("pipeline stage failed on input {}; halting: no further input is acknowledged", slot.input, ex);
        }

        @Override
        public void handleOnStartException(final Throwable ex)
        {
            LOG.error("pipeline stage failed to start", ex);
        }

        @Override
        public void handleOnShutdownException(final Throwable ex)
        {
            LOG.error("pipeline stage failed to shut down", ex);
        }
    }
}
