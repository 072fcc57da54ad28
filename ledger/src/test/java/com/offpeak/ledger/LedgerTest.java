package com.offpeak.ledger;

import com.offpeak.ledger.RecordingListener.Transfer;
import com.offpeak.ledger.account.AccountId;
import com.offpeak.ledger.account.AccountKind;
import com.offpeak.ledger.transfer.TransferChecksum;
import com.offpeak.ledger.transfer.TransferListener;
import com.offpeak.ledger.transfer.TransferReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class LedgerTest
{
    private static final long T0 = 1_780_000_000_000L;
    private static final long MINUTE = 60_000L;
    private static final long BUYER = 7;
    private static final long OWNER = 9;
    private static final long BUYER_AVAILABLE = AccountId.of(BUYER, AccountKind.AVAILABLE);
    private static final long BUYER_HELD = AccountId.of(BUYER, AccountKind.HELD);
    private static final long OWNER_AVAILABLE = AccountId.of(OWNER, AccountKind.AVAILABLE);

    private final RecordingListener transfers = new RecordingListener();
    private final Ledger ledger = new Ledger(new LedgerConfig(10, 25), transfers);

    @AfterEach
    void invariantsHold()
    {
        ledger.checkInvariants();
    }

    // limit 2.10/GPU-h x 8 GPUs x 90 min = 25.2 USD notional; taker fee 25 bps rounded up = 0.063
    private void holdStandardBid()
    {
        assertThat(ledger.deposit(T0, 1, BUYER, 100_000_000)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.holdBid(T0, 11, BUYER, 2_100_000, 8, 90)).isEqualTo(LedgerResult.OK);
    }

    @Test
    void depositCreditsAvailableFromExternal()
    {
        assertThat(ledger.deposit(T0, 1, BUYER, 5_000_000)).isEqualTo(LedgerResult.OK);

        assertThat(ledger.balance(BUYER, AccountKind.AVAILABLE)).isEqualTo(5_000_000);
        assertThat(ledger.externalBalance()).isEqualTo(-5_000_000);
        assertThat(transfers.transfers).containsExactly(new Transfer(1, T0, AccountId.EXTERNAL, BUYER_AVAILABLE, 5_000_000,
            TransferReason.DEPOSIT, 1, 0, transfers.last().checksum()));
    }

    @Test
    void idempotentDepositReturnsOriginalResultWithoutNewTransfer()
    {
        ledger.deposit(T0, 42, BUYER, 5_000_000);

        assertThat(ledger.deposit(T0 + 1, 42, BUYER, 5_000_000)).isEqualTo(LedgerResult.OK);
        assertThat(transfers.transfers).hasSize(1);
        assertThat(ledger.balance(BUYER, AccountKind.AVAILABLE)).isEqualTo(5_000_000);
    }

    @Test
    void keyReusedForADifferentRequestIsAConflict()
    {
        ledger.deposit(T0, 42, BUYER, 5_000_000);

        assertThat(ledger.deposit(T0, 42, BUYER, 5_000_001)).isEqualTo(LedgerResult.DUPLICATE_KEY_CONFLICT);
        assertThat(ledger.deposit(T0, 42, OWNER, 5_000_000)).isEqualTo(LedgerResult.DUPLICATE_KEY_CONFLICT);
        assertThat(ledger.withdraw(T0, 42, BUYER, 5_000_000)).isEqualTo(LedgerResult.DUPLICATE_KEY_CONFLICT);
        assertThat(transfers.transfers).hasSize(1);
    }

    @Test
    void withdrawalNeverExceedsAvailableAndItsRejectionIsTheRecordedAnswer()
    {
        ledger.deposit(T0, 1, BUYER, 5_000_000);

        assertThat(ledger.withdraw(T0, 2, BUYER, 5_000_001)).isEqualTo(LedgerResult.INSUFFICIENT_FUNDS);
        assertThat(ledger.deposit(T0, 3, BUYER, 1)).isEqualTo(LedgerResult.OK);
        // The retry under the same key gets the original answer, even though funds now suffice.
        assertThat(ledger.withdraw(T0, 2, BUYER, 5_000_001)).isEqualTo(LedgerResult.INSUFFICIENT_FUNDS);
        assertThat(ledger.withdraw(T0, 4, BUYER, 5_000_001)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.withdraw(T0, 4, BUYER, 5_000_001)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.balance(BUYER, AccountKind.AVAILABLE)).isZero();
        assertThat(ledger.externalBalance()).isZero();
        assertThat(ledger.withdraw(T0, 5, OWNER, 1)).isEqualTo(LedgerResult.INSUFFICIENT_FUNDS);
    }

    @Test
    void invalidFundingRequestsAreRejectedAndNotRecorded()
    {
        assertThat(ledger.deposit(T0, 0, BUYER, 1)).isEqualTo(LedgerResult.INVALID_ID);
        assertThat(ledger.deposit(T0, 1, 0, 1)).isEqualTo(LedgerResult.INVALID_PARTICIPANT);
        assertThat(ledger.deposit(T0, 1, AccountId.MAX_PARTICIPANT + 1, 1)).isEqualTo(LedgerResult.INVALID_PARTICIPANT);
        assertThat(ledger.deposit(T0, 1, BUYER, 0)).isEqualTo(LedgerResult.INVALID_AMOUNT);
        assertThat(ledger.withdraw(T0, 1, BUYER, -5)).isEqualTo(LedgerResult.INVALID_AMOUNT);
        assertThat(ledger.deposit(T0, 1, BUYER, 1)).isEqualTo(LedgerResult.OK);
        assertThat(transfers.transfers).hasSize(1);
    }

    @Test
    void depositsCannotOverflowTheExchangesTotal()
    {
        assertThat(ledger.deposit(T0, 1, BUYER, Long.MAX_VALUE)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.deposit(T0, 2, OWNER, 1)).isEqualTo(LedgerResult.BALANCE_OVERFLOW);
        assertThat(ledger.deposit(T0, 2, OWNER, 1)).isEqualTo(LedgerResult.BALANCE_OVERFLOW);
        assertThat(ledger.withdraw(T0, 3, BUYER, 10)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.deposit(T0, 4, OWNER, 10)).isEqualTo(LedgerResult.OK);
    }

    @Test
    void holdTakesLimitNotionalPlusTakerFee()
    {
        holdStandardBid();

        assertThat(ledger.holdOf(11)).isEqualTo(25_263_000);
        assertThat(ledger.balance(BUYER, AccountKind.HELD)).isEqualTo(25_263_000);
        assertThat(ledger.balance(BUYER, AccountKind.AVAILABLE)).isEqualTo(100_000_000 - 25_263_000);
        assertThat(transfers.last().reason()).isEqualTo(TransferReason.HOLD);
        assertThat(transfers.last().ref()).isEqualTo(11);
    }

    @Test
    void holdRejections()
    {
        ledger.deposit(T0, 1, BUYER, 25_262_999);

        assertThat(ledger.holdBid(T0, 11, BUYER, 2_100_000, 8, 90)).isEqualTo(LedgerResult.INSUFFICIENT_FUNDS);
        assertThat(ledger.holdBid(T0, 11, OWNER, 1, 1, 60)).isEqualTo(LedgerResult.INSUFFICIENT_FUNDS);
        assertThat(ledger.holdBid(T0, 0, BUYER, 1, 1, 60)).isEqualTo(LedgerResult.INVALID_ID);
        assertThat(ledger.holdBid(T0, 11, -1, 1, 1, 60)).isEqualTo(LedgerResult.INVALID_PARTICIPANT);
        assertThat(ledger.holdBid(T0, 11, BUYER, 0, 1, 60)).isEqualTo(LedgerResult.INVALID_AMOUNT);
        assertThat(ledger.holdBid(T0, 11, BUYER, 1, 0, 60)).isEqualTo(LedgerResult.INVALID_AMOUNT);
        assertThat(ledger.holdBid(T0, 11, BUYER, 1, 1, -60)).isEqualTo(LedgerResult.INVALID_AMOUNT);
        assertThat(ledger.holdBid(T0, 11, BUYER, Long.MAX_VALUE / 2, 8, 90)).isEqualTo(LedgerResult.NOTIONAL_OVERFLOW);
        assertThat(transfers.transfers).hasSize(1);
        assertThat(ledger.holdBid(T0, 11, BUYER, 1_000_000, 1, 60)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.holdBid(T0, 11, BUYER, 1_000_000, 1, 60)).isEqualTo(LedgerResult.DUPLICATE_ORDER);
    }

    @Test
    void fillMovesNotionalAndFeeToEscrowAndReleasesWhatWasBoughtBelowTheLimit()
    {
        holdStandardBid();
        final int before = transfers.transfers.size();

        assertThat(ledger.fill(T0, 11, 501, BUYER, OWNER, 2_000_000, 3, 90, MakerSide.OWNER, T0 + 90 * MINUTE)).isEqualTo(LedgerResult.OK);

        // notional 2.00 x 3 x 1.5h = 9.0; taker fee ceil(9.0 x 25bps) = 0.0225
        // remaining worst case: 2.10 x 5 x 1.5h = 15.75, fee ceil((9.0 + 15.75) x 25bps) - 0.0225 = 0.039375
        assertThat(transfers.since(before)).extracting(Transfer::reason, Transfer::amount, Transfer::debit, Transfer::credit, Transfer::leaseId)
            .containsExactly(
                tuple(TransferReason.FILL_NOTIONAL, 9_000_000L, BUYER_HELD, AccountId.ESCROW, 501L),
                tuple(TransferReason.FILL_FEE, 22_500L, BUYER_HELD, AccountId.ESCROW, 501L),
                tuple(TransferReason.RELEASE, 451_125L, BUYER_HELD, BUYER_AVAILABLE, 0L));
        assertThat(ledger.holdOf(11)).isEqualTo(15_789_375);
        assertThat(ledger.escrowOf(501)).isEqualTo(9_022_500);
        assertThat(ledger.escrowTotal()).isEqualTo(9_022_500);
    }

    @Test
    void fullyFilledBidHoldsExactlyNothing()
    {
        holdStandardBid();

        ledger.fill(T0, 11, 501, BUYER, OWNER, 2_100_000, 5, 90, MakerSide.BUYER, T0 + 90 * MINUTE);
        ledger.fill(T0, 11, 502, BUYER, OWNER, 1_900_000, 3, 90, MakerSide.OWNER, T0 + 90 * MINUTE);

        assertThat(ledger.holdOf(11)).isZero();
        final int before = transfers.transfers.size();
        assertThat(ledger.releaseHold(T0, 11)).isEqualTo(LedgerResult.OK);
        assertThat(transfers.transfers).hasSize(before);
        assertThat(ledger.holdOf(11)).isEqualTo(Ledger.NONE);
    }

    @Test
    void feesAcrossFillsAreChargedCumulativelySoTheyNeverExceedTheHeldFee()
    {
        assertThat(ledger.deposit(T0, 1, BUYER, 1_000)).isEqualTo(LedgerResult.OK);
        // limit 60 x 4 GPUs x 1 min = 4 notional; max fee ceil(4 x 25bps) = 1: hold 5
        assertThat(ledger.holdBid(T0, 11, BUYER, 60, 4, 1)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.holdOf(11)).isEqualTo(5);
        for (int lease = 1; lease <= 4; lease++)
        {
            assertThat(ledger.fill(T0, 11, lease, BUYER, OWNER, 60, 1, 1, MakerSide.OWNER, T0 + MINUTE)).isEqualTo(LedgerResult.OK);
        }
        // Per-fill rounding would charge 4 x ceil(0.0025) = 4; cumulative charges 1 in total.
        assertThat(transfers.transfers).filteredOn(t -> t.reason() == TransferReason.FILL_FEE).extracting(Transfer::amount)
            .containsExactly(1L);
        assertThat(ledger.holdOf(11)).isZero();
    }

    @Test
    void fillRejections()
    {
        holdStandardBid();
        final long end = T0 + 90 * MINUTE;

        assertThat(ledger.fill(T0, 12, 501, BUYER, OWNER, 2_000_000, 3, 90, MakerSide.OWNER, end)).isEqualTo(LedgerResult.UNKNOWN_ORDER);
        assertThat(ledger.fill(T0, 11, 0, BUYER, OWNER, 2_000_000, 3, 90, MakerSide.OWNER, end)).isEqualTo(LedgerResult.INVALID_ID);
        assertThat(ledger.fill(T0, 11, 501, BUYER, BUYER, 2_000_000, 3, 90, MakerSide.OWNER, end)).isEqualTo(LedgerResult.INVALID_PARTICIPANT);
        assertThat(ledger.fill(T0, 11, 501, BUYER, 0, 2_000_000, 3, 90, MakerSide.OWNER, end)).isEqualTo(LedgerResult.INVALID_PARTICIPANT);
        assertThat(ledger.fill(T0, 11, 501, BUYER, OWNER, 0, 3, 90, MakerSide.OWNER, end)).isEqualTo(LedgerResult.INVALID_AMOUNT);
        assertThat(ledger.fill(T0, 11, 501, BUYER, OWNER, 2_000_000, 0, 90, MakerSide.OWNER, end)).isEqualTo(LedgerResult.INVALID_AMOUNT);
        assertThat(ledger.fill(T0, 11, 501, OWNER, BUYER, 2_000_000, 3, 90, MakerSide.OWNER, end)).isEqualTo(LedgerResult.FILL_MISMATCH);
        assertThat(ledger.fill(T0, 11, 501, BUYER, OWNER, 2_100_001, 3, 90, MakerSide.OWNER, end)).isEqualTo(LedgerResult.FILL_MISMATCH);
        assertThat(ledger.fill(T0, 11, 501, BUYER, OWNER, 2_000_000, 9, 90, MakerSide.OWNER, end)).isEqualTo(LedgerResult.FILL_MISMATCH);
        assertThat(ledger.fill(T0, 11, 501, BUYER, OWNER, 2_000_000, 3, 60, MakerSide.OWNER, end)).isEqualTo(LedgerResult.FILL_MISMATCH);
        assertThat(ledger.fill(T0, 11, 501, BUYER, OWNER, 2_000_000, 3, 90, null, end)).isEqualTo(LedgerResult.FILL_MISMATCH);
        assertThat(ledger.fill(T0, 11, 501, BUYER, OWNER, 2_000_000, 3, 90, MakerSide.OWNER, T0 - 1)).isEqualTo(LedgerResult.INVALID_TIME);
        final int before = transfers.transfers.size();
        assertThat(ledger.fill(T0, 11, 501, BUYER, OWNER, 2_000_000, 3, 90, MakerSide.OWNER, end)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.fill(T0, 11, 501, BUYER, OWNER, 2_000_000, 3, 90, MakerSide.OWNER, end)).isEqualTo(LedgerResult.DUPLICATE_LEASE);
        assertThat(transfers.transfers).hasSize(before + 3);
    }

    @Test
    void naturalLeaseEndPaysOwnerLessOwnerFeeAndFeesEarnBothFees()
    {
        holdStandardBid();
        ledger.fill(T0, 11, 501, BUYER, OWNER, 2_000_000, 3, 90, MakerSide.OWNER, T0 + 90 * MINUTE);
        final int before = transfers.transfers.size();

        assertThat(ledger.leaseEnded(T0 + 90 * MINUTE, 501, T0 + 90 * MINUTE)).isEqualTo(LedgerResult.OK);

        // owner is the maker: ceil(9.0 x 10bps) = 0.009
        assertThat(transfers.since(before)).extracting(Transfer::reason, Transfer::amount)
            .containsExactly(tuple(TransferReason.PAYOUT, 8_991_000L),
                tuple(TransferReason.OWNER_FEE, 9_000L),
                tuple(TransferReason.BUYER_FEE, 22_500L));
        assertThat(ledger.balance(OWNER, AccountKind.AVAILABLE)).isEqualTo(8_991_000);
        assertThat(ledger.feesTotal()).isEqualTo(31_500);
        assertThat(ledger.escrowTotal()).isZero();
        assertThat(ledger.escrowOf(501)).isEqualTo(Ledger.NONE);
    }

    @Test
    void earlyEndSplitsProRataByStartedMinutes()
    {
        holdStandardBid();
        ledger.fill(T0, 11, 501, BUYER, OWNER, 2_000_000, 3, 90, MakerSide.OWNER, T0 + 90 * MINUTE);
        final long availableBefore = ledger.balance(BUYER, AccountKind.AVAILABLE);
        final int before = transfers.transfers.size();

        // 30 minutes and 1 ms: 31 started minutes are used.
        assertThat(ledger.leaseEnded(T0 + 30 * MINUTE + 1, 501, T0 + 30 * MINUTE + 1)).isEqualTo(LedgerResult.OK);

        // used gross floor(9.0 x 31/90) = 3.1, owner fee ceil(3.1 x 10bps) = 0.0031, buyer fee used ceil(0.0225 x 31/90) = 0.00775
        assertThat(transfers.since(before)).extracting(Transfer::reason, Transfer::amount)
            .containsExactly(tuple(TransferReason.PAYOUT, 3_096_900L),
                tuple(TransferReason.OWNER_FEE, 3_100L),
                tuple(TransferReason.BUYER_FEE, 7_750L),
                tuple(TransferReason.REFUND, 5_900_000L + 14_750L));
        assertThat(ledger.balance(BUYER, AccountKind.AVAILABLE)).isEqualTo(availableBefore + 5_914_750L);
    }

    @Test
    void partialEarlyEndRefundsTheEndedGpusUnusedMinutesAndTheLeaseRunsOn()
    {
        holdStandardBid();
        ledger.fill(T0, 11, 501, BUYER, OWNER, 2_000_000, 3, 90, MakerSide.OWNER, T0 + 90 * MINUTE);
        final int before = transfers.transfers.size();

        // A preemption's hand-over takes 1 of the 3 GPUs after 31 started minutes: it gives up 59 of the lease's 270 GPU-minutes.
        assertThat(ledger.gpusEnded(T0 + 30 * MINUTE + 1, 501, 1, T0 + 30 * MINUTE + 1)).isEqualTo(LedgerResult.OK);

        // all 3 GPUs are paid to minute 31 (as deliver would); refund floor(9.0 x 59/270) + floor(0.0225 x 59/270)
        assertThat(transfers.since(before)).extracting(Transfer::reason, Transfer::amount)
            .containsExactly(tuple(TransferReason.PAYOUT, 3_096_900L),
                tuple(TransferReason.OWNER_FEE, 3_100L),
                tuple(TransferReason.BUYER_FEE, 7_750L),
                tuple(TransferReason.REFUND, 1_966_666L + 4_916L));
        assertThat(ledger.escrowOf(501)).isEqualTo(9_022_500L - 3_100_000L - 7_750L - 1_971_582L);
        // the 5 GPUs still bid for at the limit, and the 2 GPUs still leased at the price
        assertThat(ledger.spendingExposure(BUYER)).isEqualTo(5 * 2_100_000L + 2 * 2_000_000L);
        assertThat(ledger.gpusEnded(T0 + 31 * MINUTE, 501, 3, T0 + 31 * MINUTE)).isEqualTo(LedgerResult.INVALID_AMOUNT);
        assertThat(ledger.gpusEnded(T0 + 31 * MINUTE, 501, 0, T0 + 31 * MINUTE)).isEqualTo(LedgerResult.INVALID_AMOUNT);
        final int atHandOver = transfers.transfers.size();

        assertThat(ledger.leaseEnded(T0 + 90 * MINUTE, 501, T0 + 90 * MINUTE)).isEqualTo(LedgerResult.OK);

        // 211 GPU-minutes used in all: gross floor(9.0 x 211/270) = 7.033333, owner fee ceil(7.033333 x 10bps) = 0.007034,
        // buyer fee ceil(0.0225 x 211/270) = 0.017584; the buyer gets the last micro-unit of notional left by the floors.
        assertThat(transfers.since(atHandOver)).extracting(Transfer::reason, Transfer::amount)
            .containsExactly(tuple(TransferReason.PAYOUT, 7_033_333L - 7_034L - 3_096_900L),
                tuple(TransferReason.OWNER_FEE, 7_034L - 3_100L),
                tuple(TransferReason.BUYER_FEE, 17_584L - 7_750L),
                tuple(TransferReason.REFUND, 1L));
        assertThat(ledger.escrowTotal()).isZero();
        assertThat(ledger.balance(OWNER, AccountKind.AVAILABLE) + ledger.feesTotal() - 17_584L).isEqualTo(7_033_333L);
    }

    @Test
    void aLeaseStartingAfterItsFillSettlesFromItsOwnStart()
    {
        holdStandardBid();
        // A preemptor's lease starts at the victim's hand-over, 5 minutes after the fill.
        final long start = T0 + 5 * MINUTE;
        ledger.fill(T0, 11, 501, BUYER, OWNER, 2_000_000, 3, 90, MakerSide.OWNER, start + 90 * MINUTE);

        assertThat(ledger.deliver(T0 + MINUTE, 501, T0 + MINUTE)).isEqualTo(LedgerResult.INVALID_TIME);
        final int before = transfers.transfers.size();
        assertThat(ledger.leaseEnded(start + 30 * MINUTE + 1, 501, start + 30 * MINUTE + 1)).isEqualTo(LedgerResult.OK);

        // 31 started minutes from the lease's start, not from the fill: as in earlyEndSplitsProRataByStartedMinutes
        assertThat(transfers.since(before)).extracting(Transfer::reason, Transfer::amount)
            .containsExactly(tuple(TransferReason.PAYOUT, 3_096_900L),
                tuple(TransferReason.OWNER_FEE, 3_100L),
                tuple(TransferReason.BUYER_FEE, 7_750L),
                tuple(TransferReason.REFUND, 5_900_000L + 14_750L));
    }

    @Test
    void splitGivesOwnerTheFloorFeesTheCeilingAndBuyerTheRemainders()
    {
        ledger.deposit(T0, 1, BUYER, 1_000_000);
        // 60 x 100 GPUs x 7 min / 60 = 700 notional; taker fee ceil(700 x 25bps) = 2
        ledger.holdBid(T0, 11, BUYER, 60, 100, 7);
        ledger.fill(T0, 11, 501, BUYER, OWNER, 60, 100, 7, MakerSide.BOTH, T0 + 7 * MINUTE);
        final int before = transfers.transfers.size();

        ledger.leaseEnded(T0 + 3 * MINUTE, 501, T0 + 3 * MINUTE);

        // gross floor(700 x 3/7) = 300; owner (maker) fee ceil(0.3) = 1; buyer fee (maker, 0.7 -> 1) used ceil(1 x 3/7) = 1
        assertThat(transfers.since(before)).extracting(Transfer::reason, Transfer::amount)
            .containsExactly(tuple(TransferReason.PAYOUT, 299L),
                tuple(TransferReason.OWNER_FEE, 1L),
                tuple(TransferReason.BUYER_FEE, 1L),
                tuple(TransferReason.REFUND, 400L));
    }

    @Test
    void streamedDeliveryPaysTheSameAsOnePayoutAtTheEnd()
    {
        final Ledger streamed = new Ledger(new LedgerConfig(10, 25), TransferListener.NONE);
        for (final Ledger each : new Ledger[] {ledger, streamed})
        {
            each.deposit(T0, 1, BUYER, 100_000_000);
            each.holdBid(T0, 11, BUYER, 2_100_000, 7, 97);
            each.fill(T0, 11, 501, BUYER, OWNER, 2_000_000, 7, 97, MakerSide.OWNER, T0 + 97 * MINUTE);
        }
        for (int minute = 1; minute <= 96; minute += 5)
        {
            assertThat(streamed.deliver(T0 + minute * MINUTE, 501, T0 + minute * MINUTE)).isEqualTo(LedgerResult.OK);
            streamed.checkInvariants();
        }
        streamed.leaseEnded(T0 + 97 * MINUTE, 501, T0 + 97 * MINUTE);
        ledger.leaseEnded(T0 + 97 * MINUTE, 501, T0 + 97 * MINUTE);

        assertThat(streamed.balance(OWNER, AccountKind.AVAILABLE)).isEqualTo(ledger.balance(OWNER, AccountKind.AVAILABLE));
        assertThat(streamed.feesTotal()).isEqualTo(ledger.feesTotal());
        assertThat(streamed.balance(BUYER, AccountKind.AVAILABLE)).isEqualTo(ledger.balance(BUYER, AccountKind.AVAILABLE));
    }

    @Test
    void leaseRejections()
    {
        holdStandardBid();
        ledger.fill(T0, 11, 501, BUYER, OWNER, 2_000_000, 3, 90, MakerSide.OWNER, T0 + 90 * MINUTE);

        assertThat(ledger.leaseEnded(T0, 502, T0)).isEqualTo(LedgerResult.UNKNOWN_LEASE);
        assertThat(ledger.deliver(T0, 502, T0)).isEqualTo(LedgerResult.UNKNOWN_LEASE);
        assertThat(ledger.leaseEnded(T0, 501, T0 - 1)).isEqualTo(LedgerResult.INVALID_TIME);
        assertThat(ledger.deliver(T0, 501, T0 - 1)).isEqualTo(LedgerResult.INVALID_TIME);
        assertThat(ledger.escrowOf(501)).isEqualTo(9_022_500);
    }

    @Test
    void amendResizesTheHoldAndNeedsTheFundsToGrow()
    {
        holdStandardBid();

        assertThat(ledger.amendHold(T0, 11, 1_000_000, 4)).isEqualTo(LedgerResult.OK);
        // 1.00 x 4 x 1.5h = 6.0 + ceil(6.0 x 25bps) = 0.015
        assertThat(ledger.holdOf(11)).isEqualTo(6_015_000);
        assertThat(transfers.last().reason()).isEqualTo(TransferReason.RELEASE);
        assertThat(transfers.last().amount()).isEqualTo(25_263_000 - 6_015_000);

        assertThat(ledger.amendHold(T0, 11, 100_000_000, 8)).isEqualTo(LedgerResult.INSUFFICIENT_FUNDS);
        assertThat(ledger.holdOf(11)).isEqualTo(6_015_000);
        assertThat(ledger.amendHold(T0, 11, 3_000_000, 8)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.holdOf(11)).isEqualTo(36_090_000);
        assertThat(transfers.last().reason()).isEqualTo(TransferReason.HOLD);

        assertThat(ledger.amendHold(T0, 12, 1, 1)).isEqualTo(LedgerResult.UNKNOWN_ORDER);
        assertThat(ledger.amendHold(T0, 11, 0, 1)).isEqualTo(LedgerResult.INVALID_AMOUNT);
        assertThat(ledger.amendHold(T0, 11, 1, 0)).isEqualTo(LedgerResult.INVALID_AMOUNT);
        assertThat(ledger.amendHold(T0, 11, Long.MAX_VALUE, 8)).isEqualTo(LedgerResult.NOTIONAL_OVERFLOW);
    }

    @Test
    void spendingCapLimitsOpenBidsPlusRunningLeasesPerHour()
    {
        ledger.deposit(T0, 1, BUYER, 1_000_000_000);
        assertThat(ledger.spendingCap(BUYER)).isEqualTo(Ledger.NO_CAP);
        assertThat(ledger.setSpendingCap(BUYER, 20_000_000)).isEqualTo(LedgerResult.OK);

        assertThat(ledger.holdBid(T0, 11, BUYER, 2_100_000, 8, 90)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.spendingExposure(BUYER)).isEqualTo(16_800_000);
        assertThat(ledger.holdBid(T0, 12, BUYER, 1_000_000, 4, 60)).isEqualTo(LedgerResult.SPEND_CAP_EXCEEDED);
        assertThat(ledger.holdBid(T0, 12, BUYER, 1_000_000, 3, 60)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.spendingExposure(BUYER)).isEqualTo(19_800_000);

        // A fill below the limit lowers exposure: 3 GPUs count at 2.00 instead of 2.10 while leased.
        ledger.fill(T0, 11, 501, BUYER, OWNER, 2_000_000, 3, 90, MakerSide.OWNER, T0 + 90 * MINUTE);
        assertThat(ledger.spendingExposure(BUYER)).isEqualTo(19_500_000);
        assertThat(ledger.amendHold(T0, 12, 1_200_000, 3)).as("amend up past the cap").isEqualTo(LedgerResult.SPEND_CAP_EXCEEDED);
        assertThat(ledger.amendHold(T0, 12, 1_100_000, 3)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.spendingExposure(BUYER)).isEqualTo(19_800_000);

        // Lowering the cap below the exposure refuses growth, not reductions.
        assertThat(ledger.setSpendingCap(BUYER, 1_000_000)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.amendHold(T0, 12, 1_000_000, 2)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.releaseHold(T0, 11)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.leaseEnded(T0 + 90 * MINUTE, 501, T0 + 90 * MINUTE)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.spendingExposure(BUYER)).isEqualTo(2_000_000);
        assertThat(ledger.setSpendingCap(BUYER, Ledger.NO_CAP)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.holdBid(T0, 13, BUYER, 2_100_000, 8, 90)).isEqualTo(LedgerResult.OK);

        assertThat(ledger.setSpendingCap(0, 1)).isEqualTo(LedgerResult.INVALID_PARTICIPANT);
        assertThat(ledger.setSpendingCap(BUYER, -1)).isEqualTo(LedgerResult.INVALID_AMOUNT);
    }

    @Test
    void releaseReturnsTheRestOfTheHold()
    {
        holdStandardBid();
        ledger.fill(T0, 11, 501, BUYER, OWNER, 2_000_000, 3, 90, MakerSide.OWNER, T0 + 90 * MINUTE);

        assertThat(ledger.releaseHold(T0, 11)).isEqualTo(LedgerResult.OK);

        assertThat(transfers.last().amount()).isEqualTo(15_789_375);
        assertThat(ledger.balance(BUYER, AccountKind.HELD)).isZero();
        assertThat(ledger.releaseHold(T0, 11)).isEqualTo(LedgerResult.UNKNOWN_ORDER);
    }

    @Test
    void transfersAreNumberedFromOneAndChained()
    {
        holdStandardBid();
        ledger.fill(T0, 11, 501, BUYER, OWNER, 2_000_000, 3, 90, MakerSide.OWNER, T0 + 90 * MINUTE);

        long previous = TransferChecksum.GENESIS;
        for (int i = 0; i < transfers.transfers.size(); i++)
        {
            final Transfer t = transfers.transfers.get(i);
            assertThat(t.id()).isEqualTo(i + 1);
            assertThat(t.checksum()).isEqualTo(TransferChecksum.chain(previous, t.id(), t.time(), t.debit(),
                t.credit(), t.amount(), t.reason().code(), t.ref(), t.leaseId()));
            previous = t.checksum();
        }
        assertThat(ledger.lastTransferId()).isEqualTo(transfers.transfers.size());
        assertThat(ledger.lastChecksum()).isEqualTo(previous);
    }

    @Test
    void configRejectsAMakerRateAboveTheTakerRate()
    {
        assertThatThrownBy(() -> new LedgerConfig(30, 25)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerConfig(-1, 25)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerConfig(0, 10_001)).isInstanceOf(IllegalArgumentException.class);
    }
}
