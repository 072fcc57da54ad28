package com.offpeak.bench.engine;

/** Why a walk passed a price-crossed resting order: the first failing check of docs/matching.md's compatibility rule. */
enum SkipReason
{
    /** Bid and ask belong to one account (no self-trade). */
    SAME_ACCOUNT,
    /** The ask's window ends before the bid's duration would. */
    WINDOW_TOO_SHORT,
    /** The ask has no free GPUs: all leased, resting only to keep its place. */
    NO_FREE_GPUS,
    /** Fewer GPUs wanted or free than one of the ask's blocks. */
    BELOW_MIN_BLOCK,
    /** A contiguous bid needs more GPUs than the ask can give in one piece. */
    CONTIGUOUS_TOO_BIG
}
