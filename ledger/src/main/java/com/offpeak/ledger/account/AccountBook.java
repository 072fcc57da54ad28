package com.offpeak.ledger.account;

import com.offpeak.ledger.transfer.TransferChecksum;
import com.offpeak.ledger.transfer.TransferListener;
import com.offpeak.ledger.transfer.TransferReason;
import org.agrona.collections.Long2LongHashMap;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Every balance, and the only code that changes one: {@link #post} moves an amount from one
 * account to another, numbers the transfer, extends the checksum chain and emits it.
 *
 * <p>Accounts are addressed by a dense int <em>slot</em> so that posting needs no lookup: the
 * three system accounts first, then each participant's AVAILABLE and HELD side by side, in the
 * order participants first appeared. That order is deterministic (it follows the command
 * stream) and is the iteration order of snapshots and the state hash; the hash map is used for
 * lookups only.
 */
public final class AccountBook
{
    public static final int EXTERNAL_SLOT = 0;
    public static final int ESCROW_SLOT = 1;
    public static final int FEES_SLOT = 2;
    public static final int NO_SLOT = -1;
    public static final int FIRST_PARTICIPANT_SLOT = 3;

    private final Long2LongHashMap availableSlotByParticipant = new Long2LongHashMap(NO_SLOT);
    private final TransferListener listener;
    private long[] balances = new long[FIRST_PARTICIPANT_SLOT + 2 * 64];
    private long[] accountIds = new long[balances.length];
    private int slotCount = FIRST_PARTICIPANT_SLOT;
    private long nextTransferId = 1;
    private long lastChecksum = TransferChecksum.GENESIS;

    public AccountBook(final TransferListener listener)
    {
        this.listener = listener;
        accountIds[EXTERNAL_SLOT] = AccountId.EXTERNAL;
        accountIds[ESCROW_SLOT] = AccountId.ESCROW;
        accountIds[FEES_SLOT] = AccountId.FEES;
    }

    /** The participant's AVAILABLE slot (HELD is the next one), or {@link #NO_SLOT} if it never had an account. */
    public int availableSlot(final long participant)
    {
        return (int)availableSlotByParticipant.get(participant);
    }

    public static int heldSlot(final int availableSlot)
    {
        return availableSlot + 1;
    }

    /** The participant's position in first-appearance order, from its AVAILABLE slot. */
    public static int participantIndex(final int availableSlot)
    {
        return (availableSlot - FIRST_PARTICIPANT_SLOT) >> 1;
    }

    public int participantCount()
    {
        return (slotCount - FIRST_PARTICIPANT_SLOT) >> 1;
    }

    public long participantAt(final int participantIndex)
    {
        return AccountId.participant(accountIds[FIRST_PARTICIPANT_SLOT + 2 * participantIndex]);
    }

    /** The participant's AVAILABLE slot, opening its two accounts (at zero) on first use. */
    public int openAccounts(final long participant)
    {
        final int existing = availableSlot(participant);
        if (existing != NO_SLOT)
        {
            return existing;
        }
        if (slotCount + 2 > balances.length)
        {
            balances = Arrays.copyOf(balances, balances.length * 2);
            accountIds = Arrays.copyOf(accountIds, accountIds.length * 2);
        }
        final int slot = slotCount;
        accountIds[slot] = AccountId.of(participant, AccountKind.AVAILABLE);
        accountIds[slot + 1] = AccountId.of(participant, AccountKind.HELD);
        slotCount += 2;
        availableSlotByParticipant.put(participant, slot);
        return slot;
    }

    public long balance(final int slot)
    {
        return balances[slot];
    }

    public long accountId(final int slot)
    {
        return accountIds[slot];
    }

    public int slotCount()
    {
        return slotCount;
    }

    public long nextTransferId()
    {
        return nextTransferId;
    }

    public long lastChecksum()
    {
        return lastChecksum;
    }

    /** Moves {@code amount} (≥ 0; zero posts nothing) from the debit slot to the credit slot as one transfer. */
    public void post(final long time, final int debitSlot, final int creditSlot, final long amount, final TransferReason reason,
        final long ref, final long leaseId)
    {
        if (amount == 0)
        {
            return;
        }
        balances[debitSlot] -= amount;
        balances[creditSlot] += amount;
        final long transferId = nextTransferId++;
        final long debitAccount = accountIds[debitSlot];
        final long creditAccount = accountIds[creditSlot];
        lastChecksum = TransferChecksum.chain(lastChecksum, transferId, time, debitAccount, creditAccount, amount, reason.code(), ref,
            leaseId);
        listener.onTransfer(transferId, time, debitAccount, creditAccount, amount, reason, ref, leaseId, lastChecksum);
    }

    public long stateHash(final long seed)
    {
        long hash = TransferChecksum.fold(seed, nextTransferId);
        hash = TransferChecksum.fold(hash, lastChecksum);
        for (int slot = 0; slot < slotCount; slot++)
        {
            hash = TransferChecksum.fold(hash, accountIds[slot]);
            hash = TransferChecksum.fold(hash, balances[slot]);
        }
        return hash;
    }

    /** Writes the chain head, the system balances, then each participant with its balances in slot order. */
    public void writeTo(final DataOutput out) throws IOException
    {
        out.writeLong(nextTransferId);
        out.writeLong(lastChecksum);
        for (int slot = 0; slot < FIRST_PARTICIPANT_SLOT; slot++)
        {
            out.writeLong(balances[slot]);
        }
        out.writeInt((slotCount - FIRST_PARTICIPANT_SLOT) / 2);
        for (int slot = FIRST_PARTICIPANT_SLOT; slot < slotCount; slot += 2)
        {
            out.writeLong(AccountId.participant(accountIds[slot]));
            out.writeLong(balances[slot]);
            out.writeLong(balances[slot + 1]);
        }
    }

    /** Restores what {@link #writeTo} wrote into this fresh book; reads record by record, so a corrupt count ends in EOF, not a huge allocation. */
    public void readFrom(final DataInput in) throws IOException
    {
        nextTransferId = in.readLong();
        lastChecksum = in.readLong();
        if (nextTransferId < 1)
        {
            throw new IOException("snapshot has an invalid next transfer id " + nextTransferId);
        }
        for (int slot = 0; slot < FIRST_PARTICIPANT_SLOT; slot++)
        {
            balances[slot] = in.readLong();
        }
        final int participants = in.readInt();
        for (int i = 0; i < participants; i++)
        {
            final long participant = in.readLong();
            if (!AccountId.isValidParticipant(participant) || availableSlot(participant) != NO_SLOT)
            {
                throw new IOException("snapshot has an invalid or repeated participant " + participant);
            }
            final int slot = openAccounts(participant);
            balances[slot] = in.readLong();
            balances[slot + 1] = in.readLong();
        }
    }
}
