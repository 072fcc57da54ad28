package com.offpeak.journal;

/**
 * The first byte of every output record. Stable codes, never renumbered: downstream readers tail
 * the output journal across releases. 100 is the ledger's transfer document (its own codec).
 */
public final class OutputRecordType
{
    /*
     * 0 began the per-input document of older releases' output journals; it is never reused.
     */
    /** Output journal only: the first byte of a batch's outputs document ({@link OutputJournal}). */
    public static final int OUTPUTS = 40;
    public static final int ACCEPTED = 1;
    public static final int REJECTED = 2;
    public static final int DUPLICATE = 3;
    public static final int FILL = 4;
    public static final int LEASE_STARTED = 5;
    public static final int LEASE_ENDED = 6;
    public static final int ORDER_EXPIRED = 7;
    public static final int ORDER_CANCELLED = 8;
    public static final int AMENDED = 9;
    public static final int BOOK_CHANGED = 10;
    public static final int MARKET_MODE_CHANGED = 11;
    public static final int AUCTION_INDICATIVE = 12;
    public static final int AUCTION_CLEARED = 13;
    public static final int QUOTED = 14;
    public static final int PREEMPTED = 15;
    public static final int REQUEUED = 16;
    /** A deposit or withdrawal the ledger refused (unknown account, short funds, reused key for another amount). */
    public static final int CASH_REJECTED = 20;
    /** An admin set a participant's spending cap (micro-USD per hour; {@code Ledger.NO_CAP} removes it). */
    public static final int SPENDING_CAP_SET = 21;
    /** A snapshot request was carried out; payload: the snapshot's sequence. */
    public static final int SNAPSHOT_TAKEN = 30;
    public static final int TRANSFER = 100;

    private OutputRecordType()
    {
    }
}
