package com.offpeak.journal;

import com.offpeak.os.Libc;
import com.sun.jna.Pointer;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.bytes.MappedBytesStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the kernel's read-ahead off for the memory mappings of a journal writer that no
 * {@link Pretoucher} follows: {@code madvise(MADV_RANDOM)} on each chunk Chronicle maps for it,
 * once, when the writer first writes through that chunk. Single writer thread.
 *
 * <p>Why: a write to a page of the cycle file that is not in the page cache yet faults, and for an
 * ordinary mapping the fault handler reads ahead, allocating and zero-filling a read-ahead window
 * (8 MB on our VMs) before the write goes on: 20-40 ms on the writer's thread. Under
 * {@code MADV_RANDOM} (Linux's {@code VM_RAND_READ}) the fault brings in that one page, about 20 µs
 * here. Without a pretoucher that is every page the writer reaches, which costs throughput (two
 * fifths in the pipeline benchmark) and gives the latency tail back: a yielding pipeline at 100k
 * inputs/s had a p99 of 4-9 ms this way against 18-33 ms with the pretoucher (benchmarks/README.md,
 * Pipeline, "The writers' read-ahead"). A writer the pretoucher follows keeps the default: its
 * pages are in the cache before it gets there, and with the advice as well the pipeline ran 6%
 * slower. Readers are not affected: their mappings are their own.
 *
 * <p>Only advice: where libc's {@code madvise} cannot be called, or refuses, the writer goes on with
 * the kernel's default (and the log says so, once per writer).
 */
final class NoReadAhead
{
    private static final Logger LOG = LoggerFactory.getLogger(NoReadAhead.class);
    /** False for a writer a pretoucher follows: it keeps the kernel's default. */
    private final boolean active;
    /** The chunk advised last; the writer moves to a new chunk every 64 MB or so. */
    private BytesStore<?, ?> advised;
    private boolean refused;

    /** For the writer that advances {@code frontier}: active only if no pretoucher follows it. */
    NoReadAhead(final Pretoucher.Frontier frontier)
    {
        active = frontier == Pretoucher.Frontier.UNTRACKED && Libc.calls() != null;
    }

    /** Called with the bytes of the document being written, after writing into it. */
    void writingThrough(final Bytes<?> document)
    {
        final BytesStore<?, ?> store = document.bytesStore();
        if (!active || store == advised || refused || !(store instanceof MappedBytesStore chunk))
        {
            return;
        }
        advised = store;
        // A chunk maps the file from its start() up to its capacity() (file offsets), overlap included.
        if (Libc.calls().madvise(new Pointer(chunk.addressForRead(chunk.start())), chunk.capacity() - chunk.start(), Libc.MADV_RANDOM) != 0)
        {
            refused = true;
            LOG.warn("madvise(MADV_RANDOM) failed (errno {}): the journal writer keeps the kernel's read-ahead", Libc.lastError());
        }
    }
}
