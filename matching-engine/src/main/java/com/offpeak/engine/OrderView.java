package com.offpeak.engine;

/**
 * Read-only visit of one order, for tests, snapshots of market data and audits (not the hot path).
 * For a bid, {@code remaining} is its unfilled GPUs, {@code leased}/{@code retired} are 0 and
 * {@code posted} is filled + remaining; for an ask, {@code remaining} is its free GPUs and
 * {@code posted} = free + leased + retired. {@code open} is false for an ask that was cancelled
 * or expired but still has GPUs out on lease (it is draining).
 */
@FunctionalInterface
public interface OrderView
{
    void order(long orderId, long account, Side side, int instrument, long price, long prioritySeq, boolean open, int remaining,
        int leased, int retired, int posted);
}
