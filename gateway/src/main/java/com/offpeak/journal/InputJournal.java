package com.offpeak.journal;

import com.offpeak.pipeline.InputCommand;
import java.nio.file.Path;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Appends sequenced inputs to the input journal, the system of record: one {@link InputCodec}
 * record per Chronicle document. Single writer thread.
 */
public final class InputJournal implements AutoCloseable
{
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final Durability durability;
    private long syncs;

    public InputJournal(final Path dataDir, final Durability durability)
    {
        this.durability = durability;
        queue = Journals.open(dataDir, Journals.INPUT, durability);
        appender = queue.createAppender();
        // Created here, used only by the publisher's thread from then on.
        appender.singleThreadedCheckDisabled(true);
    }

    /** Appends one record and returns its journal index. */
    public long append(final InputCommand input)
    {
        try (DocumentContext dc = appender.writingDocument())
        {
            InputCodec.encode(input, dc.wire().bytes());
        }
        return appender.lastIndexAppended();
    }

    /** End of a batch: under {@link Durability#SYNC} forces everything appended so far to disk. */
    public void commit()
    {
        if (durability == Durability.SYNC)
        {
            appender.sync();
            syncs++;
        }
    }

    /** How many msyncs {@link #commit()} issued; read by tests from the writer thread's side after it stopped. */
    public long syncs()
    {
        return syncs;
    }

    @Override
    public void close()
    {
        appender.close();
        queue.close();
    }
}
