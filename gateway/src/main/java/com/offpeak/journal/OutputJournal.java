package com.offpeak.journal;

import java.nio.file.Path;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;

/**
 * The output journal: one Chronicle document per input that had output,
 * {@code [0 INPUT][i64 sequence][i64 time][records]}, the records in the in-memory format of
 * {@link OutputEncoder} ({@code [type][u16 length][payload]}) — with one exception: a ledger
 * transfer is journaled as a document of its own, right after the input's document and in record
 * order, so that the ledger's tools ({@code LedgerVerifier}, {@code StatementExporter}) read the
 * transfers as they are; inside the input's document it leaves an empty placeholder
 * {@code [100][0]} where it belongs. Inputs without output write nothing.
 *
 * <p>Why one document per input and not one per record: every Chronicle append pays a write lock,
 * a header and an index lookup, which cost more than the bytes of a typical record; an input has
 * about five records, so this cuts the output journal's cost per input by more than half.
 *
 * <p>A crash can stop after the input's document but before all its transfers; recovery appends
 * the missing ones ({@link #appendTransfers}), which replay reproduces byte for byte.
 */
public final class OutputJournal implements AutoCloseable
{
    /** Sequence and time of the last input document, and how many transfer documents follow it (all zero when empty). */
    public record Tail(long sequence, long time, int transfers)
    {
    }

    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;

    public OutputJournal(final Path dataDir)
    {
        // The output is derived from the input journal and rebuilt by recovery, so it never needs an msync.
        queue = Journals.open(dataDir, Journals.OUTPUT, Durability.ASYNC);
        appender = queue.createAppender();
        // Created here, used by recovery and then only by the publisher's thread.
        appender.singleThreadedCheckDisabled(true);
    }

    /** Appends the input's document for the records of {@code records[0, length)}, then its transfer documents. */
    public void append(final long sequence, final long time, final DirectBuffer records, final int length)
    {
        int transfers = 0;
        try (DocumentContext dc = appender.writingDocument())
        {
            final Bytes<?> bytes = dc.wire().bytes();
            bytes.writeByte((byte)OutputRecordType.INPUT);
            bytes.writeLong(sequence);
            bytes.writeLong(time);
            // Runs of records between transfers are copied as they are; a transfer leaves its placeholder.
            int runStart = 0;
            int position = 0;
            while (position < length)
            {
                final int next = position + OutputEncoder.HEADER + payloadLength(records, position);
                if (records.getByte(position) == OutputRecordType.TRANSFER)
                {
                    write(bytes, records, runStart, position - runStart);
                    bytes.writeByte((byte)OutputRecordType.TRANSFER);
                    bytes.writeShort((short)0);
                    runStart = next;
                    transfers++;
                }
                position = next;
            }
            write(bytes, records, runStart, length - runStart);
        }
        if (transfers > 0)
        {
            appendTransfers(records, length, 0);
        }
    }

    /**
     * Appends the transfer documents of {@code records[0, length)} after the first {@code skip} of them
     * (recovery of a run cut short); returns how many it appended.
     */
    public int appendTransfers(final DirectBuffer records, final int length, final int skip)
    {
        int position = 0;
        int index = 0;
        while (position < length)
        {
            final int payload = payloadLength(records, position);
            if (records.getByte(position) == OutputRecordType.TRANSFER && index++ >= skip)
            {
                try (DocumentContext dc = appender.writingDocument())
                {
                    final Bytes<?> bytes = dc.wire().bytes();
                    bytes.writeByte((byte)OutputRecordType.TRANSFER);
                    write(bytes, records, position + OutputEncoder.HEADER, payload);
                }
            }
            position += OutputEncoder.HEADER + payload;
        }
        return Math.max(0, index - skip);
    }

    /** Where the journal ends: the last input document and how many transfer documents follow it. */
    public Tail tail()
    {
        try (ExcerptTailer tailer = queue.createTailer().direction(TailerDirection.BACKWARD).toEnd())
        {
            int transfers = 0;
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        return new Tail(0, 0, transfers);
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    if (bytes.readUnsignedByte() == OutputRecordType.INPUT)
                    {
                        return new Tail(bytes.readLong(), bytes.readLong(), transfers);
                    }
                    transfers++;
                }
            }
        }
    }

    private static int payloadLength(final DirectBuffer records, final int position)
    {
        return records.getShort(position + 1) & 0xFFFF;
    }

    private static void write(final Bytes<?> bytes, final DirectBuffer source, final int offset, final int length)
    {
        final byte[] array = source.byteArray();
        if (array != null)
        {
            bytes.write(array, source.wrapAdjustment() + offset, length);
        }
        else
        {
            for (int i = 0; i < length; i++)
            {
                bytes.writeByte(source.getByte(offset + i));
            }
        }
    }

    @Override
    public void close()
    {
        appender.close();
        queue.close();
    }
}
