package com.offpeak.ledger.transfer;

/**
 * The checksum chain: each transfer's checksum covers all of its fields and the previous
 * transfer's checksum, starting from {@link #GENESIS}. Editing, dropping or reordering any
 * transfer changes every checksum after it, so a reader holding the last checksum (the head)
 * detects it. It is a 64-bit mixing hash against corruption and careless edits, not a
 * cryptographic signature.
 */
public final class TransferChecksum
{
    public static final long GENESIS = 0x4f66_6670_6561_6b4cL;

    private TransferChecksum()
    {
    }

    public static long chain(final long previous, final long transferId, final long time, final long debitAccount,
        final long creditAccount, final long amount, final int reasonCode, final long ref, final long leaseId)
    {
        long hash = fold(previous, transferId);
        hash = fold(hash, time);
        hash = fold(hash, debitAccount);
        hash = fold(hash, creditAccount);
        hash = fold(hash, amount);
        hash = fold(hash, reasonCode);
        hash = fold(hash, ref);
        return fold(hash, leaseId);
    }

    /** One step of an order-sensitive 64-bit hash; also used for the ledger's state hash. */
    public static long fold(final long hash, final long value)
    {
        return mix(hash * 0x9E37_79B9_7F4A_7C15L + value);
    }

    /** The SplitMix64 finaliser: every input bit affects every output bit. */
    private static long mix(final long value)
    {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
