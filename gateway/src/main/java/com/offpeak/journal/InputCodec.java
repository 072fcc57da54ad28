package com.offpeak.journal;

import com.offpeak.engine.Command;
import com.offpeak.engine.CommandType;
import com.offpeak.engine.TimeInForce;
import com.offpeak.pipeline.InputCommand;
import com.offpeak.pipeline.InputType;
import static java.nio.ByteOrder.LITTLE_ENDIAN;

import java.nio.ByteOrder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.UnsafeApi;

/**
 * The input journal's record: one layout for every input type (unused fields are zero), written
 * field by field at fixed offsets, never through reflection: 92 bytes, then 20 bytes for each
 * substitute a bid carries (at most {@value Command#MAX_SUBSTITUTES}); a document holds one or more
 * records back to back ({@link InputJournal}). Only bids with substitutes need the substitutes'
 * bytes, so layout 3 leaves them out of every other record: at hundreds of thousands of inputs a
 * second each byte journaled is a byte of page cache faulted in, zero-filled and written back.
 * Older journals still decode: layout 2 records always held three substitutes (152 bytes), and
 * layout 1 records (88 bytes, alone in their document) none.
 * <pre>
 * offset size field
 *   0     1  input type code ({@link InputType#code()})
 *   1     1  flags: 1 contiguous, 2 postOnly, 4 preemptible, 8 alternatives (QUOTE)
 *   2     1  time in force: 0 none, 1 GTC, 2 GTD, 3 IOC, 4 FOK
 *   3     1  layout version (3)
 *   4     4  instrument
 *   8     8  sequence
 *  16     8  timestamp (epoch ms, stamped by the sequencer)
 *  24     8  account
 *  32     8  clientOrderId (engine commands) / idempotency key (cash movements)
 *  40     8  orderId
 *  48     4  gpus
 *  52     4  duration minutes
 *  56     8  price (engine commands) / amount (cash movements), micro-USD
 *  64     8  availableUntil
 *  72     8  deadline
 *  80     4  minBlock
 *  84     4  auction interval seconds (SET_MARKET_MODE; 0 = continuous)
 *  88     4  substitute count (PLACE_BID; as sent, so an over-long list is journaled and rejected on replay too)
 *  92  20×n  n = the count, at most 3, substitutes of 20 bytes: instrument (4), gpus (4), duration minutes (4), price (8)
 * </pre>
 */
public final class InputCodec
{
    /** A record without substitutes. */
    public static final int FIXED_LENGTH = 92;
    private static final int SUBSTITUTE_LENGTH = 20;
    /** A record with every substitute a bid may carry, and the size of every layout-2 record. */
    public static final int MAX_LENGTH = FIXED_LENGTH + Command.MAX_SUBSTITUTES * SUBSTITUTE_LENGTH;
    public static final int LAYOUT_VERSION = 3;
    /** Layout 1: the same fields up to the auction interval, no substitutes. */
    private static final int LENGTH_V1 = 88;
    /** Layout 2: always room for every substitute. */
    private static final int LAYOUT_FULL = 2;

    private static final int CONTIGUOUS = 1;
    private static final int POST_ONLY = 2;
    private static final int PREEMPTIBLE = 4;
    private static final int ALTERNATIVES = 8;
    private static final boolean NATIVE_LITTLE_ENDIAN = ByteOrder.nativeOrder() == LITTLE_ENDIAN;

    private InputCodec()
    {
    }

    /** Writes {@code input}'s record at {@code offset} and returns its length: {@value #FIXED_LENGTH} to {@value #MAX_LENGTH} bytes. */
    public static int encode(final InputCommand input, final MutableDirectBuffer out, final int offset)
    {
        final var c = input.command;
        final boolean cash = !input.type.isEngineCommand();
        out.putByte(offset, (byte)input.type.code());
        out.putByte(offset + 1, (byte)((c.contiguous ? CONTIGUOUS : 0) | (c.postOnly ? POST_ONLY : 0) | (c.preemptible ? PREEMPTIBLE : 0) |
            (c.alternatives ? ALTERNATIVES : 0)));
        out.putByte(offset + 2, (byte)timeInForceCode(c.timeInForce));
        out.putByte(offset + 3, (byte)LAYOUT_VERSION);
        out.putInt(offset + 4, c.instrument, LITTLE_ENDIAN);
        out.putLong(offset + 8, input.sequence, LITTLE_ENDIAN);
        out.putLong(offset + 16, c.timestamp, LITTLE_ENDIAN);
        out.putLong(offset + 24, cash ? input.account : c.account, LITTLE_ENDIAN);
        out.putLong(offset + 32, cash ? input.idempotencyKey : c.clientOrderId, LITTLE_ENDIAN);
        out.putLong(offset + 40, c.orderId, LITTLE_ENDIAN);
        out.putInt(offset + 48, c.gpus, LITTLE_ENDIAN);
        out.putInt(offset + 52, c.durationMinutes, LITTLE_ENDIAN);
        out.putLong(offset + 56, cash ? input.amount : c.price, LITTLE_ENDIAN);
        out.putLong(offset + 64, c.availableUntil, LITTLE_ENDIAN);
        out.putLong(offset + 72, c.deadline, LITTLE_ENDIAN);
        out.putInt(offset + 80, c.minBlock, LITTLE_ENDIAN);
        out.putInt(offset + 84, c.auctionIntervalSeconds, LITTLE_ENDIAN);
        out.putInt(offset + 88, c.substituteCount, LITTLE_ENDIAN);
        final int substitutes = storedSubstitutes(c.substituteCount);
        for (int i = 0; i < substitutes; i++)
        {
            final int at = offset + FIXED_LENGTH + i * SUBSTITUTE_LENGTH;
            out.putInt(at, c.substituteInstrument[i], LITTLE_ENDIAN);
            out.putInt(at + 4, c.substituteGpus[i], LITTLE_ENDIAN);
            out.putInt(at + 8, c.substituteDuration[i], LITTLE_ENDIAN);
            out.putLong(at + 12, c.substitutePrice[i], LITTLE_ENDIAN);
        }
        return FIXED_LENGTH + substitutes * SUBSTITUTE_LENGTH;
    }

    /** How many substitutes a record of {@code count} holds: the count as sent may be negative or over the limit. */
    private static int storedSubstitutes(final int count)
    {
        return Math.max(0, Math.min(count, Command.MAX_SUBSTITUTES));
    }

    /**
     * Decodes the record at {@code offset} into {@code into}, where {@code remaining} bytes of the
     * document are left, and returns its length. A document holds either one layout-1 record
     * (exactly {@value #LENGTH_V1} bytes) or any number of later ones.
     *
     * <p>Checks once that the whole record is inside the buffer, then reads its fields straight
     * from the buffer's memory, as {@link OutputEncoder} writes: read through the buffer, every
     * field re-checked the bounds and decoding took a tenth of replay's time.
     *
     * @throws JournalCorruptException if the record is short, of an unknown type or layout.
     */
    public static int decode(final DirectBuffer in, final int offset, final int remaining, final InputCommand into)
    {
        if (remaining < LENGTH_V1)
        {
            throw new JournalCorruptException("input record of " + remaining + " bytes, expected at least " + LENGTH_V1);
        }
        // Enough for the layout byte and, when the document has room for it, the substitute count.
        in.boundsCheck(offset, Math.min(remaining, FIXED_LENGTH));
        final byte[] array = in.byteArray();
        final long record = in.addressOffset() + offset;
        final int typeCode = UnsafeApi.getByte(array, record) & 0xFF;
        final InputType type = InputType.fromCode(typeCode);
        if (type == null)
        {
            throw new JournalCorruptException("unknown input type code " + typeCode);
        }
        final int layout = UnsafeApi.getByte(array, record + 3) & 0xFF;
        final int length = recordLength(layout, array, record, remaining);
        in.boundsCheck(offset, length);
        final int flags = UnsafeApi.getByte(array, record + 1) & 0xFF;
        final TimeInForce tif = timeInForce(UnsafeApi.getByte(array, record + 2) & 0xFF);
        final var c = into.command;
        into.type = type;
        c.instrument = intAt(array, record + 4);
        into.sequence = longAt(array, record + 8);
        c.timestamp = longAt(array, record + 16);
        final long account = longAt(array, record + 24);
        final long key = longAt(array, record + 32);
        c.orderId = longAt(array, record + 40);
        c.gpus = intAt(array, record + 48);
        c.durationMinutes = intAt(array, record + 52);
        final long priceOrAmount = longAt(array, record + 56);
        c.availableUntil = longAt(array, record + 64);
        c.deadline = longAt(array, record + 72);
        c.minBlock = intAt(array, record + 80);
        c.auctionIntervalSeconds = intAt(array, record + 84);
        c.substituteCount = layout == 1 ? 0 : intAt(array, record + 88);
        // Layout 2 stored unused substitutes as zeros; layout 3 stores none, and they read as zeros.
        final int substitutes = (length - FIXED_LENGTH) / SUBSTITUTE_LENGTH;
        for (int i = 0; i < Command.MAX_SUBSTITUTES; i++)
        {
            final long at = record + FIXED_LENGTH + i * SUBSTITUTE_LENGTH;
            final boolean stored = i < substitutes;
            c.substituteInstrument[i] = stored ? intAt(array, at) : 0;
            c.substituteGpus[i] = stored ? intAt(array, at + 4) : 0;
            c.substituteDuration[i] = stored ? intAt(array, at + 8) : 0;
            c.substitutePrice[i] = stored ? longAt(array, at + 12) : 0;
        }
        c.timeInForce = tif;
        c.contiguous = (flags & CONTIGUOUS) != 0;
        c.postOnly = (flags & POST_ONLY) != 0;
        c.preemptible = (flags & PREEMPTIBLE) != 0;
        c.alternatives = (flags & ALTERNATIVES) != 0;
        if (type.isEngineCommand())
        {
            c.type = engineType(type);
            c.account = account;
            c.clientOrderId = key;
            c.price = priceOrAmount;
            into.account = 0;
            into.idempotencyKey = 0;
            into.amount = 0;
        }
        else
        {
            c.type = CommandType.TIMER_TICK;
            c.account = 0;
            c.clientOrderId = 0;
            c.price = 0;
            into.account = account;
            into.idempotencyKey = key;
            into.amount = priceOrAmount;
        }
        return length;
    }

    /** The length of a record in {@code layout}, checked against the {@code remaining} bytes of its document. */
    private static int recordLength(final int layout, final byte[] array, final long record, final int remaining)
    {
        final int length;
        if (layout == 1 && remaining == LENGTH_V1)
        {
            length = LENGTH_V1;
        }
        else if (layout == LAYOUT_FULL)
        {
            length = MAX_LENGTH;
        }
        else if (layout == LAYOUT_VERSION && remaining >= FIXED_LENGTH)
        {
            length = FIXED_LENGTH + storedSubstitutes(intAt(array, record + 88)) * SUBSTITUTE_LENGTH;
        }
        else
        {
            throw new JournalCorruptException("input record of " + remaining + " bytes in layout version " + layout +
                ", this build reads 1 (" + LENGTH_V1 + " bytes, alone in a document), 2 (" + MAX_LENGTH + " bytes) and " + LAYOUT_VERSION +
                " (" + FIXED_LENGTH + " bytes and " + SUBSTITUTE_LENGTH + " per substitute)");
        }
        if (length > remaining)
        {
            throw new JournalCorruptException("input record of " + remaining + " bytes in layout version " + layout + " needs " + length);
        }
        return length;
    }

    /** The little-endian int at {@code address} of {@code array} (null: off-heap), bounds already checked. */
    private static int intAt(final byte[] array, final long address)
    {
        final int value = UnsafeApi.getInt(array, address);
        return NATIVE_LITTLE_ENDIAN ? value : Integer.reverseBytes(value);
    }

    /** The little-endian long at {@code address} of {@code array} (null: off-heap), bounds already checked. */
    private static long longAt(final byte[] array, final long address)
    {
        final long value = UnsafeApi.getLong(array, address);
        return NATIVE_LITTLE_ENDIAN ? value : Long.reverseBytes(value);
    }

    private static CommandType engineType(final InputType type)
    {
        return switch (type)
        {
            case PLACE_ASK -> CommandType.PLACE_ASK;
            case PLACE_BID -> CommandType.PLACE_BID;
            case CANCEL -> CommandType.CANCEL;
            case CANCEL_ALL -> CommandType.CANCEL_ALL;
            case AMEND -> CommandType.AMEND;
            case SET_MARKET_MODE -> CommandType.SET_MARKET_MODE;
            case QUOTE -> CommandType.QUOTE;
            default -> CommandType.TIMER_TICK;
        };
    }

    private static int timeInForceCode(final TimeInForce tif)
    {
        if (tif == null)
        {
            return 0;
        }
        return switch (tif)
        {
            case GTC -> 1;
            case GTD -> 2;
            case IOC -> 3;
            case FOK -> 4;
        };
    }

    private static TimeInForce timeInForce(final int code)
    {
        return switch (code)
        {
            case 0 -> null;
            case 1 -> TimeInForce.GTC;
            case 2 -> TimeInForce.GTD;
            case 3 -> TimeInForce.IOC;
            case 4 -> TimeInForce.FOK;
            default -> throw new JournalCorruptException("unknown time-in-force code " + code);
        };
    }
}
