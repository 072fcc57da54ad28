package com.offpeak.journal;

import com.offpeak.pipeline.InputCommand;
import java.nio.file.Path;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads the input journal in order for recovery, replay and verification, record by record across
 * its documents (each holds one or more records, see {@link InputJournal}). Checks that sequences
 * run without gaps, so a journal that lost or duplicated records fails loudly instead of
 * replaying into a different state.
 */
public final class InputJournalReader implements AutoCloseable
{
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    /** The current document's records, copied out so the document can be released at once. */
    private final UnsafeBuffer document = new UnsafeBuffer(new byte[InputJournal.MAX_RECORDS_PER_DOCUMENT * InputCodec.MAX_LENGTH]);
    private int documentLength;
    private int position;
    private long documentIndex = -1;
    private long lastSequence;
    private long lastIndex = -1;

    public InputJournalReader(final Path dataDir)
    {
        queue = Journals.open(dataDir, Journals.INPUT, Durability.ASYNC);
        tailer = queue.createTailer();
    }

    /**
     * Positions the reader just after the record of {@code sequence}, which must be in the document
     * at {@code index}.
     *
     * @return false if the journal has no such record (the snapshot does not belong to this journal);
     *         the reader is then back at the start.
     */
    public boolean startAfter(final long index, final long sequence, final InputCommand scratch)
    {
        if (tailer.moveToIndex(index))
        {
            documentLength = 0;
            position = 0;
            lastSequence = 0;
            while (next(scratch) && lastIndex == index && scratch.sequence <= sequence)
            {
                if (scratch.sequence == sequence)
                {
                    return true;
                }
            }
        }
        tailer.toStart();
        documentLength = 0;
        position = 0;
        documentIndex = -1;
        lastSequence = 0;
        lastIndex = -1;
        return false;
    }

    /**
     * Reads the next record into {@code into}.
     *
     * @return false at the end of the journal.
     * @throws JournalCorruptException on an undecodable record or a sequence gap.
     */
    public boolean next(final InputCommand into)
    {
        if (position == documentLength && !nextDocument())
        {
            return false;
        }
        lastIndex = documentIndex;
        try
        {
            position += InputCodec.decode(document, position, documentLength - position, into);
        }
        catch (final JournalCorruptException e)
        {
            throw new JournalCorruptException("input journal, document at index " + Long.toHexString(documentIndex) + " after sequence " +
                lastSequence + ": " + e.getMessage());
        }
        if (lastSequence != 0 && into.sequence != lastSequence + 1)
        {
            throw new JournalCorruptException("input journal jumps from sequence " + lastSequence + " to " + into.sequence +
                " at index " + Long.toHexString(lastIndex));
        }
        lastSequence = into.sequence;
        return true;
    }

    private boolean nextDocument()
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return false;
            }
            documentIndex = dc.index();
            final Bytes<?> bytes = dc.wire().bytes();
            final long length = bytes.readRemaining();
            if (length == 0 || length > document.capacity())
            {
                throw new JournalCorruptException("input journal: a document of " + length + " bytes at index " +
                    Long.toHexString(documentIndex) + " (at most " + InputJournal.MAX_RECORDS_PER_DOCUMENT + " records of up to " +
                    InputCodec.MAX_LENGTH + " bytes)");
            }
            documentLength = (int)length;
            bytes.read(document.byteArray(), 0, documentLength);
            position = 0;
        }
        return true;
    }

    public long lastSequence()
    {
        return lastSequence;
    }

    /** The journal index of the document of the record last read, -1 before the first. */
    public long lastIndex()
    {
        return lastIndex;
    }

    @Override
    public void close()
    {
        tailer.close();
        queue.close();
    }
}
