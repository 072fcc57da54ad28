package com.offpeak.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.offpeak.os.Libc;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.LongSupplier;
import org.agrona.BufferUtil;
import org.agrona.IoUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pretoucher pages in ahead of each frontier up to its runway or the file's end, follows a roll to a new file, and writes nothing. */
class PretoucherTest
{
    private static final long MB = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void pagesInAheadOfTheWriterUpToTheRunwayAndNeverChangesTheFile() throws Exception
    {
        final Path file = sparse("a.cq4", 64 * MB);
        final byte[] written = pattern(3 << 20);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.write(written);
        }
        try (Pretoucher pretoucher = Pretoucher.start())
        {
            final Pretoucher.Frontier frontier = pretoucher.track();
            writerAt(frontier, file, 3 * MB, 3 * MB + Pretoucher.AHEAD);
            // Caught up: it stops at the runway, whole pieces past the writer.
            Thread.sleep(50);
            assertThat(frontier.touchedTo()).isEqualTo(3 * MB + Pretoucher.AHEAD);

            writerAt(frontier, file, 20 * MB, 20 * MB + Pretoucher.AHEAD);
        }
        assertThat(Files.size(file)).isEqualTo(64 * MB);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r"))
        {
            final byte[] read = new byte[written.length];
            raf.readFully(read);
            assertThat(read).isEqualTo(written);
            final byte[] rest = new byte[(int)(raf.length() - written.length)];
            raf.readFully(rest);
            assertThat(rest).containsOnly((byte)0);
        }
    }

    @Test
    void pagesInExactlyTheRunwayAcrossItsMappingsAndWhenTheWriterJumpsAhead() throws Exception
    {
        final Path file = sparse("e.cq4", 256 * MB);
        try (Pretoucher pretoucher = Pretoucher.start())
        {
            final Pretoucher.Frontier frontier = pretoucher.track();
            writerAt(frontier, file, 0, Pretoucher.AHEAD);
            // 40 MB + the runway crosses the first 64 MB mapping's end.
            writerAt(frontier, file, 40 * MB, 40 * MB + Pretoucher.AHEAD);
            // Past the second mapping's end (64-128 MB) at once.
            writerAt(frontier, file, 150 * MB, 150 * MB + Pretoucher.AHEAD);
        }
        // 32-40 MB is the writer's to fault in: it wrote there before the pretoucher got that far.
        assertThat(inPageCache(file, 0, Pretoucher.AHEAD)).isTrue();
        assertThat(inPageCache(file, 40 * MB, Pretoucher.AHEAD)).isTrue();
        assertThat(inPageCache(file, 150 * MB, Pretoucher.AHEAD)).isTrue();
        // What was never within the runway stays a hole: no read-ahead past it.
        assertThat(inPageCache(file, 40 * MB + Pretoucher.AHEAD + MB, 8 * MB)).isFalse();
        assertThat(inPageCache(file, 150 * MB + Pretoucher.AHEAD + MB, 8 * MB)).isFalse();
    }

    @Test
    void populatesTheWritersOwnMappingWithoutReadingAheadPastTheRunway() throws Exception
    {
        assumeTrue(Libc.calls() != null && Files.isReadable(ProcSmaps.FILE), "no libc or no /proc/self/smaps here");
        final Path file = sparse("f.cq4", 128 * MB);
        final long mapped;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final MappedByteBuffer writers = channel.map(FileChannel.MapMode.READ_WRITE, 0, 64 * MB);
            try (Pretoucher pretoucher = Pretoucher.start())
            {
                // The first page the way the pretoucher does it (advised first, or its fault would read ahead):
                // a kernel without the populating call (before Linux 5.14) refuses it.
                final Pointer first = new Pointer(BufferUtil.address(writers));
                Libc.calls().madvise(first, 4096, Libc.MADV_WILLNEED);
                assumeTrue(Libc.calls().madvise(first, 4096, Libc.MADV_POPULATE_WRITE) == 0, "no madvise(MADV_POPULATE_WRITE) in this kernel");
                final Pretoucher.Frontier frontier = pretoucher.track();
                frontier.writerMaps(file.toFile(), BufferUtil.address(writers), 0, 64 * MB);
                writerAt(frontier, file, 0, Pretoucher.AHEAD);
                mapped = residentKilobytes(BufferUtil.address(writers));
            }
            finally
            {
                IoUtil.unmap(writers);
            }
        }
        // Populated through the writer's mapping (its pages are mapped there), not only paged in elsewhere.
        assertThat(mapped).isGreaterThanOrEqualTo(Pretoucher.AHEAD / 1024);
        assertThat(inPageCache(file, 0, Pretoucher.AHEAD)).isTrue();
        // A populating fault on a page not in the page cache would have read a window ahead past the runway.
        assertThat(inPageCache(file, Pretoucher.AHEAD, 4096)).isFalse();
    }

    @Test
    void stopsAtTheFilesEndAndGoesOnWhenItGrows() throws Exception
    {
        final Path file = sparse("b.cq4", 4 * MB);
        try (Pretoucher pretoucher = Pretoucher.start())
        {
            final Pretoucher.Frontier frontier = pretoucher.track();
            writerAt(frontier, file, 0, 4 * MB);
            Thread.sleep(50);
            assertThat(frontier.touchedTo()).isEqualTo(4 * MB);

            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
            {
                raf.setLength(8 * MB); // as Chronicle grows a cycle file by a block
            }
            awaitAtLeast(frontier::touchedTo, 8 * MB);
        }
    }

    @Test
    void followsTheWriterToTheNextCycleFile() throws Exception
    {
        final Path first = sparse("c1.cq4", 40 * MB);
        final Path second = sparse("c2.cq4", 40 * MB);
        try (Pretoucher pretoucher = Pretoucher.start())
        {
            final Pretoucher.Frontier frontier = pretoucher.track();
            writerAt(frontier, first, 30 * MB, 40 * MB); // the first file's end
            frontier.advance(second.toFile(), MB);
            // A new file starts from the writer's position there (the old file's 40 MB would stay above 33 MB).
            awaitAtLeast(() -> frontier.touchedTo() == MB + Pretoucher.AHEAD ? 1 : 0, 1);
        }
    }

    @Test
    void aFileThatCannotBeReadIsLeftToTheWriter() throws Exception
    {
        try (Pretoucher pretoucher = Pretoucher.start())
        {
            final Pretoucher.Frontier missing = pretoucher.track();
            missing.advance(dir.resolve("gone.cq4").toFile(), 0);
            final Path file = sparse("d.cq4", 4 * MB);
            final Pretoucher.Frontier other = pretoucher.track();
            // The pretoucher thread survives the missing file and serves the other frontier.
            writerAt(other, file, 0, 4 * MB);
            assertThat(missing.touchedTo()).isZero();
        }
    }

    /** The writer has written {@code file} up to {@code position}; waits until the pretoucher has reached {@code touchedTo}. */
    private static void writerAt(final Pretoucher.Frontier frontier, final Path file, final long position, final long touchedTo)
        throws InterruptedException
    {
        frontier.advance(file.toFile(), position);
        awaitAtLeast(frontier::touchedTo, touchedTo);
    }

    /** Whether every page of the range is in the page cache ({@code mincore} through a mapping that touches none of them). */
    private static boolean inPageCache(final Path file, final long from, final long length) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final MappedByteBuffer range = channel.map(FileChannel.MapMode.READ_ONLY, from, length);
            final boolean loaded = range.isLoaded();
            IoUtil.unmap(range);
            return loaded;
        }
    }

    /** How much of the mapping starting at {@code address} is mapped in this process, in kB. */
    private static long residentKilobytes(final long address) throws IOException
    {
        return ProcSmaps.read().stream().filter(m -> m.start() == address).findFirst()
            .orElseThrow(() -> new AssertionError("no mapping at " + Long.toHexString(address))).rssKilobytes();
    }

    private Path sparse(final String name, final long length) throws IOException
    {
        final Path file = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.setLength(length);
        }
        return file;
    }

    private static byte[] pattern(final int length)
    {
        final byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte)0x5A);
        return bytes;
    }

    private static void awaitAtLeast(final LongSupplier value, final long expected) throws InterruptedException
    {
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (value.getAsLong() < expected)
        {
            assertThat(System.nanoTime()).as("reached %,d of %,d in 10 s", value.getAsLong(), expected).isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
