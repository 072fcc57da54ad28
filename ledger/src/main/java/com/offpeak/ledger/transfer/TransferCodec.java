package com.offpeak.ledger.transfer;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

import net.openhft.chronicle.bytes.BytesIn;
import org.agrona.MutableDirectBuffer;

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

    /** Writes the whole record, its type byte first, at {@code offset}: {@value #LENGTH} bytes. */
    public static void encode(final MutableDirectBuffer out, final int offset, final long transferId, final long time,
        final long debitAccount, final long creditAccount, final long amount, final TransferReason reason, final long ref,
        final long leaseId, final long checksum)
    {
        out.putByte(offset, RECORD_TYPE);
        encodePayload(out, offset + 1, transferId, time, debitAccount, creditAccount, amount, reason, ref, leaseId, checksum);
    }

    /** Writes the record after its type byte at {@code offset}: {@value #LENGTH} - 1 bytes, for a caller that frames records itself. */
    public static void encodePayload(final MutableDirectBuffer out, final int offset, final long transferId, final long time,
        final long debitAccount, final long creditAccount, final long amount, final TransferReason reason, final long ref,
        final long leaseId, final long checksum)
    {
        out.putByte(offset, (byte)reason.code());
        out.putLong(offset + 1, transferId, LITTLE_ENDIAN);
        out.putLong(offset + 9, time, LITTLE_ENDIAN);
        out.putLong(offset + 17, debitAccount, LITTLE_ENDIAN);
        out.putLong(offset + 25, creditAccount, LITTLE_ENDIAN);
        out.putLong(offset + 33, amount, LITTLE_ENDIAN);
        out.putLong(offset + 41, ref, LITTLE_ENDIAN);
        out.putLong(offset + 49, leaseId, LITTLE_ENDIAN);
        out.putLong(offset + 57, checksum, LITTLE_ENDIAN);
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
