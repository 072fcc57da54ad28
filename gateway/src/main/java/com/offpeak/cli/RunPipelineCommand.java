package com.offpeak.cli;

import com.offpeak.journal.Durability;
import com.offpeak.pipeline.Acknowledger;
import com.offpeak.pipeline.InputCommand;
import com.offpeak.pipeline.Pipeline;
import com.offpeak.pipeline.PipelineConfig;
import com.offpeak.pipeline.SyntheticFlow;
import com.offpeak.pipeline.WaitStrategyKind;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Internal: runs the pipeline on DIR driven by concurrent synthetic producers and reports on
 * stdout, flushed line by line, {@code S <correlation> <account> <key>} before each submission and
 * {@code A <sequence> <correlation>} after each acknowledgement. The crash test runs it as a child
 * JVM and kills it; the lines tell it what was promised.
 */
@Command(name = "run-pipeline", hidden = true, mixinStandardHelpOptions = true,
    description = "Run the pipeline under synthetic load, printing submissions and acknowledgements (crash tests).")
final class RunPipelineCommand implements Callable<Integer>
{

    @Option(names = "--data", required = true)
    Path data;

    @Option(names = "--producers", defaultValue = "8")
    int producers;

    @Option(names = "--inputs", defaultValue = "0", description = "inputs per producer, 0 = until killed")
    long inputs;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(names = "--durability", defaultValue = "ASYNC")
    Durability durability;

    @Option(names = "--wait", defaultValue = "BLOCKING")
    WaitStrategyKind wait;

    @Option(names = "--snapshot-every", defaultValue = "5000")
    long snapshotEvery;

    @Mixin
    ExchangeOptions exchange;

    @Override
    public Integer call() throws InterruptedException
    {
        final PrintStream out = new PrintStream(System.out, false);
        final Acknowledger printAck = (correlationId, sequence, output, length) ->
        {
            out.println("A " + sequence + ' ' + correlationId);
            out.flush();
        };
        final PipelineConfig config = PipelineConfig.defaults(data).withDurability(durability).withWaitStrategy(wait)
            .withRingSize(1024).withSnapshotEvery(snapshotEvery).withTickEveryMillis(5);
        try (Pipeline pipeline = Pipeline.start(config, exchange.factory()))
        {
            out.println("READY " + pipeline.recovered().lastSequence());
            out.flush();
            final Thread[] threads = new Thread[producers];
            for (int p = 0; p < producers; p++)
            {
                final int producer = p;
                threads[p] = new Thread(() -> produce(pipeline, producer, out, printAck), "producer-" + p);
                threads[p].start();
            }
            for (final Thread thread : threads)
            {
                thread.join();
            }
        }
        out.println("DONE");
        out.flush();
        return 0;
    }

    private void produce(final Pipeline pipeline, final int producer, final PrintStream out, final Acknowledger ack)
    {
        final SyntheticFlow flow = new SyntheticFlow(seed * 1000 + producer, 1 + producer * 1000L, 20);
        final InputCommand peek = new InputCommand();
        for (long i = 0; inputs == 0 || i < inputs; i++)
        {
            final long correlation = ((long)producer << 40) | i;
            // Draw the input here to print its identity before submitting, then copy it into the slot.
            flow.next(peek);
            final boolean cash = !peek.type.isEngineCommand();
            out.println("S " + correlation + ' ' + (cash ? peek.account : peek.command.account) + ' ' +
                (cash ? peek.idempotencyKey : peek.command.clientOrderId));
            out.flush();
            pipeline.submit(InputCommand::copyFrom, peek, ack, correlation);
        }
    }
}
