package com.offpeak.journal;

/** Another process (or another pipeline of this one) writes the data directory: see {@link DataDirectoryLock}. */
public final class DataDirectoryInUseException extends IllegalStateException
{
    public DataDirectoryInUseException(final String message)
    {
        super(message);
    }
}
