package com.offpeak.ledger;

import com.offpeak.ledger.money.Amounts;

/**
 * Fee rates in basis points. The resting (deferrable) side pays the cheaper maker rate, so
 * {@code 0 ≤ makerBps ≤ takerBps ≤ 10000}; a bid's hold reserves the taker rate, its worst case.
 * Call-auction fills pay the maker rate on both sides.
 */
public record LedgerConfig(int makerBps, int takerBps)
{
    public LedgerConfig
    {
        if (makerBps < 0 || makerBps > takerBps || takerBps > Amounts.BPS_PER_UNIT)
        {
            throw new IllegalArgumentException("fees need 0 <= makerBps <= takerBps <= 10000, got maker " + makerBps + ", taker " +
                takerBps);
        }
    }
}
