package com.offpeak.cli;

import com.offpeak.journal.Journals;
import com.offpeak.journal.OutputJournalReader;
import com.offpeak.ledger.journal.LedgerVerifier;
import com.offpeak.ledger.journal.Verification;
import com.offpeak.pipeline.Exchange;
import com.offpeak.pipeline.JournalReplay;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.DirectBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Replays the input journal from the start and checks, stopping at the first violation (exit 1):
 * the engine's and ledger's invariants (every {@code --validate-every} inputs and at the end),
 * that every replayed input's output equals the output journal's byte for byte, that the output
 * journal holds nothing more, and the ledger's own verifier over the output journal's transfers.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Replay DIR's input journal and check every invariant and the output journal; exit 1 at the first violation.")
final class VerifyCommand implements Callable<Integer>
{
    @Option(names = "--data", required = true, description = "data directory (journals and snapshots)")
    Path data;

    @Option(names = "--validate-every", defaultValue = "10000",
        description = "check engine and ledger invariants every N inputs (default: ${DEFAULT-VALUE})")
    long validateEvery;

    @Mixin
    ExchangeOptions exchange;

    @Override
    public Integer call()
    {
        final String violation = verify();
        if (violation != null)
        {
            System.out.println("VIOLATION: " + violation);
            return 1;
        }
        return 0;
    }

    /** The first violation, or null when the data directory is consistent. */
    String verify()
    {
        final Progress progress = new Progress(System.err, "verify");
        try (JournalReplay replay = new JournalReplay(data).fromStart(exchange.factory().create());
             OutputJournalReader journaled = new OutputJournalReader(data))
        {
            final String[] violation = new String[1];
            while (violation[0] == null && replay.step((input, output, length) ->
            {
                if (length > 0)
                {
                    if (!journaled.next())
                    {
                        violation[0] = "input " + input.sequence + " produced output the output journal does not hold";
                    }
                    else if (journaled.sequence() != input.sequence || journaled.length() != length ||
                        !sameBytes(journaled.records(), output, length))
                    {
                        violation[0] = "output of input " + input.sequence + " differs from the output journal's (at sequence " +
                            journaled.sequence() + ")";
                    }
                }
                if (violation[0] == null && validateEvery > 0 && input.sequence % validateEvery == 0)
                {
                    violation[0] = validate(replay, input.sequence);
                }
                progress.update(input.sequence);
            }))
            {
                // each step checks itself
            }
            if (violation[0] != null)
            {
                return violation[0];
            }
            if (journaled.next())
            {
                return "the output journal holds output for input " + journaled.sequence() + ", which the input journal does not reach";
            }
            final String invariants = validate(replay, replay.lastSequence());
            if (invariants != null)
            {
                return invariants;
            }
            final Exchange exchange = (Exchange)replay.stateMachine();
            try (ChronicleQueue output = Journals.openReadOnly(data, Journals.OUTPUT))
            {
                final Verification ledger = LedgerVerifier.verify(output, exchange.ledger().lastTransferId(),
                    exchange.ledger().lastChecksum());
                if (!ledger.ok())
                {
                    return "ledger journal: " + ledger.message();
                }
            }
            System.out.println("OK: " + replay.replayed() + " inputs, output journal identical, invariants hold");
            System.out.println(replay.stateMachine().summary());
            return null;
        }
        catch (final RuntimeException e)
        {
            return e.toString();
        }
    }

    private static boolean sameBytes(final DirectBuffer a, final DirectBuffer b, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (a.getByte(i) != b.getByte(i))
            {
                return false;
            }
        }
        return true;
    }

    private static String validate(final JournalReplay replay, final long sequence)
    {
        try
        {
            replay.stateMachine().validate();
            return null;
        }
        catch (final IllegalStateException e)
        {
            return "after input " + sequence + ": " + e.getMessage();
        }
    }
}
