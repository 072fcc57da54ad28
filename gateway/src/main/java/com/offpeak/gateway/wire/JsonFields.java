package com.offpeak.gateway.wire;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's JSON object, read by a strict parser written for requests of a few KiB: one pass
 * over the text, the object's names kept as positions in it (no String per name, no map, no
 * Jackson parser with its buffers), values as {@link String}, {@link Long} (any integer that fits one),
 * {@link BigInteger} (larger integers), {@link Double} (numbers with a fraction or exponent),
 * {@link Boolean}, a nested {@code JsonFields} or a {@link List} of values; JSON null reads as absent.
 *
 * <p>It accepts exactly what the Jackson parser behind Vert.x's {@code JsonObject} accepted before:
 * RFC 8259 plus the comments Vert.x allows, no leading zeros, no unescaped control characters, no
 * trailing content, at most {@value #MAX_DEPTH} levels of nesting and {@value #MAX_NUMBER_DIGITS}
 * digits per number (Vert.x's limits); a name given twice keeps its last value. So every request
 * is answered as before; {@code JsonFieldsTest} checks that against Jackson.
 */
public final class JsonFields
{
    /** Vert.x's (Jackson's) default nesting limit. */
    static final int MAX_DEPTH = 1000;
    /** Vert.x's (Jackson's) default number length limit, in digits. */
    static final int MAX_NUMBER_DIGITS = 1000;

    private String text;
    /** Per field: where its name starts and ends in {@link #text} (quotes excluded). */
    private int[] nameBounds = new int[16];
    /** Per field: its name when it was written with escapes, else null (compared in place). */
    private String[] escapedNames = new String[8];
    /** Per field: {@link #signature} of its name, so a lookup skips other names with one comparison. */
    private int[] signatures = new int[8];
    private Object[] values = new Object[8];
    private int count;

    private JsonFields(final String text)
    {
        this.text = text;
    }

    /** The object {@code text} holds, or null if it is not exactly one well-formed JSON object. */
    public static JsonFields parse(final String text)
    {
        return new Reader().parse(text);
    }

    /**
     * Parses request after request into the same top-level object, for one connection's requests:
     * a parse allocates only the values (and any nested object), not the object and its arrays.
     * What it returns is valid until its next parse. Not thread-safe.
     */
    public static final class Reader
    {
        private final Parser parser = new Parser();
        private final JsonFields fields = new JsonFields(null);

        /** As {@link JsonFields#parse}, into this reader's object. */
        public JsonFields parse(final String text)
        {
            parser.reset(text);
            fields.reset(text);
            try
            {
                final int start = parser.skipWhitespace(0);
                if (start >= text.length() || text.charAt(start) != '{')
                {
                    return null;
                }
                final int end = parser.skipWhitespace(parser.object(start, fields, 1));
                return end == text.length() ? fields : null;
            }
            catch (final Malformed e)
            {
                return null;
            }
        }
    }

    /** Empties this object for the next text; the last one's values are let go. */
    private void reset(final String text)
    {
        this.text = text;
        Arrays.fill(values, 0, count, null);
        Arrays.fill(escapedNames, 0, count, null);
        count = 0;
    }

    /** The value of field {@code name}, or null when it is absent or JSON null. */
    public Object getValue(final String name)
    {
        final int signature = signature(name, 0, name.length());
        for (int i = count - 1; i >= 0; i--) // the last of a repeated name wins
        {
            if (signatures[i] == signature && nameIs(i, name))
            {
                return values[i];
            }
        }
        return null;
    }

    /** {@code value} (a field's value) in Vert.x's JSON types, whose text is what the request's error messages quote. */
    public static Object asVertx(final Object value)
    {
        if (value instanceof JsonFields fields)
        {
            // A LinkedHashMap gives a repeated name its first place and its last value, as Jackson's reading did.
            final Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < fields.count; i++)
            {
                map.put(fields.name(i), asVertx(fields.values[i]));
            }
            return new JsonObject(map);
        }
        if (value instanceof List<?> list)
        {
            final List<Object> elements = new ArrayList<>(list.size());
            for (final Object element : list)
            {
                elements.add(asVertx(element));
            }
            return new JsonArray(elements);
        }
        return value;
    }

    private String name(final int field)
    {
        final String escaped = escapedNames[field];
        return escaped != null ? escaped : text.substring(nameBounds[2 * field], nameBounds[2 * field + 1]);
    }

    /** Length, first and last char of a name: different for every name a request uses. */
    private static int signature(final String name, final int start, final int end)
    {
        return start == end ? 0 : (end - start) << 16 ^ name.charAt(start) << 8 ^ name.charAt(end - 1);
    }

    private boolean nameIs(final int field, final String name)
    {
        final String escaped = escapedNames[field];
        if (escaped != null)
        {
            return escaped.equals(name);
        }
        final int start = nameBounds[2 * field];
        final int length = nameBounds[2 * field + 1] - start;
        if (length != name.length())
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (text.charAt(start + i) != name.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    private void add(final int nameStart, final int nameEnd, final String escapedName, final Object value)
    {
        if (count == values.length)
        {
            nameBounds = Arrays.copyOf(nameBounds, 4 * count);
            escapedNames = Arrays.copyOf(escapedNames, 2 * count);
            signatures = Arrays.copyOf(signatures, 2 * count);
            values = Arrays.copyOf(values, 2 * count);
        }
        nameBounds[2 * count] = nameStart;
        nameBounds[2 * count + 1] = nameEnd;
        escapedNames[count] = escapedName;
        signatures[count] = escapedName == null ? signature(text, nameStart, nameEnd) : signature(escapedName, 0, escapedName.length());
        values[count++] = value;
    }

    /** Thrown inside the parser at the first error; never escapes {@link #parse}. */
    private static final class Malformed extends RuntimeException
    {
        private static final Malformed INSTANCE = new Malformed();

        private Malformed()
        {
            super(null, null, false, false);
        }
    }

    /** Recursive descent over the text; each method takes the position of its first char and returns the position after it. */
    private static final class Parser
    {
        private String text;
        private int length;
        /** The value of the last {@link #value} call. */
        private Object value;
        /** The decoded text of the last string with escapes read by {@link #string}, else null. */
        private String escaped;

        void reset(final String text)
        {
            this.text = text;
            this.length = text.length();
            value = null;
            escaped = null;
        }

        int object(final int open, final JsonFields into, final int depth)
        {
            if (depth > MAX_DEPTH)
            {
                throw Malformed.INSTANCE;
            }
            int i = skipWhitespace(open + 1);
            if (charAt(i) == '}')
            {
                return i + 1;
            }
            while (true)
            {
                if (charAt(i) != '"')
                {
                    throw Malformed.INSTANCE;
                }
                final int nameStart = i + 1;
                final int afterName = string(i);
                final String escapedName = escaped;
                i = skipWhitespace(afterName);
                if (charAt(i) != ':')
                {
                    throw Malformed.INSTANCE;
                }
                i = skipWhitespace(value(skipWhitespace(i + 1), depth));
                into.add(nameStart, afterName - 1, escapedName, value);
                final char c = charAt(i);
                if (c == '}')
                {
                    return i + 1;
                }
                if (c != ',')
                {
                    throw Malformed.INSTANCE;
                }
                i = skipWhitespace(i + 1);
            }
        }

        int array(final int open, final List<Object> into, final int depth)
        {
            if (depth > MAX_DEPTH)
            {
                throw Malformed.INSTANCE;
            }
            int i = skipWhitespace(open + 1);
            if (charAt(i) == ']')
            {
                return i + 1;
            }
            while (true)
            {
                i = skipWhitespace(value(i, depth));
                into.add(value);
                final char c = charAt(i);
                if (c == ']')
                {
                    return i + 1;
                }
                if (c != ',')
                {
                    throw Malformed.INSTANCE;
                }
                i = skipWhitespace(i + 1);
            }
        }

        /** A value at {@code i} (a container's members one level deeper than {@code depth}). */
        int value(final int i, final int depth)
        {
            final char c = charAt(i);
            switch (c)
            {
                case '"' ->
                {
                    final int end = string(i);
                    value = escaped != null ? escaped : text.substring(i + 1, end - 1);
                    return end;
                }
                case '{' ->
                {
                    final JsonFields nested = new JsonFields(text);
                    final int end = object(i, nested, depth + 1);
                    value = nested;
                    return end;
                }
                case '[' ->
                {
                    final List<Object> nested = new ArrayList<>();
                    final int end = array(i, nested, depth + 1);
                    value = nested;
                    return end;
                }
                case 't' ->
                {
                    value = Boolean.TRUE;
                    return literal(i, "true");
                }
                case 'f' ->
                {
                    value = Boolean.FALSE;
                    return literal(i, "false");
                }
                case 'n' ->
                {
                    value = null;
                    return literal(i, "null");
                }
                default ->
                {
                    return number(i);
                }
            }
        }

        private int literal(final int i, final String word)
        {
            final int end = i + word.length();
            if (end > length)
            {
                throw Malformed.INSTANCE;
            }
            for (int k = 1; k < word.length(); k++)
            {
                if (text.charAt(i + k) != word.charAt(k))
                {
                    throw Malformed.INSTANCE;
                }
            }
            return end;
        }

        /**
         * {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}, of at most
         * {@value #MAX_NUMBER_DIGITS} digits counted as Jackson counts them: an integer part "0"
         * counts none, signs and the point none.
         */
        private int number(final int start)
        {
            int i = start;
            if (charAt(i) == '-')
            {
                i++;
            }
            final int digitsStart = i;
            if (charAt(i) == '0')
            {
                i++;
            }
            else
            {
                i = digits(i);
            }
            final int integerEnd = i;
            int digitCount = text.charAt(digitsStart) == '0' ? 0 : integerEnd - digitsStart;
            boolean integer = true;
            if (i < length && text.charAt(i) == '.')
            {
                integer = false;
                final int fractionEnd = digits(i + 1);
                digitCount += fractionEnd - (i + 1);
                i = fractionEnd;
            }
            if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E'))
            {
                integer = false;
                i++;
                if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-'))
                {
                    i++;
                }
                final int exponentEnd = digits(i);
                digitCount += exponentEnd - i;
                i = exponentEnd;
            }
            if (digitCount > MAX_NUMBER_DIGITS)
            {
                throw Malformed.INSTANCE;
            }
            if (!integer)
            {
                value = Double.valueOf(text.substring(start, i));
            }
            else if (integerEnd - digitsStart <= 18) // cannot overflow a long
            {
                long magnitude = 0;
                for (int k = digitsStart; k < integerEnd; k++)
                {
                    magnitude = magnitude * 10 + (text.charAt(k) - '0');
                }
                value = Long.valueOf(digitsStart == start ? magnitude : -magnitude);
            }
            else
            {
                final BigInteger big = new BigInteger(text.substring(start, i));
                value = big.bitLength() < Long.SIZE ? (Object)Long.valueOf(big.longValue()) : big;
            }
            return i;
        }

        /** One or more digits. */
        private int digits(final int start)
        {
            int i = start;
            while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9')
            {
                i++;
            }
            if (i == start)
            {
                throw Malformed.INSTANCE;
            }
            return i;
        }

        /**
         * A string at {@code open} (its opening quote); returns the position after the closing
         * quote and leaves the decoded text in {@link #escaped} if it had escapes, else null.
         */
        int string(final int open)
        {
            StringBuilder decoded = null;
            int i = open + 1;
            int plainFrom = i;
            while (true)
            {
                if (i >= length)
                {
                    throw Malformed.INSTANCE;
                }
                final char c = text.charAt(i);
                if (c == '"')
                {
                    if (decoded == null)
                    {
                        escaped = null;
                    }
                    else
                    {
                        escaped = decoded.append(text, plainFrom, i).toString();
                    }
                    return i + 1;
                }
                if (c < 0x20)
                {
                    throw Malformed.INSTANCE;
                }
                if (c != '\\')
                {
                    i++;
                    continue;
                }
                if (decoded == null)
                {
                    decoded = new StringBuilder(i - open + 16);
                }
                decoded.append(text, plainFrom, i);
                final char e = charAt(i + 1);
                switch (e)
                {
                    case '"', '\\', '/' -> decoded.append(e);
                    case 'b' -> decoded.append('\b');
                    case 'f' -> decoded.append('\f');
                    case 'n' -> decoded.append('\n');
                    case 'r' -> decoded.append('\r');
                    case 't' -> decoded.append('\t');
                    case 'u' ->
                    {
                        decoded.append((char)hex4(i + 2));
                        i += 4;
                    }
                    default -> throw Malformed.INSTANCE;
                }
                i += 2;
                plainFrom = i;
            }
        }

        private int hex4(final int start)
        {
            if (start + 4 > length)
            {
                throw Malformed.INSTANCE;
            }
            int code = 0;
            for (int k = 0; k < 4; k++)
            {
                final int digit = Character.digit(text.charAt(start + k), 16);
                if (digit < 0 || text.charAt(start + k) > 'f')
                {
                    throw Malformed.INSTANCE;
                }
                code = code << 4 | digit;
            }
            return code;
        }

        /** Whitespace and comments: Vert.x enables Jackson's ALLOW_COMMENTS, so {@code /* *}{@code /} and {@code //} count as space. */
        int skipWhitespace(final int start)
        {
            int i = start;
            while (i < length)
            {
                final char c = text.charAt(i);
                if (c == '/')
                {
                    i = comment(i);
                }
                else if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
                {
                    i++;
                }
                else
                {
                    break;
                }
            }
            return i;
        }

        /** A comment at {@code slash}; as in Jackson, no control character but tab and line ends inside. */
        private int comment(final int slash)
        {
            final char kind = charAt(slash + 1);
            int i = slash + 2;
            if (kind == '/')
            {
                for (; i < length; i++)
                {
                    final char c = text.charAt(i);
                    if (c == '\n' || c == '\r')
                    {
                        return i + 1;
                    }
                    if (c < 0x20 && c != '\t')
                    {
                        throw Malformed.INSTANCE;
                    }
                }
                return i;
            }
            if (kind != '*')
            {
                throw Malformed.INSTANCE;
            }
            for (;; i++)
            {
                final char c = charAt(i);
                if (c == '*' && i + 1 < length && text.charAt(i + 1) == '/')
                {
                    return i + 2;
                }
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                {
                    throw Malformed.INSTANCE;
                }
            }
        }

        /** The char at {@code i}, or an error when the text ends there. */
        private char charAt(final int i)
        {
            if (i >= length)
            {
                throw Malformed.INSTANCE;
            }
            return text.charAt(i);
        }
    }
}
