package com.offpeak.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.offpeak.engine.Side;
import com.offpeak.ledger.transfer.TransferCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One outputs document per batch, its transfers in a document of their own: read back byte for byte, cut batches completed. */
class OutputJournalTest
{
    private static final int TRANSFER_PAYLOAD = TransferCodec.LENGTH - 1;

    @TempDir
    Path data;

    private final ExpandableArrayBuffer output = new ExpandableArrayBuffer(1024);

    @Test
    void anInputsRecordsReadBackAsTheyWereEncodedWithTheTransfersInTheirPlaces()
    {
        final int length = encodeEventsAndTransfers();
        final int secondLength;
        final ExpandableArrayBuffer second = new ExpandableArrayBuffer(64);
        try (OutputJournal journal = new OutputJournal(data))
        {
            journal.add(1, 1_000, output, length);
            final OutputEncoder encoder = new OutputEncoder().wrap(second);
            encoder.snapshotTaken(1_001, 2);
            secondLength = encoder.length();
            journal.add(2, 1_001, second, secondLength);
            journal.add(3, 1_001, second, 0); // no output: nothing written
            journal.commit();
            journal.add(4, 1_002, second, secondLength); // a batch without transfers has no transfers document
            journal.commit();
        }

        try (OutputJournalReader reader = new OutputJournalReader(data))
        {
            assertThat(reader.next()).isTrue();
            assertThat(reader.sequence()).isEqualTo(1);
            assertThat(reader.time()).isEqualTo(1_000);
            assertThat(bytes(reader.records(), reader.length())).isEqualTo(bytes(output, length));
            assertThat(reader.next()).isTrue();
            assertThat(reader.sequence()).isEqualTo(2);
            assertThat(bytes(reader.records(), reader.length())).isEqualTo(bytes(second, secondLength));
            assertThat(reader.next()).isTrue();
            assertThat(reader.sequence()).isEqualTo(4);
            assertThat(reader.time()).isEqualTo(1_002);
            assertThat(bytes(reader.records(), reader.length())).isEqualTo(bytes(second, secondLength));
            assertThat(reader.next()).isFalse();
        }
    }

    @Test
    void theBatchsTransfersFollowItsOutputsInADocumentOfTheirOwn()
    {
        final int length = encodeEventsAndTransfers();
        try (OutputJournal journal = new OutputJournal(data))
        {
            journal.add(1, 1_000, output, length);
            journal.add(2, 1_000, output, length);
            journal.commit();
        }
        try (SingleChronicleQueue queue = Journals.openReadOnly(data, Journals.OUTPUT);
             ExcerptTailer tailer = queue.createTailer())
        {
            assertThat(documentTypes(tailer)).containsExactly(OutputRecordType.OUTPUTS, OutputRecordType.TRANSFER);
        }
        try (SingleChronicleQueue queue = Journals.openReadOnly(data, Journals.OUTPUT);
             ExcerptTailer tailer = queue.createTailer())
        {
            tailer.readingDocument().close(); // the outputs
            try (DocumentContext dc = tailer.readingDocument())
            {
                assertThat(dc.wire().bytes().readRemaining()).as("four transfers in the ledger's layout").isEqualTo(4L * TransferCodec.LENGTH);
            }
        }
    }

    @Test
    void aBatchCutBeforeItsTransfersIsHeldBackThenCompletedByRecovery()
    {
        final int length = encodeEventsAndTransfers();
        try (OutputJournal journal = new OutputJournal(data))
        {
            journal.add(1, 1_000, output, length);
            journal.commit();
            journal.add(2, 1_001, output, length);
            journal.add(3, 1_002, output, length);
            journal.commit();
        }
        final Path cut = data.resolve("cut");
        copyDocuments(data, cut, 3); // the first batch and the second's outputs: a crash before its transfers

        try (OutputJournal journal = new OutputJournal(cut);
             OutputJournalReader reader = new OutputJournalReader(cut))
        {
            assertThat(journal.tail()).isEqualTo(new OutputJournal.Tail(3, 1_002, 2));
            assertThat(reader.next()).isTrue();
            assertThat(reader.sequence()).isEqualTo(1);
            assertThat(reader.next()).as("a batch whose transfers are missing is not returned").isFalse();

            journal.addTransfers(output, length);
            journal.addTransfers(output, length);
            journal.commit();
            assertThat(journal.tail()).isEqualTo(new OutputJournal.Tail(3, 1_002, 0));
            for (long sequence = 2; sequence <= 3; sequence++)
            {
                assertThat(reader.next()).isTrue();
                assertThat(reader.sequence()).isEqualTo(sequence);
                assertThat(bytes(reader.records(), reader.length())).isEqualTo(bytes(output, length));
            }
            assertThat(reader.next()).isFalse();
        }
        try (OutputJournal journal = new OutputJournal(data.resolve("empty")))
        {
            assertThat(journal.tail()).isEqualTo(new OutputJournal.Tail(0, 0, 0));
        }
    }

    @Test
    void anOutputJournalOfAnOlderReleaseIsRefusedWithAClearError()
    {
        try (SingleChronicleQueue queue = Journals.open(data, Journals.OUTPUT, Durability.ASYNC);
             ExcerptAppender appender = queue.createAppender();
             DocumentContext dc = appender.writingDocument())
        {
            dc.wire().bytes().writeByte((byte)0).writeLong(1).writeLong(0);
        }
        try (OutputJournalReader reader = new OutputJournalReader(data))
        {
            assertThatThrownBy(reader::next).isInstanceOf(JournalCorruptException.class).hasMessageContaining("older release");
        }
    }

    @Test
    void aRecordRunningPastItsDocumentIsReportedAsCorrupt()
    {
        try (SingleChronicleQueue queue = Journals.open(data, Journals.OUTPUT, Durability.ASYNC);
             ExcerptAppender appender = queue.createAppender();
             DocumentContext dc = appender.writingDocument())
        {
            dc.wire().bytes().writeByte((byte)OutputRecordType.OUTPUTS).writeInt(1).writeInt(0).writeLong(1).writeLong(0).writeInt(11)
                .writeByte((byte)OutputRecordType.ACCEPTED).writeShort((short)50).writeLong(7);
        }
        try (OutputJournalReader reader = new OutputJournalReader(data))
        {
            assertThatThrownBy(reader::next).isInstanceOf(JournalCorruptException.class).hasMessageContaining("runs past");
        }
    }

    /** accepted, transfer, fill, transfer, bookChanged: transfers in the middle and at the end of the run. */
    private int encodeEventsAndTransfers()
    {
        final OutputEncoder encoder = new OutputEncoder().wrap(output);
        encoder.accepted(1_000, 7, 70, 11, Side.BID, 0, 8, 2_000_000);
        encoder.buffer().putBytes(encoder.reserve(OutputRecordType.TRANSFER, TRANSFER_PAYLOAD), transferPayload(1), 0, TRANSFER_PAYLOAD);
        encoder.fill(1_000, 0, 5, 11, 3, 7, 9, 8, 60, 2_000_000, Side.ASK, 0);
        encoder.buffer().putBytes(encoder.reserve(OutputRecordType.TRANSFER, TRANSFER_PAYLOAD), transferPayload(2), 0, TRANSFER_PAYLOAD);
        encoder.bookChanged(1_000, 0, Side.ASK, 2_000_000, 0, 0);
        return encoder.length();
    }

    private static UnsafeBuffer transferPayload(final int seed)
    {
        final UnsafeBuffer payload = new UnsafeBuffer(new byte[TRANSFER_PAYLOAD]);
        for (int i = 0; i < TRANSFER_PAYLOAD; i++)
        {
            payload.putByte(i, (byte)(seed * 31 + i));
        }
        return payload;
    }

    private static void copyDocuments(final Path from, final Path to, final int documents)
    {
        try (SingleChronicleQueue source = Journals.openReadOnly(from, Journals.OUTPUT);
             ExcerptTailer tailer = source.createTailer();
             SingleChronicleQueue target = Journals.open(to, Journals.OUTPUT, Durability.ASYNC);
             ExcerptAppender appender = target.createAppender())
        {
            for (int i = 0; i < documents; i++)
            {
                try (DocumentContext in = tailer.readingDocument();
                     DocumentContext out = appender.writingDocument())
                {
                    out.wire().bytes().write(in.wire().bytes());
                }
            }
        }
    }

    private static List<Integer> documentTypes(final ExcerptTailer tailer)
    {
        final List<Integer> types = new ArrayList<>();
        while (true)
        {
            try (DocumentContext dc = tailer.readingDocument())
            {
                if (!dc.isPresent())
                {
                    return types;
                }
                final Bytes<?> bytes = dc.wire().bytes();
                types.add(bytes.readUnsignedByte());
            }
        }
    }

    private static byte[] bytes(final DirectBuffer buffer, final int length)
    {
        final byte[] copy = new byte[length];
        buffer.getBytes(0, copy);
        return copy;
    }
}
