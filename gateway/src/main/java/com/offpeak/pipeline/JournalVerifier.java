package com.offpeak.pipeline;

import com.offpeak.journal.Journals;
import com.offpeak.journal.OutputJournalReader;
import com.offpeak.ledger.journal.LedgerVerifier;
import com.offpeak.ledger.journal.Verification;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.DirectBuffer;

/**
 * Checks a data directory end to end by replaying its input journal from the first input:
 * <ol>
 * <li>engine and ledger invariants, and their agreement ({@link StateMachine#validate()}), every
 *     {@code validateEvery} inputs and at the end;</li>
 * <li>every replayed input's output equals the output journal's, byte for byte, and the output
 *     journal holds nothing more;</li>
 * <li>the ledger's own verifier over the output journal's transfer records, ending exactly at the
 *     replayed ledger's last transfer and checksum.</li>
 * </ol>
 */
public final class JournalVerifier
{
    private JournalVerifier()
    {
    }

    /** The first violation found, or {@code null} when everything holds. {@code progress} sees each input's sequence. */
    public static String verify(final Path dataDir, final StateMachineFactory factory, final long validateEvery,
        final LongConsumer progress)
    {
        try (JournalReplay replay = new JournalReplay(dataDir).fromStart(factory.create());
             OutputJournalReader journaled = new OutputJournalReader(dataDir))
        {
            final String[] violation = new String[1];
            final ReplayListener check = (input, output, length) ->
            {
                if (length > 0)
                {
                    violation[0] = compare(input.sequence, output, length, journaled);
                }
                if (violation[0] == null && validateEvery > 0 && input.sequence % validateEvery == 0)
                {
                    violation[0] = validate(replay.stateMachine(), input.sequence);
                }
                progress.accept(input.sequence);
            };
            while (violation[0] == null && replay.step(check))
            {
                // each step checks itself
            }
            if (violation[0] != null)
            {
                return violation[0];
            }
            if (journaled.next())
            {
                return "the output journal holds output of input " + journaled.sequence() + ", which the input journal does not reach";
            }
            final String invariants = validate(replay.stateMachine(), replay.lastSequence());
            return invariants != null ? invariants : verifyTransfers(dataDir, replay.stateMachine());
        }
        catch (final RuntimeException e)
        {
            return e.toString();
        }
    }

    private static String compare(final long sequence, final DirectBuffer output, final int length, final OutputJournalReader journaled)
    {
        if (!journaled.next())
        {
            return "input " + sequence + " produced output that the output journal does not hold";
        }
        if (journaled.sequence() != sequence)
        {
            return "input " + sequence + " produced output, the output journal's next output is of input " + journaled.sequence();
        }
        if (journaled.length() != length)
        {
            return "output of input " + sequence + " is " + length + " bytes, the output journal holds " + journaled.length();
        }
        for (int i = 0; i < length; i++)
        {
            if (journaled.records().getByte(i) != output.getByte(i))
            {
                return "output of input " + sequence + " differs from the output journal's at byte " + i;
            }
        }
        return null;
    }

    private static String validate(final StateMachine stateMachine, final long sequence)
    {
        try
        {
            stateMachine.validate();
            return null;
        }
        catch (final IllegalStateException e)
        {
            return "after input " + sequence + ": " + e.getMessage();
        }
    }

    private static String verifyTransfers(final Path dataDir, final StateMachine stateMachine)
    {
        if (!(stateMachine instanceof Exchange exchange))
        {
            return null;
        }
        try (ChronicleQueue output = Journals.openReadOnly(dataDir, Journals.OUTPUT))
        {
            final Verification ledger = LedgerVerifier.verify(output, exchange.ledger().lastTransferId(), exchange.ledger().lastChecksum());
            return ledger.ok() ? null : "ledger transfers in the output journal: " + ledger.message();
        }
    }
}
