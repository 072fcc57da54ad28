package com.offpeak.journal;

import com.offpeak.ledger.transfer.TransferCodec;
import java.nio.file.Path;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.ExpandableArrayBuffer;

/**
 * Reads the output journal one input at a time, with its transfers (from the batch's transfers
 * document, see {@link OutputJournal}) put back in place of their placeholders, in the in-memory
 * record format of {@link OutputEncoder} (so the records compare byte for byte with a replay's
 * output and decode with {@link OutputDecoder}). A batch whose transfers document is not written
 * yet (the journal is being written, or a crash cut it short) is not returned: the reader stays
 * before it and {@link #next()} says false.
 */
public final class OutputJournalReader implements AutoCloseable
{
    static final String OLDER_RELEASE = " (an output journal of an older release: remove the output directory, recovery rebuilds it"
        + " from the input journal)";

    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    /** The unread inputs of the current batch and its transfers, copied out so the documents are released at once. */
    private final Bytes<?> batch = Bytes.allocateElasticDirect(1 << 16);
    private final Bytes<?> transfers = Bytes.allocateElasticDirect(1 << 14);
    private final ExpandableArrayBuffer records = new ExpandableArrayBuffer(4096);
    private int unreadInputs;
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
        if (unreadInputs == 0 && !nextBatch())
        {
            return false;
        }
        unreadInputs--;
        sequence = batch.readLong();
        time = batch.readLong();
        final int documentLength = batch.readInt();
        if (documentLength > batch.readRemaining())
        {
            throw new JournalCorruptException("output of input " + sequence + " runs past the end of its batch");
        }
        final long end = batch.readPosition() + documentLength;
        length = 0;
        while (batch.readPosition() < end)
        {
            final int type = batch.readUnsignedByte();
            final int payload = batch.readUnsignedShort();
            if (batch.readPosition() + payload > end)
            {
                throw new JournalCorruptException("output of input " + sequence + ": a record runs past the end of its document");
            }
            if (type == OutputRecordType.TRANSFER && payload == 0)
            {
                putBackTransfer();
            }
            else
            {
                records.putByte(length, (byte)type);
                records.putShort(length + 1, (short)payload);
                copy(batch, payload);
            }
        }
        return true;
    }

    /** Reads the next outputs document and, if it has transfers, the transfers document after it. */
    private boolean nextBatch()
    {
        final long batchIndex;
        final int inputs;
        final int transferCount;
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return false;
            }
            batchIndex = dc.index();
            final Bytes<?> bytes = dc.wire().bytes();
            final int type = bytes.readUnsignedByte();
            if (type != OutputRecordType.OUTPUTS)
            {
                throw new JournalCorruptException("output journal has a document of type " + type + " at index " +
                    Long.toHexString(batchIndex) + " where a batch's outputs belong" + (type == 0 ? OLDER_RELEASE : ""));
            }
            inputs = bytes.readInt();
            transferCount = bytes.readInt();
            batch.clear();
            batch.write(bytes);
        }
        transfers.clear();
        if (transferCount > 0)
        {
            try (DocumentContext dc = tailer.readingDocument())
            {
                if (!dc.isPresent())
                {
                    // The batch's transfers are not written yet: come back to it.
                    batch.clear();
                    tailer.moveToIndex(batchIndex);
                    return false;
                }
                final Bytes<?> bytes = dc.wire().bytes();
                final long size = bytes.readRemaining();
                if (size != (long)transferCount * TransferCodec.LENGTH || bytes.readUnsignedByte(bytes.readPosition()) != OutputRecordType.TRANSFER)
                {
                    throw new JournalCorruptException("output journal: the batch at index " + Long.toHexString(batchIndex) + " has " +
                        transferCount + " transfers, but the document after it at index " + Long.toHexString(dc.index()) + " holds " + size +
                        " bytes of type " + bytes.readUnsignedByte(bytes.readPosition()));
                }
                transfers.write(bytes);
            }
        }
        unreadInputs = inputs;
        return true;
    }

    private void putBackTransfer()
    {
        if (transfers.readRemaining() < TransferCodec.LENGTH)
        {
            throw new JournalCorruptException("output of input " + sequence + ": a transfer placeholder without its transfer");
        }
        transfers.readSkip(1);
        final int payload = TransferCodec.LENGTH - 1;
        records.putByte(length, (byte)OutputRecordType.TRANSFER);
        records.putShort(length + 1, (short)payload);
        copy(transfers, payload);
    }

    /** Appends {@code payload} bytes from {@code from} to the current record, after its header. */
    private void copy(final Bytes<?> from, final int payload)
    {
        records.checkLimit(length + OutputEncoder.HEADER + payload);
        from.read(records.byteArray(), length + OutputEncoder.HEADER, payload);
        length += OutputEncoder.HEADER + payload;
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
        batch.releaseLast();
        transfers.releaseLast();
    }
}
