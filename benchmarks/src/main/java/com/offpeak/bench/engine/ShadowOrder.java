package com.offpeak.bench.engine;

import com.offpeak.engine.Side;

/**
 * The generator's copy of one resting order, rebuilt from engine events so that the workload can
 * aim amends and cancels at orders that are really open, and can count the skips of each walk.
 * Generation-time only: never touched while the benchmark measures.
 */
final class ShadowOrder
{
    final long id;
    final long account;
    final Side side;
    final int instrument;
    final long availableUntil;
    final int minBlock;
    final int durationMinutes;
    final boolean contiguous;
    /** First millisecond at which the engine expires the order, or {@link Long#MAX_VALUE}. */
    final long expiresAt;

    long price;
    /** Relative time priority, renumbered by the shadow in event order: same order as the engine's. */
    long seq;
    /** A bid's unfilled GPUs, an ask's free GPUs. */
    int remaining;
    /** Index in the shadow's per-instrument, per-side pick list (swap-removal). */
    int pickIndex;

    ShadowOrder(
        final long id,
        final long account,
        final Side side,
        final int instrument,
        final long availableUntil,
        final int minBlock,
        final int durationMinutes,
        final boolean contiguous,
        final long expiresAt)
    {
        this.id = id;
        this.account = account;
        this.side = side;
        this.instrument = instrument;
        this.availableUntil = availableUntil;
        this.minBlock = minBlock;
        this.durationMinutes = durationMinutes;
        this.contiguous = contiguous;
        this.expiresAt = expiresAt;
    }

    boolean isBid()
    {
        return side == Side.BID;
    }
}
