package com.offpeak.ledger;

import com.offpeak.ledger.transfer.TransferListener;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Every {@link LedgerResult} is reachable, each shown by one refused request that moves no money. A new code fails this test until it is covered. */
class ResultCodeCoverageTest
{
    private static final long T0 = 1_780_000_000_000L;
    private static final long END = T0 + 60 * 60_000L;

    @Test
    void everyResultCodeIsProducedAndNothingChangesOnRejection()
    {
        final Map<LedgerResult, Function<Ledger, LedgerResult>> examples = new EnumMap<>(LedgerResult.class);
        examples.put(LedgerResult.OK, l -> l.deposit(T0, 9, 1, 1));
        examples.put(LedgerResult.INSUFFICIENT_FUNDS, l -> l.holdBid(T0, 3, 1, 1_000_000_000, 1, 60));
        examples.put(LedgerResult.DUPLICATE_KEY_CONFLICT, l -> l.deposit(T0, 1, 1, 2));
        examples.put(LedgerResult.INVALID_ID, l -> l.holdBid(T0, -3, 1, 1, 1, 60));
        examples.put(LedgerResult.INVALID_PARTICIPANT, l -> l.withdraw(T0, 9, 0, 1));
        examples.put(LedgerResult.INVALID_AMOUNT, l -> l.amendHold(T0, 1, 1, -1));
        examples.put(LedgerResult.NOTIONAL_OVERFLOW, l -> l.holdBid(T0, 3, 1, Long.MAX_VALUE, 2, 60));
        examples.put(LedgerResult.BALANCE_OVERFLOW, l -> l.deposit(T0, 9, 1, Long.MAX_VALUE));
        examples.put(LedgerResult.DUPLICATE_ORDER, l -> l.holdBid(T0, 1, 1, 1, 1, 60));
        examples.put(LedgerResult.UNKNOWN_ORDER, l -> l.releaseHold(T0, 3));
        examples.put(LedgerResult.FILL_MISMATCH, l -> l.fill(T0, 1, 5, 1, 2, 1_000_001, 1, 60, MakerSide.OWNER, END));
        examples.put(LedgerResult.DUPLICATE_LEASE, l -> l.fill(T0, 1, 4, 1, 2, 1_000_000, 1, 60, MakerSide.OWNER, END));
        examples.put(LedgerResult.UNKNOWN_LEASE, l -> l.deliver(T0, 5, END));
        examples.put(LedgerResult.INVALID_TIME, l -> l.leaseEnded(T0, 4, T0 - 1));
        examples.put(LedgerResult.SPEND_CAP_EXCEEDED, l -> l.holdBid(T0, 3, 1, 1_000_000, 1, 60));

        assertThat(examples.keySet()).containsExactlyInAnyOrder(LedgerResult.values());
        examples.forEach((code, request) ->
        {
            final Ledger ledger = prepared();
            final long hash = ledger.stateHash();
            final long lastTransfer = ledger.lastTransferId();
            assertThat(request.apply(ledger)).as("example of %s", code).isEqualTo(code);
            if (code != LedgerResult.OK)
            {
                assertThat(ledger.lastTransferId()).as("transfers after %s", code).isEqualTo(lastTransfer);
            }
            // A refused deposit or withdrawal is still an answer recorded under its key; every other refusal leaves no trace.
            if (code != LedgerResult.OK && code != LedgerResult.BALANCE_OVERFLOW)
            {
                assertThat(ledger.stateHash()).as("state after %s", code).isEqualTo(hash);
            }
            assertThat(code.message()).isNotBlank();
            ledger.checkInvariants();
        });
    }

    /**
     * Participant 1 funded under key 1, capped at 2.50/h, bid 1 held (2 GPUs at 1.00 for 60 min), one GPU filled as lease 4
     * from participant 2: exposure 1.00/h of open bid + 1.00/h of running lease.
     */
    private static Ledger prepared()
    {
        final Ledger ledger = new Ledger(new LedgerConfig(10, 25), TransferListener.NONE);
        assertThat(ledger.deposit(T0, 1, 1, 100_000_000)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.setSpendingCap(1, 2_500_000)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.holdBid(T0, 1, 1, 1_000_000, 2, 60)).isEqualTo(LedgerResult.OK);
        assertThat(ledger.fill(T0, 1, 4, 1, 2, 1_000_000, 1, 60, MakerSide.OWNER, END)).isEqualTo(LedgerResult.OK);
        return ledger;
    }
}
