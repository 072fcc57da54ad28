package com.offpeak.journal;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the page cache populated ahead of the journals' writers, on a thread of its own.
 *
 * <p>Why: a Chronicle Queue cycle file is written through a memory mapping, and the pages ahead of
 * the writer are holes. The first write to a hole faults, and the kernel's fault handler reads
 * ahead: it allocates and zero-fills a whole read-ahead window (8 MB on our VMs) before the write
 * goes on. Measured on the pipeline's stage thread at 200k inputs/s: a stall of 20-40 ms about ten
 * times a second, all of it in the kernel's memset, which set the latency tail at every rate. Read
 * here first, the same pages are already in the page cache when the writer reaches them, and its
 * fault only maps them.
 *
 * <p>Each journal {@link #track tracks} a {@link Frontier}: its writer publishes the cycle file and
 * the position it has written up to after each commit, and this thread reads the file up to
 * {@link #AHEAD} bytes past that position (reading beyond the file's end returns nothing; Chronicle
 * grows the file a block at a time). It reads holes and data alike and never writes, so it cannot
 * change what a journal holds.
 *
 * <p>The zero-filling still costs CPU (here about half a microsecond per input), so it is done in
 * small pieces with a park between them: on two cores this thread takes a core from a stage or a
 * producer whenever it runs, and a piece of {@value #PIECE} bytes holds it for tens of microseconds,
 * where one read-ahead window held it for tens of milliseconds. For the same reason the pieces of
 * each {@value #WINDOW}-byte window are read from its end down: reads going forward look sequential
 * to the kernel, which would grow its read-ahead to the whole window again.
 */
public final class Pretoucher implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(Pretoucher.class);
    /** About two read-ahead windows past the writer: at 100 MB/s of journal that is 300 ms of writing. */
    static final long AHEAD = 32L << 20;
    static final int PIECE = 64 << 10;
    static final int WINDOW = 1 << 20;
    /** Between pieces while behind: the kernel's timer slack makes it 100-150 µs, so up to ~400 MB/s. */
    private static final long BETWEEN_PIECES_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    /** While every frontier is far enough ahead: at 100 MB/s of journal this is 1 MB of the 32 MB of runway. */
    private static final long CAUGHT_UP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** Pretouches nothing and has no thread: what a pipeline with pretouching turned off uses. */
    public static final Pretoucher NONE = new Pretoucher(false);

    private final CopyOnWriteArrayList<Frontier> frontiers = new CopyOnWriteArrayList<>();
    private final ByteBuffer scratch;
    private final Thread thread;
    private volatile boolean running = true;

    private Pretoucher(final boolean threaded)
    {
        scratch = threaded ? ByteBuffer.allocateDirect(PIECE) : null;
        thread = threaded ? new Thread(this::run, "offpeak-pretoucher") : null;
    }

    /** A pretoucher with its thread running. */
    public static Pretoucher start()
    {
        final Pretoucher pretoucher = new Pretoucher(true);
        pretoucher.thread.setDaemon(true);
        pretoucher.thread.start();
        return pretoucher;
    }

    /**
     * A new frontier whose writer {@link Frontier#advance advances} it, touched from the next pass
     * on; {@link Frontier#UNTRACKED} from {@link #NONE}.
     */
    public Frontier track()
    {
        if (thread == null)
        {
            return Frontier.UNTRACKED;
        }
        final Frontier frontier = new Frontier();
        frontiers.add(frontier);
        return frontier;
    }

    private void run()
    {
        try
        {
            while (running)
            {
                boolean behind = false;
                for (int i = 0; i < frontiers.size(); i++) // by index: no iterator per pass
                {
                    behind |= frontiers.get(i).touchPiece(scratch);
                }
                LockSupport.parkNanos(behind ? BETWEEN_PIECES_NANOS : CAUGHT_UP_NANOS);
            }
        }
        catch (final RuntimeException e)
        {
            // Only an optimisation: the writers go on without it.
            LOG.error("pretoucher stopped; the journals' writers fault their pages in themselves from now on", e);
        }
        finally
        {
            frontiers.forEach(Frontier::release);
        }
    }

    @Override
    public void close()
    {
        if (thread == null)
        {
            return;
        }
        running = false;
        LockSupport.unpark(thread);
        try
        {
            thread.join();
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Where one journal's writer is: its cycle file and the position written up to. Written by the
     * writer, read by the pretoucher; a file and position pair read mid-update is harmless (at worst
     * one pass touches the wrong range of a file that exists).
     */
    public static final class Frontier
    {
        /** For a journal no pretoucher follows (tests, recovery tools): advancing it does nothing useful. */
        public static final Frontier UNTRACKED = new Frontier();

        private volatile File file;
        private volatile long position;
        // The pretoucher's own state.
        private File open;
        /** Null while {@code open} is a file that could not be read: it is not retried. */
        private FileChannel channel;
        /** Everything below is in the page cache, or was written by the writer. */
        private long touchedTo;
        /** The piece of the window above {@code touchedTo} to read next, going down; -1: start the window at its top. */
        private long nextPiece = -1;

        private Frontier()
        {
        }

        /** The writer has written {@code file} up to {@code position}. */
        public void advance(final File file, final long position)
        {
            if (this.file != file)
            {
                this.file = file;
            }
            this.position = position;
        }

        /** Reads the next piece ahead of the writer, if it is not far enough ahead yet; true if it read one. */
        private boolean touchPiece(final ByteBuffer scratch)
        {
            final File current = file;
            if (current == null || current.equals(open) && channel == null)
            {
                return false;
            }
            try
            {
                if (!current.equals(open))
                {
                    release();
                    open = current;
                    touchedTo = 0;
                    nextPiece = -1;
                    channel = FileChannel.open(current.toPath(), StandardOpenOption.READ);
                }
                final long writtenTo = position;
                if (touchedTo < writtenTo)
                {
                    touchedTo = writtenTo;
                    nextPiece = -1;
                }
                if (touchedTo >= writtenTo + AHEAD)
                {
                    return false;
                }
                if (nextPiece < 0)
                {
                    nextPiece = touchedTo + WINDOW - PIECE;
                }
                scratch.clear();
                if (channel.read(scratch, nextPiece) <= 0)
                {
                    nextPiece = -1; // the file ends inside this window for now: start it again when it has grown
                    return false;
                }
                nextPiece -= PIECE;
                if (nextPiece < touchedTo)
                {
                    touchedTo += WINDOW;
                    nextPiece = -1;
                }
                return true;
            }
            catch (final IOException e)
            {
                // Only an optimisation: the writer faults the pages in itself, as without a pretoucher.
                LOG.warn("cannot pretouch {}: {}", current, e.toString());
                release();
                open = current;
                return false;
            }
        }

        /** Where the page cache is populated up to; read by tests once this frontier's pretoucher has stopped or caught up. */
        long touchedTo()
        {
            return touchedTo;
        }

        private void release()
        {
            if (channel != null)
            {
                try
                {
                    channel.close();
                }
                catch (final IOException ignored)
                {
                    // read-only: nothing to lose
                }
                channel = null;
            }
        }
    }
}
