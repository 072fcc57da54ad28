package com.offpeak.ledger;

/** Which side of a fill provided liquidity and so pays the maker rate; the other pays the taker rate. */
public enum MakerSide
{
    /** The resting bid was hit by an incoming ask (or capacity returning to an ask). */
    BUYER,
    /** The resting ask was lifted by an incoming bid. */
    OWNER,
    /** A call-auction fill: both sides pay the maker rate. */
    BOTH;

    public boolean buyerIsMaker()
    {
        return this != OWNER;
    }

    public boolean ownerIsMaker()
    {
        return this != BUYER;
    }
}
