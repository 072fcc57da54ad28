package com.offpeak.pipeline;

import com.offpeak.journal.InputJournalReader;
import com.offpeak.journal.OutputEncoder;
import java.nio.file.Path;
import org.agrona.ExpandableArrayBuffer;

/**
 * Re-applies the input journal to a state machine, from the start or from just after a snapshot,
 * through the same {@link BusinessLogic} as the live pipeline. Recovery, the CLI and the tests all
 * replay through here.
 */
public final class JournalReplay implements AutoCloseable
{
    private final InputJournalReader reader;
    private final InputCommand input = new InputCommand();
    private final ExpandableArrayBuffer output = new ExpandableArrayBuffer(4096);
    private final OutputEncoder encoder = new OutputEncoder();
    private BusinessLogic logic;
    private long lastSequence;
    private long lastTime;
    private long replayed;

    public JournalReplay(final Path dataDir)
    {
        reader = new InputJournalReader(dataDir);
    }

    /** Replays the whole journal into {@code fresh}. */
    public JournalReplay fromStart(final StateMachine fresh)
    {
        logic = new BusinessLogic(fresh);
        return this;
    }

    /**
     * Replays after {@code snapshot} into {@code restored} (the state machine read from it).
     *
     * @return false if the journal does not hold the snapshot's input: the snapshot is not of this journal.
     */
    public boolean fromSnapshot(final Snapshot snapshot, final StateMachine restored)
    {
        if (!reader.startAfter(snapshot.journalIndex(), snapshot.sequence(), input))
        {
            return false;
        }
        logic = new BusinessLogic(restored);
        lastSequence = snapshot.sequence();
        lastTime = snapshot.time();
        return true;
    }

    /** Applies the next input; false at the end of the journal. */
    public boolean step(final ReplayListener listener)
    {
        if (!reader.next(input))
        {
            return false;
        }
        encoder.wrap(output);
        logic.apply(input, encoder);
        lastSequence = input.sequence;
        lastTime = input.timestamp();
        replayed++;
        listener.replayed(input, output, encoder.length());
        return true;
    }

    /** Applies every remaining input. */
    public JournalReplay toEnd(final ReplayListener listener)
    {
        while (step(listener))
        {
            // each step reports to the listener
        }
        return this;
    }

    public StateMachine stateMachine()
    {
        return logic.stateMachine();
    }

    /** The sequence of the last input applied (from the journal or the snapshot), 0 if none. */
    public long lastSequence()
    {
        return lastSequence;
    }

    public long lastTime()
    {
        return lastTime;
    }

    public long replayed()
    {
        return replayed;
    }

    /** The journal index of the last input read, -1 if none was read. */
    public long lastIndex()
    {
        return reader.lastIndex();
    }

    @Override
    public void close()
    {
        reader.close();
    }
}
