package com.offpeak.engine;

/** Which side of an instrument's book an order rests on. Owners post asks; buyers post bids. */
public enum Side
{
    BID,
    ASK
}
