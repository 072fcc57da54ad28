package com.offpeak.ledger.transfer;

/**
 * The checksum chain: each transfer's checksum covers all of its fields and the previous
 * transfer's checksum, starting from {@link #GENESIS}. Editing, dropping or reordering any
 * transfer changes every checksum after it, so a reader holding the last checksum (the head)
 * detects it. It protects against corruption and careless edits, not against a forger who
 * recomputes the chain (that would need a keyed MAC over the head).
 *
 * <p>Construction: a multilinear sum of the fields with distinct odd 64-bit constants, then the
 * SplitMix64 finaliser. Multiplying by an odd constant is a bijection mod 2^64 and so is the
 * finaliser, so changing any single field always changes the checksum. The products are
 * independent, so only one multiply, one add and the finaliser lie on the chain's serial path
 * from one transfer to the next — the checksum costs a few nanoseconds, not tens.
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
        final long content = transferId * 0xC2B2_AE3D_27D4_EB4FL + time * 0x1656_67B1_9E37_79F9L +
            debitAccount * 0x85EB_CA77_C2B2_AE63L + creditAccount * 0x27D4_EB2F_1656_67C5L + amount * 0xFF51_AFD7_ED55_8CCDL +
            reasonCode * 0xC4CE_B9FE_1A85_EC53L + ref * 0xBF58_476D_1CE4_E5B9L + leaseId * 0x94D0_49BB_1331_11EBL;
        return mix(content + previous * 0x9E37_79B9_7F4A_7C15L);
    }

    /** One step of an order-sensitive 64-bit hash, for the ledger's state hash (not on the hot path). */
    public static long fold(final long hash, final long value)
    {
        return mix(hash * 0x9E37_79B9_7F4A_7C15L + value);
    }

    /** The SplitMix64 finaliser: a bijection in which every input bit affects every output bit. */
    private static long mix(final long value)
    {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
