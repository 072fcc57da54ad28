package com.offpeak.journal;

import com.offpeak.os.Libc;
import com.sun.jna.Pointer;
import java.io.File;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.agrona.IoUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faults the journal files in ahead of their writers, on a thread of its own.
 *
 * <p>Why: a Chronicle Queue cycle file is written through a memory mapping, and the pages ahead of
 * the writer are holes. The first write to a hole faults, and the kernel's fault handler reads
 * ahead: it allocates and zero-fills a whole read-ahead window (8 MB on our VMs) before the write
 * goes on. Measured on the pipeline's stage thread at 200k inputs/s: a stall of 20-40 ms about ten
 * times a second, all of it in the kernel's memset, which set the latency tail at every rate. Faulted
 * in here first, the pages are mapped writable in the writer's mapping when it reaches them (or at
 * least in the page cache, below), so the writer's write does not wait for the kernel.
 *
 * <p>Each journal {@link #track tracks} a {@link Frontier}: its writer publishes the cycle file and
 * the position it has written up to after each commit, and the chunk of its own mapping it writes
 * through; this thread pages the file in up to {@link #AHEAD} bytes past that position, never beyond
 * the file's end (Chronicle grows the file a block at a time). It never writes, so it cannot change
 * what a journal holds.
 *
 * <p>How it pages in matters as much as that it does. A piece of {@value #PIECE} bytes inside the
 * writer's chunk is faulted in through the writer's own mapping with
 * {@code madvise(MADV_WILLNEED)} and then {@code madvise(MADV_POPULATE_WRITE)}: the pages are
 * zero-filled, their blocks reserved and mapped writable there, as the writer's first write to each
 * would, and the writer takes no fault at all. The first call puts exactly the piece in the page
 * cache, so the populating faults only map it; without it the first fault read a whole window ahead,
 * every 8 MB a single 20-30 ms stretch in the kernel (2026-12-06: a 512 MB file populated this way
 * took 1.3-1.4 s, with it 0.27-0.30 s and no call over 1 ms), and since the writer's chunk is advised
 * {@code MADV_RANDOM} ({@code WriterMapping}) each fault would bring in its one page alone. Neither
 * call writes anything. If the writer has moved on and its chunk is unmapped meanwhile, the
 * populating call fails ({@code ENOMEM}) and the piece is paged in the other way, and if Chronicle
 * has mapped something else there, it faults in pages of that instead, which is harmless. Past the
 * writer's chunk (its next one is not mapped yet), or on a kernel without the call, a piece is a
 * {@link MappedByteBuffer#load() load} of a slice of a read-only mapping of the file:
 * {@code madvise(WILLNEED)} over exactly that range, then a read of each page, so the pages are in
 * the page cache and the writer's fault only maps them. Reading the file instead ({@code pread}, the
 * first version) let the kernel's read-ahead decide the size: it zero-filled megabytes per call,
 * holding a core for 17-20 ms at a time, so the producer or the stage thread beside it lost its core
 * that long. A piece is small and the thread parks between pieces because on two cores it takes a
 * core from a stage or a producer whenever it runs.
 */
public final class Pretoucher implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(Pretoucher.class);
    /** Four 8 MB read-ahead windows past the writer: at 100 MB/s of journal that is 300 ms of writing. */
    static final long AHEAD = 32L << 20;
    /** Eight pages: 1.6-8 µs each to page in on our VMs (the most where the VM backs the memory for the first time). */
    static final int PIECE = 32 << 10;
    /** The kernel's page size on x86-64 and most arm64 Linux; a chunk's start is a multiple of it. */
    private static final long PAGE = 4096;
    /** How much of a file one mapping covers: a new mapping every 64 MB of journal. */
    private static final long REGION = 64L << 20;
    /** Between pieces while behind: the kernel's timer slack makes it 100-150 µs, so 220-330 MB/s. */
    private static final long BETWEEN_PIECES_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    /** While every frontier is far enough ahead: at 100 MB/s of journal this is 1 MB of the 32 MB of runway. */
    private static final long CAUGHT_UP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** Pretouches nothing and has no thread: what a pipeline with pretouching turned off uses. */
    public static final Pretoucher NONE = new Pretoucher(false);

    private final CopyOnWriteArrayList<Frontier> frontiers = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private Pretoucher(final boolean threaded)
    {
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
                    behind |= frontiers.get(i).touchPiece();
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
     * writer, read by the pretoucher; the pair read mid-update is harmless: a new position with the old
     * file makes at most one pass touch part of that file again.
     */
    public static final class Frontier
    {
        /** For a journal no pretoucher follows (tests, recovery tools): advancing it does nothing useful. */
        public static final Frontier UNTRACKED = new Frontier();

        private volatile File file;
        private volatile long position;
        /** The chunk of its mapping the writer writes through; null before it writes or for a writer without one. */
        private volatile WriterChunk writerChunk;
        // The pretoucher's own state.
        private File open;
        /** False once the kernel has refused {@code MADV_POPULATE_WRITE}: every piece is loaded from then on. */
        private boolean populating = Libc.calls() != null;
        /** Null while {@code open} is a file that could not be read: it is not retried. */
        private FileChannel channel;
        /** A read-only mapping of {@code open} from {@code regionStart} on; null when none is mapped. */
        private MappedByteBuffer region;
        private long regionStart;
        /** Everything below is in the page cache, or was written by the writer. */
        private long touchedTo;

        private Frontier()
        {
        }

        /**
         * The writer has written {@code file} up to {@code position}. The position goes first: the
         * pretoucher reads the file first, so once it sees a new file it also sees that file's position,
         * never the old file's larger one (which would leave the new file untouched up to there).
         */
        public void advance(final File file, final long position)
        {
            this.position = position;
            if (this.file != file)
            {
                this.file = file;
            }
        }

        /**
         * The writer writes {@code file} through a chunk of its mapping at {@code address} that maps
         * the file from offset {@code start} to {@code end}; called once per chunk (every 64 MB or so).
         */
        public void writerMaps(final File file, final long address, final long start, final long end)
        {
            if (this != UNTRACKED)
            {
                writerChunk = new WriterChunk(file, address, start, end);
            }
        }

        /** Pages in the next piece ahead of the writer, if it is not far enough ahead yet; true if it did. */
        private boolean touchPiece()
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
                    channel = FileChannel.open(current.toPath(), StandardOpenOption.READ);
                }
                final long writtenTo = position;
                if (touchedTo < writtenTo)
                {
                    touchedTo = writtenTo;
                }
                if (touchedTo >= writtenTo + AHEAD || touchedTo >= regionEnd() && !mapRegionAtTouchedTo())
                {
                    return false;
                }
                final int length = (int)Math.min(PIECE, regionEnd() - touchedTo);
                if (!populatedInWritersMapping(current, length))
                {
                    // A slice object per piece: a few dozen bytes of garbage per 32 KB of journal, on this thread only.
                    region.slice((int)(touchedTo - regionStart), length).load();
                }
                touchedTo += length;
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

        /**
         * Faults {@code length} bytes from {@code touchedTo} in through the writer's own mapping of
         * {@code current}, if its chunk covers them; false if it does not, or the call failed (the
         * chunk just unmapped: {@code ENOMEM}), and the piece is to be loaded instead.
         */
        private boolean populatedInWritersMapping(final File current, final int length)
        {
            final WriterChunk chunk = writerChunk;
            // madvise takes whole pages: from the page touchedTo is in (the writer's own if it is partly written, a no-op then).
            final long from = touchedTo & -PAGE;
            if (!populating || chunk == null || !chunk.file().equals(current) || from < chunk.start() || touchedTo + length > chunk.end())
            {
                return false;
            }
            final Pointer at = new Pointer(chunk.address() + (from - chunk.start()));
            final long bytes = touchedTo + length - from;
            // Exactly the piece into the page cache first, in one call, so the populating faults only map
            // it (a fault on a page not in the cache reads a window ahead, or under MADV_RANDOM its one page).
            // Only advice: if refused, the populate below still faults the piece in.
            Libc.calls().madvise(at, bytes, Libc.MADV_WILLNEED);
            if (Libc.calls().madvise(at, bytes, Libc.MADV_POPULATE_WRITE) == 0)
            {
                return true;
            }
            if (Libc.lastError() == Libc.EINVAL)
            {
                populating = false;
                LOG.info("this kernel has no madvise(MADV_POPULATE_WRITE) (Linux 5.14 on): the journals' writers fault in the pages " +
                    "the pretoucher pages in");
            }
            return false;
        }

        /**
         * Maps the file from {@code touchedTo} up to {@link #REGION} bytes on, never past its end (a page of
         * a mapping past the end faults with SIGBUS, in load()'s native loop fatally); false if the file ends
         * at {@code touchedTo} for now. Files only grow under it: Chronicle never shrinks a cycle file, and
         * one cut short by hand would bring down its own writer's mapping just the same.
         */
        private boolean mapRegionAtTouchedTo() throws IOException
        {
            unmapRegion();
            final long end = Math.min(channel.size(), touchedTo + REGION);
            if (end <= touchedTo)
            {
                return false;
            }
            region = channel.map(FileChannel.MapMode.READ_ONLY, touchedTo, end - touchedTo);
            regionStart = touchedTo;
            return true;
        }

        /** Where the mapping ends; 0 when none is mapped, so any position needs a new one. */
        private long regionEnd()
        {
            return region == null ? 0 : regionStart + region.capacity();
        }

        /** Where the page cache is populated up to; read by tests once this frontier's pretoucher has stopped or caught up. */
        long touchedTo()
        {
            return touchedTo;
        }

        private void unmapRegion()
        {
            if (region != null)
            {
                IoUtil.unmap(region);
                region = null;
            }
        }

        /** A chunk of the writer's mapping of {@code file}: the address of file offset {@code start}, and the offset it maps up to. */
        private record WriterChunk(File file, long address, long start, long end)
        {
        }

        private void release()
        {
            unmapRegion();
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
