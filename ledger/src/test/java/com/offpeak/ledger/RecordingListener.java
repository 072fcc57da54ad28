package com.offpeak.ledger;

import com.offpeak.ledger.transfer.TransferListener;
import com.offpeak.ledger.transfer.TransferReason;

import java.util.ArrayList;
import java.util.List;

/** Keeps every transfer for assertions. */
public final class RecordingListener implements TransferListener
{
    public record Transfer(long id, long time, long debit, long credit, long amount, TransferReason reason, long ref, long leaseId,
        long checksum)
    {
    }

    public final List<Transfer> transfers = new ArrayList<>();

    @Override
    public void onTransfer(final long transferId, final long time, final long debitAccount, final long creditAccount, final long amount,
        final TransferReason reason, final long ref, final long leaseId, final long checksum)
    {
        transfers.add(new Transfer(transferId, time, debitAccount, creditAccount, amount, reason, ref, leaseId, checksum));
    }

    public Transfer last()
    {
        return transfers.get(transfers.size() - 1);
    }

    /** The transfers after the first {@code count}. */
    public List<Transfer> since(final int count)
    {
        return transfers.subList(count, transfers.size());
    }
}
