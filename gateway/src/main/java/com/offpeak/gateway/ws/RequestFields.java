package com.offpeak.gateway.ws;

import com.offpeak.engine.Command;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.engine.catalog.Instrument;
import com.offpeak.gateway.wire.JsonFields;
import com.offpeak.gateway.wire.Prices;
import com.offpeak.gateway.wire.Times;

/**
 * Strictly typed reads of request fields: integers must be JSON integers in range (no floats, no
 * numeric strings), prices decimal strings, booleans true/false, times epoch ms or ISO-8601. Any
 * violation is a {@link BadRequest} naming the field.
 */
final class RequestFields
{
    private RequestFields()
    {
    }

    static long requiredLong(final JsonFields request, final String field, final long min, final long max)
    {
        final Object value = request.getValue(field);
        if (value == null)
        {
            throw missing(field);
        }
        return checkedLong(value, field, min, max);
    }

    static long optionalLong(final JsonFields request, final String field, final long min, final long max, final long absent)
    {
        final Object value = request.getValue(field);
        return value == null ? absent : checkedLong(value, field, min, max);
    }

    static int requiredInt(final JsonFields request, final String field, final int min, final int max)
    {
        return (int)requiredLong(request, field, min, max);
    }

    static boolean optionalBoolean(final JsonFields request, final String field)
    {
        final Object value = request.getValue(field);
        if (value == null)
        {
            return false;
        }
        if (value instanceof Boolean flag)
        {
            return flag;
        }
        throw new BadRequest(ApiError.BAD_REQUEST, "'" + field + "' must be true or false");
    }

    static String requiredString(final JsonFields request, final String field, final int maxLength)
    {
        final Object value = request.getValue(field);
        if (value == null)
        {
            throw missing(field);
        }
        return checkedString(value, field, maxLength);
    }

    static String optionalString(final JsonFields request, final String field, final int maxLength)
    {
        final Object value = request.getValue(field);
        return value == null ? null : checkedString(value, field, maxLength);
    }

    static long requiredPrice(final JsonFields request, final String field)
    {
        final Object value = request.getValue(field);
        if (value == null)
        {
            throw missing(field);
        }
        if (!(value instanceof String text))
        {
            throw new BadRequest(ApiError.INVALID_PRICE_FORMAT, "'" + field + "' must be a decimal string such as \"2.10\", not " +
                describe(value));
        }
        final long micros = Prices.parse(text);
        if (micros == Prices.INVALID)
        {
            throw new BadRequest(ApiError.INVALID_PRICE_FORMAT, "'" + field + "' is not a decimal with at most 6 decimals");
        }
        return micros;
    }

    /**
     * An absolute time field (epoch ms), or its relative twin's minutes as {@code -minutes}, which the
     * engine resolves against the command's own time ({@link Command#resolve}: so a retry of the same
     * relative request is the same command); {@code absent} when neither is given.
     */
    static long timeOrRelative(final JsonFields request, final String field, final String minutesField, final long absent)
    {
        final Object value = request.getValue(field);
        final Object relative = request.getValue(minutesField);
        if (value != null && relative != null)
        {
            throw new BadRequest(ApiError.BAD_REQUEST, "give '" + field + "' or '" + minutesField + "', not both");
        }
        if (relative != null)
        {
            return -checkedLong(relative, minutesField, 1, Command.MAX_RELATIVE_MINUTES);
        }
        if (value == null)
        {
            return absent;
        }
        final long time = Times.parse(value);
        if (time == Times.INVALID)
        {
            throw new BadRequest(ApiError.INVALID_TIME_FORMAT, "'" + field + "' must be epoch milliseconds or an ISO-8601 instant");
        }
        return time;
    }

    static Instrument instrument(final JsonFields request, final Catalog catalog)
    {
        final String id = requiredString(request, "instrument", 64);
        final Instrument instrument = catalog.byId(id);
        if (instrument == null)
        {
            throw new BadRequest(ApiError.UNKNOWN_INSTRUMENT, "no instrument '" + id + "'");
        }
        return instrument;
    }

    static <E extends Enum<E>> E requiredEnum(final JsonFields request, final String field, final Class<E> type)
    {
        final String name = requiredString(request, field, 32);
        for (final E constant : type.getEnumConstants())
        {
            if (constant.name().equals(name))
            {
                return constant;
            }
        }
        throw new BadRequest(ApiError.BAD_REQUEST, "'" + field + "' must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    private static long checkedLong(final Object value, final String field, final long min, final long max)
    {
        if (!(value instanceof Long))
        {
            throw new BadRequest(ApiError.BAD_REQUEST, "'" + field + "' must be an integer, not " + describe(value));
        }
        final long number = ((Number)value).longValue();
        if (number < min || number > max)
        {
            throw new BadRequest(ApiError.BAD_REQUEST, "'" + field + "' must be between " + min + " and " + max);
        }
        return number;
    }

    private static String checkedString(final Object value, final String field, final int maxLength)
    {
        if (!(value instanceof String text))
        {
            throw new BadRequest(ApiError.BAD_REQUEST, "'" + field + "' must be a string, not " + describe(value));
        }
        if (text.length() > maxLength)
        {
            throw new BadRequest(ApiError.BAD_REQUEST, "'" + field + "' is longer than " + maxLength + " characters");
        }
        return text;
    }

    private static BadRequest missing(final String field)
    {
        return new BadRequest(ApiError.BAD_REQUEST, "'" + field + "' is required");
    }

    private static String describe(final Object value)
    {
        if (value instanceof Number)
        {
            return "a number";
        }
        if (value instanceof String)
        {
            return "a string";
        }
        if (value instanceof Boolean)
        {
            return "a boolean";
        }
        return "an object or array";
    }
}
