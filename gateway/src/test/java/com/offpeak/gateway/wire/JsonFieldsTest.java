package com.offpeak.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonFields} against the parser it replaced (Jackson behind Vert.x's {@code JsonObject}):
 * the same texts are refused, and every accepted text gives the same values — hand-picked edge
 * cases, the limits, then 200,000 random mutations of real requests. Each test parses all its texts
 * with one {@link JsonFields.Reader}, as a connection does, so every text is also read after another.
 */
class JsonFieldsTest
{
    private final JsonFields.Reader reader = new JsonFields.Reader();
    /** The last accepted text's fields: none of them may show through in the next text's object. */
    private JsonObject previous = new JsonObject();

    private static final String[] REQUESTS = {
        "{\"id\":1,\"op\":\"placeBid\",\"instrument\":\"L4\",\"gpus\":8,\"durationMinutes\":60,\"price\":\"1.00\",\"timeInForce\":\"IOC\"}",
        "{\"id\":\"a-b\",\"op\":\"placeAsk\",\"instrument\":\"H100-SXM\",\"gpus\":16,\"price\":\"2.10\",\"availableForMinutes\":480," +
            "\"minBlock\":8,\"clientOrderId\":1}",
        "{\"id\":10,\"op\":\"placeBid\",\"instrument\":\"H100-SXM\",\"gpus\":8,\"durationMinutes\":120,\"price\":\"2.40\"," +
            "\"timeInForce\":\"GTC\",\"alternatives\":[{\"instrument\":\"A100-80G\",\"gpus\":8,\"durationMinutes\":120,\"price\":\"1.30\"}," +
            "{\"instrument\":\"L40S\",\"gpus\":16,\"durationMinutes\":180,\"price\":\"0.70\"}],\"contiguous\":true,\"postOnly\":false}",
        " {\"op\" : \"subscribe\" ,\n\t\"channel\":\"candles\",\r\"interval\":\"1m\",\"instrument\":null,\"x\":-0.5e-3,\"y\":[]} ",
    };

    @Test
    void edgeCasesAreReadAsJacksonReadsThem()
    {
        final String[] cases = {
            "", " ", "{", "}", "{}", " {} ", "[]", "42", "null", "\"s\"", "{\"a\":1}x", "{\"a\":1}{}", "{\"a\":1}}", "{\"a\":1,}",
            "{,}", "{\"a\"}", "{\"a\":}", "{a:1}", "{'a':1}", "{\"a\":01}", "{\"a\":-}", "{\"a\":-0}", "{\"a\":1.}", "{\"a\":.5}",
            "{\"a\":1e}", "{\"a\":1e+}", "{\"a\":1E+2}", "{\"a\":+1}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":tru}",
            "{\"a\":truex}", "{\"a\":nulls}", "{\"a\":true,\"a\":false}", "{\"a\":\"x\",\"a\":null}", "{\"a\":\"\\u00e9\\n\\/\"}",
            "{\"\\u0061\":1}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\u12g4\"}", "{\"a\":\"\\uD800\"}",
            "{\"a\":\"tab\there\"}", "{\"a\":\"\u0001\"}", "{\"a\":\"\u007f\u00e9\u4e2d\"}", "{\"a\"\u00a0:1}", "\ufeff{}",
            "{\"a\":2147483647}", "{\"a\":2147483648}", "{\"a\":-2147483649}", "{\"a\":9223372036854775807}",
            "{\"a\":9223372036854775808}", "{\"a\":-9223372036854775808}", "{\"a\":-9223372036854775809}",
            "{\"a\":123456789012345678901234567890}", "{\"a\":1e999}", "{\"a\":0.1}", "{\"a\":[1,[2,{\"b\":[]}],{}]}",
            "{\"a\":[1,]}", "{\"a\":[,1]}", "{\"a\":[1 2]}", "{\"a\":{\"b\":{\"c\":\"d\"}}}", "{\"a\":1 /*c*/}", "{\"a\":1}\n",
            "{\"id\":1,\"op\":\"ping\"}}}", "{\"a\":\"" + "x".repeat(3000) + "\"}",
            // comments, which Vert.x lets Jackson allow
            "{\"a\":1 // c\n}", "{/**/\"a\"/**/:/**/1/**/}", "/*x*/{}", "{}/*x*/", "{}//x", "{}/*", "{}/", "{\"a\":1 / }",
            "{\"a\":1 # c\n}", "{\"a\":1 /* c }", "{\"a\":1 /***/}", "{\"a\":1 /* /* */ */}", "{\"a\":[1/**/,/**/2]}",
            "{\"a\":-/**/1}", "{\"a\":12/**/}", "{\"a\":true/**/}", "{\"a\":1 /* \u0001 */}", "{\"a\":1 /* \t\n\r */}",
            "{\"a\":1 // \u0001 \n}", "{\"a\":1 // x\r}", "{\"a\":1 // \t\n}",
            // values quoted back in error messages
            "{\"op\":{\"f\":1,\"g\":[1,2.5,\"x\",{\"d\":null}],\"f\":2}}", "{\"op\":[ 1 , 1e3 ,-0.0 ,true]}", "{\"op\":1.50}",
        };
        for (final String text : cases)
        {
            assertSameAsJackson(text);
        }
    }

    @Test
    void nestingAndNumberLimitsAreJacksons()
    {
        for (final int depth : new int[] {998, 999, 1000, 1001, 1500})
        {
            assertSameAsJackson("{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
            assertSameAsJackson("{\"a\":" + "{\"b\":".repeat(depth) + "1" + "}".repeat(depth) + "}");
        }
        for (final int digits : new int[] {999, 1000, 1001})
        {
            assertSameAsJackson("{\"a\":" + "7".repeat(digits) + "}");
            assertSameAsJackson("{\"a\":-" + "7".repeat(digits) + "}");
            assertSameAsJackson("{\"a\":0." + "7".repeat(digits) + "}");
            assertSameAsJackson("{\"a\":" + "7".repeat(digits / 2) + "." + "7".repeat(digits / 2) + "}");
            assertSameAsJackson("{\"a\":1e" + "1".repeat(digits) + "}");
            assertSameAsJackson("{\"a\":-0." + "7".repeat(digits) + "}");
            assertSameAsJackson("{\"a\":77." + "7".repeat(digits) + "}");
            assertSameAsJackson("{\"a\":1.5e-" + "1".repeat(digits - 2) + "}");
        }
    }

    @Test
    void randomMutationsOfRequestsAreReadAsJacksonReadsThem()
    {
        final Random random = new Random(20261201);
        final String alphabet = "{}[]:,\"\\/* \t\n\r-+.0123456789eEtrufalsn\u0000\u001f\u00e9x";
        for (int n = 0; n < 200_000; n++)
        {
            final StringBuilder text = new StringBuilder(REQUESTS[random.nextInt(REQUESTS.length)]);
            final int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits && text.length() > 0; e++)
            {
                final int at = random.nextInt(text.length());
                final char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3))
                {
                    case 0 -> text.insert(at, c);
                    case 1 -> text.deleteCharAt(at);
                    default -> text.setCharAt(at, c);
                }
            }
            assertSameAsJackson(text.toString());
        }
    }

    private void assertSameAsJackson(final String text)
    {
        JsonObject expected;
        try
        {
            expected = new JsonObject(text);
        }
        catch (final RuntimeException e)
        {
            expected = null;
        }
        final JsonFields actual = reader.parse(text);
        assertThat(actual == null).as("refused: %s", text).isEqualTo(expected == null);
        assertThat(JsonFields.parse(text) == null).as("refused by a fresh parse: %s", text).isEqualTo(expected == null);
        if (expected != null)
        {
            assertSameFields(expected, actual, text);
            for (final String name : previous.fieldNames())
            {
                if (!expected.containsKey(name))
                {
                    assertThat(actual.getValue(name)).as("%s after %s", text, previous).isNull();
                }
            }
            previous = expected;
        }
    }

    private static void assertSameFields(final JsonObject expected, final JsonFields actual, final String text)
    {
        for (final Map.Entry<String, Object> field : expected)
        {
            assertSameValue(field.getValue(), actual.getValue(field.getKey()), text);
            // error messages quote a value as its text
            assertThat(String.valueOf(JsonFields.asVertx(actual.getValue(field.getKey()))))
                .as(text).isEqualTo(String.valueOf(field.getValue()));
        }
        assertThat(actual.getValue("absent")).isEqualTo(expected.getValue("absent"));
    }

    private static void assertSameValue(final Object expected, final Object actual, final String text)
    {
        if (expected instanceof Integer || expected instanceof Long)
        {
            assertThat(actual).as(text).isInstanceOf(Long.class).isEqualTo(((Number)expected).longValue());
        }
        else if (expected instanceof BigInteger)
        {
            assertThat(actual).as(text).isEqualTo(expected);
        }
        else if (expected instanceof Number)
        {
            assertThat(actual).as(text).isInstanceOf(Double.class);
        }
        else if (expected instanceof JsonObject object)
        {
            assertThat(actual).as(text).isInstanceOf(JsonFields.class);
            assertSameFields(object, (JsonFields)actual, text);
        }
        else if (expected instanceof JsonArray array)
        {
            assertThat(actual).as(text).isInstanceOf(List.class);
            final List<?> list = (List<?>)actual;
            assertThat(list).as(text).hasSize(array.size());
            for (int i = 0; i < array.size(); i++)
            {
                assertSameValue(array.getValue(i), list.get(i), text);
            }
        }
        else
        {
            assertThat(actual).as(text).isEqualTo(expected); // String, Boolean, null
        }
    }
}
