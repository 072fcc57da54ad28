package com.offpeak.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.offpeak.pipeline.InputCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every journal writer maps its cycle file with {@code MADV_RANDOM}, one the pretoucher follows
 * too: the kernel lists the advice as {@code rr} in the mapping's {@code VmFlags}
 * ({@code /proc/self/smaps}), so the tests read it from there. A writer the
 * pretoucher follows finds the pages ahead of it already faulted in through its own mapping: its
 * thread's page-fault count ({@code /proc/thread-self/stat}) hardly moves while it writes them.
 */
class WriterMappingTest
{
    private static final Path THREAD_STAT = Path.of("/proc/thread-self/stat");
    /** Written after the pretoucher has caught up: 2,048 pages, well inside its 32 MB runway. */
    private static final long WRITTEN = 8L << 20;

    @TempDir
    Path data;
    private long sequence;

    @Test
    void aWriterWithoutAPretoucherMapsItsCycleFileWithoutReadAhead() throws IOException
    {
        assertThat(afterOneInput(Pretoucher.Frontier.UNTRACKED)).isNotEmpty().allSatisfy(flags -> assertThat(flags).contains("rr"));
    }

    @Test
    void aWriterThePretoucherFollowsMapsItsCycleFileWithoutReadAheadToo() throws IOException
    {
        try (Pretoucher pretoucher = Pretoucher.start())
        {
            // The pretoucher's own read-only mappings of the file are listed too; only the writer's is writable ("wr").
            assertThat(afterOneInput(pretoucher.track())).filteredOn(flags -> flags.contains("wr")).isNotEmpty()
                .allSatisfy(flags -> assertThat(flags).contains("rr"));
        }
    }

    @Test
    void theOutputJournalsWriterToo() throws IOException
    {
        assumeTrue(Files.isReadable(ProcSmaps.FILE), "no /proc/self/smaps: not Linux");
        try (OutputJournal journal = new OutputJournal(data))
        {
            final ExpandableArrayBuffer output = new ExpandableArrayBuffer(64);
            final OutputEncoder encoder = new OutputEncoder().wrap(output);
            encoder.snapshotTaken(1_000, 1);
            journal.add(1, 1_000, output, encoder.length());
            journal.commit();
            assertThat(flagsOfMappings(data.resolve(Journals.OUTPUT))).isNotEmpty().allSatisfy(flags -> assertThat(flags).contains("rr"));
        }
    }

    @Test
    void aWriterThePretoucherFollowsTakesNoPageFaultsWhereItWrites() throws Exception
    {
        assumeTrue(Files.isReadable(THREAD_STAT), "no /proc/thread-self/stat: not Linux");
        final long pages = WRITTEN / 4096;
        try (Pretoucher pretoucher = Pretoucher.start())
        {
            final Pretoucher.Frontier frontier = pretoucher.track();
            try (InputJournal journal = new InputJournal(data.resolve("followed"), Durability.ASYNC, frontier))
            {
                final long written = write(journal, 1); // the writer's file, position and chunk, for the pretoucher
                final long deadline = System.nanoTime() + 10_000_000_000L;
                while (frontier.touchedTo() < written + Pretoucher.AHEAD && System.nanoTime() < deadline)
                {
                    Thread.sleep(5);
                }
                assertThat(frontier.touchedTo()).as("the pretoucher caught up").isGreaterThanOrEqualTo(written + Pretoucher.AHEAD);
                assertThat(faultsWriting(journal)).as("page faults writing %d pages it populated", pages).isLessThan(pages / 20);
            }
        }
        try (InputJournal journal = new InputJournal(data.resolve("alone"), Durability.ASYNC, Pretoucher.Frontier.UNTRACKED))
        {
            write(journal, 1);
            assertThat(faultsWriting(journal)).as("page faults writing %d pages alone (the count works)", pages).isGreaterThan(pages / 2);
        }
    }

    /** This thread's minor page faults while it writes {@link #WRITTEN} bytes of inputs through {@code journal}. */
    private long faultsWriting(final InputJournal journal) throws IOException
    {
        final long before = minorFaults();
        long bytes = 0;
        while (bytes < WRITTEN)
        {
            bytes += write(journal, InputJournal.MAX_RECORDS_PER_DOCUMENT);
        }
        return minorFaults() - before;
    }

    /** Commits {@code inputs} amends as one document; returns how many bytes of records that wrote. */
    private long write(final InputJournal journal, final int inputs)
    {
        final InputCommand input = new InputCommand();
        input.command.amend(5, 7, 1001, 4, 1_000_000);
        input.engineCommand();
        for (int i = 0; i < inputs; i++)
        {
            input.sequence = ++sequence;
            journal.add(input);
        }
        journal.commit();
        return (long)inputs * InputCodec.encode(input, new UnsafeBuffer(new byte[InputCodec.MAX_LENGTH]), 0);
    }

    /** The calling thread's minor page faults so far: field 10 of its stat line, counted after the command name's parenthesis. */
    private static long minorFaults() throws IOException
    {
        final String stat = Files.readString(THREAD_STAT);
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[7]);
    }

    /** The flags of the input journal's mappings once a writer advancing {@code frontier} has committed one input. */
    private List<List<String>> afterOneInput(final Pretoucher.Frontier frontier) throws IOException
    {
        assumeTrue(Files.isReadable(ProcSmaps.FILE), "no /proc/self/smaps: not Linux");
        try (InputJournal journal = new InputJournal(data, Durability.ASYNC, frontier))
        {
            final InputCommand input = new InputCommand();
            input.command.amend(5, 7, 1001, 4, 1_000_000);
            input.engineCommand();
            input.sequence = 1;
            journal.add(input);
            journal.commit();
            return flagsOfMappings(data.resolve(Journals.INPUT));
        }
    }

    /** The {@code VmFlags} of every mapping of a cycle file under {@code dir}, each as a list of flags. */
    private static List<List<String>> flagsOfMappings(final Path dir) throws IOException
    {
        final String prefix = dir.toRealPath().toString();
        return ProcSmaps.read().stream().filter(m -> m.path().startsWith(prefix) && m.path().endsWith(".cq4"))
            .map(ProcSmaps.Mapping::vmFlags).toList();
    }
}
