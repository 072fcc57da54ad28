package com.offpeak.cli;

import java.io.PrintStream;

/** Prints "replayed N of M inputs" to stderr at most once a second, so long replays show they are alive. */
final class Progress
{
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintStream err;
    private final String what;
    private long last;

    Progress(final PrintStream err, final String what)
    {
        this.err = err;
        this.what = what;
    }

    void update(final long done)
    {
        final long now = System.nanoTime();
        if (last == 0)
        {
            last = now; // the first second starts with the first input, not with loading the catalog
        }
        else if (now - last >= INTERVAL_NANOS)
        {
            last = now;
            err.println(what + ": " + done + " inputs...");
        }
    }
}
