package com.offpeak.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.offpeak.journal.OutputEncoder;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The serial stages run by a submitting event loop when their own thread is parked ({@link Pipeline#trySubmitOnLoop}). */
class SharedStagesTest
{
    private static final InputWriter<Long> DEPOSIT = (slot, account) -> slot.deposit(account, 1_000, 0);

    @TempDir
    Path data;

    private final List<ExecutorService> loops = new ArrayList<>();

    @AfterEach
    void stopLoops()
    {
        loops.forEach(ExecutorService::shutdownNow);
    }

    @Test
    void aLoopThatFindsTheStageThreadParkedRunsTheStagesItselfAfterItsTask() throws Exception
    {
        final ExecutorService loop = loop("loop-0");
        try (Pipeline pipeline = Pipeline.start(PipelineConfig.defaults(data).withTickEveryMillis(0), Load.EXCHANGE))
        {
            Thread.sleep(100); // long past the stage thread's spin and yield: it is parked
            final CountDownLatch acked = new CountDownLatch(3);
            final List<String> ackedOn = new ArrayList<>();
            final List<Long> sequences = new ArrayList<>();
            final AtomicInteger submittedBeforeFirstAck = new AtomicInteger(-1);
            final AtomicInteger submitted = new AtomicInteger();
            final Acknowledger ack = (correlationId, sequence, output, length) ->
            {
                synchronized (ackedOn)
                {
                    submittedBeforeFirstAck.compareAndSet(-1, submitted.get());
                    ackedOn.add(Thread.currentThread().getName());
                    sequences.add(sequence);
                }
                acked.countDown();
            };
            loop.execute(() ->
            {
                for (long account = 1; account <= 3; account++)
                {
                    assertThat(pipeline.trySubmitOnLoop(DEPOSIT, account, ack, account, loop)).isTrue();
                    submitted.incrementAndGet();
                }
            });
            assertThat(acked.await(10, TimeUnit.SECONDS)).as("acknowledged").isTrue();
            synchronized (ackedOn)
            {
                assertThat(ackedOn).as("the thread of each acknowledgement").containsExactly("loop-0", "loop-0", "loop-0");
                assertThat(submittedBeforeFirstAck.get()).as("inputs the task submitted before the stages ran").isEqualTo(3);
                assertThat(sequences).isSorted().doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void aLoopThatGathersABacklogHandsItToTheStageThread() throws Exception
    {
        final ExecutorService loop = loop("loop-0");
        final int inputs = 10 * SerialStageProcessor.HAND_OFF;
        try (Pipeline pipeline = Pipeline.start(PipelineConfig.defaults(data).withTickEveryMillis(0), Load.EXCHANGE))
        {
            Thread.sleep(100);
            final CountDownLatch acked = new CountDownLatch(inputs);
            final Set<String> ackedOn = ConcurrentHashMap.newKeySet();
            final Acknowledger ack = (correlationId, sequence, output, length) ->
            {
                ackedOn.add(Thread.currentThread().getName());
                acked.countDown();
            };
            loop.execute(() ->
            {
                for (long i = 1; i <= inputs; i++)
                {
                    assertThat(pipeline.trySubmitOnLoop(DEPOSIT, i, ack, i, loop)).isTrue();
                }
            });
            assertThat(acked.await(10, TimeUnit.SECONDS)).as("acknowledged").isTrue();
            assertThat(ackedOn).as("the threads of the acknowledgements").contains("offpeak-pipeline");
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void loopsAndPlainProducersTogetherGetEveryInputAcknowledgedOnceInSequenceOrder(final long seed) throws Exception
    {
        final int loopCount = 3;
        final int perLoop = 3_000;
        final int plainProducers = 2;
        final int perPlain = 2_000;
        final int total = loopCount * perLoop + plainProducers * perPlain;
        final AtomicReferenceArray<Integer> acksPerInput = new AtomicReferenceArray<>(total);
        final AtomicLong lastSequence = new AtomicLong();
        final AtomicReference<String> disorder = new AtomicReference<>();
        final CountDownLatch acked = new CountDownLatch(total);
        final Acknowledger ack = (correlationId, sequence, output, length) ->
        {
            // Acknowledgements come one at a time in sequence order, whichever thread runs the stages.
            if (lastSequence.getAndSet(sequence) >= sequence)
            {
                disorder.compareAndSet(null, "sequence " + sequence + " acknowledged after a later one");
            }
            acksPerInput.accumulateAndGet((int)correlationId, 1, (old, one) -> old == null ? one : old + one);
            acked.countDown();
        };
        try (Pipeline pipeline = Pipeline.start(PipelineConfig.defaults(data).withTickEveryMillis(0).withRingSize(256), Load.EXCHANGE))
        {
            for (int l = 0; l < loopCount; l++)
            {
                final ExecutorService loop = loop("loop-" + l);
                new LoopProducer(pipeline, loop, ack, l * perLoop, perLoop, new Random(seed * 31 + l)).next();
            }
            final Thread[] plain = new Thread[plainProducers];
            for (int p = 0; p < plainProducers; p++)
            {
                final int first = loopCount * perLoop + p * perPlain;
                plain[p] = new Thread(() ->
                {
                    for (int i = 0; i < perPlain; i++)
                    {
                        pipeline.submit(DEPOSIT, 1L + (first + i) % 50, ack, first + i);
                    }
                });
                plain[p].start();
            }
            for (final Thread thread : plain)
            {
                thread.join();
            }
            assertThat(acked.await(60, TimeUnit.SECONDS)).as("seed %d: %d of %d inputs acknowledged", seed, total - acked.getCount(), total)
                .isTrue();
        }
        assertThat(disorder.get()).as("seed %d", seed).isNull();
        for (int i = 0; i < total; i++)
        {
            assertThat(acksPerInput.get(i)).as("seed %d: acknowledgements of input %d", seed, i).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "submitted from a loop: {0}")
    @ValueSource(booleans = {true, false})
    void aStageThatThrowsHaltsThePipelineWhicheverThreadRunsIt(final boolean fromLoop) throws Exception
    {
        final ExecutorService loop = loop("loop-0");
        final List<Long> acked = new ArrayList<>();
        final Acknowledger ack = (correlationId, sequence, output, length) ->
        {
            synchronized (acked)
            {
                acked.add(correlationId);
            }
        };
        try (Pipeline pipeline = Pipeline.start(PipelineConfig.defaults(data).withTickEveryMillis(0), new FailingOnSecondDeposit()))
        {
            Thread.sleep(100);
            for (long input = 1; input <= 4; input++)
            {
                final long correlation = input;
                loop.submit(() -> fromLoop ?
                    pipeline.trySubmitOnLoop(DEPOSIT, correlation, ack, correlation, loop) :
                    pipeline.trySubmit(DEPOSIT, correlation, ack, correlation)).get(10, TimeUnit.SECONDS);
                Thread.sleep(50);
            }
            // The loop outlived the failure and still runs tasks.
            assertThat(loop.submit(() -> true).get(10, TimeUnit.SECONDS)).isTrue();
        }
        synchronized (acked)
        {
            assertThat(acked).as("acknowledged inputs").containsExactly(1L);
        }
    }

    private ExecutorService loop(final String name)
    {
        final ExecutorService loop = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, name));
        loops.add(loop);
        return loop;
    }

    /** An event loop's producer: bursts of 1-8 inputs per task, a new task after each, retrying later when the ring is full. */
    private static final class LoopProducer
    {
        private final Pipeline pipeline;
        private final ExecutorService loop;
        private final Acknowledger ack;
        private final int end;
        private final Random random;
        private int next;

        LoopProducer(final Pipeline pipeline, final ExecutorService loop, final Acknowledger ack, final int first, final int count,
            final Random random)
        {
            this.pipeline = pipeline;
            this.loop = loop;
            this.ack = ack;
            this.next = first;
            this.end = first + count;
            this.random = random;
        }

        void next()
        {
            loop.execute(this::burst);
        }

        private void burst()
        {
            final int burst = 1 + random.nextInt(8);
            for (int i = 0; i < burst && next < end; i++)
            {
                if (!pipeline.trySubmitOnLoop(DEPOSIT, 1L + next % 50, ack, next, loop))
                {
                    break;
                }
                next++;
            }
            if (next < end)
            {
                if (random.nextInt(4) == 0)
                {
                    Thread.yield();
                }
                next();
            }
        }
    }

    /** The exchange, except that applying the second deposit throws, as a bug in the business logic would. */
    private static final class FailingOnSecondDeposit implements StateMachineFactory
    {
        @Override
        public StateMachine create()
        {
            final StateMachine exchange = Load.EXCHANGE.create();
            final AtomicInteger deposits = new AtomicInteger();
            return new StateMachine()
            {
                @Override
                public void apply(final InputCommand input, final OutputEncoder output)
                {
                    if (input.type == InputType.DEPOSIT && deposits.incrementAndGet() == 2)
                    {
                        throw new IllegalStateException("planted failure");
                    }
                    exchange.apply(input, output);
                }

                @Override
                public long stateHash()
                {
                    return exchange.stateHash();
                }

                @Override
                public void validate()
                {
                    exchange.validate();
                }

                @Override
                public void writeSnapshot(final DataOutput out) throws IOException
                {
                    exchange.writeSnapshot(out);
                }

                @Override
                public String summary()
                {
                    return exchange.summary();
                }
            };
        }

        @Override
        public StateMachine restore(final DataInput in) throws IOException
        {
            return Load.EXCHANGE.restore(in);
        }
    }
}
