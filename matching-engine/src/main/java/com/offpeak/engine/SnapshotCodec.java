package com.offpeak.engine;

import com.offpeak.engine.book.BookSide;
import com.offpeak.engine.book.PriceLevel;
import com.offpeak.engine.lease.Lease;
import com.offpeak.engine.order.ClientOrderIds;
import com.offpeak.engine.order.Order;
import com.offpeak.engine.timer.TimerQueue;
import org.agrona.collections.Long2ObjectHashMap;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Writes and reads the engine's whole state so that a restored engine behaves exactly like the
 * original from then on (same events, same {@link MatchingEngine#stateHash()}). Orders are written
 * once in id order; the books are written as the id sequence of each level's queue, which is what
 * carries time priority. Timers are not written: they are rebuilt from the open orders' expiry,
 * the leases' ends and each instrument's armed auction boundary, which is all they ever hold (stale
 * entries included nothing that matters). The clientOrderId records follow in arrival order, each
 * the request as its identical-retry comparison sees it (every field but the timestamp), then
 * recordedAt, the answer (order id, reject code), whether it follows a resting order, and its
 * current status and remaining GPUs (on restore, a record that follows an order reads them from it).
 */
final class SnapshotCodec
{
    private static final int MAGIC = 0x4F50454E; // "OPEN"
    /** 4: clientOrderId records without the request's timestamp, with its auction interval and alternatives flag. */
    private static final int VERSION = 4;

    private SnapshotCodec()
    {
    }

    static void write(final EngineState state, final DataOutput out) throws IOException
    {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(state.books.length);
        out.writeLong(state.now);
        out.writeLong(state.nextOrderId);
        out.writeLong(state.nextLeaseId);
        out.writeLong(state.nextPrioritySeq);

        out.writeInt(state.liveCount());
        for (Order o = state.firstLive(); o != null; o = o.nextLive())
        {
            writeOrder(o, out);
        }
        for (int i = 0; i < state.books.length; i++)
        {
            writeSide(state.books[i].side(Side.BID), out);
            writeSide(state.books[i].side(Side.ASK), out);
        }
        out.writeInt(state.leases.size());
        for (Lease l = state.leases.first(); l != null; l = l.next())
        {
            out.writeLong(l.id);
            out.writeInt(l.instrument);
            out.writeLong(l.buyer);
            out.writeLong(l.owner);
            out.writeLong(l.bidId);
            out.writeLong(l.ask.id);
            out.writeInt(l.gpus);
            out.writeLong(l.start);
            out.writeLong(l.end);
            out.writeLong(l.price);
            out.writeBoolean(l.preemptible);
            out.writeLong(l.bidDeadline);
            out.writeLong(l.bidPrice);
            out.writeInt(ordinal(l.bidTimeInForce));
            out.writeBoolean(l.contiguous);
            out.writeInt(l.noticeGpus);
            out.writeLong(l.noticeEnd);
        }
        final ClientOrderIds records = state.clientOrderIds;
        final Command request = new Command();
        out.writeInt(records.size());
        for (long r = records.oldest(); r != records.end(); r++)
        {
            records.request(r, request);
            writeRequest(request, out);
            out.writeLong(records.recordedAt(r));
            out.writeLong(records.orderId(r));
            out.writeInt(ordinal(records.rejectCode(r)));
            out.writeBoolean(records.order(r) != null);
            out.writeInt(ordinal(records.currentStatus(r)));
            out.writeInt(records.currentRemaining(r));
        }
        for (int i = 0; i < state.books.length; i++)
        {
            out.writeLong(state.modes.intervalMillis(i));
            out.writeLong(state.modes.requestedMillis(i));
            out.writeLong(state.modes.armedAt(i));
        }
    }

    static void read(final EngineState state, final DataInput in) throws IOException
    {
        if (in.readInt() != MAGIC || in.readInt() != VERSION)
        {
            throw new IOException("not an Offpeak engine snapshot (version " + VERSION + ")");
        }
        final int instruments = in.readInt();
        if (instruments != state.books.length)
        {
            throw new IOException("snapshot has " + instruments + " instruments, the catalog " + state.books.length);
        }
        state.now = in.readLong();
        state.nextOrderId = in.readLong();
        state.nextLeaseId = in.readLong();
        state.nextPrioritySeq = in.readLong();

        final Long2ObjectHashMap<Order> byId = new Long2ObjectHashMap<>();
        final int live = in.readInt();
        for (int i = 0; i < live; i++)
        {
            final Order o = readOrder(state, in);
            byId.put(o.id, o);
            state.linkLive(o);
            if (o.open)
            {
                state.openOrders.put(o.id, o);
                state.account(o.account).addOpen(o);
                if (o.expiresAt != 0)
                {
                    o.expiryTimer = state.timers.push(o.expiresAt, TimerQueue.ORDER_EXPIRY, o.id);
                }
            }
        }
        for (int i = 0; i < state.books.length; i++)
        {
            readSide(state.books[i].side(Side.BID), byId, in);
            readSide(state.books[i].side(Side.ASK), byId, in);
        }
        final int leases = in.readInt();
        for (int i = 0; i < leases; i++)
        {
            final Lease l = state.leases.newLease();
            l.id = in.readLong();
            l.instrument = in.readInt();
            l.buyer = in.readLong();
            l.owner = in.readLong();
            l.bidId = in.readLong();
            l.ask = require(byId, in.readLong());
            l.gpus = in.readInt();
            l.start = in.readLong();
            l.end = in.readLong();
            l.price = in.readLong();
            l.preemptible = in.readBoolean();
            l.bidDeadline = in.readLong();
            l.bidPrice = in.readLong();
            l.bidTimeInForce = value(TimeInForce.values(), in.readInt());
            l.contiguous = in.readBoolean();
            l.noticeGpus = in.readInt();
            l.noticeEnd = in.readLong();
            state.leases.add(l);
            state.timers.push(l.end, TimerQueue.LEASE_END, l.id);
            if (l.noticeEndsEarly())
            {
                state.timers.push(l.noticeEnd, TimerQueue.LEASE_END, l.id);
            }
        }
        final int records = in.readInt();
        final Command request = new Command();
        for (int i = 0; i < records; i++)
        {
            readRequest(request, in);
            final long recordedAt = in.readLong();
            final long orderId = in.readLong();
            final RejectCode code = value(RejectCode.values(), in.readInt());
            final boolean followsOrder = in.readBoolean();
            final OrderStatus status = value(OrderStatus.values(), in.readInt());
            final int remaining = in.readInt();
            if (status == null || (request.type != CommandType.PLACE_ASK && request.type != CommandType.PLACE_BID))
            {
                throw new IOException("snapshot has a clientOrderId record that is not of a place command or has no status");
            }
            final Order order = followsOrder ? require(byId, orderId) : null;
            state.clientOrderIds.restore(request, recordedAt, orderId, code, order, status, remaining);
        }
        for (int i = 0; i < state.books.length; i++)
        {
            state.modes.restore(i, in.readLong(), in.readLong(), in.readLong());
        }
    }

    /** A recorded place command: every field its identical-retry comparison reads (all but the timestamp). */
    private static void writeRequest(final Command c, final DataOutput out) throws IOException
    {
        out.writeInt(ordinal(c.type));
        out.writeLong(c.account);
        out.writeLong(c.clientOrderId);
        out.writeLong(c.orderId);
        out.writeInt(c.instrument);
        out.writeInt(c.gpus);
        out.writeInt(c.durationMinutes);
        out.writeLong(c.price);
        out.writeLong(c.availableUntil);
        out.writeInt(c.minBlock);
        out.writeInt(ordinal(c.timeInForce));
        out.writeLong(c.deadline);
        out.writeBoolean(c.contiguous);
        out.writeBoolean(c.postOnly);
        out.writeBoolean(c.preemptible);
        out.writeInt(c.substituteCount);
        for (int i = 0; i < Math.min(c.substituteCount, Command.MAX_SUBSTITUTES); i++)
        {
            out.writeInt(c.substituteInstrument[i]);
            out.writeInt(c.substituteGpus[i]);
            out.writeInt(c.substituteDuration[i]);
            out.writeLong(c.substitutePrice[i]);
        }
        out.writeInt(c.auctionIntervalSeconds);
        out.writeBoolean(c.alternatives);
    }

    private static void readRequest(final Command c, final DataInput in) throws IOException
    {
        c.type = value(CommandType.values(), in.readInt());
        c.account = in.readLong();
        c.clientOrderId = in.readLong();
        c.orderId = in.readLong();
        c.instrument = in.readInt();
        c.gpus = in.readInt();
        c.durationMinutes = in.readInt();
        c.price = in.readLong();
        c.availableUntil = in.readLong();
        c.minBlock = in.readInt();
        c.timeInForce = value(TimeInForce.values(), in.readInt());
        c.deadline = in.readLong();
        c.contiguous = in.readBoolean();
        c.postOnly = in.readBoolean();
        c.preemptible = in.readBoolean();
        // A rejected command's record keeps whatever count it carried, a negative one included.
        c.substituteCount = in.readInt();
        for (int i = 0; i < Math.min(c.substituteCount, Command.MAX_SUBSTITUTES); i++)
        {
            c.substituteInstrument[i] = in.readInt();
            c.substituteGpus[i] = in.readInt();
            c.substituteDuration[i] = in.readInt();
            c.substitutePrice[i] = in.readLong();
        }
        c.auctionIntervalSeconds = in.readInt();
        c.alternatives = in.readBoolean();
    }

    private static void writeOrder(final Order o, final DataOutput out) throws IOException
    {
        out.writeLong(o.id);
        out.writeLong(o.account);
        out.writeInt(ordinal(o.side));
        out.writeInt(o.instrument);
        out.writeLong(o.price);
        out.writeLong(o.prioritySeq);
        out.writeBoolean(o.open);
        out.writeInt(o.remaining);
        out.writeLong(o.expiresAt);
        out.writeInt(o.filled);
        out.writeInt(o.durationMinutes);
        out.writeInt(ordinal(o.timeInForce));
        out.writeLong(o.deadline);
        out.writeBoolean(o.contiguous);
        out.writeBoolean(o.postOnly);
        out.writeBoolean(o.preemptible);
        out.writeLong(o.substituteGroup);
        out.writeInt(o.substituteCount);
        out.writeInt(o.askPosted);
        out.writeInt(o.leased);
        out.writeInt(o.retired);
        out.writeLong(o.availableUntil);
        out.writeInt(o.minBlock);
    }

    private static Order readOrder(final EngineState state, final DataInput in) throws IOException
    {
        final Order o = state.newOrder();
        o.id = in.readLong();
        o.account = in.readLong();
        o.side = value(Side.values(), in.readInt());
        o.instrument = in.readInt();
        o.price = in.readLong();
        o.prioritySeq = in.readLong();
        o.open = in.readBoolean();
        o.remaining = in.readInt();
        o.expiresAt = in.readLong();
        o.filled = in.readInt();
        o.durationMinutes = in.readInt();
        o.timeInForce = value(TimeInForce.values(), in.readInt());
        o.deadline = in.readLong();
        o.contiguous = in.readBoolean();
        o.postOnly = in.readBoolean();
        o.preemptible = in.readBoolean();
        o.substituteGroup = in.readLong();
        o.substituteCount = in.readInt();
        o.askPosted = in.readInt();
        o.leased = in.readInt();
        o.retired = in.readInt();
        o.availableUntil = in.readLong();
        o.minBlock = in.readInt();
        return o;
    }

    private static void writeSide(final BookSide side, final DataOutput out) throws IOException
    {
        out.writeInt(side.levelCount());
        for (int i = 0; i < side.levelCount(); i++)
        {
            final PriceLevel level = side.level(i);
            out.writeLong(level.price());
            out.writeInt(level.size());
            for (Order o = level.head(); o != null; o = o.nextInLevel())
            {
                out.writeLong(o.id);
            }
        }
    }

    private static void readSide(final BookSide side, final Long2ObjectHashMap<Order> byId, final DataInput in) throws IOException
    {
        final int levels = in.readInt();
        for (int i = 0; i < levels; i++)
        {
            final long price = in.readLong();
            if (price <= 0)
            {
                // The book's search relies on every price of a side being positive.
                throw new IOException("snapshot has a level at non-positive price " + price);
            }
            final PriceLevel level = side.levelFor(price);
            final int size = in.readInt();
            for (int j = 0; j < size; j++)
            {
                level.append(require(byId, in.readLong()));
            }
        }
    }

    private static Order require(final Long2ObjectHashMap<Order> byId, final long id) throws IOException
    {
        final Order order = byId.get(id);
        if (order == null)
        {
            throw new IOException("snapshot refers to unknown order " + id);
        }
        return order;
    }

    private static int ordinal(final Enum<?> value)
    {
        return value == null ? -1 : value.ordinal();
    }

    private static <E> E value(final E[] values, final int ordinal) throws IOException
    {
        if (ordinal == -1)
        {
            return null;
        }
        if (ordinal < 0 || ordinal >= values.length)
        {
            throw new IOException("snapshot holds an invalid enum ordinal " + ordinal);
        }
        return values[ordinal];
    }
}
