package com.offpeak.ledger;

import com.offpeak.ledger.RecordingListener.Transfer;
import com.offpeak.ledger.account.AccountId;
import com.offpeak.ledger.account.AccountKind;
import com.offpeak.ledger.transfer.TransferReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A substitutes bid's group hold: the largest alternative, reachable from every alternative, decided by the first fill. */
class SubstitutesLedgerTest
{
    private static final long T0 = 1_780_000_000_000L;
    private static final long MINUTE = 60_000L;
    private static final long BUYER = 7;
    private static final long OWNER = 9;
    private static final long BUYER_AVAILABLE = AccountId.of(BUYER, AccountKind.AVAILABLE);
    private static final long BUYER_HELD = AccountId.of(BUYER, AccountKind.HELD);
    private static final long GROUP = 20;
    // Alternative 0: 2.00 x 4 GPUs x 60 min = 8.00 + taker fee 0.02 = 8.02, 8.00/h.
    // Alternative 1: 1.00 x 8 GPUs x 120 min = 16.00 + 0.04 = 16.04 (the largest hold), 8.00/h.
    // Alternative 2: 5.00 x 2 GPUs x 30 min = 5.00 + 0.0125 = 5.0125, 10.00/h (the largest exposure).
    private static final long[] SUBSTITUTE_PRICES = {1_000_000, 5_000_000, 0};
    private static final int[] SUBSTITUTE_GPUS = {8, 2, 0};
    private static final int[] SUBSTITUTE_DURATIONS = {120, 30, 0};

    private final RecordingListener transfers = new RecordingListener();
    private Ledger ledger = new Ledger(new LedgerConfig(10, 25), transfers);

    @AfterEach
    void invariantsHold()
    {
        ledger.checkInvariants();
    }

    private LedgerResult holdGroup(final long groupId)
    {
        return ledger.holdSubstitutes(T0, groupId, BUYER, 2_000_000, 4, 60, 2, SUBSTITUTE_PRICES, SUBSTITUTE_GPUS, SUBSTITUTE_DURATIONS);
    }

    private void fundAndHoldGroup()
    {
        assertThat(ledger.deposit(T0, 1, BUYER, 100_000_000)).isEqualTo(LedgerResult.OK);
        assertThat(holdGroup(GROUP)).isEqualTo(LedgerResult.OK);
    }

    @Test
    void theHoldIsTheLargestAlternativeNotTheSumAndEveryAlternativeReachesIt()
    {
        fundAndHoldGroup();

        assertThat(transfers.transfers).last().extracting(Transfer::reason, Transfer::amount, Transfer::ref)
            .containsExactly(TransferReason.HOLD, 16_040_000L, GROUP);
        assertThat(ledger.balance(BUYER, AccountKind.HELD)).isEqualTo(16_040_000);
        assertThat(ledger.openHolds()).isEqualTo(1);
        for (long alternative = GROUP; alternative < GROUP + 3; alternative++)
        {
            assertThat(ledger.holdOf(alternative)).as("hold of alternative %d", alternative).isEqualTo(16_040_000);
        }
        assertThat(ledger.holdOf(GROUP + 3)).isEqualTo(Ledger.NONE);
        assertThat(ledger.spendingExposure(BUYER)).as("the largest limit x GPUs").isEqualTo(10_000_000);
    }

    @Test
    void fundsAndCapAreCheckedAgainstTheLargestAlternativeOnly()
    {
        assertThat(ledger.deposit(T0, 1, BUYER, 16_039_999)).isEqualTo(LedgerResult.OK);
        assertThat(holdGroup(GROUP)).isEqualTo(LedgerResult.INSUFFICIENT_FUNDS);
        assertThat(ledger.deposit(T0, 2, BUYER, 1)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.setSpendingCap(BUYER, 9_999_999)).isEqualTo(LedgerResult.OK);
        assertThat(holdGroup(GROUP)).isEqualTo(LedgerResult.SPEND_CAP_EXCEEDED);
        assertThat(ledger.setSpendingCap(BUYER, 10_000_000)).isEqualTo(LedgerResult.OK);
        assertThat(holdGroup(GROUP)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.balance(BUYER, AccountKind.AVAILABLE)).isZero();
    }

    @Test
    void refusalsMoveNothing()
    {
        fundAndHoldGroup();
        final int before = transfers.transfers.size();

        assertThat(ledger.holdBid(T0, GROUP + 2, BUYER, 1_000_000, 1, 60)).isEqualTo(LedgerResult.DUPLICATE_ORDER);
        assertThat(holdGroup(GROUP - 2)).as("overlaps the group's ids").isEqualTo(LedgerResult.DUPLICATE_ORDER);
        assertThat(ledger.holdSubstitutes(T0, 40, BUYER, 1_000_000, 1, 60, Ledger.MAX_ALTERNATIVES, new long[4], new int[4],
            new int[4])).isEqualTo(LedgerResult.INVALID_AMOUNT);
        assertThat(ledger.holdSubstitutes(T0, 40, BUYER, 1_000_000, 1, 60, 1, new long[] {Long.MAX_VALUE}, new int[] {2},
            new int[] {60})).isEqualTo(LedgerResult.NOTIONAL_OVERFLOW);
        assertThat(ledger.holdSubstitutes(T0, 0, BUYER, 1_000_000, 1, 60, 0, SUBSTITUTE_PRICES, SUBSTITUTE_GPUS,
            SUBSTITUTE_DURATIONS)).isEqualTo(LedgerResult.INVALID_ID);
        assertThat(ledger.amendHold(T0, GROUP, 1_000_000, 1)).as("substitutes are not amendable").isEqualTo(LedgerResult.UNKNOWN_ORDER);
        assertThat(ledger.amendHold(T0, GROUP + 1, 1_000_000, 1)).isEqualTo(LedgerResult.UNKNOWN_ORDER);
        // Checked against alternative 2's own terms (2 GPUs, 30 min, limit 5.00), not the held alternative 1's.
        assertThat(fill(GROUP + 2, 5_000_001, 1, 30)).isEqualTo(LedgerResult.FILL_MISMATCH);
        assertThat(fill(GROUP + 2, 5_000_000, 3, 30)).isEqualTo(LedgerResult.FILL_MISMATCH);
        assertThat(fill(GROUP + 2, 1_000_000, 1, 120)).isEqualTo(LedgerResult.FILL_MISMATCH);

        assertThat(transfers.transfers).hasSize(before);
        assertThat(ledger.holdOf(GROUP)).isEqualTo(16_040_000);
    }

    @Test
    void theFirstFillOfANonFirstAlternativeSettlesOnItAndReleasesTheExcess()
    {
        fundAndHoldGroup();
        final int before = transfers.transfers.size();

        // 1 GPU at 4.00 for 30 min: notional 2.00, taker fee 0.005. Alternative 2's remaining worst case:
        // 5.00 x 1 x 0.5 h = 2.50 + ceil((2.00 + 2.50) x 25 bps) - 0.005 = 2.50625. Excess 16.04 - 2.005 - 2.50625.
        assertThat(fill(GROUP + 2, 4_000_000, 1, 30)).isEqualTo(LedgerResult.OK);
        assertThat(transfers.since(before)).extracting(Transfer::reason, Transfer::amount, Transfer::debit, Transfer::credit, Transfer::ref)
            .containsExactly(
                tuple(TransferReason.FILL_NOTIONAL, 2_000_000L, BUYER_HELD, AccountId.ESCROW, GROUP),
                tuple(TransferReason.FILL_FEE, 5_000L, BUYER_HELD, AccountId.ESCROW, GROUP),
                tuple(TransferReason.RELEASE, 11_528_750L, BUYER_HELD, BUYER_AVAILABLE, GROUP));
        assertThat(ledger.holdOf(GROUP + 2)).isEqualTo(2_506_250);
        assertThat(ledger.balance(BUYER, AccountKind.HELD)).isEqualTo(2_506_250);
        assertThat(ledger.spendingExposure(BUYER)).as("lease 4.00/h + 1 GPU at 5.00/h").isEqualTo(9_000_000);
        ledger.checkInvariants();

        // The voided siblings hold nothing and can no longer trade.
        assertThat(ledger.holdOf(GROUP)).isEqualTo(Ledger.NONE);
        assertThat(ledger.holdOf(GROUP + 1)).isEqualTo(Ledger.NONE);
        assertThat(ledger.releaseHold(T0, GROUP)).isEqualTo(LedgerResult.UNKNOWN_ORDER);
        assertThat(ledger.releaseHold(T0, GROUP + 1)).isEqualTo(LedgerResult.UNKNOWN_ORDER);
        assertThat(ledger.fill(T0, GROUP + 1, 502, BUYER, OWNER, 1_000_000, 1, 120, MakerSide.OWNER, T0 + 120 * MINUTE))
            .isEqualTo(LedgerResult.UNKNOWN_ORDER);

        // The winner fills like a plain bid and, ending, releases the group's hold.
        assertThat(ledger.fill(T0, GROUP + 2, 502, BUYER, OWNER, 5_000_000, 1, 30, MakerSide.BUYER, T0 + 30 * MINUTE))
            .isEqualTo(LedgerResult.OK);
        assertThat(ledger.holdOf(GROUP + 2)).isZero();
        assertThat(ledger.releaseHold(T0, GROUP + 2)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.openHolds()).isZero();
        assertThat(ledger.balance(BUYER, AccountKind.HELD)).isZero();
    }

    @Test
    void cancellingAnUndecidedGroupShrinksItsHoldToTheLargestOpenAlternativeAndTheLastReleasesAll()
    {
        fundAndHoldGroup();
        final int before = transfers.transfers.size();

        assertThat(ledger.releaseHold(T0, GROUP + 1)).isEqualTo(LedgerResult.OK); // 16.04 -> alternative 0's 8.02
        assertThat(ledger.holdOf(GROUP + 1)).isEqualTo(Ledger.NONE);
        assertThat(ledger.holdOf(GROUP + 2)).isEqualTo(8_020_000);
        ledger.checkInvariants();
        assertThat(ledger.releaseHold(T0, GROUP)).isEqualTo(LedgerResult.OK); // -> alternative 2's 5.0125
        assertThat(ledger.holdOf(GROUP)).isEqualTo(Ledger.NONE);
        assertThat(ledger.holdOf(GROUP + 2)).isEqualTo(5_012_500);
        assertThat(ledger.spendingExposure(BUYER)).isEqualTo(10_000_000);
        ledger.checkInvariants();
        assertThat(ledger.releaseHold(T0, GROUP + 2)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.releaseHold(T0, GROUP + 2)).isEqualTo(LedgerResult.UNKNOWN_ORDER);

        assertThat(transfers.since(before)).extracting(Transfer::reason, Transfer::amount, Transfer::ref).containsExactly(
            tuple(TransferReason.RELEASE, 8_020_000L, GROUP),
            tuple(TransferReason.RELEASE, 3_007_500L, GROUP),
            tuple(TransferReason.RELEASE, 5_012_500L, GROUP));
        assertThat(ledger.openHolds()).isZero();
        assertThat(ledger.balance(BUYER, AccountKind.HELD)).isZero();
        assertThat(ledger.spendingExposure(BUYER)).isZero();
        assertThat(ledger.holdBid(T0, GROUP + 1, BUYER, 1_000_000, 1, 60)).as("the ids are free again").isEqualTo(LedgerResult.OK);
    }

    @Test
    void undecidedAndDecidedGroupsSurviveASnapshotAndContinueIdentically() throws IOException
    {
        fundAndHoldGroup();
        assertThat(holdGroup(GROUP + 10)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.releaseHold(T0, GROUP + 11)).isEqualTo(LedgerResult.OK);
        assertThat(fill(GROUP + 2, 4_000_000, 1, 30)).isEqualTo(LedgerResult.OK);

        final RecordingListener restoredTransfers = new RecordingListener();
        final Ledger restored = restore(restoredTransfers);
        assertThat(restored.stateHash()).isEqualTo(ledger.stateHash());
        for (long id = GROUP; id < GROUP + 13; id++)
        {
            assertThat(restored.holdOf(id)).as("hold of %d", id).isEqualTo(ledger.holdOf(id));
        }
        final int before = transfers.transfers.size();
        for (final Ledger copy : new Ledger[] {ledger, restored})
        {
            assertThat(copy.fill(T0, GROUP + 12, 503, BUYER, OWNER, 5_000_000, 2, 30, MakerSide.OWNER, T0 + 30 * MINUTE))
                .isEqualTo(LedgerResult.OK);
            assertThat(copy.releaseHold(T0, GROUP + 12)).isEqualTo(LedgerResult.OK);
            assertThat(copy.releaseHold(T0, GROUP + 2)).isEqualTo(LedgerResult.OK);
            copy.checkInvariants();
        }
        assertThat(restoredTransfers.transfers).isEqualTo(transfers.since(before));
        assertThat(restored.stateHash()).isEqualTo(ledger.stateHash());
        assertThat(restored.openHolds()).isZero();
    }

    private LedgerResult fill(final long bidId, final long price, final int gpus, final int minutes)
    {
        return ledger.fill(T0, bidId, 501, BUYER, OWNER, price, gpus, minutes, MakerSide.OWNER, T0 + minutes * MINUTE);
    }

    private Ledger restore(final RecordingListener listener) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ledger.writeSnapshot(new DataOutputStream(bytes));
        return Ledger.readSnapshot(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), ledger.config(), listener);
    }
}
