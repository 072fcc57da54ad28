package com.offpeak.journal;

/** When an acknowledged command is safe. */
public enum Durability
{
    /** Written to the memory-mapped journal (the page cache) before the ack: survives a process crash, not power loss. */
    ASYNC,
    /** Group commit: one msync of the input journal per ring batch before any ack of that batch: survives power loss. */
    SYNC
}
