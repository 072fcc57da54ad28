package com.offpeak.journal;

import com.offpeak.pipeline.InputCommand;
import java.nio.file.Path;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads the input journal in order for recovery, replay and verification. Checks that sequences
 * run without gaps, so a journal that lost or duplicated records fails loudly instead of
 * replaying into a different state.
 */
public final class InputJournalReader implements AutoCloseable
{
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private long lastSequence;
    private long lastIndex = -1;

    public InputJournalReader(final Path dataDir)
    {
        queue = Journals.open(dataDir, Journals.INPUT, Durability.ASYNC);
        tailer = queue.createTailer();
    }

    /**
     * Positions the reader just after the record at {@code index}, which must hold {@code sequence}.
     *
     * @return false if the journal has no such record (the snapshot does not belong to this journal).
     */
    public boolean startAfter(final long index, final long sequence, final InputCommand scratch)
    {
        if (!tailer.moveToIndex(index) || !next(scratch) || scratch.sequence != sequence)
        {
            tailer.toStart();
            lastSequence = 0;
            lastIndex = -1;
            return false;
        }
        return true;
    }

    /**
     * Reads the next record into {@code into}.
     *
     * @return false at the end of the journal.
     * @throws JournalCorruptException on an undecodable record or a sequence gap.
     */
    public boolean next(final InputCommand into)
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return false;
            }
            lastIndex = dc.index();
            InputCodec.decode(dc.wire().bytes(), into);
        }
        if (lastSequence != 0 && into.sequence != lastSequence + 1)
        {
            throw new JournalCorruptException("input journal jumps from sequence " + lastSequence + " to " + into.sequence +
                " at index " + Long.toHexString(lastIndex));
        }
        lastSequence = into.sequence;
        return true;
    }

    public long lastSequence()
    {
        return lastSequence;
    }

    /** The journal index of the record last read, -1 before the first. */
    public long lastIndex()
    {
        return lastIndex;
    }

    public long lastIndexInJournal()
    {
        return queue.lastIndex();
    }

    @Override
    public void close()
    {
        tailer.close();
        queue.close();
    }
}
