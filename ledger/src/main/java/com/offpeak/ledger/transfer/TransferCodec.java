package com.offpeak.ledger.transfer;

import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

/**
 * The fixed binary layout of a transfer record in the exchange's output journal. Every document
 * of that journal starts with a 1-byte record type; transfers are type {@value #RECORD_TYPE} and
 * readers skip the other types. Little-endian (Chronicle's byte order on every supported
 * platform), {@value #LENGTH} bytes:
 *
 * <pre>
 * offset  size  field
 *      0     1  record type = 100
 *      1     1  reason code ({@link TransferReason})
 *      2     8  transfer id
 *     10     8  time (engine epoch ms)
 *     18     8  debit account id
 *     26     8  credit account id
 *     34     8  amount (micro-USD)
 *     42     8  ref (order id or idempotency key)
 *     50     8  lease id (0 if none)
 *     58     8  checksum
 * </pre>
 */
public final class TransferCodec
{
    public static final byte RECORD_TYPE = 100;
    public static final int LENGTH = 66;
    public static final int AMOUNT_OFFSET = 34;

    /** What {@link #decode} found at the read position. */
    public enum Decoded
    {
        TRANSFER,
        /** A document of another record type, or an empty one: not the ledger's, to be skipped. */
        OTHER_RECORD,
        /** A transfer record cut short: fewer than {@link #LENGTH} bytes. */
        TRUNCATED
    }

    private TransferCodec()
    {
    }

    public static void encode(final BytesOut<?> out, final long transferId, final long time, final long debitAccount,
        final long creditAccount, final long amount, final TransferReason reason, final long ref, final long leaseId,
        final long checksum)
    {
        out.writeByte(RECORD_TYPE);
        out.writeByte((byte)reason.code());
        out.writeLong(transferId);
        out.writeLong(time);
        out.writeLong(debitAccount);
        out.writeLong(creditAccount);
        out.writeLong(amount);
        out.writeLong(ref);
        out.writeLong(leaseId);
        out.writeLong(checksum);
    }

    /** Reads one document's content into {@code into} when it is a complete transfer record. */
    public static Decoded decode(final BytesIn<?> in, final TransferRecord into)
    {
        if (in.readRemaining() < 1 || in.readByte(in.readPosition()) != RECORD_TYPE)
        {
            return Decoded.OTHER_RECORD;
        }
        if (in.readRemaining() < LENGTH)
        {
            return Decoded.TRUNCATED;
        }
        in.readSkip(1);
        into.reasonCode = in.readByte() & 0xFF;
        into.transferId = in.readLong();
        into.time = in.readLong();
        into.debitAccount = in.readLong();
        into.creditAccount = in.readLong();
        into.amount = in.readLong();
        into.ref = in.readLong();
        into.leaseId = in.readLong();
        into.checksum = in.readLong();
        return Decoded.TRANSFER;
    }
}
