package com.offpeak.gateway.wire;

/**
 * Prices on the wire are decimal strings of USD per GPU-hour ({@code "2.10"}); inside they are
 * {@code long} micro-USD. Floats never cross the boundary: a binary fraction cannot say 2.10
 * exactly, so a JSON number, an exponent or a seventh decimal is refused rather than rounded.
 */
public final class Prices
{
    public static final long MICROS_PER_UNIT = 1_000_000L;
    /** Returned by {@link #parse} for anything that is not a canonical non-negative decimal. */
    public static final long INVALID = -1;
    private static final int MAX_DECIMALS = 6;
    private static final int MIN_PRINTED_DECIMALS = 2;

    private Prices()
    {
    }

    /**
     * {@code "2.10"} → 2_100_000. Accepts digits with an optional '.' followed by 1 to 6 digits;
     * anything else (sign, exponent, empty part, whitespace, overflow) gives {@link #INVALID}.
     */
    public static long parse(final CharSequence text)
    {
        final int length = text.length();
        if (length == 0 || length > 32)
        {
            return INVALID;
        }
        long units = 0;
        int i = 0;
        int integerDigits = 0;
        for (; i < length && text.charAt(i) != '.'; i++)
        {
            final int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9 || units > (Long.MAX_VALUE / MICROS_PER_UNIT) / 10 - 1)
            {
                return INVALID;
            }
            units = units * 10 + digit;
            integerDigits++;
        }
        if (integerDigits == 0)
        {
            return INVALID;
        }
        long fraction = 0;
        int decimals = 0;
        if (i < length)
        {
            i++; // the '.'
            if (i == length)
            {
                return INVALID;
            }
            for (; i < length; i++)
            {
                final int digit = text.charAt(i) - '0';
                if (digit < 0 || digit > 9 || ++decimals > MAX_DECIMALS)
                {
                    return INVALID;
                }
                fraction = fraction * 10 + digit;
            }
        }
        for (int d = decimals; d < MAX_DECIMALS; d++)
        {
            fraction *= 10;
        }
        return units * MICROS_PER_UNIT + fraction;
    }

    /** Appends the canonical form: at least two decimals, trailing zeros beyond them trimmed (2_100_000 → "2.10"). */
    public static StringBuilder append(final StringBuilder out, final long micros)
    {
        long value = micros;
        if (value < 0)
        {
            out.append('-');
            value = -value;
        }
        out.append(value / MICROS_PER_UNIT).append('.');
        long fraction = value % MICROS_PER_UNIT;
        int decimals = MAX_DECIMALS;
        while (decimals > MIN_PRINTED_DECIMALS && fraction % 10 == 0)
        {
            fraction /= 10;
            decimals--;
        }
        for (long scale = pow10(decimals - 1); scale > fraction && scale > 1; scale /= 10)
        {
            out.append('0');
        }
        return out.append(fraction);
    }

    public static String format(final long micros)
    {
        return append(new StringBuilder(16), micros).toString();
    }

    private static long pow10(final int exponent)
    {
        long result = 1;
        for (int i = 0; i < exponent; i++)
        {
            result *= 10;
        }
        return result;
    }
}
