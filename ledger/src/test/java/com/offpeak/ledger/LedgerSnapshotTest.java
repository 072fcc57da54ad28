package com.offpeak.ledger;

import com.offpeak.ledger.transfer.TransferListener;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerSnapshotTest
{
    private static final LedgerConfig CONFIG = new LedgerConfig(10, 25);
    private static final long T0 = 1_780_000_000_000L;
    private static final long MINUTE = 60_000L;

    /** State with everything in flight: funding keys, a partly filled bid, an amended bid, a lease half paid out. */
    private static void before(final Ledger ledger)
    {
        ledger.deposit(T0, 1, 7, 500_000_000);
        ledger.deposit(T0, 2, 9, 100_000_000);
        ledger.setSpendingCap(9, 50_000_000);
        ledger.withdraw(T0, 3, 9, 200_000_000);
        ledger.holdBid(T0, 11, 7, 2_100_000, 8, 90);
        ledger.fill(T0, 11, 501, 7, 9, 2_000_000, 3, 90, MakerSide.OWNER, T0 + 90 * MINUTE);
        ledger.holdBid(T0, 12, 9, 1_000_000, 4, 61);
        ledger.amendHold(T0, 12, 1_100_000, 2);
        ledger.deliver(T0 + 17 * MINUTE, 501, T0 + 17 * MINUTE);
    }

    private static void after(final Ledger ledger)
    {
        assertThat(ledger.deposit(T0, 1, 7, 500_000_000)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.withdraw(T0, 3, 9, 200_000_000)).isEqualTo(LedgerResult.INSUFFICIENT_FUNDS);
        assertThat(ledger.deposit(T0, 2, 9, 1)).isEqualTo(LedgerResult.DUPLICATE_KEY_CONFLICT);
        assertThat(ledger.holdBid(T0, 13, 9, 50_000_000, 1, 60)).as("the restored cap").isEqualTo(LedgerResult.SPEND_CAP_EXCEEDED);
        ledger.fill(T0 + 20 * MINUTE, 11, 502, 7, 9, 1_900_000, 5, 90, MakerSide.BUYER, T0 + 110 * MINUTE);
        ledger.releaseHold(T0 + 20 * MINUTE, 11);
        ledger.leaseEnded(T0 + 40 * MINUTE, 501, T0 + 40 * MINUTE);
        ledger.fill(T0 + 41 * MINUTE, 12, 503, 9, 7, 1_000_000, 2, 61, MakerSide.BOTH, T0 + 102 * MINUTE);
        ledger.leaseEnded(T0 + 110 * MINUTE, 502, T0 + 110 * MINUTE);
        ledger.leaseEnded(T0 + 110 * MINUTE, 503, T0 + 110 * MINUTE);
        ledger.releaseHold(T0 + 110 * MINUTE, 12);
    }

    private static byte[] snapshot(final Ledger ledger) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ledger.writeSnapshot(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static Ledger restore(final byte[] snapshot, final LedgerConfig config, final TransferListener listener) throws IOException
    {
        return Ledger.readSnapshot(new DataInputStream(new ByteArrayInputStream(snapshot)), config, listener);
    }

    @Test
    void restoredLedgerContinuesWithIdenticalTransfers() throws IOException
    {
        final RecordingListener original = new RecordingListener();
        final Ledger live = new Ledger(CONFIG, original);
        before(live);
        final byte[] snapshot = snapshot(live);
        final int transfersAtSnapshot = original.transfers.size();

        final RecordingListener replayed = new RecordingListener();
        final Ledger restored = restore(snapshot, CONFIG, replayed);
        assertThat(restored.stateHash()).isEqualTo(live.stateHash());
        assertThat(restored.lastTransferId()).isEqualTo(live.lastTransferId());
        assertThat(restored.lastChecksum()).isEqualTo(live.lastChecksum());

        after(live);
        after(restored);

        assertThat(replayed.transfers).isNotEmpty().isEqualTo(original.since(transfersAtSnapshot));
        assertThat(restored.stateHash()).isEqualTo(live.stateHash());
        assertThat(snapshot(restored)).isEqualTo(snapshot(live));
        restored.checkInvariants();
    }

    @Test
    void stateHashCoversEveryPartOfTheState()
    {
        final Consumer<Ledger> base = LedgerSnapshotTest::before;
        final long reference = build(base).stateHash();

        assertThat(build(base.andThen(l -> l.deposit(T0, 99, 7, 1))).stateHash()).isNotEqualTo(reference);
        assertThat(build(base.andThen(l -> l.withdraw(T0, 99, 7, Long.MAX_VALUE))).stateHash()).as("a recorded rejection")
            .isNotEqualTo(reference);
        assertThat(build(base.andThen(l -> l.deliver(T0, 501, T0 + 18 * MINUTE))).stateHash()).isNotEqualTo(reference);
        assertThat(build(base.andThen(l -> l.amendHold(T0, 12, 1_100_000, 1))).stateHash()).isNotEqualTo(reference);
        assertThat(build(base.andThen(l -> l.setSpendingCap(7, 1))).stateHash()).isNotEqualTo(reference);
        assertThat(build(base).stateHash()).isEqualTo(reference);
    }

    private static Ledger build(final Consumer<Ledger> steps)
    {
        final Ledger ledger = new Ledger(CONFIG, TransferListener.NONE);
        steps.accept(ledger);
        return ledger;
    }

    @Test
    void snapshotUnderOtherFeeRatesIsRefused() throws IOException
    {
        final Ledger live = new Ledger(CONFIG, TransferListener.NONE);
        before(live);
        final byte[] snapshot = snapshot(live);

        assertThatThrownBy(() -> restore(snapshot, new LedgerConfig(10, 30), TransferListener.NONE)).isInstanceOf(IOException.class)
            .hasMessageContaining("maker/taker 10/25");
    }

    @Test
    void corruptedSnapshotIsRefusedWithAReason() throws IOException
    {
        final Ledger live = new Ledger(CONFIG, TransferListener.NONE);
        before(live);
        final byte[] snapshot = snapshot(live);

        for (int offset = 0; offset < snapshot.length; offset++)
        {
            final byte[] corrupted = snapshot.clone();
            corrupted[offset] ^= 0x10;
            assertThatThrownBy(() -> restore(corrupted, CONFIG, TransferListener.NONE)).as("byte %d flipped", offset)
                .isInstanceOf(IOException.class);
        }
        final byte[] cut = java.util.Arrays.copyOf(snapshot, snapshot.length - 3);
        assertThatThrownBy(() -> restore(cut, CONFIG, TransferListener.NONE)).isInstanceOf(IOException.class);
    }
}
