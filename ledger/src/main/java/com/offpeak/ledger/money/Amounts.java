package com.offpeak.ledger.money;

/**
 * Every rounding rule of the ledger, in exact {@code long} arithmetic. Amounts are micro-USD.
 *
 * <ul>
 *   <li>Notional = floor(price × gpus × minutes / 60), {@link #OVERFLOW} when the product does not fit.</li>
 *   <li>Fees round up: fee = ceil(notional × bps / 10000).</li>
 *   <li>A split of an amount by a fraction part/whole gives one side the floor and the other the remainder
 *       ({@link #floorShare}); a fee split gives the charged side the ceiling ({@link #ceilShare}). Because the
 *       other side always gets {@code amount - share}, no micro-unit is ever created or lost.</li>
 * </ul>
 * Intermediate products never overflow: every amount is decomposed as q × divisor + r first, so only
 * r × factor (bounded by divisor²) is multiplied out.
 */
public final class Amounts
{
    /** Returned instead of a result that does not fit in a {@code long}. Never a valid amount (amounts are ≥ 0). */
    public static final long OVERFLOW = -1;
    public static final int BPS_PER_UNIT = 10_000;
    private static final int MINUTES_PER_HOUR = 60;

    private Amounts()
    {
    }

    /** floor(price × gpus × minutes / 60) for non-negative inputs, or {@link #OVERFLOW}. */
    public static long notional(final long price, final long gpus, final long minutes)
    {
        final long perGpu = multiplyOrOverflow(price, gpus);
        if (perGpu == OVERFLOW)
        {
            return OVERFLOW;
        }
        final long total = multiplyOrOverflow(perGpu, minutes);
        return total == OVERFLOW ? OVERFLOW : total / MINUTES_PER_HOUR;
    }

    /** ceil(notional × bps / 10000) for 0 ≤ bps ≤ 10000; never exceeds {@code notional}. */
    public static long fee(final long notional, final int bps)
    {
        return ceilShare(notional, bps, BPS_PER_UNIT);
    }

    /**
     * The fee owed on fills charged at two rates, rounded once over the total:
     * ceil((makerNotional × makerBps + takerNotional × takerBps) / 10000), or {@link #OVERFLOW}
     * when the notionals do not sum within a {@code long}. Charging an order's fills cumulatively
     * (each fill pays this total minus what was already paid) rounds up once per order, not once
     * per fill, so the fills never pay more than the maximum fee held for the order.
     */
    public static long cumulativeFee(final long makerNotional, final int makerBps, final long takerNotional, final int takerBps)
    {
        if (makerNotional > Long.MAX_VALUE - takerNotional)
        {
            return OVERFLOW;
        }
        final long makerUnits = makerNotional / BPS_PER_UNIT;
        final long takerUnits = takerNotional / BPS_PER_UNIT;
        final long remainderProduct = (makerNotional % BPS_PER_UNIT) * makerBps + (takerNotional % BPS_PER_UNIT) * takerBps;
        return makerUnits * makerBps + takerUnits * takerBps + ceilDiv(remainderProduct, BPS_PER_UNIT);
    }

    /** floor(amount × part / whole) for amount ≥ 0 and 0 ≤ part ≤ whole, whole > 0 an int. */
    public static long floorShare(final long amount, final int part, final int whole)
    {
        return (amount / whole) * part + (amount % whole) * part / whole;
    }

    /** ceil(amount × part / whole) for amount ≥ 0 and 0 ≤ part ≤ whole, whole > 0 an int. */
    public static long ceilShare(final long amount, final int part, final int whole)
    {
        return (amount / whole) * part + ceilDiv((amount % whole) * part, whole);
    }

    /** price × gpus (a rate per hour) for non-negative inputs, or {@link #OVERFLOW}. */
    public static long hourly(final long price, final long gpus)
    {
        return multiplyOrOverflow(price, gpus);
    }

    /** a + b for non-negative amounts, or {@link #OVERFLOW}. */
    public static long addOrOverflow(final long a, final long b)
    {
        return a > Long.MAX_VALUE - b ? OVERFLOW : a + b;
    }

    private static long multiplyOrOverflow(final long a, final long b)
    {
        final long product = a * b;
        return Math.multiplyHigh(a, b) != 0 || product < 0 ? OVERFLOW : product;
    }

    private static long ceilDiv(final long dividend, final long divisor)
    {
        return (dividend + divisor - 1) / divisor;
    }
}
