package com.offpeak.cli;

import com.offpeak.pipeline.JournalReplay;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Replays an input journal offline from its first input and prints what happened. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay DIR's input journal offline: print every input and its events, then the final stateHash and ledger totals.")
final class ReplayCommand implements Callable<Integer>
{
    @Mixin
    JournalDirectory data;

    @Option(names = {"-q", "--quiet"}, description = "print only the summary, not every input and event")
    boolean quiet;

    @Mixin
    ExchangeOptions exchange;

    @Override
    public Integer call()
    {
        final PrintStream out = System.out;
        final OutputPrinter printer = new OutputPrinter(out);
        final Progress progress = new Progress(System.err, "replay");
        final long start = System.nanoTime();
        try (JournalReplay replay = new JournalReplay(data.path()).fromStart(exchange.factory().create()))
        {
            replay.toEnd((input, output, length) ->
            {
                if (!quiet)
                {
                    out.println(input);
                    printer.print(output, length);
                }
                progress.update(input.sequence);
            });
            final double seconds = (System.nanoTime() - start) / 1e9;
            out.println("replayed " + replay.replayed() + " inputs in " + String.format("%.2f", seconds) + " s, last sequence " +
                replay.lastSequence());
            out.println(replay.stateMachine().summary());
        }
        return 0;
    }
}
