package com.offpeak.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Same input journal in, same bytes out: replay twice, and snapshot + replay at random cut points. */
class PipelineDeterminismTest
{
    private static final int PRODUCERS = 4;
    private static final int PER_PRODUCER = 5_000;

    @TempDir
    static Path data;
    private static long inputs;

    @BeforeAll
    static void journalALiveRun() throws Exception
    {
        try (Pipeline pipeline = Pipeline.start(PipelineConfig.defaults(data).withTickEveryMillis(1), Load.EXCHANGE))
        {
            Load.run(pipeline, PRODUCERS, PER_PRODUCER, 7);
        }
        try (JournalReplay replay = new JournalReplay(data).fromStart(Load.EXCHANGE.create()))
        {
            inputs = replay.toEnd((input, output, length) -> { }).lastSequence();
        }
        assertThat(inputs).isGreaterThanOrEqualTo(PRODUCERS * PER_PRODUCER);
    }

    @Test
    void replayingTwiceGivesTheSameBytesAndStateHash()
    {
        final Replayed first = replay(0);
        final Replayed second = replay(0);
        assertThat(second.output).isEqualTo(first.output);
        assertThat(second.stateHash).isEqualTo(first.stateHash);
        assertThat(first.output.length).as("the run traded").isGreaterThan(100_000);
    }

    @Test
    void theLiveRunsOutputJournalEqualsAReplay()
    {
        assertThat(JournalVerifier.verify(data, Load.EXCHANGE, 1_000, sequence -> { })).isNull();
    }

    @Test
    void theTwoThreadLayoutJournalsWhatAReplayProduces(@TempDir final Path twoThreads) throws Exception
    {
        try (Pipeline pipeline = Pipeline.start(PipelineConfig.defaults(twoThreads).withTickEveryMillis(1).withStageThreads(2)
            .withRingSize(1024), Load.EXCHANGE))
        {
            Load.run(pipeline, PRODUCERS, PER_PRODUCER, 8);
        }
        assertThat(JournalVerifier.verify(twoThreads, Load.EXCHANGE, 1_000, sequence -> { })).isNull();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void snapshotPlusReplayEqualsFullReplayAtRandomCutPoints(final long seed) throws Exception
    {
        final Replayed full = replay(0);
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 5; i++)
        {
            final long cut = 1 + random.nextLong(inputs - 1);
            final Replayed resumed = replay(cut);
            assertThat(resumed.stateHash).as("seed %d, cut at %d", seed, cut).isEqualTo(full.stateHash);
            assertThat(resumed.output).as("seed %d, output after cut %d", seed, cut).isEqualTo(full.outputAfter(cut));
        }
    }

    /** Replays everything; with {@code cut > 0}, snapshots after input {@code cut}, restores it into a new state machine and goes on from there. */
    private static Replayed replay(final long cut)
    {
        final Replayed result = new Replayed();
        try (JournalReplay first = new JournalReplay(data).fromStart(Load.EXCHANGE.create()))
        {
            if (cut == 0)
            {
                first.toEnd(result::record);
                result.stateHash = first.stateMachine().stateHash();
                result.finish();
                return result;
            }
            while (first.lastSequence() < cut && first.step((input, output, length) -> { }))
            {
                // up to the cut
            }
            final byte[] state = LogicStage.serialize(first.stateMachine());
            final Snapshot snapshot = new Snapshot(first.lastSequence(), first.lastIndex(), first.lastTime(), state);
            try (JournalReplay second = new JournalReplay(data))
            {
                assertThat(second.fromSnapshot(snapshot, Load.EXCHANGE.restore(new DataInputStream(new ByteArrayInputStream(state)))))
                    .isTrue();
                second.toEnd(result::record);
                result.stateHash = second.stateMachine().stateHash();
            }
        }
        catch (final IOException e)
        {
            throw new AssertionError(e);
        }
        result.finish();
        return result;
    }

    private static final class Replayed
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<long[]> marks = new ArrayList<>();
        byte[] output;
        long stateHash;

        void record(final InputCommand input, final DirectBuffer out, final int length)
        {
            marks.add(new long[] {input.sequence, bytes.size()});
            final byte[] copy = new byte[length];
            out.getBytes(0, copy);
            bytes.writeBytes(copy);
        }

        void finish()
        {
            output = bytes.toByteArray();
        }

        byte[] outputAfter(final long sequence)
        {
            for (final long[] mark : marks)
            {
                if (mark[0] > sequence)
                {
                    return Arrays.copyOfRange(output, (int)mark[1], output.length);
                }
            }
            return new byte[0];
        }
    }
}
