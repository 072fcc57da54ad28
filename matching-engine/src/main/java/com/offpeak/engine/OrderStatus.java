package com.offpeak.engine;

/** Life-cycle state of an order, as reported to a client that retries a place command. */
public enum OrderStatus
{
    /** The place command was rejected; nothing rests. */
    REJECTED,
    /** Resting (possibly partly filled). */
    OPEN,
    /** Completely filled (bids only). */
    FILLED,
    CANCELLED,
    EXPIRED
}
