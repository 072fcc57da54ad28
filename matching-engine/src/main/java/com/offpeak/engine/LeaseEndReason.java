package com.offpeak.engine;

/** Why a lease ended. */
public enum LeaseEndReason
{
    /** It ran its full duration. */
    COMPLETED
}
