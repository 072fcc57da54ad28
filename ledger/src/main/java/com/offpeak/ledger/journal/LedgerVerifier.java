package com.offpeak.ledger.journal;

import com.offpeak.ledger.account.AccountId;
import com.offpeak.ledger.account.AccountKind;
import com.offpeak.ledger.transfer.TransferChecksum;
import com.offpeak.ledger.transfer.TransferCodec;
import com.offpeak.ledger.transfer.TransferReason;
import com.offpeak.ledger.transfer.TransferRecord;
import net.openhft.chronicle.queue.ChronicleQueue;

/**
 * Replays a journal's transfers from the first, re-deriving every balance, and reports the
 * first violation with its transfer id. Checked per transfer, in this order:
 * <ol>
 *   <li>a complete record (a type-100 document shorter than {@value TransferCodec#LENGTH} bytes is a cut-short tail);</li>
 *   <li>the next consecutive id (a deleted, duplicated or reordered record shows as a gap, reported at the id expected);</li>
 *   <li>the chained checksum (an edited field, e.g. an amount changed on both legs, shows at that record);</li>
 *   <li>a known reason, a positive amount, and debit/credit accounts of the kinds the reason allows
 *       (HOLD and RELEASE within one participant);</li>
 *   <li>time never going backwards;</li>
 *   <li>no account but EXTERNAL negative, no order's hold and no lease's escrow negative.</li>
 * </ol>
 * Each transfer carries one amount for both legs, so Σ debits = Σ credits holds by construction
 * and the checksum guards that amount.
 *
 * <p>A tail cut at a document boundary leaves a valid prefix: it is detected by comparing the
 * journal's head with an expected head (last transfer id and checksum) taken from the live
 * ledger or a snapshot; the violation is reported at the first missing id.
 */
public final class LedgerVerifier implements TransferReader.Visitor
{
    private final Tally balances = new Tally();
    private final Tally heldByOrder = new Tally();
    private final Tally escrowByLease = new Tally();
    private long lastTransferId;
    private long lastChecksum = TransferChecksum.GENESIS;
    private long lastTime = Long.MIN_VALUE;
    private long violationId;
    private String violation;

    private LedgerVerifier()
    {
    }

    /** Verifies every transfer in the journal, without knowing where it should end. */
    public static Verification verify(final ChronicleQueue queue)
    {
        final LedgerVerifier verifier = new LedgerVerifier();
        TransferReader.read(queue, verifier);
        return verifier.result();
    }

    /** Verifies the journal and that it ends exactly at the expected head (e.g. the ledger's {@code lastTransferId}/{@code lastChecksum}). */
    public static Verification verify(final ChronicleQueue queue, final long expectedLastTransferId, final long expectedLastChecksum)
    {
        final LedgerVerifier verifier = new LedgerVerifier();
        TransferReader.read(queue, verifier);
        if (verifier.violation == null)
        {
            if (verifier.lastTransferId < expectedLastTransferId)
            {
                verifier.fail(verifier.lastTransferId + 1, "journal ends at transfer " + verifier.lastTransferId +
                    " but the expected head is transfer " + expectedLastTransferId + ": the tail is missing");
            }
            else if (verifier.lastTransferId > expectedLastTransferId)
            {
                verifier.fail(expectedLastTransferId + 1, "journal runs past the expected head " + expectedLastTransferId);
            }
            else if (verifier.lastChecksum != expectedLastChecksum)
            {
                verifier.fail(expectedLastTransferId, "the head's checksum differs from the expected one");
            }
        }
        return verifier.result();
    }

    @Override
    public boolean onTruncated(final long documentLength)
    {
        return fail(lastTransferId + 1, "transfer record cut short: " + documentLength + " of " + TransferCodec.LENGTH + " bytes");
    }

    @Override
    public boolean onTransfer(final TransferRecord transfer)
    {
        final long id = transfer.transferId();
        if (id != lastTransferId + 1)
        {
            return fail(lastTransferId + 1, "expected transfer " + (lastTransferId + 1) + " next but found " + id +
                ": a record is missing, duplicated or out of order");
        }
        if (transfer.checksum() != transfer.expectedChecksum(lastChecksum))
        {
            return fail(id, "checksum mismatch: the record was edited or the chain is broken");
        }
        final TransferReason reason = TransferReason.ofCode(transfer.reasonCode());
        if (reason == null)
        {
            return fail(id, "unknown reason code " + transfer.reasonCode());
        }
        final String malformed = malformation(transfer, reason);
        if (malformed != null)
        {
            return fail(id, malformed);
        }
        if (transfer.time() < lastTime)
        {
            return fail(id, "time goes backwards: " + transfer.time() + " after " + lastTime);
        }
        final String negative = apply(transfer, reason);
        if (negative != null)
        {
            return fail(id, negative);
        }
        lastTransferId = id;
        lastChecksum = transfer.checksum();
        lastTime = transfer.time();
        return true;
    }

    private static String malformation(final TransferRecord transfer, final TransferReason reason)
    {
        if (transfer.amount() <= 0)
        {
            return "amount " + transfer.amount() + " is not positive";
        }
        if (AccountId.kind(transfer.debitAccount()) != reason.debitKind() || AccountId.kind(transfer.creditAccount()) != reason.creditKind())
        {
            return reason + " cannot move money from account " + transfer.debitAccount() + " to account " + transfer.creditAccount();
        }
        final boolean withinParticipant = reason == TransferReason.HOLD || reason == TransferReason.RELEASE;
        if (withinParticipant && AccountId.participant(transfer.debitAccount()) != AccountId.participant(transfer.creditAccount()))
        {
            return reason + " must stay within one participant";
        }
        final boolean touchesEscrow = reason.debitKind() == AccountKind.ESCROW || reason.creditKind() == AccountKind.ESCROW;
        if (touchesEscrow && transfer.leaseId() <= 0)
        {
            return reason + " must name its lease";
        }
        return null;
    }

    private String apply(final TransferRecord transfer, final TransferReason reason)
    {
        final long amount = transfer.amount();
        if (!balances.add(transfer.debitAccount(), -amount) || !balances.add(transfer.creditAccount(), amount))
        {
            return "a balance overflows 64 bits";
        }
        final long debited = balances.get(transfer.debitAccount());
        if (debited < 0 && reason.debitKind() != AccountKind.EXTERNAL)
        {
            return "account " + transfer.debitAccount() + " goes negative: " + debited;
        }
        if (reason.debitKind() == AccountKind.HELD || reason.creditKind() == AccountKind.HELD)
        {
            final long delta = reason.creditKind() == AccountKind.HELD ? amount : -amount;
            if (!heldByOrder.add(transfer.ref(), delta) || heldByOrder.get(transfer.ref()) < 0)
            {
                return "order " + transfer.ref() + " releases more than it held";
            }
        }
        if (reason.debitKind() == AccountKind.ESCROW || reason.creditKind() == AccountKind.ESCROW)
        {
            final long delta = reason.creditKind() == AccountKind.ESCROW ? amount : -amount;
            if (!escrowByLease.add(transfer.leaseId(), delta) || escrowByLease.get(transfer.leaseId()) < 0)
            {
                return "lease " + transfer.leaseId() + " pays out more than its escrow";
            }
        }
        return null;
    }

    private boolean fail(final long transferId, final String message)
    {
        violationId = transferId;
        violation = message;
        return false;
    }

    private Verification result()
    {
        return new Verification(violation == null, violationId, violation, lastTransferId, lastChecksum, balances);
    }
}
