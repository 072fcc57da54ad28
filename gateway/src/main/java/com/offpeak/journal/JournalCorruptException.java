package com.offpeak.journal;

/** A journal or snapshot holds bytes this build cannot have written: stop rather than guess. */
public final class JournalCorruptException extends RuntimeException
{
    public JournalCorruptException(final String message)
    {
        super(message);
    }
}
