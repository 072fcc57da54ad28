package com.offpeak.pipeline;

import com.offpeak.os.Libc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a background thread the lowest scheduling priority (Linux nice 19), so that on a machine
 * with few cores it runs on the CPU the order path leaves and does not take a core from it.
 *
 * <p>Why: on two cores the snapshot replica's bursts (replaying to catch up, then serializing the
 * state, 0.3-0.4 s at a time) took two thirds of a core from the event loop and the stage thread,
 * and while one ran seven in ten orders took over 1 ms to be acknowledged. Java's thread priorities
 * do nothing on Linux without root, so this calls libc: on Linux {@code setpriority(PRIO_PROCESS,
 * tid, n)} sets the nice value of that one thread, and threads it starts later inherit it. Elsewhere,
 * or where libc cannot be called, the thread keeps its priority (and says so in the log): only the
 * latency of the order path depends on it.
 */
final class BackgroundPriority
{
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    static final int LOWEST = 19;

    private BackgroundPriority()
    {
    }

    /** Lowers the calling thread to {@value #LOWEST}; false if it could not (logged here, or once by {@link Libc} if libc cannot be bound). */
    static boolean lowerCurrentThread()
    {
        final Libc.Calls libc = Libc.calls();
        if (libc == null)
        {
            return false;
        }
        try
        {
            if (libc.setpriority(Libc.PRIO_PROCESS, libc.gettid(), LOWEST) == 0)
            {
                return true;
            }
            LOG.warn("{} keeps its scheduling priority: setpriority failed (errno {})", Thread.currentThread().getName(), Libc.lastError());
        }
        catch (final LinkageError e)
        {
            LOG.warn("{} keeps its scheduling priority: libc's setpriority or gettid (glibc 2.30 on) cannot be called here ({})",
                Thread.currentThread().getName(), e.toString());
        }
        return false;
    }
}
