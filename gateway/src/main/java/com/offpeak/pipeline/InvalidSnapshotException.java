package com.offpeak.pipeline;

import java.nio.file.Path;

/** A snapshot file that must not be loaded, and why. */
public final class InvalidSnapshotException extends RuntimeException
{
    public InvalidSnapshotException(final Path path, final String reason)
    {
        super("snapshot " + path.getFileName() + ": " + reason);
    }
}
