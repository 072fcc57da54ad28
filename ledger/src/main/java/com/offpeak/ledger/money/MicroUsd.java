package com.offpeak.ledger.money;

/** Decimal rendering of micro-USD amounts for statements: exact, six decimals, never via floating point. */
public final class MicroUsd
{
    private static final long PER_USD = 1_000_000L;

    private MicroUsd()
    {
    }

    /** {@code 12345678 -> "12.345678"}, {@code -1 -> "-0.000001"}. */
    public static String format(final long micros)
    {
        final StringBuilder out = new StringBuilder(24);
        appendTo(out, micros);
        return out.toString();
    }

    public static void appendTo(final StringBuilder out, final long micros)
    {
        // Quotient and remainder are taken before any negation, so even Long.MIN_VALUE renders exactly.
        final long whole = micros / PER_USD;
        final long fraction = Math.abs(micros % PER_USD);
        if (micros < 0)
        {
            out.append('-');
        }
        out.append(Math.abs(whole));
        out.append('.');
        final String digits = Long.toString(fraction);
        for (int pad = digits.length(); pad < 6; pad++)
        {
            out.append('0');
        }
        out.append(digits);
    }
}
