package com.offpeak.gateway.ws;

import com.offpeak.gateway.wire.JsonFields;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/** The response envelopes: {@code {"id":..,"ok":true,"result":{..}}} and {@code {"id":..,"ok":false,"error":{"code":..,"message":..}}}. */
public final class Replies
{
    private static final int MAX_ID_CHARS = 64;

    private Replies()
    {
    }

    public static String ok(final String idJson, final JsonObject result)
    {
        return "{\"id\":" + (idJson == null ? "null" : idJson) + ",\"ok\":true,\"result\":" + result.encode() + '}';
    }

    /** {@code detail} (may be null) says what exactly was wrong; the code's own message is used without it. */
    public static String error(final String idJson, final ApiError error, final String detail)
    {
        return error(idJson, error.name(), detail == null ? error.message() : detail);
    }

    /** The error envelope for any stable code: the gateway's own, or the engine's and the ledger's refusals. */
    public static String error(final String idJson, final String code, final String message)
    {
        final JsonObject body = new JsonObject().put("code", code).put("message", message);
        return "{\"id\":" + (idJson == null ? "null" : idJson) + ",\"ok\":false,\"error\":" + body.encode() + '}';
    }

    /** The request's {@code id} as JSON text to echo: an integer, a short string, or null when absent. */
    static String idJson(final Object id)
    {
        if (id == null)
        {
            return "null";
        }
        if (id instanceof Long)
        {
            return id.toString();
        }
        if (id instanceof String text && text.length() <= MAX_ID_CHARS)
        {
            return Json.encode(text);
        }
        throw new BadRequest(ApiError.BAD_REQUEST, "'id' must be an integer or a string of at most " + MAX_ID_CHARS + " characters");
    }

    /** A client value quoted in an error message, cut short so an error never echoes a huge payload. */
    static String clip(final Object value)
    {
        final String text = String.valueOf(JsonFields.asVertx(value));
        return '\'' + (text.length() > 32 ? text.substring(0, 32) + "..." : text) + '\'';
    }
}
