package com.offpeak.pipeline;

import com.lmax.disruptor.EventHandler;
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

    JournalStage(final InputJournal journal)
    {
        this.journal = journal;
    }

    @Override
    public void onEvent(final RingSlot slot, final long ringSequence, final boolean endOfBatch)
    {
        slot.journalIndex = journal.append(slot.input);
        if (endOfBatch)
        {
            journal.commit();
        }
    }
}
