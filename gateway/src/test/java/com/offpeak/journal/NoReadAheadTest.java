package com.offpeak.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.offpeak.pipeline.InputCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal writer no pretoucher follows maps its cycle file with {@code MADV_RANDOM}, one the
 * pretoucher follows without: the kernel lists the advice as {@code rr} in the mapping's
 * {@code VmFlags} ({@code /proc/self/smaps}), so the tests read it from there.
 */
class NoReadAheadTest
{
    private static final Path SMAPS = Path.of("/proc/self/smaps");

    @TempDir
    Path data;

    @Test
    void aWriterWithoutAPretoucherMapsItsCycleFileWithoutReadAhead() throws IOException
    {
        assertThat(afterOneInput(Pretoucher.Frontier.UNTRACKED)).isNotEmpty().allSatisfy(flags -> assertThat(flags).contains("rr"));
    }

    @Test
    void aWriterThePretoucherFollowsKeepsTheKernelsReadAhead() throws IOException
    {
        try (Pretoucher pretoucher = Pretoucher.start())
        {
            // The pretoucher's own read-only mappings of the file are listed too; none carries the advice.
            assertThat(afterOneInput(pretoucher.track())).isNotEmpty().allSatisfy(flags -> assertThat(flags).doesNotContain("rr"));
        }
    }

    @Test
    void theOutputJournalsWriterToo() throws IOException
    {
        assumeTrue(Files.isReadable(SMAPS), "no /proc/self/smaps: not Linux");
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

    /** The flags of the input journal's mappings once a writer advancing {@code frontier} has committed one input. */
    private List<List<String>> afterOneInput(final Pretoucher.Frontier frontier) throws IOException
    {
        assumeTrue(Files.isReadable(SMAPS), "no /proc/self/smaps: not Linux");
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
        final List<List<String>> flags = new ArrayList<>();
        boolean inCycleFile = false;
        for (final String line : Files.readAllLines(SMAPS))
        {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*"))
            {
                final int path = line.indexOf('/');
                inCycleFile = path >= 0 && line.substring(path).startsWith(prefix) && line.endsWith(".cq4");
            }
            else if (inCycleFile && line.startsWith("VmFlags:"))
            {
                flags.add(List.of(line.substring("VmFlags:".length()).trim().split(" ")));
            }
        }
        return flags;
    }
}
