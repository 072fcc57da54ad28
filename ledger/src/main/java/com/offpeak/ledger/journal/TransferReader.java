package com.offpeak.ledger.journal;

import com.offpeak.ledger.transfer.TransferCodec;
import com.offpeak.ledger.transfer.TransferRecord;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

/** Walks a journal from its start, handing each transfer record to a visitor and skipping documents of other types. */
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
                    final long length = document.wire().bytes().readRemaining();
                    final TransferCodec.Decoded decoded = TransferCodec.decode(document.wire().bytes(), transfer);
                    final boolean carryOn = switch (decoded)
                    {
                        case TRANSFER -> visitor.onTransfer(transfer);
                        case TRUNCATED -> visitor.onTruncated(length);
                        case OTHER_RECORD -> true;
                    };
                    if (!carryOn)
                    {
                        return;
                    }
                }
            }
        }
    }
}
