package com.offpeak.ledger.transfer;

/** One decoded transfer, reused across reads (a mutable holder, not a value to keep). */
public final class TransferRecord
{
    long transferId;
    long time;
    long debitAccount;
    long creditAccount;
    long amount;
    int reasonCode;
    long ref;
    long leaseId;
    long checksum;

    public long transferId()
    {
        return transferId;
    }

    public long time()
    {
        return time;
    }

    public long debitAccount()
    {
        return debitAccount;
    }

    public long creditAccount()
    {
        return creditAccount;
    }

    public long amount()
    {
        return amount;
    }

    /** The raw reason code; {@link TransferReason#ofCode} is {@code null} for a code this version does not know. */
    public int reasonCode()
    {
        return reasonCode;
    }

    public long ref()
    {
        return ref;
    }

    public long leaseId()
    {
        return leaseId;
    }

    public long checksum()
    {
        return checksum;
    }

    /** The checksum this record must carry when it follows a transfer with checksum {@code previous}. */
    public long expectedChecksum(final long previous)
    {
        return TransferChecksum.chain(previous, transferId, time, debitAccount, creditAccount, amount, reasonCode, ref, leaseId);
    }
}
