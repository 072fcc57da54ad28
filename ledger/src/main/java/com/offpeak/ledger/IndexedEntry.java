package com.offpeak.ledger;

/** Base of pooled ledger records kept in an {@link EntryIndex}: its id and its links in arrival order. */
abstract class IndexedEntry
{
    long id;
    IndexedEntry previous;
    IndexedEntry next;
}
