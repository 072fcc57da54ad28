package com.offpeak.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import com.offpeak.journal.InputJournal;

/**
 * Writes each sequenced input to the input journal, in parallel with the logic stage, and commits
 * (msync under SYNC durability) once per batch: the Disruptor advances this stage's sequence only
 * after the batch's last event returns, so the publisher never acknowledges an input before its
 * batch is committed.
 */
final class JournalStage implements EventHandler<RingSlot>
{
    private final InputJournal journal;
    private final BatchRelease release;

    JournalStage(final InputJournal journal, final BatchRelease release)
    {
        this.journal = journal;
        this.release = release;
    }

    @Override
    public void onEvent(final RingSlot slot, final long ringSequence, final boolean endOfBatch)
    {
        slot.journalIndex = journal.append(slot.input);
        if (endOfBatch)
        {
            journal.commit();
            release.release(ringSequence);
        }
    }

    @Override
    public void setSequenceCallback(final Sequence sequence)
    {
        release.bind(sequence);
    }
}
