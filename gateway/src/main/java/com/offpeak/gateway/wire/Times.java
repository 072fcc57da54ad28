package com.offpeak.gateway.wire;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Times on the wire: epoch milliseconds as a JSON integer, or an ISO-8601 instant string ({@code "2026-11-25T17:00:00Z"}). */
public final class Times
{
    /** Returned by {@link #parse} for an unreadable time. */
    public static final long INVALID = Long.MIN_VALUE;

    private Times()
    {
    }

    /** Accepts a non-negative integral number (epoch ms) or an ISO-8601 instant; anything else is {@link #INVALID}. */
    public static long parse(final Object value)
    {
        if (value instanceof Long)
        {
            final long millis = ((Number)value).longValue();
            return millis >= 0 ? millis : INVALID;
        }
        if (value instanceof String text && text.length() <= 40)
        {
            try
            {
                return Instant.parse(text).toEpochMilli();
            }
            catch (final DateTimeParseException | ArithmeticException e)
            {
                return INVALID;
            }
        }
        return INVALID;
    }
}
