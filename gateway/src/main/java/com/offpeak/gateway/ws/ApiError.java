package com.offpeak.gateway.ws;

/**
 * Errors the gateway itself answers with, before a request reaches the engine (whose refusals
 * carry the engine's {@code RejectCode}s). Codes are stable: clients switch on them.
 */
public enum ApiError
{
    BAD_JSON("the frame is not a JSON object"),
    BAD_REQUEST("the request is missing a field or has one of the wrong type or range"),
    UNKNOWN_OP("no such op"),
    UNKNOWN_INSTRUMENT("no such instrument in the catalog"),
    UNKNOWN_CHANNEL("no such channel"),
    INVALID_PRICE_FORMAT("prices are decimal strings with at most 6 decimals, e.g. \"2.10\""),
    INVALID_TIME_FORMAT("times are epoch milliseconds or ISO-8601 instants"),
    FRAME_TOO_LARGE("the message exceeds the size limit"),
    BINARY_NOT_SUPPORTED("send JSON as text frames"),
    NOT_AUTHENTICATED("log in with an API key first"),
    AUTH_FAILED("unknown or invalid API key"),
    ALREADY_AUTHENTICATED("this connection is already logged in"),
    FORBIDDEN("this key may not do that"),
    NOT_FOUND("no such endpoint"),
    RATE_LIMITED("too many requests; slow down"),
    TOO_MANY_CONNECTIONS("too many connections from this address"),
    TOO_MANY_IN_FLIGHT("too many requests awaiting an answer on this connection"),
    BUSY("the exchange is saturated; retry shortly"),
    INTERNAL("the request could not be processed");

    private final String message;

    ApiError(final String message)
    {
        this.message = message;
    }

    public String message()
    {
        return message;
    }
}
