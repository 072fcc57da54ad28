package com.offpeak.engine.order;

import com.offpeak.engine.Command;
import com.offpeak.engine.CommandType;
import com.offpeak.engine.EngineConfig;
import com.offpeak.engine.OrderStatus;
import com.offpeak.engine.RejectCode;
import com.offpeak.engine.TimeInForce;

/**
 * clientOrderId retention: the remembered answer to every recorded place command, its request (to
 * tell an identical retry from a reuse of the id) and, while the order rests, the order itself so
 * that a retry sees its current state.
 *
 * <p>Records expire strictly in arrival order (each lives while {@code now < recordedAt +
 * retention}, and recordedAt never decreases), so they sit in a circular buffer: record number
 * {@code r} (1, 2, 3, ... in arrival order) at position {@code r & mask} of parallel primitive
 * arrays, the oldest expiring from the head. Nothing is allocated per record and the pipeline's
 * millions of retained records are plain array entries, not objects the collector traces. The
 * buffer doubles when full (only while the high-water mark rises); a record's number survives that,
 * which is why an order keeps the number, not the position.
 *
 * <p>The lookup by (account, clientOrderId) is one open-addressing table for all accounts, of
 * {@code long}s: the upper 32 bits of the key's hash and the record's position + 1 (0 = empty).
 * A probe compares the stored hash bits first, so a miss (the common case: a new clientOrderId)
 * reads only the table; only a hash match reads the record's key. Linear probing at a load of at
 * most one half, deletion by backward shift (no tombstones); the slot a key lands in never affects
 * behaviour, which depends only on the records' arrival order.
 *
 * <p>Fields of a place command that are zero for any sane one (an order id, substitutes, the
 * auction interval) are kept in {@link RequestExtras} for the records that have them, so that the
 * comparison stays exact without widening every record.
 */
public final class ClientOrderIds
{
    /** What {@link #find} returns when no live record has the key; record numbers start at 1. */
    public static final long NONE = 0;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long HASH_BITS = 0xFFFF_FFFF_0000_0000L;
    private static final long POSITION_BITS = 0xFFFF_FFFFL;

    private static final int BID = 1;
    private static final int CONTIGUOUS = 1 << 1;
    private static final int POST_ONLY = 1 << 2;
    private static final int PREEMPTIBLE = 1 << 3;
    private static final int ALTERNATIVES = 1 << 4;
    private static final int HAS_EXTRAS = 1 << 5;

    private static final OrderStatus[] STATUSES = OrderStatus.values();
    private static final RejectCode[] REJECT_CODES = RejectCode.values();
    private static final TimeInForce[] TIMES_IN_FORCE = TimeInForce.values();

    private final long retentionMillis;
    private final RequestExtras extras;
    /** A recorded request rebuilt for {@link #sameRequest}. */
    private final Command scratch = new Command();

    /** Number of the oldest live record; {@link #end} is the number the next record gets. */
    private long oldest = 1;
    private long end = 1;
    private int mask;

    // The record: key, answer and state.
    private long[] account;
    private long[] clientOrderId;
    private long[] recordedAt;
    private long[] orderId;
    /** Ordinal of a {@link RejectCode} + 1, 0 for an acceptance. */
    private byte[] rejectCode;
    /** Ordinal of the {@link OrderStatus}: OPEN while {@link #order} is set, then final. */
    private byte[] status;
    /** GPUs reported when the order ended (0 while it rests: then the order's own count is current). */
    private int[] remaining;
    /** The order while it rests, else null. */
    private Order[] order;

    // The request, for the identical-retry comparison.
    private byte[] flags;
    /** Ordinal of the {@link TimeInForce} + 1, 0 for none. */
    private byte[] timeInForce;
    private int[] instrument;
    private int[] gpus;
    private int[] durationMinutes;
    private int[] minBlock;
    private long[] price;
    private long[] availableUntil;
    private long[] deadline;
    /** The record's entry number in {@link #extras} (low 32 bits), when flagged {@link #HAS_EXTRAS}. */
    private int[] extra;

    private long[] index;
    private int indexMask;
    private int indexShift;

    /** {@code capacity}: records held before the buffer first doubles, rounded up to a power of two. */
    public ClientOrderIds(final long retentionMillis, final int capacity)
    {
        this.retentionMillis = retentionMillis;
        final int size = Integer.highestOneBit(capacity) == capacity ? capacity : Integer.highestOneBit(capacity) << 1;
        // Unusual requests are rare: one entry per 64 records to start with.
        this.extras = new RequestExtras(Math.max(1, size >>> 6));
        allocate(size);
        allocateIndex(2 * size);
    }

    /** The live record of this account's clientOrderId, or {@link #NONE}. */
    public long find(final long account, final long clientOrderId)
    {
        final long hash = hash(account, clientOrderId);
        final long[] index = this.index;
        int slot = (int)(hash >>> indexShift);
        long entry;
        while ((entry = index[slot]) != 0)
        {
            if ((entry & HASH_BITS) == (hash & HASH_BITS))
            {
                final int position = (int)(entry & POSITION_BITS) - 1;
                if (this.account[position] == account && this.clientOrderId[position] == clientOrderId)
                {
                    return numberAt(position);
                }
            }
            slot = (slot + 1) & indexMask;
        }
        return NONE;
    }

    /** Records a rejected place command (an answer a retry gets back). */
    public void recordRejection(final Command command, final long now, final RejectCode code)
    {
        final int position = append(command, now);
        rejectCode[position] = (byte)(code.ordinal() + 1);
        status[position] = (byte)OrderStatus.REJECTED.ordinal();
    }

    /** Records an accepted place command; the record follows the order until {@link #orderEnded}. */
    public void recordAcceptance(final Command command, final long now, final Order order)
    {
        final int position = append(command, now);
        orderId[position] = order.id;
        follow(position, order);
    }

    /** Freezes the answer of an order that stopped being open. */
    public void orderEnded(final Order order, final OrderStatus status, final int remaining)
    {
        final long record = order.clientRecord;
        if (record != NONE)
        {
            final int position = (int)record & mask;
            this.order[position] = null;
            this.status[position] = (byte)status.ordinal();
            this.remaining[position] = remaining;
            order.clientRecord = NONE;
        }
    }

    /** Forgets every record whose retention window has passed at {@code now}. */
    public void expire(final long now)
    {
        while (oldest != end && now - recordedAt[(int)oldest & mask] >= retentionMillis)
        {
            final int position = (int)oldest & mask;
            unindex(position);
            final Order following = order[position];
            if (following != null)
            {
                following.clientRecord = NONE;
                order[position] = null;
            }
            if ((flags[position] & HAS_EXTRAS) != 0)
            {
                extras.dropOldest();
            }
            oldest++;
        }
    }

    public int size()
    {
        return (int)(end - oldest);
    }

    /** The oldest live record's number; the live records are the numbers from it up to {@link #end()}. */
    public long oldest()
    {
        return oldest;
    }

    /** The number the next record will get: one past the newest. */
    public long end()
    {
        return end;
    }

    /**
     * Every field but the timestamp equal: a retry, not a new request. Compared through the recorded
     * request rebuilt into a scratch command, so {@link Command#sameRequestAs} stays the one rule
     * (only a retry or a reused id gets here).
     */
    public boolean sameRequest(final long record, final Command command)
    {
        request(record, scratch);
        return scratch.sameRequestAs(command);
    }

    /** The recorded request, into {@code into} (timestamp 0: it is not kept). */
    public void request(final long record, final Command into)
    {
        final int p = (int)record & mask;
        final int flags = this.flags[p];
        // One builder for both sides: an ask's unused bid fields are recorded as the zeros they were.
        into.placeBid(0, account[p], clientOrderId[p], instrument[p], gpus[p], durationMinutes[p], price[p], timeInForceAt(p),
            deadline[p], (flags & CONTIGUOUS) != 0, (flags & POST_ONLY) != 0, (flags & PREEMPTIBLE) != 0);
        into.type = (flags & BID) != 0 ? CommandType.PLACE_BID : CommandType.PLACE_ASK;
        into.availableUntil = availableUntil[p];
        into.minBlock = minBlock[p];
        into.alternatives = (flags & ALTERNATIVES) != 0;
        if ((flags & HAS_EXTRAS) != 0)
        {
            extras.read(extra[p], into);
        }
    }

    public long recordedAt(final long record)
    {
        return recordedAt[(int)record & mask];
    }

    /** The accepted order's id, 0 for a rejection. */
    public long orderId(final long record)
    {
        return orderId[(int)record & mask];
    }

    /** The rejection's code, null for an acceptance. */
    public RejectCode rejectCode(final long record)
    {
        final int code = rejectCode[(int)record & mask];
        return code == 0 ? null : REJECT_CODES[code - 1];
    }

    /** The order the record follows while it rests, else null. */
    public Order order(final long record)
    {
        return order[(int)record & mask];
    }

    /** Current status: {@code OPEN} while the order rests. */
    public OrderStatus currentStatus(final long record)
    {
        return STATUSES[status[(int)record & mask]];
    }

    /** Current GPUs: live from the order while it rests, else as reported when it ended. */
    public int currentRemaining(final long record)
    {
        final int p = (int)record & mask;
        final Order following = order[p];
        return following != null ? following.remaining : remaining[p];
    }

    /**
     * Appends a record from a snapshot, which lists them in arrival order: the request, the answer
     * and, for an order still resting, that order (then {@code status} and {@code remaining} are
     * ignored).
     */
    public void restore(final Command request, final long recordedAt, final long orderId, final RejectCode code, final Order order,
        final OrderStatus status, final int remaining)
    {
        final int position = append(request, recordedAt);
        this.orderId[position] = orderId;
        rejectCode[position] = (byte)(code == null ? 0 : code.ordinal() + 1);
        if (order != null)
        {
            follow(position, order);
        }
        else
        {
            this.status[position] = (byte)status.ordinal();
            this.remaining[position] = remaining;
        }
    }

    private void follow(final int position, final Order order)
    {
        this.order[position] = order;
        status[position] = (byte)OrderStatus.OPEN.ordinal();
        order.clientRecord = numberAt(position);
    }

    /** A new record of {@code command} at {@code now} with an empty answer; returns its position. */
    private int append(final Command command, final long now)
    {
        if (end - oldest == mask + 1)
        {
            grow();
        }
        final int p = (int)end & mask;
        end++;
        account[p] = command.account;
        clientOrderId[p] = command.clientOrderId;
        recordedAt[p] = now;
        orderId[p] = 0;
        rejectCode[p] = 0;
        remaining[p] = 0;
        instrument[p] = command.instrument;
        gpus[p] = command.gpus;
        durationMinutes[p] = command.durationMinutes;
        minBlock[p] = command.minBlock;
        price[p] = command.price;
        availableUntil[p] = command.availableUntil;
        deadline[p] = command.deadline;
        timeInForce[p] = code(command.timeInForce);
        final int flags = flagsOf(command);
        if ((flags & HAS_EXTRAS) != 0)
        {
            extra[p] = (int)extras.append(command);
        }
        this.flags[p] = (byte)flags;
        insert(p);
        return p;
    }

    /** The request's type and booleans as record flags, {@link #HAS_EXTRAS} included when it applies. */
    private static int flagsOf(final Command command)
    {
        return (command.type == CommandType.PLACE_BID ? BID : 0) |
            (command.contiguous ? CONTIGUOUS : 0) |
            (command.postOnly ? POST_ONLY : 0) |
            (command.preemptible ? PREEMPTIBLE : 0) |
            (command.alternatives ? ALTERNATIVES : 0) |
            (RequestExtras.needed(command) ? HAS_EXTRAS : 0);
    }

    private static byte code(final TimeInForce timeInForce)
    {
        return (byte)(timeInForce == null ? 0 : timeInForce.ordinal() + 1);
    }

    private TimeInForce timeInForceAt(final int position)
    {
        final int code = timeInForce[position];
        return code == 0 ? null : TIMES_IN_FORCE[code - 1];
    }

    /** The number of the live record at {@code position}. */
    private long numberAt(final int position)
    {
        return oldest + ((position - oldest) & mask);
    }

    private void insert(final int position)
    {
        final long hash = hash(account[position], clientOrderId[position]);
        int slot = (int)(hash >>> indexShift);
        while (index[slot] != 0)
        {
            slot = (slot + 1) & indexMask;
        }
        index[slot] = (hash & HASH_BITS) | (position + 1);
    }

    private void unindex(final int position)
    {
        final long[] index = this.index;
        final long hash = hash(account[position], clientOrderId[position]);
        final long entry = (hash & HASH_BITS) | (position + 1);
        int hole = (int)(hash >>> indexShift);
        while (index[hole] != entry)
        {
            hole = (hole + 1) & indexMask;
        }
        index[hole] = 0;
        // Close the gap: a later entry of the chain moves back into the hole unless its home lies
        // after the hole (cyclically), where a lookup would no longer reach it across the gap. An
        // entry's home is in its stored hash bits (the table has at most 2^32 slots).
        int slot = (hole + 1) & indexMask;
        long next;
        while ((next = index[slot]) != 0)
        {
            if (((slot - (int)(next >>> indexShift)) & indexMask) >= ((slot - hole) & indexMask))
            {
                index[hole] = next;
                index[slot] = 0;
                hole = slot;
            }
            slot = (slot + 1) & indexMask;
        }
    }

    /** The murmur3 finaliser over both halves of the key: deterministic, and spread over the hash's upper bits. */
    private static long hash(final long account, final long clientOrderId)
    {
        long z = account * GOLDEN ^ clientOrderId;
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    /** Doubles the buffer; every live record keeps its number, at its position in the larger buffer, and the table is rebuilt. */
    private void grow()
    {
        final int capacity = mask + 1;
        if (capacity >= EngineConfig.MAX_CLIENT_ORDER_ID_CAPACITY)
        {
            throw new IllegalStateException("more than " + capacity + " clientOrderIds within the retention window");
        }
        final long[] account = this.account;
        final long[] clientOrderId = this.clientOrderId;
        final long[] recordedAt = this.recordedAt;
        final long[] orderId = this.orderId;
        final byte[] rejectCode = this.rejectCode;
        final byte[] status = this.status;
        final int[] remaining = this.remaining;
        final Order[] order = this.order;
        final byte[] flags = this.flags;
        final byte[] timeInForce = this.timeInForce;
        final int[] instrument = this.instrument;
        final int[] gpus = this.gpus;
        final int[] durationMinutes = this.durationMinutes;
        final int[] minBlock = this.minBlock;
        final long[] price = this.price;
        final long[] availableUntil = this.availableUntil;
        final long[] deadline = this.deadline;
        final int[] extra = this.extra;
        allocate(2 * capacity);
        regrow(account, this.account, capacity, oldest, end);
        regrow(clientOrderId, this.clientOrderId, capacity, oldest, end);
        regrow(recordedAt, this.recordedAt, capacity, oldest, end);
        regrow(orderId, this.orderId, capacity, oldest, end);
        regrow(rejectCode, this.rejectCode, capacity, oldest, end);
        regrow(status, this.status, capacity, oldest, end);
        regrow(remaining, this.remaining, capacity, oldest, end);
        regrow(order, this.order, capacity, oldest, end);
        regrow(flags, this.flags, capacity, oldest, end);
        regrow(timeInForce, this.timeInForce, capacity, oldest, end);
        regrow(instrument, this.instrument, capacity, oldest, end);
        regrow(gpus, this.gpus, capacity, oldest, end);
        regrow(durationMinutes, this.durationMinutes, capacity, oldest, end);
        regrow(minBlock, this.minBlock, capacity, oldest, end);
        regrow(price, this.price, capacity, oldest, end);
        regrow(availableUntil, this.availableUntil, capacity, oldest, end);
        regrow(deadline, this.deadline, capacity, oldest, end);
        regrow(extra, this.extra, capacity, oldest, end);
        allocateIndex(4 * capacity);
        for (long r = oldest; r != end; r++)
        {
            insert((int)r & mask);
        }
    }

    private void allocate(final int capacity)
    {
        mask = capacity - 1;
        account = new long[capacity];
        clientOrderId = new long[capacity];
        recordedAt = new long[capacity];
        orderId = new long[capacity];
        rejectCode = new byte[capacity];
        status = new byte[capacity];
        remaining = new int[capacity];
        order = new Order[capacity];
        flags = new byte[capacity];
        timeInForce = new byte[capacity];
        instrument = new int[capacity];
        gpus = new int[capacity];
        durationMinutes = new int[capacity];
        minBlock = new int[capacity];
        price = new long[capacity];
        availableUntil = new long[capacity];
        deadline = new long[capacity];
        extra = new int[capacity];
    }

    private void allocateIndex(final int slots)
    {
        index = new long[slots];
        indexMask = slots - 1;
        indexShift = Long.numberOfLeadingZeros(slots) + 1;
    }

    /**
     * Copies the ring entries numbered {@code [from, to)} of {@code old} (capacity {@code capacity},
     * entry {@code n} at {@code n % capacity}) into {@code grown} (twice that), each at its number's
     * position there. The entries are at most two runs in {@code old}, and each run stays one run in
     * {@code grown}. Any array type: a copy per field of a structure of arrays.
     */
    static void regrow(final Object old, final Object grown, final int capacity, final long from, final long to)
    {
        final int count = (int)(to - from);
        final int start = (int)(from % capacity);
        final int first = Math.min(count, capacity - start);
        final long grownCapacity = 2L * capacity;
        System.arraycopy(old, start, grown, (int)(from % grownCapacity), first);
        System.arraycopy(old, 0, grown, (int)((from + first) % grownCapacity), count - first);
    }
}
