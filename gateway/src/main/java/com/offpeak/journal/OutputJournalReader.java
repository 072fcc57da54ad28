package com.offpeak.journal;

import com.offpeak.ledger.transfer.TransferCodec;
import java.nio.file.Path;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.ExpandableArrayBuffer;

/**
 * Reads the output journal one input at a time: its document with the transfer documents after it
 * put back in place of their placeholders, in the in-memory record format of {@link OutputEncoder}
 * (so the records compare byte for byte with a replay's output and decode with {@link OutputDecoder}).
 * An input whose transfer documents are not all written yet (the journal is being written, or a
 * crash cut it short) is not returned: the reader stays before it and {@link #next()} says false.
 */
public final class OutputJournalReader implements AutoCloseable
{
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final ExpandableArrayBuffer document = new ExpandableArrayBuffer(4096);
    private final ExpandableArrayBuffer records = new ExpandableArrayBuffer(4096);
    private long sequence;
    private long time;
    private int length;

    public OutputJournalReader(final Path dataDir)
    {
        queue = Journals.open(dataDir, Journals.OUTPUT, Durability.ASYNC);
        tailer = queue.createTailer();
    }

    /**
     * Loads the next input's records; false at the end of the journal.
     *
     * @throws JournalCorruptException on a document out of place or a placeholder without its transfer.
     */
    public boolean next()
    {
        final long documentIndex;
        final int documentLength;
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return false;
            }
            documentIndex = dc.index();
            final Bytes<?> bytes = dc.wire().bytes();
            final int type = bytes.readUnsignedByte();
            if (type != OutputRecordType.INPUT)
            {
                throw new JournalCorruptException("output journal has a document of type " + type + " at index " +
                    Long.toHexString(documentIndex) + " where an input's document belongs");
            }
            sequence = bytes.readLong();
            time = bytes.readLong();
            documentLength = (int)bytes.readRemaining();
            document.checkLimit(documentLength);
            bytes.read(document.byteArray(), 0, documentLength);
        }
        if (!resolve(documentLength))
        {
            // Not all of this input's transfers are written yet: come back to it.
            tailer.moveToIndex(documentIndex);
            return false;
        }
        return true;
    }

    /** Copies the document's records into {@link #records}, reading a transfer document for each placeholder. */
    private boolean resolve(final int documentLength)
    {
        length = 0;
        int position = 0;
        while (position < documentLength)
        {
            final int type = document.getByte(position) & 0xFF;
            final int payload = position + OutputEncoder.HEADER <= documentLength ? document.getShort(position + 1) & 0xFFFF : 0;
            if (position + OutputEncoder.HEADER + payload > documentLength)
            {
                throw new JournalCorruptException("output of input " + sequence + ": a record runs past the end of its document");
            }
            if (type == OutputRecordType.TRANSFER && payload == 0)
            {
                if (!readTransfer())
                {
                    return false;
                }
            }
            else
            {
                records.putBytes(length, document, position, OutputEncoder.HEADER + payload);
                length += OutputEncoder.HEADER + payload;
            }
            position += OutputEncoder.HEADER + payload;
        }
        return true;
    }

    private boolean readTransfer()
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return false;
            }
            final Bytes<?> bytes = dc.wire().bytes();
            final int size = (int)bytes.readRemaining();
            final int type = bytes.readUnsignedByte();
            if (type != OutputRecordType.TRANSFER || size != TransferCodec.LENGTH)
            {
                throw new JournalCorruptException("output of input " + sequence + ": expected a transfer document of " +
                    TransferCodec.LENGTH + " bytes at index " + Long.toHexString(dc.index()) + ", found type " + type + " of " + size);
            }
            final int payload = size - 1;
            records.putByte(length, (byte)OutputRecordType.TRANSFER);
            records.putShort(length + 1, (short)payload);
            records.checkLimit(length + OutputEncoder.HEADER + payload);
            bytes.read(records.byteArray(), length + OutputEncoder.HEADER, payload);
            length += OutputEncoder.HEADER + payload;
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
