package com.offpeak.gateway.wire;

/**
 * A minimal streaming JSON writer over one reused {@link StringBuilder}: the fan-out encodes each
 * market-data message once, as text, without building a tree of objects first. Nesting is
 * tracked in a bit stack (63 levels) to place commas.
 */
public final class JsonText
{
    private final StringBuilder out = new StringBuilder(4096);
    /** Bit d set: the container at depth d already has an element, the next one needs a comma. */
    private long needsComma;
    /** Bit d set: the container at depth d is an array. */
    private long arrays;
    private int depth;

    /** Starts a new top-level object, discarding whatever was written before. */
    public JsonText startMessage()
    {
        out.setLength(0);
        depth = 0;
        needsComma = 0;
        return push('{');
    }

    /** Closes every open object/array and returns the text. */
    public String finish()
    {
        closeAll();
        return out.toString();
    }

    /** Closes every open object/array and returns the message as UTF-8, ready for the socket (no String in between). */
    public byte[] finishUtf8()
    {
        closeAll();
        return Utf8.encode(out);
    }

    public JsonText field(final String name, final long value)
    {
        name(name).append(value);
        return this;
    }

    public JsonText field(final String name, final boolean value)
    {
        name(name).append(value);
        return this;
    }

    /** A string field; {@code null} writes JSON null. */
    public JsonText field(final String name, final CharSequence value)
    {
        name(name);
        string(value);
        return this;
    }

    /** A price field as its canonical decimal string. */
    public JsonText price(final String name, final long micros)
    {
        name(name).append('"');
        Prices.append(out, micros).append('"');
        return this;
    }

    /** A price field, or null when {@code present} is false (no best bid, no trade yet). */
    public JsonText priceOrNull(final String name, final long micros, final boolean present)
    {
        if (!present)
        {
            name(name).append("null");
            return this;
        }
        return price(name, micros);
    }

    /** A fixed-point quantity {@code units / scale} with {@code decimals} digits, as a string (GPU-hours from GPU-minutes). */
    public JsonText ratio(final String name, final long units, final long scale, final int decimals)
    {
        name(name).append('"');
        appendRatio(units, scale, decimals);
        out.append('"');
        return this;
    }

    public JsonText nullField(final String name)
    {
        name(name).append("null");
        return this;
    }

    public JsonText startObject(final String name)
    {
        name(name);
        return push('{');
    }

    /** An object as an array element. */
    public JsonText startObject()
    {
        element();
        return push('{');
    }

    public JsonText startArray(final String name)
    {
        name(name);
        return push('[');
    }

    public JsonText startArray()
    {
        element();
        return push('[');
    }

    public JsonText end()
    {
        out.append(peekCloser());
        depth--;
        return this;
    }

    /** Array elements. */
    public JsonText value(final long value)
    {
        element();
        out.append(value);
        return this;
    }

    public JsonText priceValue(final long micros)
    {
        element();
        out.append('"');
        Prices.append(out, micros).append('"');
        return this;
    }

    /** Raw JSON already encoded elsewhere, as a field value. */
    public JsonText rawField(final String name, final CharSequence json)
    {
        name(name).append(json);
        return this;
    }

    private void closeAll()
    {
        while (depth > 0)
        {
            end();
        }
    }

    private JsonText push(final char opener)
    {
        out.append(opener);
        depth++;
        needsComma &= ~(1L << depth);
        if (opener == '[')
        {
            arrays |= 1L << depth;
        }
        else
        {
            arrays &= ~(1L << depth);
        }
        return this;
    }

    private char peekCloser()
    {
        return (arrays & (1L << depth)) != 0 ? ']' : '}';
    }

    private void element()
    {
        if ((needsComma & (1L << depth)) != 0)
        {
            out.append(',');
        }
        needsComma |= 1L << depth;
    }

    private StringBuilder name(final String name)
    {
        element();
        string(name);
        return out.append(':');
    }

    private void string(final CharSequence value)
    {
        if (value == null)
        {
            out.append("null");
            return;
        }
        out.append('"');
        if (needsNoEscape(value))
        {
            // Field names, enum names, instrument ids: copied whole, not char by char through the escapes below.
            out.append(value).append('"');
            return;
        }
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            switch (c)
            {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default ->
                {
                    if (c < 0x20)
                    {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    }
                    else
                    {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean needsNoEscape(final CharSequence value)
    {
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\')
            {
                return false;
            }
        }
        return true;
    }

    private void appendRatio(final long units, final long scale, final int decimals)
    {
        long factor = 1;
        for (int i = 0; i < decimals; i++)
        {
            factor *= 10;
        }
        final long scaled = Math.multiplyExact(units, factor) / scale;
        out.append(scaled / factor);
        if (decimals > 0)
        {
            out.append('.');
            final long fraction = Math.abs(scaled % factor);
            for (long f = factor / 10; f > 1 && fraction < f; f /= 10)
            {
                out.append('0');
            }
            out.append(fraction);
        }
    }
}
