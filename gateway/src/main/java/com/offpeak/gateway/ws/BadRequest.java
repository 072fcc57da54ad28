package com.offpeak.gateway.ws;

/**
 * A request the gateway refuses, with the code and a message naming the offending field. Thrown
 * from deep in parsing and caught once per request; it carries no stack trace, since it is an
 * answer to a client, not a bug.
 */
public final class BadRequest extends RuntimeException
{
    private final ApiError error;

    public BadRequest(final ApiError error, final String message)
    {
        super(message, null, false, false);
        this.error = error;
    }

    public ApiError error()
    {
        return error;
    }
}
