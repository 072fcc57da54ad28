package com.offpeak.cli;

import com.offpeak.pipeline.JournalVerifier;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code verify}: replays the input journal and checks everything {@link JournalVerifier} checks; exit 1 at the first violation. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Replay DIR's input journal and check every engine and ledger invariant and the output journal; exit 1 at the first violation.")
final class VerifyCommand implements Callable<Integer>
{
    @Mixin
    JournalDirectory data;

    @Option(names = "--validate-every", defaultValue = "10000",
        description = "check engine and ledger invariants every N inputs, and at the end (default: ${DEFAULT-VALUE})")
    long validateEvery;

    @Mixin
    ExchangeOptions exchange;

    @Override
    public Integer call()
    {
        final Progress progress = new Progress(System.err, "verify");
        final String violation = JournalVerifier.verify(data.path(), exchange.factory(), validateEvery, progress::update);
        if (violation != null)
        {
            System.out.println("VIOLATION: " + violation);
            return 1;
        }
        System.out.println("OK: output journal identical to a replay, every invariant holds");
        return 0;
    }
}
