package com.offpeak.journal;

import com.offpeak.pipeline.InputCommand;
import java.io.File;
import java.nio.file.Path;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Appends sequenced inputs to the input journal, the system of record: {@link InputCodec} records,
 * up to {@link #MAX_RECORDS_PER_DOCUMENT} of them back to back in one Chronicle document. Single
 * writer thread.
 *
 * <p>Why documents of many records: every Chronicle append takes the queue's write lock, writes a
 * header and updates the index, which costs several times more than copying a 92-byte record. The
 * pipeline adds a ring batch's inputs (at most {@value #MAX_RECORDS_PER_DOCUMENT} at a time) and
 * commits them as one document, so that cost, and under SYNC the msync, is paid once per batch.
 */
public final class InputJournal implements AutoCloseable
{
    /** Bounds a document to about 24 KB (38 KB if every record is a bid with three substitutes) whatever the ring batch size. */
    public static final int MAX_RECORDS_PER_DOCUMENT = 256;

    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final Durability durability;
    private final Pretoucher.Frontier frontier;
    private final WriterMapping mapping;
    /** The records of the document being filled; writing it out is one memory copy. */
    private final UnsafeBuffer pending = new UnsafeBuffer(new byte[MAX_RECORDS_PER_DOCUMENT * InputCodec.MAX_LENGTH]);
    private int pendingRecords;
    private int pendingBytes;
    private long syncs;

    public InputJournal(final Path dataDir, final Durability durability)
    {
        this(dataDir, durability, Pretoucher.Frontier.UNTRACKED);
    }

    /** {@code frontier}: advanced after each commit, so a {@link Pretoucher} pages the file in ahead of this writer. */
    public InputJournal(final Path dataDir, final Durability durability, final Pretoucher.Frontier frontier)
    {
        this.durability = durability;
        this.frontier = frontier;
        this.mapping = new WriterMapping(frontier);
        queue = Journals.open(dataDir, Journals.INPUT, durability);
        appender = queue.createAppender();
        // Created here, used from then on by whichever thread runs the publish stage, one at a time.
        appender.singleThreadedCheckDisabled(true);
    }

    /** Adds one record to the pending document, which must not be {@link #isFull full}. */
    public void add(final InputCommand input)
    {
        if (pendingRecords == MAX_RECORDS_PER_DOCUMENT)
        {
            throw new IllegalStateException("the pending document is full: commit it first");
        }
        pendingBytes += InputCodec.encode(input, pending, pendingBytes);
        pendingRecords++;
    }

    /** The pending document holds {@link #MAX_RECORDS_PER_DOCUMENT} records: commit it before adding more. */
    public boolean isFull()
    {
        return pendingRecords == MAX_RECORDS_PER_DOCUMENT;
    }

    /**
     * Appends the pending records as one document, then under {@link Durability#SYNC} forces
     * everything appended so far to disk (group commit: one msync for the whole document). Returns
     * the document's journal index; -1, syncing nothing, if nothing was pending.
     */
    public long commit()
    {
        if (pendingRecords == 0)
        {
            return -1;
        }
        try (DocumentContext dc = appender.writingDocument())
        {
            final Bytes<?> bytes = dc.wire().bytes();
            bytes.write(pending.byteArray(), 0, pendingBytes);
            final File file = appender.currentFile();
            mapping.writingThrough(bytes, file);
            frontier.advance(file, bytes.writePosition());
        }
        pendingRecords = 0;
        pendingBytes = 0;
        if (durability == Durability.SYNC)
        {
            appender.sync();
            syncs++;
        }
        return appender.lastIndexAppended();
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
