package com.offpeak.engine;

import com.offpeak.engine.catalog.Instrument;

/**
 * One engine command: a mutable, reusable slot (a Disruptor ring entry, a journal flyweight's
 * decoded form) so that the hot path never allocates a command per order.
 *
 * <p>Fields by type (unused fields are zero / null / false after any of the setters):
 * <pre>
 * PLACE_ASK   timestamp account clientOrderId instrument gpus price availableUntil minBlock
 * PLACE_BID   timestamp account clientOrderId instrument gpus durationMinutes price
 *             timeInForce deadline(GTD only) contiguous postOnly preemptible
 *             substituteCount + substitute{Instrument,Gpus,Duration,Price}[i] (alternatives 2..4, see
 *             {@link #addSubstitute}; the fields above are the first)
 * CANCEL      timestamp account orderId
 * CANCEL_ALL  timestamp account instrument (or {@link #ALL_INSTRUMENTS})
 * AMEND       timestamp account orderId gpus(new remaining) price(new limit)
 * TIMER_TICK  timestamp
 * SET_MARKET_MODE  timestamp account({@link #ADMIN_ACCOUNT}) instrument auctionIntervalSeconds(0 = continuous)
 * QUOTE       timestamp account clientOrderId(echoed as the request id) instrument gpus durationMinutes alternatives
 * </pre>
 * Times are epoch milliseconds stamped by the sequencer; prices are micro-units (1e-6 USD) per
 * GPU-hour; a clientOrderId of 0 means "none given" (no retry protection).
 */
public final class Command
{
    public static final int ALL_INSTRUMENTS = -1;
    /** A bid names at most 4 alternatives: its own terms and up to 3 substitutes. */
    public static final int MAX_SUBSTITUTES = 3;
    /** The only account that may send admin commands (never a participant: orders need account > 0). */
    public static final long ADMIN_ACCOUNT = 0;
    /** The longest relative time a command may carry: ten years of minutes. */
    public static final long MAX_RELATIVE_MINUTES = 10L * 365 * 24 * 60;

    public CommandType type;
    public long timestamp;
    public long account;
    public long clientOrderId;
    public long orderId;
    public int instrument;
    public int gpus;
    public int durationMinutes;
    public long price;
    /** PLACE_ASK: the end of the window, epoch ms; or relative, see {@link #resolve}. */
    public long availableUntil;
    public int minBlock;
    public TimeInForce timeInForce;
    /** PLACE_BID with GTD: the latest lease end, epoch ms; or relative, see {@link #resolve}; 0 for none. */
    public long deadline;
    public boolean contiguous;
    public boolean postOnly;
    public boolean preemptible;
    /** PLACE_BID: alternatives besides the bid's own terms, tried in this order after them (docs/matching.md, Substitutes). */
    public int substituteCount;
    public final int[] substituteInstrument = new int[MAX_SUBSTITUTES];
    public final int[] substituteGpus = new int[MAX_SUBSTITUTES];
    public final int[] substituteDuration = new int[MAX_SUBSTITUTES];
    public final long[] substitutePrice = new long[MAX_SUBSTITUTES];
    public int auctionIntervalSeconds;
    /** QUOTE: also quote every other instrument for the same GPUs and duration. */
    public boolean alternatives;

    public Command placeAsk(
        final long timestamp,
        final long account,
        final long clientOrderId,
        final int instrument,
        final int gpus,
        final long price,
        final long availableUntil,
        final int minBlock)
    {
        reset(CommandType.PLACE_ASK, timestamp, account);
        this.clientOrderId = clientOrderId;
        this.instrument = instrument;
        this.gpus = gpus;
        this.price = price;
        this.availableUntil = availableUntil;
        this.minBlock = minBlock;
        return this;
    }

    public Command placeBid(
        final long timestamp,
        final long account,
        final long clientOrderId,
        final int instrument,
        final int gpus,
        final int durationMinutes,
        final long price,
        final TimeInForce timeInForce,
        final long deadline,
        final boolean contiguous,
        final boolean postOnly,
        final boolean preemptible)
    {
        reset(CommandType.PLACE_BID, timestamp, account);
        this.clientOrderId = clientOrderId;
        this.instrument = instrument;
        this.gpus = gpus;
        this.durationMinutes = durationMinutes;
        this.price = price;
        this.timeInForce = timeInForce;
        this.deadline = deadline;
        this.contiguous = contiguous;
        this.postOnly = postOnly;
        this.preemptible = preemptible;
        return this;
    }

    public Command cancel(final long timestamp, final long account, final long orderId)
    {
        reset(CommandType.CANCEL, timestamp, account);
        this.orderId = orderId;
        return this;
    }

    public Command cancelAll(final long timestamp, final long account, final int instrumentOrAll)
    {
        reset(CommandType.CANCEL_ALL, timestamp, account);
        this.instrument = instrumentOrAll;
        return this;
    }

    public Command amend(final long timestamp, final long account, final long orderId, final int gpus, final long price)
    {
        reset(CommandType.AMEND, timestamp, account);
        this.orderId = orderId;
        this.gpus = gpus;
        this.price = price;
        return this;
    }

    public Command timerTick(final long timestamp)
    {
        reset(CommandType.TIMER_TICK, timestamp, 0);
        return this;
    }

    /**
     * Adds an alternative to the PLACE_BID just set: instrument, GPUs, duration and limit; the
     * time-in-force, deadline and flags are the bid's. Beyond {@link #MAX_SUBSTITUTES} only the
     * count grows, and the engine rejects the command.
     */
    public Command addSubstitute(final int instrument, final int gpus, final int durationMinutes, final long price)
    {
        if (substituteCount < MAX_SUBSTITUTES)
        {
            substituteInstrument[substituteCount] = instrument;
            substituteGpus[substituteCount] = gpus;
            substituteDuration[substituteCount] = durationMinutes;
            substitutePrice[substituteCount] = price;
        }
        substituteCount++;
        return this;
    }

    public Command setMarketMode(final long timestamp, final long account, final int instrument, final int auctionIntervalSeconds)
    {
        reset(CommandType.SET_MARKET_MODE, timestamp, account);
        this.instrument = instrument;
        this.auctionIntervalSeconds = auctionIntervalSeconds;
        return this;
    }

    public Command quote(final long timestamp, final long account, final long requestId, final int instrument, final int gpus,
        final int durationMinutes, final boolean alternatives)
    {
        reset(CommandType.QUOTE, timestamp, account);
        this.clientOrderId = requestId;
        this.instrument = instrument;
        this.gpus = gpus;
        this.durationMinutes = durationMinutes;
        this.alternatives = alternatives;
        return this;
    }

    /** Copies every field of {@code other} into this slot. */
    public Command copyFrom(final Command other)
    {
        type = other.type;
        timestamp = other.timestamp;
        account = other.account;
        clientOrderId = other.clientOrderId;
        orderId = other.orderId;
        instrument = other.instrument;
        gpus = other.gpus;
        durationMinutes = other.durationMinutes;
        price = other.price;
        availableUntil = other.availableUntil;
        minBlock = other.minBlock;
        timeInForce = other.timeInForce;
        deadline = other.deadline;
        contiguous = other.contiguous;
        postOnly = other.postOnly;
        preemptible = other.preemptible;
        substituteCount = other.substituteCount;
        System.arraycopy(other.substituteInstrument, 0, substituteInstrument, 0, MAX_SUBSTITUTES);
        System.arraycopy(other.substituteGpus, 0, substituteGpus, 0, MAX_SUBSTITUTES);
        System.arraycopy(other.substituteDuration, 0, substituteDuration, 0, MAX_SUBSTITUTES);
        System.arraycopy(other.substitutePrice, 0, substitutePrice, 0, MAX_SUBSTITUTES);
        auctionIntervalSeconds = other.auctionIntervalSeconds;
        alternatives = other.alternatives;
        return this;
    }

    /**
     * A time field as an instant: {@code time} itself when it is absolute (0 and above), and when it
     * is negative, -{@code time} minutes after {@code now}, the engine time the command is applied at
     * (its stamp); {@link Long#MIN_VALUE}, which every check refuses, beyond
     * {@link #MAX_RELATIVE_MINUTES}. A client's "480 minutes from now" travels as -480 and is resolved
     * by the engine, not by the gateway, so that a retry of the same request is the same command
     * ({@link #sameRequestAs}) and gets the original answer, and a replay resolves it to the same instant.
     */
    public static long resolve(final long time, final long now)
    {
        if (time >= 0)
        {
            return time;
        }
        return time < -MAX_RELATIVE_MINUTES ? Long.MIN_VALUE : now - time * Instrument.MILLIS_PER_MINUTE;
    }

    /**
     * True when {@code other} asks for exactly the same thing: every field but the timestamp equal.
     * This is how an identical retry of a place command is told from a reuse of its clientOrderId.
     */
    public boolean sameRequestAs(final Command other)
    {
        return type == other.type &&
            account == other.account &&
            clientOrderId == other.clientOrderId &&
            orderId == other.orderId &&
            instrument == other.instrument &&
            gpus == other.gpus &&
            durationMinutes == other.durationMinutes &&
            price == other.price &&
            availableUntil == other.availableUntil &&
            minBlock == other.minBlock &&
            timeInForce == other.timeInForce &&
            deadline == other.deadline &&
            contiguous == other.contiguous &&
            postOnly == other.postOnly &&
            preemptible == other.preemptible &&
            sameSubstitutesAs(other) &&
            auctionIntervalSeconds == other.auctionIntervalSeconds &&
            alternatives == other.alternatives;
    }

    private boolean sameSubstitutesAs(final Command other)
    {
        if (substituteCount != other.substituteCount)
        {
            return false;
        }
        for (int i = 0; i < Math.min(substituteCount, MAX_SUBSTITUTES); i++)
        {
            if (substituteInstrument[i] != other.substituteInstrument[i] || substituteGpus[i] != other.substituteGpus[i] ||
                substituteDuration[i] != other.substituteDuration[i] || substitutePrice[i] != other.substitutePrice[i])
            {
                return false;
            }
        }
        return true;
    }

    private void reset(final CommandType type, final long timestamp, final long account)
    {
        this.type = type;
        this.timestamp = timestamp;
        this.account = account;
        clientOrderId = 0;
        orderId = 0;
        instrument = 0;
        gpus = 0;
        durationMinutes = 0;
        price = 0;
        availableUntil = 0;
        minBlock = 0;
        timeInForce = null;
        deadline = 0;
        contiguous = false;
        postOnly = false;
        preemptible = false;
        substituteCount = 0;
        for (int i = 0; i < MAX_SUBSTITUTES; i++)
        {
            substituteInstrument[i] = 0;
            substituteGpus[i] = 0;
            substituteDuration[i] = 0;
            substitutePrice[i] = 0;
        }
        auctionIntervalSeconds = 0;
        alternatives = false;
    }

    private String substitutes()
    {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < substituteCount; i++)
        {
            text.append(" or{");
            if (i < MAX_SUBSTITUTES)
            {
                text.append("instr=").append(substituteInstrument[i]).append(" gpus=").append(substituteGpus[i]).append(" min=")
                    .append(substituteDuration[i]).append(" px=").append(substitutePrice[i]);
            }
            text.append('}');
        }
        return text.toString();
    }

    @Override
    public String toString()
    {
        return switch (type == null ? CommandType.TIMER_TICK : type)
        {
            case PLACE_ASK -> "PlaceAsk{t=" + timestamp + " acct=" + account + " cl=" + clientOrderId + " instr=" + instrument +
                " gpus=" + gpus + " px=" + price + " until=" + availableUntil + " minBlock=" + minBlock + '}';
            case PLACE_BID -> "PlaceBid{t=" + timestamp + " acct=" + account + " cl=" + clientOrderId + " instr=" + instrument +
                " gpus=" + gpus + " min=" + durationMinutes + " px=" + price + " tif=" + timeInForce + " deadline=" + deadline +
                (contiguous ? " contiguous" : "") + (postOnly ? " postOnly" : "") + (preemptible ? " preemptible" : "") + substitutes() + '}';
            case CANCEL -> "Cancel{t=" + timestamp + " acct=" + account + " order=" + orderId + '}';
            case CANCEL_ALL -> "CancelAll{t=" + timestamp + " acct=" + account + " instr=" + instrument + '}';
            case AMEND -> "Amend{t=" + timestamp + " acct=" + account + " order=" + orderId + " gpus=" + gpus + " px=" + price + '}';
            case TIMER_TICK -> "TimerTick{t=" + timestamp + '}';
            case SET_MARKET_MODE -> "SetMarketMode{t=" + timestamp + " acct=" + account + " instr=" + instrument + " interval=" +
                auctionIntervalSeconds + "s}";
            case QUOTE -> "Quote{t=" + timestamp + " acct=" + account + " req=" + clientOrderId + " instr=" + instrument + " gpus=" + gpus +
                " min=" + durationMinutes + (alternatives ? " alternatives" : "") + '}';
        };
    }
}
