package com.offpeak.ledger.journal;

import com.offpeak.ledger.transfer.TransferCodec;
import com.offpeak.ledger.transfer.TransferListener;
import com.offpeak.ledger.transfer.TransferReason;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;

/**
 * Appends every transfer as one raw-bytes document ({@link TransferCodec} layout, record type
 * 100) to a Chronicle Queue. The pipeline shares the queue with its other event types; this
 * class is the standalone writer (tests, tools) and the reference for how a transfer is framed.
 * Must be used from the thread that created it (Chronicle appenders are thread-bound).
 */
public final class TransferJournal implements TransferListener, AutoCloseable
{
    private final ExcerptAppender appender;
    /** One record, encoded here and copied into its document whole. */
    private final UnsafeBuffer record = new UnsafeBuffer(new byte[TransferCodec.LENGTH]);

    public TransferJournal(final ChronicleQueue queue)
    {
        this.appender = queue.createAppender();
    }

    /** Opens (or creates) a binary single-file-per-cycle queue in {@code directory}. */
    public static ChronicleQueue openQueue(final Path directory)
    {
        return SingleChronicleQueueBuilder.single(directory.toFile()).build();
    }

    @Override
    public void onTransfer(final long transferId, final long time, final long debitAccount, final long creditAccount, final long amount,
        final TransferReason reason, final long ref, final long leaseId, final long checksum)
    {
        TransferCodec.encode(record, 0, transferId, time, debitAccount, creditAccount, amount, reason, ref, leaseId, checksum);
        try (DocumentContext document = appender.writingDocument())
        {
            document.wire().bytes().write(record.byteArray(), 0, TransferCodec.LENGTH);
        }
    }

    @Override
    public void close()
    {
        appender.close();
    }
}
