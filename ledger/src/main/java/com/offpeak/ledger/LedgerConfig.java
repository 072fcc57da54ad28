package com.offpeak.ledger;

import com.offpeak.ledger.money.Amounts;

/**
 * Fee rates in basis points. The resting (deferrable) side pays the cheaper maker rate, so
 * {@code 0 ≤ makerBps ≤ takerBps ≤ 10000}; a bid's hold reserves the taker rate, its worst case.
 * Call-auction fills pay the maker rate on both sides.
 *
 * <p>{@code preallocatedEntries} is a sizing hint with no effect on behaviour (snapshots do not
 * record it): the holds and the lease escrows made before the first command, so that a ledger with
 * up to that many open of each never allocates one, and the long-lived ones (an escrow lives as
 * long as its lease) start in the old generation instead of being copied by young collections.
 */
public record LedgerConfig(int makerBps, int takerBps, int preallocatedEntries)
{
    /** A few hundred KB: tests create many ledgers. */
    public static final int DEFAULT_PREALLOCATED_ENTRIES = 1024;

    public LedgerConfig
    {
        if (makerBps < 0 || makerBps > takerBps || takerBps > Amounts.BPS_PER_UNIT)
        {
            throw new IllegalArgumentException("fees need 0 <= makerBps <= takerBps <= 10000, got maker " + makerBps + ", taker " +
                takerBps);
        }
        if (preallocatedEntries < 0)
        {
            throw new IllegalArgumentException("preallocated entries must be >= 0");
        }
    }

    public LedgerConfig(final int makerBps, final int takerBps)
    {
        this(makerBps, takerBps, DEFAULT_PREALLOCATED_ENTRIES);
    }
}
