package com.offpeak.pipeline;

import com.offpeak.journal.InputJournal;
import com.offpeak.journal.JournalCorruptException;
import com.offpeak.journal.OutputJournal;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a data directory back to exactly the state the process had when it stopped or died:
 * <ol>
 * <li>load the newest snapshot that is complete, uncorrupted, of this format version and of this
 *     journal (older ones next; none: start empty);</li>
 * <li>replay the input journal after it;</li>
 * <li>write the output of every replayed input the output journal does not hold yet (the process
 *     died between the input and output writes), so the output journal is complete again. Output
 *     it already holds is not rewritten and not sent to anyone.</li>
 * </ol>
 */
public final class Recovery
{
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private Recovery()
    {
    }

    /** What recovery reached: the state machine and where the sequencer continues. */
    public record Result(StateMachine stateMachine, long lastSequence, long lastTime, long replayed, long outputsRewritten)
    {
    }

    public static Result recover(final Path dataDir, final StateMachineFactory factory, final SnapshotStore snapshots,
        final OutputJournal outputJournal)
    {
        final OutputJournal.Tail tail = outputJournal.tail();
        final long[] rewritten = new long[1];
        final ReplayListener completeOutput = (input, output, length) ->
        {
            if (length == 0)
            {
                return;
            }
            if (input.sequence > tail.sequence())
            {
                outputJournal.add(input.sequence, input.timestamp(), output, length);
                rewritten[0]++;
                if (outputJournal.pendingInputs() == InputJournal.MAX_RECORDS_PER_DOCUMENT)
                {
                    outputJournal.commit();
                }
            }
            else if (tail.transfersMissingFrom() != 0 && input.sequence >= tail.transfersMissingFrom())
            {
                // The last batch lost its transfers document: collect its transfers and write it once complete.
                outputJournal.addTransfers(output, length);
                if (input.sequence == tail.sequence())
                {
                    outputJournal.commit();
                    rewritten[0]++;
                }
            }
        };
        try (JournalReplay replay = startingPoint(dataDir, factory, snapshots))
        {
            replay.toEnd(completeOutput);
            outputJournal.commit();
            if (tail.sequence() > replay.lastSequence())
            {
                // Output is only ever written after its input, so the input journal lost its tail: new inputs would reuse sequences.
                throw new JournalCorruptException("the output journal reaches input " + tail.sequence() +
                    " but the input journal ends at " + replay.lastSequence() + ": the input journal lost records; refusing to start");
            }
            LOG.info("recovered {}: {} inputs replayed, now at sequence {} (time {}), missing output of {} inputs written",
                dataDir, replay.replayed(), replay.lastSequence(), replay.lastTime(), rewritten[0]);
            return new Result(replay.stateMachine(), replay.lastSequence(), replay.lastTime(), replay.replayed(), rewritten[0]);
        }
    }

    /** A replay positioned after the newest usable snapshot, or at the start of the journal. */
    static JournalReplay startingPoint(final Path dataDir, final StateMachineFactory factory, final SnapshotStore snapshots)
    {
        final JournalReplay replay = new JournalReplay(dataDir);
        for (final Path file : snapshots.files())
        {
            try
            {
                final Snapshot snapshot = SnapshotStore.read(file);
                final StateMachine restored = factory.restore(new DataInputStream(new ByteArrayInputStream(snapshot.payload())));
                if (replay.fromSnapshot(snapshot, restored))
                {
                    LOG.info("loaded snapshot {} (sequence {}), replaying the input journal after it", file.getFileName(),
                        snapshot.sequence());
                    return replay;
                }
                LOG.warn("skipping snapshot {}: the input journal has no input {} at index {}", file.getFileName(),
                    snapshot.sequence(), Long.toHexString(snapshot.journalIndex()));
            }
            catch (final InvalidSnapshotException e)
            {
                LOG.warn("skipping {}; trying an older snapshot or a full replay", e.getMessage());
            }
            catch (final IOException | RuntimeException e)
            {
                LOG.warn("skipping snapshot {}: its state cannot be restored ({}); trying an older snapshot or a full replay",
                    file.getFileName(), e.toString());
            }
        }
        LOG.info("no usable snapshot in {}: replaying the whole input journal", dataDir);
        return replay.fromStart(factory.create());
    }
}
