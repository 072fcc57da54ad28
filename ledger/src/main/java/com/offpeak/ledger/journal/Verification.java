package com.offpeak.ledger.journal;

/**
 * What {@link LedgerVerifier} found: either a clean journal, or the first violation with the id
 * of the transfer at which it shows. Also the balances re-derived up to that point.
 */
public final class Verification
{
    private final boolean ok;
    private final long transferId;
    private final String message;
    private final long lastTransferId;
    private final long lastChecksum;
    private final Tally balances;

    Verification(final boolean ok, final long transferId, final String message, final long lastTransferId, final long lastChecksum,
        final Tally balances)
    {
        this.ok = ok;
        this.transferId = transferId;
        this.message = message;
        this.lastTransferId = lastTransferId;
        this.lastChecksum = lastChecksum;
        this.balances = balances;
    }

    public boolean ok()
    {
        return ok;
    }

    /** The transfer id the first violation is reported at (0 when ok). */
    public long transferId()
    {
        return transferId;
    }

    public String message()
    {
        return message;
    }

    /** The last transfer accepted as valid, and its checksum: the head of the verified prefix. */
    public long lastTransferId()
    {
        return lastTransferId;
    }

    public long lastChecksum()
    {
        return lastChecksum;
    }

    /** The re-derived balance of an account id (credits − debits over the verified prefix). */
    public long balance(final long accountId)
    {
        return balances.get(accountId);
    }

    @Override
    public String toString()
    {
        return ok ? "ok up to transfer " + lastTransferId : "violation at transfer " + transferId + ": " + message;
    }
}
