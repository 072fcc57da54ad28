package com.offpeak.os;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few libc calls the exchange makes, bound once through JNA (the version Chronicle Queue
 * brings). Each is only an optimisation of scheduling or paging: where libc cannot be bound,
 * {@link #calls()} is null and the callers go on without (it is logged once, here); a function
 * missing from this libc fails when called, with a {@link LinkageError} the caller handles.
 */
public final class Libc
{
    private static final Logger LOG = LoggerFactory.getLogger(Libc.class);

    /** Linux's {@code PRIO_PROCESS}: with a thread id, {@code setpriority} sets that one thread's nice value. */
    public static final int PRIO_PROCESS = 0;
    /** {@code MADV_RANDOM}, the same on Linux and the BSDs. */
    public static final int MADV_RANDOM = 1;
    /** {@code MADV_WILLNEED}, the same on Linux and the BSDs: for a file mapping, read exactly that range into the page cache. */
    public static final int MADV_WILLNEED = 3;
    /**
     * Linux 5.14 on: fault a range in writable, as the first write to each page would, without
     * writing anything; older kernels refuse it with {@code EINVAL}.
     */
    public static final int MADV_POPULATE_WRITE = 23;
    /** Linux's {@code EINVAL}. */
    public static final int EINVAL = 22;

    /** The calls, as libc declares them. */
    public interface Calls extends Library
    {
        /** glibc 2.30 on. */
        int gettid();

        int setpriority(int which, int who, int prio);

        int madvise(Pointer address, long length, int advice);
    }

    private Libc()
    {
    }

    /** libc, bound on first use; null where it cannot be. */
    public static Calls calls()
    {
        return Bound.CALLS;
    }

    /** The errno of the last failed call on this thread. */
    public static int lastError()
    {
        return Native.getLastError();
    }

    private static final class Bound
    {
        static final Calls CALLS = bind();

        private static Calls bind()
        {
            try
            {
                return Native.load("c", Calls.class);
            }
            catch (final LinkageError e)
            {
                LOG.warn("libc cannot be called here ({}): threads keep their priority, journal writers the kernel's read-ahead, " +
                    "and the pretoucher only pages the journals in", e.toString());
                return null;
            }
        }
    }
}
