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
 * The output journal, written per batch of inputs: an outputs document
 * {@code [u8 OUTPUTS (40)][i32 inputs][i32 transfers]} followed, per input that had output, by
 * {@code [i64 sequence][i64 time][i32 length][records]} — the records in the in-memory format of
 * {@link OutputEncoder} ({@code [type][u16 length][payload]}) with one exception: a ledger transfer
 * leaves an empty placeholder {@code [100][0]} where it belongs, and the batch's transfers follow
 * in a transfers document of their own, {@code [100][payload]} each, back to back in record order,
 * so that the ledger's tools ({@code LedgerVerifier}, {@code StatementExporter}) read them as they
 * are. A batch without transfers has no transfers document; inputs without output write nothing.
 *
 * <p>Why per batch: every Chronicle append takes the queue's write lock, writes a header and
 * updates the index, which costs more than the bytes of a typical input's output. The publisher
 * {@link #add}s a chunk's outputs and {@link #commit}s them as two documents at most.
 *
 * <p>A crash can stop between a batch's two documents; recovery writes the missing transfers
 * document ({@link #addTransfers}, then {@link #commit}), which replay reproduces byte for byte.
 * Single writer thread.
 */
public final class OutputJournal implements AutoCloseable
{

    /**
     * Where the journal ends: the last input with output (all zero when empty) and, if the process
     * died between a batch's outputs and its transfers, the first input of that batch (else 0).
     */
    public record Tail(long sequence, long time, long transfersMissingFrom)
    {
    }

    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final Pretoucher.Frontier frontier;
    private final WriterMapping mapping;
    private final Bytes<?> outputs = Bytes.allocateElasticDirect(1 << 16);
    private final Bytes<?> transfers = Bytes.allocateElasticDirect(1 << 14);
    private int pendingInputs;
    private int pendingTransfers;

    public OutputJournal(final Path dataDir)
    {
        this(dataDir, Pretoucher.Frontier.UNTRACKED);
    }

    /** {@code frontier}: advanced after each commit, so a {@link Pretoucher} pages the file in ahead of this writer. */
    public OutputJournal(final Path dataDir, final Pretoucher.Frontier frontier)
    {
        this.frontier = frontier;
        this.mapping = new WriterMapping(frontier);
        // The output is derived from the input journal and rebuilt by recovery, so it never needs an msync.
        queue = Journals.open(dataDir, Journals.OUTPUT, Durability.ASYNC);
        appender = queue.createAppender();
        // Created here, used by recovery and then by whichever thread runs the publish stage: one
        // at a time, handed over with a happens-before (the pipeline's stage hold).
        appender.singleThreadedCheckDisabled(true);
        outputs.singleThreadedCheckDisabled(true);
        transfers.singleThreadedCheckDisabled(true);
    }

    /** Adds input {@code sequence}'s records {@code records[0, length)} to the pending batch; nothing if there are none. */
    public void add(final long sequence, final long time, final DirectBuffer records, final int length)
    {
        if (length == 0)
        {
            return;
        }
        outputs.writeLong(sequence);
        outputs.writeLong(time);
        final long lengthAt = outputs.writePosition();
        outputs.writeInt(0);
        // Runs of records between transfers are copied as they are; a transfer leaves its placeholder.
        int runStart = 0;
        int position = 0;
        while (position < length)
        {
            final int payload = payloadLength(records, position);
            final int next = position + OutputEncoder.HEADER + payload;
            if (records.getByte(position) == OutputRecordType.TRANSFER)
            {
                write(outputs, records, runStart, position - runStart);
                outputs.writeByte((byte)OutputRecordType.TRANSFER);
                outputs.writeShort((short)0);
                addTransfer(records, position, payload);
                runStart = next;
            }
            position = next;
        }
        write(outputs, records, runStart, length - runStart);
        outputs.writeInt(lengthAt, (int)(outputs.writePosition() - lengthAt - Integer.BYTES));
        pendingInputs++;
    }

    /** Recovery of a batch cut short: adds only the transfers of {@code records[0, length)}. */
    public void addTransfers(final DirectBuffer records, final int length)
    {
        int position = 0;
        while (position < length)
        {
            final int payload = payloadLength(records, position);
            if (records.getByte(position) == OutputRecordType.TRANSFER)
            {
                addTransfer(records, position, payload);
            }
            position += OutputEncoder.HEADER + payload;
        }
    }

    /** Inputs added since the last {@link #commit}. */
    public int pendingInputs()
    {
        return pendingInputs;
    }

    /** Writes the pending batch: its outputs document if it has inputs, then its transfers document if it has transfers. */
    public void commit()
    {
        long writtenTo = -1;
        if (pendingInputs > 0)
        {
            try (DocumentContext dc = appender.writingDocument())
            {
                final Bytes<?> bytes = dc.wire().bytes();
                bytes.writeByte((byte)OutputRecordType.OUTPUTS);
                bytes.writeInt(pendingInputs);
                bytes.writeInt(pendingTransfers);
                bytes.write(outputs, outputs.readPosition(), outputs.readRemaining());
                mapping.writingThrough(bytes, appender.currentFile());
                writtenTo = bytes.writePosition();
            }
        }
        if (pendingTransfers > 0)
        {
            try (DocumentContext dc = appender.writingDocument())
            {
                final Bytes<?> bytes = dc.wire().bytes();
                bytes.write(transfers, transfers.readPosition(), transfers.readRemaining());
                mapping.writingThrough(bytes, appender.currentFile());
                writtenTo = bytes.writePosition();
            }
        }
        if (writtenTo >= 0)
        {
            frontier.advance(appender.currentFile(), writtenTo); // once per batch: where its last document ends
        }
        outputs.clear();
        transfers.clear();
        pendingInputs = 0;
        pendingTransfers = 0;
    }

    /** Where the journal ends; see {@link Tail}. */
    public Tail tail()
    {
        try (ExcerptTailer tailer = queue.createTailer().direction(TailerDirection.BACKWARD).toEnd())
        {
            boolean transfersFollow = false;
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        return new Tail(0, 0, 0);
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    final int type = bytes.readUnsignedByte();
                    if (type == OutputRecordType.TRANSFER && !transfersFollow)
                    {
                        transfersFollow = true;
                        continue;
                    }
                    if (type != OutputRecordType.OUTPUTS)
                    {
                        throw new JournalCorruptException("output journal ends with a document of type " + type + " at index " +
                            Long.toHexString(dc.index()) + " where a batch's outputs belong" + (type == 0 ? OutputJournalReader.OLDER_RELEASE : ""));
                    }
                    return lastInput(bytes, transfersFollow);
                }
            }
        }
    }

    private static Tail lastInput(final Bytes<?> document, final boolean transfersFollow)
    {
        final int inputs = document.readInt();
        final int transferCount = document.readInt();
        long first = 0;
        long sequence = 0;
        long time = 0;
        for (int i = 0; i < inputs; i++)
        {
            sequence = document.readLong();
            time = document.readLong();
            document.readSkip(document.readInt());
            first = i == 0 ? sequence : first;
        }
        return new Tail(sequence, time, transferCount > 0 && !transfersFollow ? first : 0);
    }

    private void addTransfer(final DirectBuffer records, final int position, final int payload)
    {
        transfers.writeByte((byte)OutputRecordType.TRANSFER);
        write(transfers, records, position + OutputEncoder.HEADER, payload);
        pendingTransfers++;
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
        outputs.releaseLast();
        transfers.releaseLast();
    }
}
