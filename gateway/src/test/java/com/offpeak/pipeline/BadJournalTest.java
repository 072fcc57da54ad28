package com.offpeak.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.offpeak.journal.JournalCorruptException;
import com.offpeak.journal.Journals;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged data directories: a clear error or a safe fallback, never a silently different state. */
class BadJournalTest
{
    @TempDir
    Path data;
    private long fullReplayHash;

    @BeforeEach
    void journalARunWithSnapshots() throws Exception
    {
        try (Pipeline pipeline = Pipeline.start(PipelineConfig.defaults(data).withSnapshotEvery(1_000).withTickEveryMillis(0),
            Load.EXCHANGE))
        {
            Load.run(pipeline, 2, 2_500, 11);
        }
        fullReplayHash = fullReplayHash();
    }

    @Test
    void snapshotsOfAnotherVersionOrCorruptOrPartialAreSkippedForAnOlderOne() throws Exception
    {
        final List<Path> snapshots = new SnapshotStore(data.resolve(Journals.SNAPSHOTS), 3).files();
        assertThat(snapshots).hasSize(3);
        setFormatVersion(snapshots.get(0), 99);
        flipAByteInThePayload(snapshots.get(1));
        final Recovery.Result recovered = restart();
        assertThat(recovered.replayed()).as("replayed after the third-newest snapshot").isGreaterThan(1_000).isLessThan(5_000);
        assertThat(recovered.stateMachine().stateHash()).isEqualTo(fullReplayHash);

        try (RandomAccessFile file = new RandomAccessFile(snapshots.get(2).toFile(), "rw"))
        {
            file.setLength(file.length() / 2); // a partial write
        }
        final Recovery.Result fullReplay = restart();
        assertThat(fullReplay.replayed()).as("no usable snapshot left: full replay").isEqualTo(fullReplay.lastSequence());
        assertThat(fullReplay.stateMachine().stateHash()).isEqualTo(fullReplayHash);
    }

    @Test
    void garbageFilesInTheDataDirectoriesAreIgnored() throws Exception
    {
        Files.write(data.resolve(Journals.INPUT).resolve("notes.txt"), "not a journal".getBytes());
        Files.write(data.resolve(Journals.SNAPSHOTS).resolve("snapshot-99999999999999999999.bin"), new byte[] {1, 2, 3});
        final Recovery.Result recovered = restart();
        assertThat(recovered.stateMachine().stateHash()).isEqualTo(fullReplayHash);
    }

    @Test
    void anUndecodableInputRecordStopsRecoveryWithAClearError()
    {
        try (SingleChronicleQueue queue = Journals.open(data, Journals.INPUT, com.offpeak.journal.Durability.ASYNC);
             ExcerptAppender appender = queue.createAppender();
             DocumentContext dc = appender.writingDocument())
        {
            dc.wire().bytes().write(new byte[88]); // input type code 0: no release ever wrote it
        }
        assertThatThrownBy(this::restart).isInstanceOf(JournalCorruptException.class).hasMessageContaining("unknown input type code 0");
    }

    @Test
    void aTruncatedInputJournalIsRefusedNotReplayedIntoADifferentState() throws Exception
    {
        final Path cycleFile;
        try (Stream<Path> files = Files.list(data.resolve(Journals.INPUT)))
        {
            cycleFile = files.filter(f -> f.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        final long used = lastNonZeroByte(cycleFile);
        try (RandomAccessFile file = new RandomAccessFile(cycleFile.toFile(), "rw"))
        {
            file.setLength(used * 2 / 3);
        }
        assertThatThrownBy(this::restart).hasMessageContaining("input journal");
    }

    private Recovery.Result restart()
    {
        try (Pipeline pipeline = Pipeline.start(PipelineConfig.defaults(data).withTickEveryMillis(0), Load.EXCHANGE))
        {
            return pipeline.recovered();
        }
    }

    private long fullReplayHash()
    {
        try (JournalReplay replay = new JournalReplay(data).fromStart(Load.EXCHANGE.create()))
        {
            return replay.toEnd((input, output, length) -> { }).stateMachine().stateHash();
        }
    }

    private static void setFormatVersion(final Path snapshot, final int version) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(snapshot);
        ByteBuffer.wrap(bytes).putInt(8, version);
        Files.write(snapshot, bytes);
    }

    private static void flipAByteInThePayload(final Path snapshot) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(snapshot);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(snapshot, bytes);
    }

    private static long lastNonZeroByte(final Path file) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        for (int i = bytes.length - 1; i >= 0; i--)
        {
            if (bytes[i] != 0)
            {
                return i + 1;
            }
        }
        return 0;
    }
}
