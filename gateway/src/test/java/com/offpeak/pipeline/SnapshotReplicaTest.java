package com.offpeak.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.offpeak.journal.Journals;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The periodic snapshots come from the replica that follows the journal, and each is the engine's state at its input. */
class SnapshotReplicaTest
{
    private static final long EVERY = 1_000;

    @TempDir
    Path data;

    @Test
    void eachPeriodicSnapshotHoldsTheStateAtItsInputAndRecoveryResumesFromTheNewest() throws Exception
    {
        try (Pipeline pipeline = Pipeline.start(PipelineConfig.defaults(data).withSnapshotEvery(EVERY).withTickEveryMillis(0),
            Load.EXCHANGE))
        {
            Load.run(pipeline, 3, 1_500, 5);
        }

        final List<Path> files = new SnapshotStore(data.resolve(Journals.SNAPSHOTS), 3).files();
        assertThat(files).as("4,500 inputs, one snapshot per 1,000, the newest 3 kept (the replica finishes the journal on close)")
            .hasSize(3);
        for (final Path file : files)
        {
            final Snapshot snapshot = SnapshotStore.read(file);
            assertThat(snapshot.sequence() % EVERY).isZero();
            final StateMachine restored = Load.EXCHANGE.restore(new DataInputStream(new ByteArrayInputStream(snapshot.payload())));
            assertThat(restored.stateHash()).as("snapshot %d against a replay to its input", snapshot.sequence())
                .isEqualTo(replayedTo(snapshot.sequence()));
        }

        try (Pipeline restarted = Pipeline.start(PipelineConfig.defaults(data).withSnapshotEvery(EVERY).withTickEveryMillis(0),
            Load.EXCHANGE))
        {
            assertThat(restarted.recovered().replayed()).as("only the inputs after the newest snapshot are replayed")
                .isEqualTo(restarted.recovered().lastSequence() - 4 * EVERY);
        }
    }

    private long replayedTo(final long sequence)
    {
        try (JournalReplay replay = new JournalReplay(data).fromStart(Load.EXCHANGE.create()))
        {
            while (replay.lastSequence() < sequence && replay.step((input, output, length) -> { }))
            {
                // one input at a time, to stop exactly at the snapshot's
            }
            return replay.stateMachine().stateHash();
        }
    }
}
