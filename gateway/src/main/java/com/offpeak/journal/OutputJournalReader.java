package com.offpeak.journal;

import java.nio.file.Path;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.ExpandableArrayBuffer;

/**
 * Reads the output journal one input at a time: its INPUT document and the records after it,
 * reassembled into the in-memory record format of {@link OutputEncoder} (so they compare byte for
 * byte with a replay's output and decode with {@link OutputDecoder}).
 */
public final class OutputJournalReader implements AutoCloseable
{
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final ExpandableArrayBuffer records = new ExpandableArrayBuffer(4096);
    private long sequence;
    private long time;
    private int length;
    private long pendingSequence = -1;
    private long pendingTime;

    public OutputJournalReader(final Path dataDir)
    {
        queue = Journals.open(dataDir, Journals.OUTPUT, Durability.ASYNC);
        tailer = queue.createTailer();
    }

    /** Loads the next input's records; false at the end of the journal. */
    public boolean next()
    {
        if (pendingSequence < 0 && !readInputDocument())
        {
            return false;
        }
        sequence = pendingSequence;
        time = pendingTime;
        pendingSequence = -1;
        length = 0;
        while (true)
        {
            try (DocumentContext dc = tailer.readingDocument())
            {
                if (!dc.isPresent())
                {
                    return true;
                }
                final Bytes<?> bytes = dc.wire().bytes();
                final int type = bytes.readUnsignedByte();
                if (type == OutputRecordType.INPUT)
                {
                    pendingSequence = bytes.readLong();
                    pendingTime = bytes.readLong();
                    return true;
                }
                final int payload = (int)bytes.readRemaining();
                records.putByte(length, (byte)type);
                records.putShort(length + 1, (short)payload);
                records.checkLimit(length + OutputEncoder.HEADER + payload);
                bytes.read(records.byteArray(), length + OutputEncoder.HEADER, payload);
                length += OutputEncoder.HEADER + payload;
            }
        }
    }

    private boolean readInputDocument()
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return false;
            }
            final Bytes<?> bytes = dc.wire().bytes();
            final int type = bytes.readUnsignedByte();
            if (type != OutputRecordType.INPUT)
            {
                throw new JournalCorruptException("output journal starts with a record of type " + type + " before any INPUT document");
            }
            pendingSequence = bytes.readLong();
            pendingTime = bytes.readLong();
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

    /** The current input's records; valid until the next {@link #next()}. */
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
