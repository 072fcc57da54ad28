package com.offpeak.ledger.transfer;

/**
 * Receives every transfer, in id order, as a method call with primitive arguments so that
 * emitting allocates nothing. The pipeline encodes them (with {@link TransferCodec}) into the
 * exchange's output journal; tests record them.
 *
 * <p>A transfer debits {@code debitAccount} and credits {@code creditAccount} by {@code amount}
 * (micro-USD, always > 0). Account balances are credits − debits. See {@link TransferReason} for
 * what {@code ref} and {@code leaseId} hold.
 */
@FunctionalInterface
public interface TransferListener
{
    TransferListener NONE = (transferId, time, debitAccount, creditAccount, amount, reason, ref, leaseId, checksum) ->
    {
    };

    void onTransfer(long transferId, long time, long debitAccount, long creditAccount, long amount, TransferReason reason, long ref,
        long leaseId, long checksum);
}
