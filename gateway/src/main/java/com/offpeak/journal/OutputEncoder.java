package com.offpeak.journal;

import com.offpeak.engine.CancelReason;
import com.offpeak.engine.EngineListener;
import com.offpeak.engine.LeaseEndReason;
import com.offpeak.engine.OrderStatus;
import com.offpeak.engine.RejectCode;
import com.offpeak.engine.Side;
import com.offpeak.engine.TimeInForce;
import org.agrona.MutableDirectBuffer;
import org.agrona.UnsafeApi;

/**
 * Encodes the output of one input command as a run of fixed-layout records into a reusable
 * buffer: {@code [u8 type][u16 payload length][payload]}, little-endian, enums as
 * {@code ordinal + 1} (0 = none). The payload layouts are the argument lists of
 * {@link EngineListener} in order (long 8, int 4, enum/boolean 1 byte); see docs/pipeline.md.
 * The length prefix lets a reader skip record types it does not know.
 *
 * <p>Enum ordinals are journaled, so the engine's enums may only grow at the end.
 */
public final class OutputEncoder implements EngineListener
{
    public static final int HEADER = 3;

    private MutableDirectBuffer buffer;
    private int start;
    private int position;
    private int recordStart;
    /** The bytes of the record being written, checked to fit when it began; see {@link #begin(int, int)}. */
    private int recordEnd;
    /** The buffer's memory and capacity, looked up when a run starts and when the buffer grows (and may move). */
    private byte[] array;
    private long address;
    private int capacity;

    /** Starts a new run at offset 0 of {@code buffer} (an expandable buffer grows as needed). */
    public OutputEncoder wrap(final MutableDirectBuffer buffer)
    {
        return wrap(buffer, 0);
    }

    /** Starts a new run at {@code offset} of {@code buffer}. */
    public OutputEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        if (buffer != this.buffer)
        {
            this.buffer = buffer;
        }
        lookUpMemory();
        start = offset;
        position = offset;
        return this;
    }

    /** Bytes written since the run started. */
    public int length()
    {
        return position - start;
    }

    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * Appends a record of {@code payloadLength} bytes whose payload another codec then writes at the
     * returned index of {@link #buffer()} (the ledger's transfers), without a copy in between. The
     * buffer grows on the codec's writes as on ours.
     */
    public int reserve(final int type, final int payloadLength)
    {
        begin(type, payloadLength);
        final int payloadAt = position;
        position += payloadLength;
        end();
        return payloadAt;
    }

    public void cashRejected(final long time, final long account, final long idempotencyKey, final int reasonCode)
    {
        begin(OutputRecordType.CASH_REJECTED, time, fields(2, 1, 0));
        putLong(account);
        putLong(idempotencyKey);
        putInt(reasonCode);
        end();
    }

    public void spendingCapSet(final long time, final long participant, final long capPerHour)
    {
        begin(OutputRecordType.SPENDING_CAP_SET, time, fields(2, 0, 0));
        putLong(participant);
        putLong(capPerHour);
        end();
    }

    public void snapshotTaken(final long time, final long sequence)
    {
        begin(OutputRecordType.SNAPSHOT_TAKEN, time, fields(1, 0, 0));
        putLong(sequence);
        end();
    }

    @Override
    public void accepted(final long time, final long account, final long clientOrderId, final long orderId, final Side side,
        final int instrument, final int gpus, final long price)
    {
        begin(OutputRecordType.ACCEPTED, time, fields(4, 2, 1));
        putLong(account);
        putLong(clientOrderId);
        putLong(orderId);
        putEnum(side);
        putInt(instrument);
        putInt(gpus);
        putLong(price);
        end();
    }

    @Override
    public void rejected(final long time, final long account, final long clientOrderId, final long orderId, final RejectCode code)
    {
        begin(OutputRecordType.REJECTED, time, fields(3, 0, 1));
        putLong(account);
        putLong(clientOrderId);
        putLong(orderId);
        putEnum(code);
        end();
    }

    @Override
    public void duplicate(final long time, final long account, final long clientOrderId, final long orderId,
        final RejectCode originalReject, final OrderStatus status, final int remainingGpus)
    {
        begin(OutputRecordType.DUPLICATE, time, fields(3, 1, 2));
        putLong(account);
        putLong(clientOrderId);
        putLong(orderId);
        putEnum(originalReject);
        putEnum(status);
        putInt(remainingGpus);
        end();
    }

    @Override
    public void fill(final long time, final int instrument, final long leaseId, final long bidId, final long askId, final long buyer,
        final long owner, final int gpus, final int durationMinutes, final long price, final Side maker, final int bidRemaining)
    {
        begin(OutputRecordType.FILL, time, fields(6, 4, 1));
        putInt(instrument);
        putLong(leaseId);
        putLong(bidId);
        putLong(askId);
        putLong(buyer);
        putLong(owner);
        putInt(gpus);
        putInt(durationMinutes);
        putLong(price);
        putEnum(maker);
        putInt(bidRemaining);
        end();
    }

    @Override
    public void leaseStarted(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
        final long bidId, final long askId, final int gpus, final long start, final long end, final long price,
        final boolean preemptible)
    {
        begin(OutputRecordType.LEASE_STARTED, time, fields(8, 2, 1));
        putLong(leaseId);
        putInt(instrument);
        putLong(buyer);
        putLong(owner);
        putLong(bidId);
        putLong(askId);
        putInt(gpus);
        putLong(start);
        putLong(end);
        putLong(price);
        putBoolean(preemptible);
        end();
    }

    @Override
    public void leaseEnded(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
        final long askId, final int gpus, final LeaseEndReason reason, final boolean returnedToAsk)
    {
        begin(OutputRecordType.LEASE_ENDED, time, fields(4, 2, 2));
        putLong(leaseId);
        putInt(instrument);
        putLong(buyer);
        putLong(owner);
        putLong(askId);
        putInt(gpus);
        putEnum(reason);
        putBoolean(returnedToAsk);
        end();
    }

    @Override
    public void orderExpired(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int remainingGpus)
    {
        begin(OutputRecordType.ORDER_EXPIRED, time, fields(2, 2, 1));
        putLong(orderId);
        putLong(account);
        putInt(instrument);
        putEnum(side);
        putInt(remainingGpus);
        end();
    }

    @Override
    public void orderCancelled(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int remainingGpus, final CancelReason reason)
    {
        begin(OutputRecordType.ORDER_CANCELLED, time, fields(2, 2, 2));
        putLong(orderId);
        putLong(account);
        putInt(instrument);
        putEnum(side);
        putInt(remainingGpus);
        putEnum(reason);
        end();
    }

    @Override
    public void amended(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int gpus, final long price, final boolean priorityKept)
    {
        begin(OutputRecordType.AMENDED, time, fields(3, 2, 2));
        putLong(orderId);
        putLong(account);
        putInt(instrument);
        putEnum(side);
        putInt(gpus);
        putLong(price);
        putBoolean(priorityKept);
        end();
    }

    @Override
    public void bookChanged(final long time, final int instrument, final Side side, final long price, final int gpus,
        final int orders)
    {
        begin(OutputRecordType.BOOK_CHANGED, time, fields(1, 3, 1));
        putInt(instrument);
        putEnum(side);
        putLong(price);
        putInt(gpus);
        putInt(orders);
        end();
    }

    @Override
    public void marketModeChanged(final long time, final int instrument, final int auctionIntervalSeconds, final long effectiveAt)
    {
        begin(OutputRecordType.MARKET_MODE_CHANGED, time, fields(1, 2, 0));
        putInt(instrument);
        putInt(auctionIntervalSeconds);
        putLong(effectiveAt);
        end();
    }

    @Override
    public void auctionIndicative(final long time, final int instrument, final long price, final int gpus)
    {
        begin(OutputRecordType.AUCTION_INDICATIVE, time, fields(1, 2, 0));
        putInt(instrument);
        putLong(price);
        putInt(gpus);
        end();
    }

    @Override
    public void auctionCleared(final long time, final int instrument, final long price, final int gpus)
    {
        begin(OutputRecordType.AUCTION_CLEARED, time, fields(1, 2, 0));
        putInt(instrument);
        putLong(price);
        putInt(gpus);
        end();
    }

    @Override
    public void quoted(final long time, final long account, final long requestId, final int instrument, final int gpus,
        final int durationMinutes, final int fillableGpus, final long notional, final long averagePrice, final boolean cheaper)
    {
        begin(OutputRecordType.QUOTED, time, fields(4, 4, 1));
        putLong(account);
        putLong(requestId);
        putInt(instrument);
        putInt(gpus);
        putInt(durationMinutes);
        putInt(fillableGpus);
        putLong(notional);
        putLong(averagePrice);
        putBoolean(cheaper);
        end();
    }

    @Override
    public void preempted(final long time, final long leaseId, final int instrument, final long victim, final long owner,
        final int gpus, final long newEnd, final long preemptorBidId)
    {
        begin(OutputRecordType.PREEMPTED, time, fields(5, 2, 0));
        putLong(leaseId);
        putInt(instrument);
        putLong(victim);
        putLong(owner);
        putInt(gpus);
        putLong(newEnd);
        putLong(preemptorBidId);
        end();
    }

    @Override
    public void requeued(final long time, final long orderId, final long originalOrderId, final long account, final int instrument,
        final int gpus, final int durationMinutes, final long price, final TimeInForce timeInForce, final long deadline,
        final boolean contiguous)
    {
        begin(OutputRecordType.REQUEUED, time, fields(5, 3, 2));
        putLong(orderId);
        putLong(originalOrderId);
        putLong(account);
        putInt(instrument);
        putInt(gpus);
        putInt(durationMinutes);
        putLong(price);
        putEnum(timeInForce);
        putLong(deadline);
        putBoolean(contiguous);
        end();
    }

    /** Bytes of a record's fields after its time: so many longs, ints and one-byte enums or booleans. */
    private static int fields(final int longs, final int ints, final int bytes)
    {
        return longs * Long.BYTES + ints * Integer.BYTES + bytes;
    }

    /** Every record but a pre-encoded one starts with the time of the command that caused it. */
    private void begin(final int type, final long time, final int fieldsLength)
    {
        begin(type, Long.BYTES + fieldsLength);
        putLong(time);
    }

    /**
     * Checks once that the whole record fits, then writes the fields straight to the buffer's
     * memory: through the buffer, every field's write re-checked the capacity, a fifth of the
     * engine benchmark's time went on encoding. Only a record past the capacity known asks the
     * buffer (an expandable one grows there, and may move).
     */
    private void begin(final int type, final int payloadLength)
    {
        recordStart = position;
        recordEnd = position + HEADER + payloadLength;
        if (recordEnd > capacity)
        {
            buffer.checkLimit(recordEnd);
            lookUpMemory();
        }
        UnsafeApi.putByte(array, address + position, (byte)type);
        position += HEADER;
    }

    /**
     * Reference fields are stored only when they change: under G1 a reference store between two
     * old objects in different regions costs a StoreLoad fence (about 3 ns per input for wrap's two).
     */
    private void lookUpMemory()
    {
        final byte[] current = buffer.byteArray();
        if (current != array)
        {
            array = current;
        }
        address = buffer.addressOffset();
        capacity = buffer.capacity();
    }

    private void end()
    {
        if (position != recordEnd)
        {
            throw new IllegalStateException("record of type " + buffer.getByte(recordStart) + " wrote " + (position - recordStart) +
                " bytes, reserved " + (recordEnd - recordStart));
        }
        UnsafeApi.putShort(array, address + recordStart + 1, (short)(position - recordStart - HEADER));
    }

    private void putLong(final long value)
    {
        UnsafeApi.putLong(array, address + position, value);
        position += Long.BYTES;
    }

    private void putInt(final int value)
    {
        UnsafeApi.putInt(array, address + position, value);
        position += Integer.BYTES;
    }

    private void putBoolean(final boolean value)
    {
        UnsafeApi.putByte(array, address + position++, (byte)(value ? 1 : 0));
    }

    private void putEnum(final Enum<?> value)
    {
        UnsafeApi.putByte(array, address + position++, (byte)(value == null ? 0 : value.ordinal() + 1));
    }
}
