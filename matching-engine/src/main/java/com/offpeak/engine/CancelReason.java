package com.offpeak.engine;

/** Why the engine cancelled (the remainder of) an order. */
public enum CancelReason
{
    /** A cancel command for this order. */
    USER,
    /** A cancel-all command of the order's account. */
    CANCEL_ALL,
    /** The unfilled remainder of an immediate-or-cancel bid. */
    IOC_REMAINDER,
    /** Another alternative of the same substitutes bid got its first fill. */
    SUBSTITUTE_FILLED,
    /**
     * An alternative of the substitutes bid rested on an instrument that switched into call-auction
     * mode, which takes no substitutes: the whole group is cancelled at the switch.
     */
    AUCTION_MODE
}
