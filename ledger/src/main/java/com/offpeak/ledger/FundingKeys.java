package com.offpeak.ledger;

import com.offpeak.ledger.transfer.TransferChecksum;
import org.agrona.collections.Long2LongHashMap;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Idempotency records of deposits and withdrawals: key → (kind, participant, amount, result).
 * Keys are global (one namespace for both kinds) and kept for the life of the ledger. Stored in
 * arrival-ordered arrays (the snapshot and hash order); the map only finds a key's row.
 */
final class FundingKeys
{
    static final byte DEPOSIT = 1;
    static final byte WITHDRAWAL = 2;
    private static final int NOT_FOUND = -1;
    private static final LedgerResult[] RESULTS = LedgerResult.values();

    private final Long2LongHashMap rowByKey = new Long2LongHashMap(NOT_FOUND);
    private long[] keys = new long[64];
    private byte[] kinds = new byte[64];
    private long[] participants = new long[64];
    private long[] amounts = new long[64];
    private byte[] results = new byte[64];
    private int count;

    /**
     * The stored answer when the key was used before: the original result for the same request,
     * {@link LedgerResult#DUPLICATE_KEY_CONFLICT} for a different one; {@code null} for a new key.
     */
    LedgerResult replay(final long key, final byte kind, final long participant, final long amount)
    {
        final int row = (int)rowByKey.get(key);
        if (row == NOT_FOUND)
        {
            return null;
        }
        final boolean sameRequest = kinds[row] == kind && participants[row] == participant && amounts[row] == amount;
        return sameRequest ? RESULTS[results[row]] : LedgerResult.DUPLICATE_KEY_CONFLICT;
    }

    void record(final long key, final byte kind, final long participant, final long amount, final LedgerResult result)
    {
        if (count == keys.length)
        {
            final int capacity = count * 2;
            keys = Arrays.copyOf(keys, capacity);
            kinds = Arrays.copyOf(kinds, capacity);
            participants = Arrays.copyOf(participants, capacity);
            amounts = Arrays.copyOf(amounts, capacity);
            results = Arrays.copyOf(results, capacity);
        }
        keys[count] = key;
        kinds[count] = kind;
        participants[count] = participant;
        amounts[count] = amount;
        results[count] = (byte)result.ordinal();
        rowByKey.put(key, count);
        count++;
    }

    long hash(final long seed)
    {
        long hash = TransferChecksum.fold(seed, count);
        for (int row = 0; row < count; row++)
        {
            hash = TransferChecksum.fold(hash, keys[row]);
            hash = TransferChecksum.fold(hash, kinds[row]);
            hash = TransferChecksum.fold(hash, participants[row]);
            hash = TransferChecksum.fold(hash, amounts[row]);
            hash = TransferChecksum.fold(hash, results[row]);
        }
        return hash;
    }

    void writeTo(final DataOutput out) throws IOException
    {
        out.writeInt(count);
        for (int row = 0; row < count; row++)
        {
            out.writeLong(keys[row]);
            out.writeByte(kinds[row]);
            out.writeLong(participants[row]);
            out.writeLong(amounts[row]);
            out.writeByte(results[row]);
        }
    }

    void readFrom(final DataInput in) throws IOException
    {
        final int rows = in.readInt();
        if (rows < 0)
        {
            throw new IOException("snapshot has a negative idempotency record count");
        }
        for (int row = 0; row < rows; row++)
        {
            final long key = in.readLong();
            final byte kind = in.readByte();
            final long participant = in.readLong();
            final long amount = in.readLong();
            final byte result = in.readByte();
            if (key <= 0 || (kind != DEPOSIT && kind != WITHDRAWAL) || result < 0 || result >= RESULTS.length ||
                rowByKey.containsKey(key))
            {
                throw new IOException("snapshot has a malformed idempotency record for key " + key);
            }
            record(key, kind, participant, amount, RESULTS[result]);
        }
    }
}
