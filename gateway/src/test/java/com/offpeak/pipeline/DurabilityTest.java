package com.offpeak.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.offpeak.journal.Durability;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurabilityTest
{
    @TempDir
    Path data;

    @Test
    void syncModeCommitsOncePerBatchNotPerInput() throws Exception
    {
        final int producers = 8;
        final int perProducer = 2_000;
        final long syncs;
        try (Pipeline pipeline = Pipeline.start(PipelineConfig.defaults(data).withDurability(Durability.SYNC).withTickEveryMillis(0),
            Load.EXCHANGE))
        {
            Load.run(pipeline, producers, perProducer, 3);
            pipeline.close();
            syncs = pipeline.inputJournalSyncs();
        }
        final int inputs = producers * perProducer;
        // Each msync takes long enough that concurrent producers fill the ring meanwhile: the next batch carries them all.
        assertThat(syncs).as("msyncs for %d inputs", inputs).isPositive().isLessThan(inputs / 4);
    }

    @Test
    void asyncModeNeverSyncs() throws Exception
    {
        try (Pipeline pipeline = Pipeline.start(PipelineConfig.defaults(data).withTickEveryMillis(0), Load.EXCHANGE))
        {
            Load.run(pipeline, 2, 1_000, 4);
            pipeline.close();
            assertThat(pipeline.inputJournalSyncs()).isZero();
        }
    }
}
