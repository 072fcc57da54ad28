package com.offpeak.engine.order;

import com.offpeak.engine.Side;
import com.offpeak.engine.TimeInForce;
import com.offpeak.engine.book.PriceLevel;
import com.offpeak.engine.list.Link;

/**
 * One pooled order, bid or ask. A single class (rather than Ask/Bid subclasses) keeps the pool,
 * the price-level queue and the account list monomorphic; the side decides which fields matter.
 *
 * <p>{@link #remaining} is what the order can still trade and what depth shows: a bid's unfilled
 * GPUs, an ask's free GPUs. It is changed only through {@link PriceLevel#setRemaining} while the
 * order rests, so level aggregates never drift. An ask additionally keeps
 * {@code posted = remaining + leased + retired}.
 *
 * <p>The order sits in three queues at once, so no list node is ever allocated: its price level's
 * FIFO queue through {@link #levelPrev}/{@link #levelNext} (fields here, not a link object, since
 * that queue is the one the hot path edits), its account's open orders (id order, for cancel-all)
 * and the engine's live orders (id order, for views, hashing and snapshots) through links it owns.
 */
public final class Order
{
    public long id;
    public long account;
    public Side side;
    public int instrument;
    public long price;
    /** Time priority: smaller is older; renewed when the order loses priority. */
    public long prioritySeq;
    /** Resting and tradable; false for an ask that was cancelled or expired but still has GPUs out on lease. */
    public boolean open;
    public int remaining;
    /** First millisecond at which the order can no longer trade, or 0 when it never expires. */
    public long expiresAt;
    /** The handle of its expiry timer while it rests, to cancel the timer when it leaves earlier. */
    public int expiryTimer;

    // Bid fields.
    public int filled;
    public int durationMinutes;
    public TimeInForce timeInForce;
    public long deadline;
    public boolean contiguous;
    public boolean postOnly;
    public boolean preemptible;
    /**
     * A substitutes bid's group: the id of its first alternative (0: not a substitute) and how many
     * alternatives it named; their ids are consecutive from the group id.
     */
    public long substituteGroup;
    public int substituteCount;
    /** A sibling got its first fill in this engine step: it no longer trades and is cancelled before the step ends. */
    public boolean substituteVoided;

    // Ask fields.
    /** GPUs ever offered: set on entry, raised by amends up; kept apart so conservation is checkable. */
    public int askPosted;
    public int leased;
    public int retired;
    public long availableUntil;
    public int minBlock;

    /** The level it rests at, or null; with the two links below, written only by {@link PriceLevel}. */
    public PriceLevel level;
    public Order levelPrev;
    public Order levelNext;
    public final Link<Order> inAccount = new Link<>(this);
    public final Link<Order> inLive = new Link<>(this);
    /**
     * The number of the clientOrderId record that answers retries of this order's place command
     * while it rests, or {@link ClientOrderIds#NONE}.
     */
    public long clientRecord;

    /** The next order in time priority at the same price, or null. */
    public Order nextInLevel()
    {
        return levelNext;
    }

    /** The account's next open order by id, or null. */
    public Order nextOfAccount()
    {
        return inAccount.nextItem();
    }

    /** The next open or draining order by id, or null. */
    public Order nextLive()
    {
        return inLive.nextItem();
    }

    /**
     * {@code gpus} (at least 0) rounded down to whole blocks of this ask. Walks ask it of every
     * compatible order they pass; block sizes are nearly always powers of two (1, 2, 4, a whole
     * node), for which a mask does it without an integer division.
     */
    public int wholeBlocks(final int gpus)
    {
        final int block = minBlock;
        return (block & (block - 1)) == 0 ? gpus & -block : gpus - gpus % block;
    }

    public boolean isBid()
    {
        return side == Side.BID;
    }

    /** A bid's GPUs so far (filled + unfilled); an ask's GPUs ever offered (= free + leased + retired). */
    public int posted()
    {
        return side == Side.BID ? filled + remaining : askPosted;
    }

    public void clear()
    {
        id = 0;
        account = 0;
        side = null;
        instrument = 0;
        price = 0;
        prioritySeq = 0;
        open = false;
        remaining = 0;
        expiresAt = 0;
        expiryTimer = 0;
        filled = 0;
        durationMinutes = 0;
        timeInForce = null;
        deadline = 0;
        contiguous = false;
        postOnly = false;
        preemptible = false;
        substituteGroup = 0;
        substituteCount = 0;
        substituteVoided = false;
        askPosted = 0;
        leased = 0;
        retired = 0;
        availableUntil = 0;
        minBlock = 0;
        level = null;
        clientRecord = ClientOrderIds.NONE;
    }
}
