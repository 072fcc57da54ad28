package com.offpeak.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.offpeak.pipeline.InputCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents of many records: committed per batch, read back record by record, entered in the middle of a document. */
class InputJournalTest
{
    @TempDir
    Path data;

    @Test
    void recordsOfManyDocumentsReadBackInOrderAndAReaderCanStartInsideADocument()
    {
        // Batches of 1, 300 (over one document's limit: committed as two documents) and 99 inputs.
        final List<Long> indexOfSequence = new ArrayList<>();
        indexOfSequence.add(-1L);
        try (InputJournal journal = new InputJournal(data, Durability.ASYNC))
        {
            long sequence = 1;
            for (final int batch : new int[] {1, 300, 99})
            {
                int pending = 0;
                for (int i = 0; i < batch; i++)
                {
                    journal.add(amend(sequence++));
                    pending++;
                    if (journal.isFull() || i == batch - 1)
                    {
                        final long index = journal.commit();
                        for (; pending > 0; pending--)
                        {
                            indexOfSequence.add(index);
                        }
                    }
                }
            }
            assertThat(journal.commit()).as("nothing pending").isEqualTo(-1);
        }
        assertThat(indexOfSequence.stream().skip(1).distinct().count()).as("documents").isEqualTo(4);

        final InputCommand read = new InputCommand();
        try (InputJournalReader reader = new InputJournalReader(data))
        {
            for (long sequence = 1; sequence <= 400; sequence++)
            {
                assertThat(reader.next(read)).isTrue();
                assertThat(read.sequence).isEqualTo(sequence);
                assertThat(read.command.orderId).isEqualTo(1000 + sequence);
                assertThat(reader.lastIndex()).isEqualTo(indexOfSequence.get((int)sequence));
            }
            assertThat(reader.next(read)).isFalse();
        }
        for (final long sequence : new long[] {1, 2, 150, 256, 257, 301, 302, 400})
        {
            try (InputJournalReader reader = new InputJournalReader(data))
            {
                assertThat(reader.startAfter(indexOfSequence.get((int)sequence), sequence, read)).as("start after %d", sequence).isTrue();
                if (sequence < 400)
                {
                    assertThat(reader.next(read)).isTrue();
                    assertThat(read.sequence).isEqualTo(sequence + 1);
                }
                else
                {
                    assertThat(reader.next(read)).isFalse();
                }
            }
        }
        try (InputJournalReader reader = new InputJournalReader(data))
        {
            assertThat(reader.startAfter(indexOfSequence.get(150), 301, read)).as("a sequence that is not in that document").isFalse();
            assertThat(reader.next(read)).isTrue();
            assertThat(read.sequence).as("back at the start").isEqualTo(1);
        }
    }

    private static InputCommand amend(final long sequence)
    {
        final InputCommand input = new InputCommand();
        input.command.amend(5, 7, 1000 + sequence, 4, 1_000_000);
        input.engineCommand();
        input.sequence = sequence;
        return input;
    }
}
