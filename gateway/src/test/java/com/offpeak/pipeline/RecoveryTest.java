package com.offpeak.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.offpeak.journal.Journals;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryTest
{
    @TempDir
    Path data;

    @Test
    void aRestartContinuesTheSequenceAndSendsNothingReplayedToSubscribers() throws Exception
    {
        final long before;
        try (Pipeline pipeline = Pipeline.start(config(), Load.EXCHANGE))
        {
            before = Load.run(pipeline, 2, 500, 5);
        }
        final List<Long> delivered = new CopyOnWriteArrayList<>();
        try (Pipeline pipeline = Pipeline.start(config(), Load.EXCHANGE, (sequence, time, output, length) -> delivered.add(sequence)))
        {
            assertThat(pipeline.recovered().lastSequence()).isEqualTo(before);
            assertThat(pipeline.recovered().outputsRewritten()).isZero();
            // The first inputs of a flow repeat its deposits (same keys: no-ops without output); orders follow.
            final long after = Load.run(pipeline, 1, 50, 6);
            assertThat(after).isEqualTo(before + 50);
        }
        assertThat(delivered).as("only the new inputs' output").allMatch(sequence -> sequence > before).isNotEmpty();
        assertThat(JournalVerifier.verify(data, Load.EXCHANGE, 100, sequence -> { })).isNull();
    }

    @Test
    void aLostOutputJournalIsRebuiltFromTheInputJournal() throws Exception
    {
        try (Pipeline pipeline = Pipeline.start(config(), Load.EXCHANGE))
        {
            Load.run(pipeline, 2, 500, 8);
        }
        try (Stream<Path> files = Files.walk(data.resolve(Journals.OUTPUT)))
        {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
        try (Pipeline pipeline = Pipeline.start(config(), Load.EXCHANGE))
        {
            assertThat(pipeline.recovered().outputsRewritten()).isPositive();
        }
        assertThat(JournalVerifier.verify(data, Load.EXCHANGE, 100, sequence -> { })).isNull();
    }

    @Test
    void aSnapshotOnRequestCoversEverythingBeforeItAndIsWhereTheNextStartBegins() throws Exception
    {
        final CompletableFuture<Long> snapshotSequence = new CompletableFuture<>();
        try (Pipeline pipeline = Pipeline.start(config(), Load.EXCHANGE))
        {
            Load.run(pipeline, 2, 500, 9);
            pipeline.snapshot((correlationId, sequence, output, length) -> snapshotSequence.complete(sequence), 0);
            assertThat(snapshotSequence.get(10, TimeUnit.SECONDS)).isEqualTo(1_001);
        }
        assertThat(new SnapshotStore(data.resolve(Journals.SNAPSHOTS), 3).files()).singleElement()
            .satisfies(file -> assertThat(SnapshotStore.read(file).sequence()).isEqualTo(1_001));
        try (Pipeline pipeline = Pipeline.start(config(), Load.EXCHANGE))
        {
            assertThat(pipeline.recovered().replayed()).as("nothing after the snapshot to replay").isZero();
            assertThat(pipeline.recovered().lastSequence()).isEqualTo(1_001);
        }
        assertThat(JournalVerifier.verify(data, Load.EXCHANGE, 100, sequence -> { })).isNull();
    }

    private PipelineConfig config()
    {
        return PipelineConfig.defaults(data).withTickEveryMillis(0);
    }
}
