package com.offpeak.journal;

import java.nio.file.Path;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.ExpandableArrayBuffer;

/** Reads the output journal one command document at a time (for verify, and for readers that resume from an index). */
public final class OutputJournalReader implements AutoCloseable
{
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final ExpandableArrayBuffer records = new ExpandableArrayBuffer(4096);
    private long sequence;
    private long time;
    private int length;

    public OutputJournalReader(final Path dataDir)
    {
        queue = Journals.open(dataDir, Journals.OUTPUT, Durability.ASYNC);
        tailer = queue.createTailer();
    }

    /** Loads the next document; false at the end of the journal. */
    public boolean next()
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return false;
            }
            final Bytes<?> bytes = dc.wire().bytes();
            if (bytes.readRemaining() < OutputJournal.DOCUMENT_HEADER)
            {
                throw new JournalCorruptException("output document at index " + Long.toHexString(dc.index()) + " is shorter than its header");
            }
            sequence = bytes.readLong();
            time = bytes.readLong();
            length = (int)bytes.readRemaining();
            records.checkLimit(length);
            bytes.read(records.byteArray(), 0, length);
            return true;
        }
    }

    public long sequence()
    {
        return sequence;
    }

    public long time()
    {
        return time;
    }

    /** The current document's records; valid until the next {@link #next()}. */
    public ExpandableArrayBuffer records()
    {
        return records;
    }

    public int length()
    {
        return length;
    }

    @Override
    public void close()
    {
        tailer.close();
        queue.close();
    }
}
