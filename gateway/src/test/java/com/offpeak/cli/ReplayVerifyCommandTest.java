package com.offpeak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.offpeak.engine.EngineConfig;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.journal.Durability;
import com.offpeak.journal.Journals;
import com.offpeak.journal.OutputRecordType;
import com.offpeak.ledger.LedgerConfig;
import com.offpeak.pipeline.Exchange;
import com.offpeak.pipeline.Pipeline;
import com.offpeak.pipeline.PipelineConfig;
import com.offpeak.pipeline.SyntheticFlow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayVerifyCommandTest
{
    @TempDir
    Path data;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void journalSomeTrading()
    {
        // The CLI's defaults (built-in catalog, fees 10/20 bps) must match the run's.
        try (Pipeline pipeline = Pipeline.start(PipelineConfig.defaults(data).withTickEveryMillis(0),
            Exchange.factory(Catalog.loadDefault(), EngineConfig.DEFAULT, new LedgerConfig(10, 20))))
        {
            final SyntheticFlow flow = new SyntheticFlow(9, 1, 10);
            for (int i = 0; i < 2_000; i++)
            {
                pipeline.submit((slot, f) -> f.next(slot), flow, null, 0);
            }
        }
    }

    @Test
    void replayPrintsInputsEventsAndTheFinalState()
    {
        assertThat(run("replay", "--data", data.toString())).isZero();
        assertThat(printed()).contains("#1 DEPOSIT{", "accepted(", "fill(", "transfer(id=1 ", "replayed 2000 inputs", "stateHash=",
            "ledger: external=-");
    }

    @Test
    void verifyPassesOnAnIntactDirectory()
    {
        assertThat(run("verify", "--data", data.toString(), "--validate-every", "100")).isZero();
        assertThat(printed()).contains("OK:");
    }

    @Test
    void verifyFailsWithTheFirstViolationWhenTheOutputJournalWasTamperedWith()
    {
        try (SingleChronicleQueue queue = Journals.open(data, Journals.OUTPUT, Durability.ASYNC);
             ExcerptAppender appender = queue.createAppender();
             DocumentContext dc = appender.writingDocument())
        {
            dc.wire().bytes().writeByte((byte)OutputRecordType.OUTPUTS).writeInt(1).writeInt(0).writeLong(1_000_000).writeLong(0).writeInt(0);
        }
        assertThat(run("verify", "--data", data.toString())).isEqualTo(1);
        assertThat(printed()).contains("VIOLATION: the output journal holds output of input 1000000");
    }

    @Test
    void verifyFailsWhenReplayedWithOtherFeesThanTheJournalWasWrittenWith()
    {
        assertThat(run("verify", "--data", data.toString(), "--taker-bps", "30")).isEqualTo(1);
        assertThat(printed()).contains("VIOLATION: output of input");
    }

    @Test
    void aDirectoryWithoutAJournalIsRefusedAndLeftAlone()
    {
        final Path typo = data.resolveSibling(data.getFileName() + "-typo");
        for (final String tool : new String[] {"verify", "replay"})
        {
            final StringWriter err = new StringWriter();
            assertThat(Offpeak.commandLine().setErr(new PrintWriter(err, true)).execute(tool, "--data", typo.toString()))
                .as(tool).isEqualTo(2);
            assertThat(err.toString()).as(tool).startsWith("--data " + typo + " holds no Offpeak journal (no input/ in it): is the path right?");
            assertThat(typo).as("%s created nothing", tool).doesNotExist();
        }
    }

    private int run(final String... args)
    {
        final PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try
        {
            return Offpeak.commandLine().execute(args);
        }
        finally
        {
            System.setOut(original);
        }
    }

    private String printed()
    {
        return out.toString(StandardCharsets.UTF_8);
    }
}
