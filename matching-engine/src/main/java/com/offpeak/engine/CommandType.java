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
    TIMER_TICK
}
