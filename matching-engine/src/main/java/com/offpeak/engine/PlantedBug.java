package com.offpeak.engine;

/**
 * Deliberate defects, for mutation-testing the property suite ONLY: a property suite that does not
 * fail with one of these switched on is not testing the rule the bug breaks. Production always
 * runs {@link #NONE}; each hook is one branch at the natural spot, so it costs nothing then.
 */
public enum PlantedBug
{
    NONE,
    /** A new order at a price level goes to the front of the queue instead of the back. */
    LIFO_AT_LEVEL,
    /** An order skipped by an aggressor's walk is moved to the back of its level (with a new priority sequence). */
    SKIP_LOSES_PRIORITY,
    /** The fill size is not rounded down to the ask's minBlock: q = min(bid remaining, ask free). */
    IGNORE_MIN_BLOCK
}
