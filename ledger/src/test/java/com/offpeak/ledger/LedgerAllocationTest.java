package com.offpeak.ledger;

import com.offpeak.ledger.transfer.TransferListener;
import com.offpeak.ledger.transfer.TransferReason;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The hot path (hold, fill, release, streamed payout, lease end) allocates nothing once warm. */
class LedgerAllocationTest
{
    private static final int WARM_UP_ROUNDS = 150_000;
    private static final int MEASURED_ROUNDS = 100_000;

    private static final class CountingListener implements TransferListener
    {
        long transfers;
        long checksums;

        @Override
        public void onTransfer(final long transferId, final long time, final long debitAccount, final long creditAccount,
            final long amount, final TransferReason reason, final long ref, final long leaseId, final long checksum)
        {
            transfers++;
            checksums ^= checksum;
        }
    }

    @Test
    void steadyStateSettlementAllocatesNothing()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final CountingListener listener = new CountingListener();
        final Ledger ledger = new Ledger(new LedgerConfig(10, 25), listener);
        final SettlementCycle cycle = new SettlementCycle(ledger);
        int failures = 0;
        for (int i = 0; i < WARM_UP_ROUNDS; i++)
        {
            failures += cycle.run();
        }
        final long transfersBefore = listener.transfers;
        threads.getCurrentThreadAllocatedBytes();

        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < MEASURED_ROUNDS; i++)
        {
            failures += cycle.run();
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(failures).as("every operation succeeded").isZero();
        assertThat(listener.transfers - transfersBefore).as("transfers in the measured rounds").isGreaterThan(10L * MEASURED_ROUNDS);
        assertThat(allocated).as("bytes allocated over %d rounds", MEASURED_ROUNDS).isZero();
        ledger.checkInvariants();
    }
}
