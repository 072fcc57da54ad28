package com.offpeak.ledger;

/**
 * The answer to every ledger operation: {@link #OK} or why nothing changed. Stable machine codes
 * (the names) with a message for humans. The declaration order is part of the snapshot format
 * (idempotency records store the ordinal): append new codes at the end only.
 */
public enum LedgerResult
{
    OK("done"),
    INSUFFICIENT_FUNDS("available funds do not cover the amount"),
    DUPLICATE_KEY_CONFLICT("this idempotency key was used for a different request"),
    INVALID_ID("idempotency keys, order ids and lease ids must be positive"),
    INVALID_PARTICIPANT("participant ids must be between 1 and 2^60 - 1, and a buyer cannot lease from itself"),
    INVALID_AMOUNT("amounts, prices, GPUs and durations must be positive"),
    NOTIONAL_OVERFLOW("price x GPUs x duration (with fees) does not fit in 64 bits"),
    BALANCE_OVERFLOW("the deposit would take the exchange's total money past 64 bits"),
    DUPLICATE_ORDER("a hold for this order id is already open"),
    UNKNOWN_ORDER("no open hold for this order id"),
    FILL_MISMATCH("the fill does not fit the order: other buyer or duration, more GPUs than remain, or price above the limit"),
    DUPLICATE_LEASE("escrow for this lease id already exists"),
    UNKNOWN_LEASE("no open escrow for this lease id"),
    INVALID_TIME("the time lies before the lease's start"),
    SPEND_CAP_EXCEEDED("open bids and running leases would exceed the participant's spending cap per hour");

    /** By ordinal, made once: {@code values()} copies its array at every call. */
    private static final LedgerResult[] ALL = values();

    private final String message;

    LedgerResult(final String message)
    {
        this.message = message;
    }

    public String message()
    {
        return message;
    }

    /** The stable name of the result a journal record carries as its ordinal; a name that says so for one this build does not know. */
    public static String nameOf(final int ordinal)
    {
        final LedgerResult result = byOrdinal(ordinal);
        return result == null ? "UNKNOWN_RESULT_" + ordinal : result.name();
    }

    /** The result a journal record carries as its ordinal, or null for one this build does not know. */
    public static LedgerResult byOrdinal(final int ordinal)
    {
        return ordinal >= 0 && ordinal < ALL.length ? ALL[ordinal] : null;
    }
}
