package com.offpeak.engine;

/** The closed set of commands the engine accepts. See {@link Command} for the fields each one uses. */
public enum CommandType
{
    PLACE_ASK,
    PLACE_BID,
    CANCEL,
    CANCEL_ALL,
    AMEND,
    /** Carries only a time: fires every timer due at or before it. */
    TIMER_TICK,
    /** Admin: an instrument's market mode, continuous or a call auction clearing every N seconds. */
    SET_MARKET_MODE,
    /** Read-only: what GPUs of an instrument (and of the others) would cost now; changes no state. */
    QUOTE
}
