package com.offpeak.engine.auction;

import com.offpeak.engine.order.Order;

/**
 * The pairwise compatibility rule of docs/matching.md ("Compatibility and fill size"), as the
 * matcher applies it: the call auction and the quote walk ask the matcher itself, so all three
 * agree on what can trade by construction.
 */
public interface FillSizer
{
    /** GPUs {@code bid} (with {@code bidRemaining} left) and {@code ask} (with {@code askFree}) can trade now; 0 when incompatible. */
    int fillSize(Order bid, int bidRemaining, Order ask, int askFree);
}
