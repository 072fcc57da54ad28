package com.offpeak.journal;

import com.offpeak.engine.CancelReason;
import com.offpeak.engine.LeaseEndReason;
import com.offpeak.engine.OrderStatus;
import com.offpeak.engine.RejectCode;
import com.offpeak.engine.Side;
import com.offpeak.engine.TimeInForce;
import org.agrona.DirectBuffer;

/** Reads a run of records written by {@link OutputEncoder} and calls the listener once per record, in order. */
public final class OutputDecoder
{
    private static final Side[] SIDES = Side.values();
    private static final RejectCode[] REJECT_CODES = RejectCode.values();
    private static final OrderStatus[] STATUSES = OrderStatus.values();
    private static final CancelReason[] CANCEL_REASONS = CancelReason.values();
    private static final LeaseEndReason[] LEASE_END_REASONS = LeaseEndReason.values();
    private static final TimeInForce[] TIMES_IN_FORCE = TimeInForce.values();

    private DirectBuffer buffer;
    private int position;

    /**
     * Decodes {@code length} bytes at {@code offset}.
     *
     * @throws JournalCorruptException on a record that runs past the end, an unknown type or enum.
     */
    public void decode(final DirectBuffer buffer, final int offset, final int length, final OutputListener listener)
    {
        this.buffer = buffer;
        final int limit = offset + length;
        int recordStart = offset;
        while (recordStart < limit)
        {
            if (limit - recordStart < OutputEncoder.HEADER)
            {
                throw new JournalCorruptException("output record header cut at byte " + (recordStart - offset));
            }
            final int type = buffer.getByte(recordStart) & 0xFF;
            final int payload = buffer.getShort(recordStart + 1) & 0xFFFF;
            position = recordStart + OutputEncoder.HEADER;
            final int next = position + payload;
            if (next > limit)
            {
                throw new JournalCorruptException("output record of type " + type + " runs past the end of its document");
            }
            dispatch(type, payload, listener);
            if (type != OutputRecordType.TRANSFER && position != next)
            {
                throw new JournalCorruptException("output record of type " + type + " has " + payload + " bytes, layout needs " +
                    (position - recordStart - OutputEncoder.HEADER));
            }
            recordStart = next;
        }
    }

    private void dispatch(final int type, final int payload, final OutputListener l)
    {
        switch (type)
        {
            case OutputRecordType.ACCEPTED -> l.accepted(getLong(), getLong(), getLong(), getLong(), side(), getInt(), getInt(),
                getLong());
            case OutputRecordType.REJECTED -> l.rejected(getLong(), getLong(), getLong(), getLong(), rejectCode());
            case OutputRecordType.DUPLICATE -> l.duplicate(getLong(), getLong(), getLong(), getLong(), rejectCode(), status(),
                getInt());
            case OutputRecordType.FILL -> l.fill(getLong(), getInt(), getLong(), getLong(), getLong(), getLong(), getLong(), getInt(),
                getInt(), getLong(), side(), getInt());
            case OutputRecordType.LEASE_STARTED -> l.leaseStarted(getLong(), getLong(), getInt(), getLong(), getLong(), getLong(),
                getLong(), getInt(), getLong(), getLong(), getLong(), getBoolean());
            case OutputRecordType.LEASE_ENDED -> l.leaseEnded(getLong(), getLong(), getInt(), getLong(), getLong(), getLong(), getInt(),
                leaseEndReason(), getBoolean());
            case OutputRecordType.ORDER_EXPIRED -> l.orderExpired(getLong(), getLong(), getLong(), getInt(), side(), getInt());
            case OutputRecordType.ORDER_CANCELLED -> l.orderCancelled(getLong(), getLong(), getLong(), getInt(), side(), getInt(),
                cancelReason());
            case OutputRecordType.AMENDED -> l.amended(getLong(), getLong(), getLong(), getInt(), side(), getInt(), getLong(),
                getBoolean());
            case OutputRecordType.BOOK_CHANGED -> l.bookChanged(getLong(), getInt(), side(), getLong(), getInt(), getInt());
            case OutputRecordType.MARKET_MODE_CHANGED -> l.marketModeChanged(getLong(), getInt(), getInt(), getLong());
            case OutputRecordType.AUCTION_INDICATIVE -> l.auctionIndicative(getLong(), getInt(), getLong(), getInt());
            case OutputRecordType.AUCTION_CLEARED -> l.auctionCleared(getLong(), getInt(), getLong(), getInt());
            case OutputRecordType.QUOTED -> l.quoted(getLong(), getLong(), getLong(), getInt(), getInt(), getInt(), getInt(), getLong(),
                getLong(), getBoolean());
            case OutputRecordType.PREEMPTED -> l.preempted(getLong(), getLong(), getInt(), getLong(), getLong(), getInt(), getLong(),
                getLong());
            case OutputRecordType.REQUEUED -> l.requeued(getLong(), getLong(), getLong(), getLong(), getInt(), getInt(), getInt(),
                getLong(), timeInForce(), getLong(), getBoolean());
            case OutputRecordType.SPENDING_CAP_SET -> l.spendingCapSet(getLong(), getLong(), getLong());
            case OutputRecordType.CASH_REJECTED -> l.cashRejected(getLong(), getLong(), getLong(), getInt());
            case OutputRecordType.SNAPSHOT_TAKEN -> l.snapshotTaken(getLong(), getLong());
            case OutputRecordType.TRANSFER -> l.transfer(buffer, position, payload);
            default -> throw new JournalCorruptException("unknown output record type " + type);
        }
    }

    private long getLong()
    {
        final long value = buffer.getLong(position);
        position += Long.BYTES;
        return value;
    }

    private int getInt()
    {
        final int value = buffer.getInt(position);
        position += Integer.BYTES;
        return value;
    }

    private boolean getBoolean()
    {
        return buffer.getByte(position++) != 0;
    }

    private int enumCode(final int count, final String what)
    {
        final int code = buffer.getByte(position++) & 0xFF;
        if (code > count)
        {
            throw new JournalCorruptException("unknown " + what + " code " + code);
        }
        return code;
    }

    private Side side()
    {
        final int code = enumCode(SIDES.length, "side");
        return code == 0 ? null : SIDES[code - 1];
    }

    private RejectCode rejectCode()
    {
        final int code = enumCode(REJECT_CODES.length, "reject");
        return code == 0 ? null : REJECT_CODES[code - 1];
    }

    private OrderStatus status()
    {
        final int code = enumCode(STATUSES.length, "order status");
        return code == 0 ? null : STATUSES[code - 1];
    }

    private CancelReason cancelReason()
    {
        final int code = enumCode(CANCEL_REASONS.length, "cancel reason");
        return code == 0 ? null : CANCEL_REASONS[code - 1];
    }

    private LeaseEndReason leaseEndReason()
    {
        final int code = enumCode(LEASE_END_REASONS.length, "lease end reason");
        return code == 0 ? null : LEASE_END_REASONS[code - 1];
    }

    private TimeInForce timeInForce()
    {
        final int code = enumCode(TIMES_IN_FORCE.length, "time in force");
        return code == 0 ? null : TIMES_IN_FORCE[code - 1];
    }
}
