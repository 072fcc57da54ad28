package com.offpeak.gateway.ws;

import com.offpeak.ledger.account.AccountId;
import com.offpeak.ledger.account.AccountKind;
import com.offpeak.ledger.transfer.TransferCodec;
import java.util.Arrays;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongHashSet;

/**
 * Every participant's available and held funds, mirrored from the ledger's transfers in the
 * output stream (each transfer moves an amount from its debit to its credit account), plus which
 * participants changed since the last flush so their balance is pushed once per batch.
 * Publisher-context only.
 */
public final class Balances
{
    /**
     * The output record carries a transfer in {@link TransferCodec}'s layout without its leading
     * type byte (the record header says "transfer"), so every field sits one byte earlier.
     */
    private static final int DEBIT_OFFSET = 18 - 1;
    private static final int CREDIT_OFFSET = 26 - 1;
    private static final int AMOUNT_OFFSET = TransferCodec.AMOUNT_OFFSET - 1;
    private static final int PAYLOAD_LENGTH = TransferCodec.LENGTH - 1;

    private final Long2LongHashMap byAccountId = new Long2LongHashMap(0);
    private final LongHashSet changedSet = new LongHashSet();
    private long[] changed = new long[16];
    private int changedCount;

    /** Applies one transfer as the output stream carries it. */
    public void transfer(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < PAYLOAD_LENGTH)
        {
            return;
        }
        final long debit = buffer.getLong(offset + DEBIT_OFFSET);
        final long credit = buffer.getLong(offset + CREDIT_OFFSET);
        final long amount = buffer.getLong(offset + AMOUNT_OFFSET);
        move(debit, -amount);
        move(credit, amount);
    }

    public long available(final long participant)
    {
        return byAccountId.get(AccountId.of(participant, AccountKind.AVAILABLE));
    }

    public long held(final long participant)
    {
        return byAccountId.get(AccountId.of(participant, AccountKind.HELD));
    }

    long[] changedParticipants()
    {
        return changed;
    }

    int changedCount()
    {
        return changedCount;
    }

    void clearChanged()
    {
        changedSet.clear();
        changedCount = 0;
    }

    private void move(final long accountId, final long delta)
    {
        final long balance = byAccountId.get(accountId) + delta;
        if (balance == 0)
        {
            byAccountId.remove(accountId); // 0 is the map's "missing" value: absent and zero read the same
        }
        else
        {
            byAccountId.put(accountId, balance);
        }
        final long participant = AccountId.participant(accountId);
        if (participant != 0 && changedSet.add(participant))
        {
            if (changedCount == changed.length)
            {
                changed = Arrays.copyOf(changed, changedCount * 2);
            }
            changed[changedCount++] = participant;
        }
    }
}
