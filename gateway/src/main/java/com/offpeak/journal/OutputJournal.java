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
 * Appends the output of each input command as ONE Chronicle document, so a crash never leaves
 * half of a command's events behind: {@code [i64 input sequence][i64 command time][records...]}
 * with records as written by {@link OutputEncoder}. Commands without output write nothing.
 */
public final class OutputJournal implements AutoCloseable
{
    public static final int DOCUMENT_HEADER = 16;

    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;

    public OutputJournal(final Path dataDir)
    {
        // The output is derived from the input journal and rebuilt by recovery, so it never needs an msync.
        queue = Journals.open(dataDir, Journals.OUTPUT, Durability.ASYNC);
        appender = queue.createAppender();
    }

    public void append(final long sequence, final long time, final DirectBuffer records, final int length)
    {
        try (DocumentContext dc = appender.writingDocument())
        {
            final Bytes<?> bytes = dc.wire().bytes();
            bytes.writeLong(sequence);
            bytes.writeLong(time);
            final byte[] array = records.byteArray();
            if (array != null)
            {
                bytes.write(array, (int)records.wrapAdjustment(), length);
            }
            else
            {
                for (int i = 0; i < length; i++)
                {
                    bytes.writeByte(records.getByte(i));
                }
            }
        }
    }

    /** The input sequence of the last document written, or 0 for an empty journal. */
    public long lastSequence()
    {
        try (ExcerptTailer tailer = queue.createTailer().direction(TailerDirection.BACKWARD).toEnd();
             DocumentContext dc = tailer.readingDocument())
        {
            return dc.isPresent() ? dc.wire().bytes().readLong() : 0;
        }
    }

    @Override
    public void close()
    {
        appender.close();
        queue.close();
    }
}
