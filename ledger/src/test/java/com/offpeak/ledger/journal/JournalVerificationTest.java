package com.offpeak.ledger.journal;

import com.offpeak.ledger.Ledger;
import com.offpeak.ledger.LedgerConfig;
import com.offpeak.ledger.LedgerResult;
import com.offpeak.ledger.MakerSide;
import com.offpeak.ledger.account.AccountId;
import com.offpeak.ledger.account.AccountKind;
import com.offpeak.ledger.money.MicroUsd;
import com.offpeak.ledger.transfer.TransferChecksum;
import com.offpeak.ledger.transfer.TransferCodec;
import com.offpeak.ledger.transfer.TransferReason;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Chronicle Queue journal written by the ledger, interleaved with documents of other record
 * types (as the pipeline's shared output journal is), verified clean and then tampered with.
 */
class JournalVerificationTest
{
    private static final long T0 = 1_780_000_000_000L;
    private static final long MINUTE = 60_000L;
    private static final long ALICE = 7;
    private static final long BOB = 9;
    private static final long TAMPERED = 120;

    @TempDir
    Path temp;
    private Path journalDir;
    private Ledger ledger;

    @BeforeEach
    void writeJournal()
    {
        journalDir = temp.resolve("journal");
        try (ChronicleQueue queue = TransferJournal.openQueue(journalDir); TransferJournal journal = new TransferJournal(queue))
        {
            ledger = new Ledger(new LedgerConfig(10, 25), journal);
            final ExcerptAppender others = queue.createAppender();
            ledger.deposit(T0, 1, ALICE, 900_000_000);
            ledger.deposit(T0, 2, BOB, 900_000_000);
            for (int round = 1; round <= 40; round++)
            {
                final long now = T0 + round * MINUTE;
                final long buyer = round % 2 == 0 ? ALICE : BOB;
                final long owner = buyer == ALICE ? BOB : ALICE;
                assertThat(ledger.holdBid(now, round, buyer, 2_100_000, 8, 90)).isEqualTo(LedgerResult.OK);
                writeOtherRecord(others, round);
                ledger.fill(now, round, 2L * round, buyer, owner, 2_000_000, 3, 90, MakerSide.OWNER, now + 90 * MINUTE);
                ledger.fill(now, round, 2L * round + 1, buyer, owner, 1_950_000, 5, 90, MakerSide.BUYER, now + 90 * MINUTE);
                ledger.releaseHold(now, round);
                ledger.leaseEnded(now, 2L * round, now + (round % 90) * MINUTE + 1);
                ledger.leaseEnded(now, 2L * round + 1, now + 90 * MINUTE);
            }
            ledger.withdraw(T0 + 41 * MINUTE, 3, ALICE, 100_000_000);
            others.close();
        }
        assertThat(ledger.lastTransferId()).isGreaterThan(TAMPERED + 10);
    }

    /** An engine event in the shared journal: record type 4 (a fill), which the ledger's readers must skip. */
    private static void writeOtherRecord(final ExcerptAppender appender, final long value)
    {
        try (DocumentContext document = appender.writingDocument())
        {
            document.wire().bytes().writeByte((byte)4).writeLong(value).writeLong(value * 31);
        }
    }

    private Verification verify(final Path dir, final boolean againstLiveHead)
    {
        try (ChronicleQueue queue = TransferJournal.openQueue(dir))
        {
            return againstLiveHead ? LedgerVerifier.verify(queue, ledger.lastTransferId(), ledger.lastChecksum()) :
                LedgerVerifier.verify(queue);
        }
    }

    @Test
    void untouchedJournalVerifiesAndReDerivesEveryBalance()
    {
        final Verification verification = verify(journalDir, true);

        assertThat(verification.ok()).as(verification.toString()).isTrue();
        assertThat(verification.lastTransferId()).isEqualTo(ledger.lastTransferId());
        assertThat(verification.lastChecksum()).isEqualTo(ledger.lastChecksum());
        for (final long participant : new long[] {ALICE, BOB})
        {
            for (final AccountKind kind : new AccountKind[] {AccountKind.AVAILABLE, AccountKind.HELD})
            {
                assertThat(verification.balance(AccountId.of(participant, kind))).isEqualTo(ledger.balance(participant, kind));
            }
        }
        assertThat(verification.balance(AccountId.ESCROW)).isEqualTo(ledger.escrowTotal()).isZero();
        assertThat(verification.balance(AccountId.FEES)).isEqualTo(ledger.feesTotal()).isPositive();
        assertThat(verification.balance(AccountId.EXTERNAL)).isEqualTo(ledger.externalBalance()).isEqualTo(-1_700_000_000L);
    }

    @Test
    void amountEditedInTheQueueFileIsReportedAtThatTransfer() throws IOException
    {
        rewriteAmountInPlace(TAMPERED, 1);

        final Verification verification = verify(journalDir, true);

        assertThat(verification.ok()).isFalse();
        assertThat(verification.transferId()).isEqualTo(TAMPERED);
        assertThat(verification.message()).contains("checksum mismatch");
    }

    @Test
    void deletedRecordInTheMiddleIsReportedAtTheMissingId() throws IOException
    {
        final Path copy = copyJournal(records -> records.remove(indexOfTransfer(records, TAMPERED)));

        final Verification verification = verify(copy, true);

        assertThat(verification.transferId()).isEqualTo(TAMPERED);
        assertThat(verification.message()).contains("expected transfer " + TAMPERED + " next but found " + (TAMPERED + 1));
    }

    @Test
    void swappedRecordsAreReportedAtTheFirstOutOfPlace() throws IOException
    {
        final Path copy = copyJournal(records -> Collections.swap(records, indexOfTransfer(records, TAMPERED),
            indexOfTransfer(records, TAMPERED + 1)));

        final Verification verification = verify(copy, true);

        assertThat(verification.transferId()).isEqualTo(TAMPERED);
        assertThat(verification.message()).contains("found " + (TAMPERED + 1));
    }

    @Test
    void tailCutAtARecordBoundaryIsReportedAgainstTheExpectedHead() throws IOException
    {
        final long keep = ledger.lastTransferId() - 5;
        final Path copy = copyJournal(records -> records.subList(indexOfTransfer(records, keep + 1), records.size()).clear());

        assertThat(verify(copy, false).ok()).as("a clean prefix on its own").isTrue();
        final Verification verification = verify(copy, true);

        assertThat(verification.ok()).isFalse();
        assertThat(verification.transferId()).isEqualTo(keep + 1);
        assertThat(verification.message()).contains("tail is missing");
    }

    @Test
    void partlyWrittenLastRecordIsReportedAsCutShort() throws IOException
    {
        final Path copy = copyJournal(records ->
        {
            final byte[] last = records.get(indexOfTransfer(records, ledger.lastTransferId()));
            records.add(java.util.Arrays.copyOf(last, 30));
        });

        final Verification verification = verify(copy, false);

        assertThat(verification.ok()).isFalse();
        assertThat(verification.transferId()).isEqualTo(ledger.lastTransferId() + 1);
        assertThat(verification.message()).contains("cut short: 30 of 66 bytes");
    }

    @Test
    void transfersGroupedSeveralToADocumentVerifyTheSame() throws IOException
    {
        final Verification verification = verify(copyJournal(JournalVerificationTest::groupTransfersByThree), true);
        assertThat(verification.ok()).as(verification.toString()).isTrue();
        assertThat(verification.balance(AccountId.FEES)).isEqualTo(ledger.feesTotal());
    }

    @Test
    void aCutLastRecordInADocumentOfSeveralTransfersIsCaught() throws IOException
    {
        final Path cut = copyJournal(records ->
        {
            groupTransfersByThree(records);
            final int last = records.size() - 1;
            records.set(last, Arrays.copyOf(records.get(last), records.get(last).length - 36));
        });
        final Verification cutShort = verify(cut, false);
        assertThat(cutShort.ok()).isFalse();
        assertThat(cutShort.message()).contains("cut short");
    }

    /** Runs of consecutive transfer documents become documents of up to three transfers each, as the exchange writes them. */
    private static void groupTransfersByThree(final List<byte[]> documents)
    {
        final List<byte[]> grouped = new ArrayList<>();
        byte[] group = new byte[0];
        for (final byte[] document : documents)
        {
            if (document.length == TransferCodec.LENGTH && document[0] == TransferCodec.RECORD_TYPE && group.length < 3 * TransferCodec.LENGTH)
            {
                final byte[] longer = Arrays.copyOf(group, group.length + document.length);
                System.arraycopy(document, 0, longer, group.length, document.length);
                group = longer;
                continue;
            }
            if (group.length > 0)
            {
                grouped.add(group);
                group = new byte[0];
            }
            if (document.length == TransferCodec.LENGTH && document[0] == TransferCodec.RECORD_TYPE)
            {
                group = document.clone();
            }
            else
            {
                grouped.add(document);
            }
        }
        if (group.length > 0)
        {
            grouped.add(group);
        }
        assertThat(grouped.size()).as("documents were grouped").isLessThan(documents.size());
        documents.clear();
        documents.addAll(grouped);
    }

    @Test
    void wellChainedForgeryThatOverdrawsAnAccountIsCaught()
    {
        final long alice = AccountId.of(ALICE, AccountKind.AVAILABLE);
        final Path forged = forge(
            new Forged(AccountId.EXTERNAL, alice, 100, TransferReason.DEPOSIT, 1, 0),
            new Forged(alice, AccountId.EXTERNAL, 101, TransferReason.WITHDRAWAL, 2, 0));

        final Verification verification = verify(forged, false);

        assertThat(verification.transferId()).isEqualTo(2);
        assertThat(verification.message()).contains("goes negative");
    }

    @Test
    void wellChainedForgeryMovingMoneyOutsideTheChartIsCaught()
    {
        final long aliceAvailable = AccountId.of(ALICE, AccountKind.AVAILABLE);
        final long bobHeld = AccountId.of(BOB, AccountKind.HELD);
        final Path forged = forge(
            new Forged(AccountId.EXTERNAL, aliceAvailable, 100, TransferReason.DEPOSIT, 1, 0),
            new Forged(aliceAvailable, bobHeld, 50, TransferReason.HOLD, 11, 0));

        final Verification verification = verify(forged, false);

        assertThat(verification.transferId()).isEqualTo(2);
        assertThat(verification.message()).contains("HOLD must stay within one participant");
    }

    private record Forged(long debit, long credit, long amount, TransferReason reason, long ref, long leaseId)
    {
    }

    /** A journal whose records carry a correct checksum chain, as a forger who knows the algorithm would write it. */
    private Path forge(final Forged... transfers)
    {
        final Path dir = temp.resolve("forged");
        try (ChronicleQueue queue = TransferJournal.openQueue(dir); TransferJournal journal = new TransferJournal(queue))
        {
            long checksum = TransferChecksum.GENESIS;
            for (int i = 0; i < transfers.length; i++)
            {
                final Forged t = transfers[i];
                checksum = TransferChecksum.chain(checksum, i + 1, T0, t.debit(), t.credit(), t.amount(), t.reason().code(), t.ref(),
                    t.leaseId());
                journal.onTransfer(i + 1, T0, t.debit(), t.credit(), t.amount(), t.reason(), t.ref(), t.leaseId(), checksum);
            }
        }
        return dir;
    }

    @Test
    void statementListsTheAccountsHistoryWithARunningBalance() throws IOException
    {
        final StringBuilder csv = new StringBuilder();
        try (ChronicleQueue queue = TransferJournal.openQueue(journalDir))
        {
            StatementExporter.export(queue, AccountId.of(ALICE, AccountKind.AVAILABLE), csv);
        }
        final String[] lines = csv.toString().split("\n");

        assertThat(lines[0]).isEqualTo("time,transfer_id,reason,ref,lease_id,debit,credit,balance");
        assertThat(lines[1]).isEqualTo(T0 + ",1,DEPOSIT,1,0,,900.000000,900.000000");
        assertThat(lines[2]).startsWith((T0 + MINUTE) + ",").contains(",PAYOUT,1,2,,");
        assertThat(lines[lines.length - 1]).contains(",WITHDRAWAL,3,0,100.000000,,")
            .endsWith("," + MicroUsd.format(ledger.balance(ALICE, AccountKind.AVAILABLE)));
        assertThat(lines).allMatch(line -> line.split(",", -1).length == 8);
    }

    // ------------------------------------------------------------------------------------------ tampering helpers

    /** Finds transfer {@code transferId} in the queue's .cq4 file and changes its amount — the one field both legs share. */
    private void rewriteAmountInPlace(final long transferId, final long delta) throws IOException
    {
        final byte[] header = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN).put(TransferCodec.RECORD_TYPE).put((byte)0)
            .putLong(transferId).array();
        final Path file;
        try (Stream<Path> files = Files.list(journalDir))
        {
            file = files.filter(path -> path.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"); FileChannel channel = raf.getChannel())
        {
            final MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_WRITE, 0, Math.min(channel.size(), 1 << 24));
            map.order(ByteOrder.LITTLE_ENDIAN);
            for (int at = 0; at + TransferCodec.LENGTH <= map.limit(); at++)
            {
                if (map.get(at) == header[0] && map.getLong(at + 2) == transferId && TransferReason.ofCode(map.get(at + 1)) != null)
                {
                    map.putLong(at + TransferCodec.AMOUNT_OFFSET, map.getLong(at + TransferCodec.AMOUNT_OFFSET) + delta);
                    map.force();
                    return;
                }
            }
        }
        throw new AssertionError("transfer " + transferId + " not found in " + file);
    }

    /** Writes a new queue holding the original's documents (all record types), after {@code edit} changed their list. */
    private Path copyJournal(final Consumer<List<byte[]>> edit)
    {
        final List<byte[]> documents = new ArrayList<>();
        try (ChronicleQueue queue = TransferJournal.openQueue(journalDir); ExcerptTailer tailer = queue.createTailer())
        {
            while (true)
            {
                try (DocumentContext document = tailer.readingDocument())
                {
                    if (!document.isPresent())
                    {
                        break;
                    }
                    final Bytes<?> bytes = document.wire().bytes();
                    final byte[] content = new byte[(int)bytes.readRemaining()];
                    bytes.read(content);
                    documents.add(content);
                }
            }
        }
        edit.accept(documents);
        final Path copy = temp.resolve("copy");
        try (ChronicleQueue queue = TransferJournal.openQueue(copy); ExcerptAppender appender = queue.createAppender())
        {
            for (final byte[] content : documents)
            {
                try (DocumentContext document = appender.writingDocument())
                {
                    document.wire().bytes().write(content);
                }
            }
        }
        return copy;
    }

    private static int indexOfTransfer(final List<byte[]> documents, final long transferId)
    {
        for (int i = 0; i < documents.size(); i++)
        {
            final ByteBuffer content = ByteBuffer.wrap(documents.get(i)).order(ByteOrder.LITTLE_ENDIAN);
            if (content.get(0) == TransferCodec.RECORD_TYPE && content.getLong(2) == transferId)
            {
                return i;
            }
        }
        throw new AssertionError("no transfer " + transferId);
    }
}
