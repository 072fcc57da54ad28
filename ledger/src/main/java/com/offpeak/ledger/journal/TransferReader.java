package com.offpeak.ledger.journal;

import com.offpeak.ledger.transfer.TransferCodec;
import com.offpeak.ledger.transfer.TransferRecord;
import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Walks a journal from its start, handing each transfer record to a visitor and skipping documents
 * of other types. A transfers document holds one or more records back to back (the exchange's
 * output journal writes one per batch).
 */
final class TransferReader
{
    interface Visitor
    {
        /** @return false to stop reading */
        boolean onTransfer(TransferRecord transfer);

        /** A type-100 document shorter than a transfer record. @return false to stop reading */
        boolean onTruncated(long documentLength);
    }

    private TransferReader()
    {
    }

    static void read(final ChronicleQueue queue, final Visitor visitor)
    {
        final TransferRecord transfer = new TransferRecord();
        try (ExcerptTailer tailer = queue.createTailer())
        {
            while (true)
            {
                try (DocumentContext document = tailer.readingDocument())
                {
                    if (!document.isPresent())
                    {
                        return;
                    }
                    if (!readDocument(document.wire().bytes(), transfer, visitor))
                    {
                        return;
                    }
                }
            }
        }
    }

    /** The transfers of one document, back to back; false if the visitor stopped. A document of another type is skipped. */
    private static boolean readDocument(final BytesIn<?> bytes, final TransferRecord transfer, final Visitor visitor)
    {
        final long length = bytes.readRemaining();
        boolean first = true;
        while (bytes.readRemaining() > 0)
        {
            final TransferCodec.Decoded decoded = TransferCodec.decode(bytes, transfer);
            final boolean carryOn = switch (decoded)
            {
                case TRANSFER -> visitor.onTransfer(transfer);
                case TRUNCATED -> visitor.onTruncated(length);
                // Another record type: a document of another kind, or, after a transfer, a corrupt one.
                case OTHER_RECORD -> first || visitor.onTruncated(length);
            };
            if (!carryOn || decoded != TransferCodec.Decoded.TRANSFER)
            {
                return carryOn;
            }
            first = false;
        }
        return true;
    }
}
