package com.offpeak.ledger.journal;

import com.offpeak.ledger.money.MicroUsd;
import com.offpeak.ledger.transfer.TransferReason;
import com.offpeak.ledger.transfer.TransferRecord;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One account's history from the journal as CSV, oldest first:
 * {@code time,transfer_id,reason,ref,lease_id,debit,credit,balance}. Debit is money leaving the
 * account, credit money arriving (one of them is empty), balance the running credits − debits.
 * Amounts are exact decimal USD strings ("12.345678"), never floating point. Documents that are
 * not transfer records are skipped; the journal is not verified here (that is {@link LedgerVerifier}'s job).
 */
public final class StatementExporter implements TransferReader.Visitor
{
    public static final String HEADER = "time,transfer_id,reason,ref,lease_id,debit,credit,balance";

    private final long accountId;
    private final Appendable out;
    private final StringBuilder line = new StringBuilder(128);
    private long balance;

    private StatementExporter(final long accountId, final Appendable out)
    {
        this.accountId = accountId;
        this.out = out;
    }

    public static void export(final ChronicleQueue queue, final long accountId, final Appendable out) throws IOException
    {
        out.append(HEADER).append('\n');
        try
        {
            TransferReader.read(queue, new StatementExporter(accountId, out));
        }
        catch (final UncheckedIOException ex)
        {
            throw ex.getCause();
        }
    }

    @Override
    public boolean onTransfer(final TransferRecord transfer)
    {
        final boolean debit = transfer.debitAccount() == accountId;
        if (!debit && transfer.creditAccount() != accountId)
        {
            return true;
        }
        balance += debit ? -transfer.amount() : transfer.amount();
        line.setLength(0);
        line.append(transfer.time()).append(',').append(transfer.transferId()).append(',').append(reasonName(transfer.reasonCode()))
            .append(',').append(transfer.ref()).append(',').append(transfer.leaseId()).append(',');
        if (debit)
        {
            MicroUsd.appendTo(line, transfer.amount());
        }
        line.append(',');
        if (!debit)
        {
            MicroUsd.appendTo(line, transfer.amount());
        }
        line.append(',');
        MicroUsd.appendTo(line, balance);
        line.append('\n');
        try
        {
            out.append(line);
        }
        catch (final IOException ex)
        {
            // The reader's visitor cannot throw checked exceptions; export() unwraps this.
            throw new UncheckedIOException(ex);
        }
        return true;
    }

    /** A cut-short record ends the statement: nothing after it can be trusted. */
    @Override
    public boolean onTruncated(final long documentLength)
    {
        return false;
    }

    private static String reasonName(final int code)
    {
        final TransferReason reason = TransferReason.ofCode(code);
        return reason == null ? "UNKNOWN_" + code : reason.name();
    }
}
