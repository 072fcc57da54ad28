package com.offpeak.journal;

import com.offpeak.os.Libc;
import com.sun.jna.Pointer;
import java.io.File;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.bytes.MappedBytesStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a journal writer does each time it starts writing through a new chunk of the memory mapping
 * Chronicle writes its cycle file through (a chunk every 64 MB or so): it turns the kernel's read-ahead
 * off for the chunk and, with a {@link Pretoucher} following it, tells the pretoucher where that chunk
 * is mapped, so that the pretoucher faults the pages ahead in through the writer's own mapping. Single
 * writer thread.
 *
 * <p>Why the pretoucher needs the writer's own mapping: a page mapped in another mapping of the same
 * file, even one already in the page cache, still faults on the writer's first write to it: the
 * kernel maps the page for this mapping and ext4 reserves its block ({@code page_mkwrite}). That was
 * 15% of the pipeline stage thread's time at full throughput (benchmarks/README.md, Pipeline, "The
 * writer's own page faults").
 *
 * <p>Why no read-ahead: a write to a page that is not in the page cache yet faults, and for an
 * ordinary mapping the fault handler reads ahead, allocating and zero-filling a read-ahead window
 * (8 MB on our VMs) before the write goes on: 20-40 ms on the faulting thread's core. Under
 * {@code MADV_RANDOM} (Linux's {@code VM_RAND_READ}) the fault brings in that one page, about 20 µs
 * here. Without a pretoucher every page costs the writer such a fault, which costs throughput (two
 * fifths in the pipeline benchmark) and gives the latency tail back: a yielding pipeline at 100k
 * inputs/s had a p99 of 4-9 ms this way against 18-33 ms with the pretoucher (benchmarks/README.md,
 * Pipeline, "The writers' read-ahead"). With one, the pretoucher puts each piece in the page cache
 * before it populates it, but that alone does not keep the kernel from reading ahead: a page read
 * ahead carries a mark, and a later fault on it reads the next window ahead, so a single fault the
 * writer takes ahead of the pretoucher starts a chain of windows. With the advice as well the
 * pipeline ran 20-45% faster (2026-12-06: benchmarks/README.md, Pipeline, "The populating fault's
 * read-ahead"). A reader in the process that shares the chunk reads what was just written, which is
 * in the page cache already.
 *
 * <p>Only advice: where libc's {@code madvise} cannot be called, or refuses, the writer goes on with
 * the kernel's default (and the log says so, once per writer).
 */
final class WriterMapping
{
    private static final Logger LOG = LoggerFactory.getLogger(WriterMapping.class);
    private final Pretoucher.Frontier frontier;
    /** The chunk the writer wrote through last. */
    private BytesStore<?, ?> current;
    /** False where libc cannot be called, or once it has refused the advice. */
    private boolean advising = Libc.calls() != null;

    /** For the writer that advances {@code frontier}. */
    WriterMapping(final Pretoucher.Frontier frontier)
    {
        this.frontier = frontier;
    }

    /** Called with the bytes of the document being written into {@code file}, after writing into it. */
    void writingThrough(final Bytes<?> document, final File file)
    {
        final BytesStore<?, ?> store = document.bytesStore();
        if (store == current || !(store instanceof MappedBytesStore chunk))
        {
            return;
        }
        current = store;
        // A chunk maps the file from its start() up to its capacity() (file offsets), overlap included.
        final long address = chunk.addressForRead(chunk.start());
        // Advised before the pretoucher hears of the chunk, so that none of its faults there reads ahead.
        if (advising && Libc.calls().madvise(new Pointer(address), chunk.capacity() - chunk.start(), Libc.MADV_RANDOM) != 0)
        {
            advising = false;
            LOG.warn("madvise(MADV_RANDOM) failed (errno {}): the journal writer keeps the kernel's read-ahead", Libc.lastError());
        }
        frontier.writerMaps(file, address, chunk.start(), chunk.capacity());
    }
}
