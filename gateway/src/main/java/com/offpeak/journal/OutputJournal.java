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
 * The output journal: one Chronicle document per record, each starting with its 1-byte record
 * type (so the ledger's tools read its transfer documents, type 100, as they are). The records of
 * one input follow an {@link OutputRecordType#INPUT} document {@code [0][i64 sequence][i64 time]};
 * inputs without output write nothing. A record document is the in-memory record
 * ({@link OutputEncoder}) without its 2-byte length: {@code [type][payload]}.
 *
 * <p>A crash can cut an input's run of records short; recovery then appends the missing tail
 * ({@link #appendFrom}), which replay reproduces byte for byte.
 */
public final class OutputJournal implements AutoCloseable
{
    /** Sequence, time and how many records follow the last INPUT document. */
    public record Tail(long sequence, long time, int records)
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

    /** Appends the INPUT document and every record of {@code records[0, length)}. */
    public void append(final long sequence, final long time, final DirectBuffer records, final int length)
    {
        try (DocumentContext dc = appender.writingDocument())
        {
            final Bytes<?> bytes = dc.wire().bytes();
            bytes.writeByte((byte)OutputRecordType.INPUT);
            bytes.writeLong(sequence);
            bytes.writeLong(time);
        }
        appendFrom(records, length, 0);
    }

    /**
     * Appends the records of {@code records[0, length)} after the first {@code skip} of them (recovery of
     * a cut run); returns how many it appended.
     */
    public int appendFrom(final DirectBuffer records, final int length, final int skip)
    {
        int position = 0;
        int index = 0;
        while (position < length)
        {
            final int payload = records.getShort(position + 1) & 0xFFFF;
            if (index++ >= skip)
            {
                try (DocumentContext dc = appender.writingDocument())
                {
                    final Bytes<?> bytes = dc.wire().bytes();
                    bytes.writeByte(records.getByte(position));
                    write(bytes, records, position + OutputEncoder.HEADER, payload);
                }
            }
            position += OutputEncoder.HEADER + payload;
        }
        return Math.max(0, index - skip);
    }

    /** Where the journal ends: the last INPUT document and how many records follow it (all zero when empty). */
    public Tail tail()
    {
        try (ExcerptTailer tailer = queue.createTailer().direction(TailerDirection.BACKWARD).toEnd())
        {
            int records = 0;
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        return new Tail(0, 0, records);
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    if (bytes.readUnsignedByte() == OutputRecordType.INPUT)
                    {
                        return new Tail(bytes.readLong(), bytes.readLong(), records);
                    }
                    records++;
                }
            }
        }
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
