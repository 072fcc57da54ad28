package com.offpeak.bench.engine;

import com.offpeak.engine.CancelReason;
import com.offpeak.engine.EngineListener;
import com.offpeak.engine.LeaseEndReason;
import com.offpeak.engine.OrderStatus;
import com.offpeak.engine.RejectCode;
import com.offpeak.engine.Side;
import com.offpeak.engine.TimeInForce;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The benchmark's output: every engine event encoded into an off-heap ring in a fixed binary
 * layout, as a journal or market-data publisher would, so that the measured cost includes
 * producing the output and nothing can be optimised away. Nobody reads the ring; it wraps.
 *
 * <p>Record layout (little-endian, 8-byte aligned): {@code int length, int type, long time}, then
 * the event's arguments in the order of its {@link EngineListener} method, longs first, then ints,
 * then one byte per enum (ordinal, -1 for null) and boolean. A record that would not fit before
 * the end of the ring is preceded by a {@link #PADDING} record up to the end.
 */
final class EventRingEncoder implements EngineListener
{
    static final int PADDING = 0;
    static final int ACCEPTED = 1;
    static final int REJECTED = 2;
    static final int DUPLICATE = 3;
    static final int FILL = 4;
    static final int LEASE_STARTED = 5;
    static final int LEASE_ENDED = 6;
    static final int ORDER_EXPIRED = 7;
    static final int ORDER_CANCELLED = 8;
    static final int AMENDED = 9;
    static final int BOOK_CHANGED = 10;
    static final int PREEMPTED = 11;
    static final int REQUEUED = 12;
    static final int MARKET_MODE_CHANGED = 13;
    static final int AUCTION_INDICATIVE = 14;
    static final int AUCTION_CLEARED = 15;
    static final int QUOTED = 16;

    private static final int HEADER_LENGTH = 16;
    private static final int TYPE_OFFSET = 4;
    private static final int TIME_OFFSET = 8;
    /** Larger than any record (lease started: header + 8 longs + 2 ints + 1 byte, aligned = 96). */
    private static final int MAX_RECORD_LENGTH = 128;
    private static final int CAPACITY = 1 << 22;

    private final UnsafeBuffer ring = new UnsafeBuffer(BufferUtil.allocateDirectAligned(CAPACITY, 64));
    private int recordStart;
    private int cursor;
    private long events;
    private long rejections;
    private long fills;
    private long lastAcceptedOrderId;

    /** Events encoded so far. */
    long events()
    {
        return events;
    }

    /** Rejections encoded so far. */
    long rejections()
    {
        return rejections;
    }

    /** Fills encoded so far. */
    long fills()
    {
        return fills;
    }

    /** The id of the last accepted order: after a cycle, the engine's order count. */
    long lastAcceptedOrderId()
    {
        return lastAcceptedOrderId;
    }

    @Override
    public void accepted(final long time, final long account, final long clientOrderId, final long orderId, final Side side,
        final int instrument, final int gpus, final long price)
    {
        lastAcceptedOrderId = orderId;
        begin(ACCEPTED, time);
        putLong(account);
        putLong(clientOrderId);
        putLong(orderId);
        putLong(price);
        putInt(instrument);
        putInt(gpus);
        putEnum(side);
        end();
    }

    @Override
    public void rejected(final long time, final long account, final long clientOrderId, final long orderId, final RejectCode code)
    {
        rejections++;
        begin(REJECTED, time);
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
        begin(DUPLICATE, time);
        putLong(account);
        putLong(clientOrderId);
        putLong(orderId);
        putInt(remainingGpus);
        putEnum(originalReject);
        putEnum(status);
        end();
    }

    @Override
    public void fill(final long time, final int instrument, final long leaseId, final long bidId, final long askId, final long buyer,
        final long owner, final int gpus, final int durationMinutes, final long price, final Side maker, final int bidRemaining)
    {
        fills++;
        begin(FILL, time);
        putLong(leaseId);
        putLong(bidId);
        putLong(askId);
        putLong(buyer);
        putLong(owner);
        putLong(price);
        putInt(instrument);
        putInt(gpus);
        putInt(durationMinutes);
        putInt(bidRemaining);
        putEnum(maker);
        end();
    }

    @Override
    public void leaseStarted(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
        final long bidId, final long askId, final int gpus, final long start, final long end, final long price,
        final boolean preemptible)
    {
        begin(LEASE_STARTED, time);
        putLong(leaseId);
        putLong(buyer);
        putLong(owner);
        putLong(bidId);
        putLong(askId);
        putLong(start);
        putLong(end);
        putLong(price);
        putInt(instrument);
        putInt(gpus);
        putBoolean(preemptible);
        end();
    }

    @Override
    public void leaseEnded(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
        final long askId, final int gpus, final LeaseEndReason reason, final boolean returnedToAsk)
    {
        begin(LEASE_ENDED, time);
        putLong(leaseId);
        putLong(buyer);
        putLong(owner);
        putLong(askId);
        putInt(instrument);
        putInt(gpus);
        putEnum(reason);
        putBoolean(returnedToAsk);
        end();
    }

    @Override
    public void orderExpired(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int remainingGpus)
    {
        begin(ORDER_EXPIRED, time);
        putLong(orderId);
        putLong(account);
        putInt(instrument);
        putInt(remainingGpus);
        putEnum(side);
        end();
    }

    @Override
    public void orderCancelled(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int remainingGpus, final CancelReason reason)
    {
        begin(ORDER_CANCELLED, time);
        putLong(orderId);
        putLong(account);
        putInt(instrument);
        putInt(remainingGpus);
        putEnum(side);
        putEnum(reason);
        end();
    }

    @Override
    public void amended(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int gpus, final long price, final boolean priorityKept)
    {
        begin(AMENDED, time);
        putLong(orderId);
        putLong(account);
        putLong(price);
        putInt(instrument);
        putInt(gpus);
        putEnum(side);
        putBoolean(priorityKept);
        end();
    }

    @Override
    public void bookChanged(final long time, final int instrument, final Side side, final long price, final int gpus, final int orders)
    {
        begin(BOOK_CHANGED, time);
        putLong(price);
        putInt(instrument);
        putInt(gpus);
        putInt(orders);
        putEnum(side);
        end();
    }

    @Override
    public void preempted(final long time, final long leaseId, final int instrument, final long victim, final long owner,
        final int gpus, final long newEnd, final long preemptorBidId)
    {
        begin(PREEMPTED, time);
        putLong(leaseId);
        putLong(victim);
        putLong(owner);
        putLong(newEnd);
        putLong(preemptorBidId);
        putInt(instrument);
        putInt(gpus);
        end();
    }

    @Override
    public void requeued(final long time, final long orderId, final long originalOrderId, final long account, final int instrument,
        final int gpus, final int durationMinutes, final long price, final TimeInForce timeInForce, final long deadline,
        final boolean contiguous)
    {
        begin(REQUEUED, time);
        putLong(orderId);
        putLong(originalOrderId);
        putLong(account);
        putLong(price);
        putLong(deadline);
        putInt(instrument);
        putInt(gpus);
        putInt(durationMinutes);
        putEnum(timeInForce);
        putBoolean(contiguous);
        end();
    }

    @Override
    public void marketModeChanged(final long time, final int instrument, final int auctionIntervalSeconds, final long effectiveAt)
    {
        begin(MARKET_MODE_CHANGED, time);
        putLong(effectiveAt);
        putInt(instrument);
        putInt(auctionIntervalSeconds);
        end();
    }

    @Override
    public void auctionIndicative(final long time, final int instrument, final long price, final int gpus)
    {
        begin(AUCTION_INDICATIVE, time);
        putLong(price);
        putInt(instrument);
        putInt(gpus);
        end();
    }

    @Override
    public void auctionCleared(final long time, final int instrument, final long price, final int gpus)
    {
        begin(AUCTION_CLEARED, time);
        putLong(price);
        putInt(instrument);
        putInt(gpus);
        end();
    }

    @Override
    public void quoted(final long time, final long account, final long requestId, final int instrument, final int gpus,
        final int durationMinutes, final int fillableGpus, final long notional, final long averagePrice, final boolean cheaper)
    {
        begin(QUOTED, time);
        putLong(account);
        putLong(requestId);
        putLong(notional);
        putLong(averagePrice);
        putInt(instrument);
        putInt(gpus);
        putInt(durationMinutes);
        putInt(fillableGpus);
        putBoolean(cheaper);
        end();
    }

    private void begin(final int type, final long time)
    {
        events++;
        if (CAPACITY - recordStart < MAX_RECORD_LENGTH)
        {
            ring.putInt(recordStart, CAPACITY - recordStart);
            ring.putInt(recordStart + TYPE_OFFSET, PADDING);
            recordStart = 0;
        }
        ring.putInt(recordStart + TYPE_OFFSET, type);
        ring.putLong(recordStart + TIME_OFFSET, time);
        cursor = recordStart + HEADER_LENGTH;
    }

    private void end()
    {
        final int length = (cursor - recordStart + 7) & ~7;
        ring.putInt(recordStart, length);
        recordStart += length;
    }

    private void putLong(final long value)
    {
        ring.putLong(cursor, value);
        cursor += Long.BYTES;
    }

    private void putInt(final int value)
    {
        ring.putInt(cursor, value);
        cursor += Integer.BYTES;
    }

    private void putEnum(final Enum<?> value)
    {
        ring.putByte(cursor, value == null ? -1 : (byte)value.ordinal());
        cursor += Byte.BYTES;
    }

    private void putBoolean(final boolean value)
    {
        ring.putByte(cursor, value ? (byte)1 : 0);
        cursor += Byte.BYTES;
    }
}
