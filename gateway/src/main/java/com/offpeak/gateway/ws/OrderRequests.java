package com.offpeak.gateway.ws;

import com.offpeak.engine.Command;
import com.offpeak.engine.TimeInForce;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.engine.catalog.Instrument;
import com.offpeak.gateway.wire.JsonFields;
import java.util.List;

/**
 * Turns order-entry requests into engine {@link Command}s. The gateway checks the wire (types,
 * formats, ranges that fit the engine's fields); the engine checks the market rules (tick,
 * limits, windows) and answers with its own reject codes. The timestamp is left 0: the
 * sequencer stamps it.
 */
final class OrderRequests
{
    private static final long MAX_ID = Long.MAX_VALUE;

    private final Catalog catalog;

    OrderRequests(final Catalog catalog)
    {
        this.catalog = catalog;
    }

    /**
     * {@code {"op":"placeAsk","instrument":"H100-SXM","gpus":16,"price":"1.90","availableUntil":..., "minBlock":8,
     * "clientOrderId":7}}; {@code availableForMinutes} may replace {@code availableUntil}.
     */
    void placeAsk(final JsonFields request, final long account, final Command into)
    {
        final Instrument instrument = RequestFields.instrument(request, catalog);
        final int gpus = RequestFields.requiredInt(request, "gpus", 1, Integer.MAX_VALUE);
        final long price = RequestFields.requiredPrice(request, "price");
        final long availableUntil = RequestFields.timeOrRelative(request, "availableUntil", "availableForMinutes", Long.MIN_VALUE);
        if (availableUntil == Long.MIN_VALUE)
        {
            throw new BadRequest(ApiError.BAD_REQUEST, "'availableUntil' (or 'availableForMinutes') is required");
        }
        final int minBlock = (int)RequestFields.optionalLong(request, "minBlock", 1, Integer.MAX_VALUE, 1);
        final long clientOrderId = RequestFields.optionalLong(request, "clientOrderId", 1, MAX_ID, 0);
        into.placeAsk(0, account, clientOrderId, instrument.index(), gpus, price, availableUntil, minBlock);
    }

    /**
     * {@code {"op":"placeBid","instrument":"H100-SXM","gpus":8,"durationMinutes":120,"price":"2.10","timeInForce":"GTD",
     * "deadline":"2026-11-26T06:00:00Z","contiguous":true,"postOnly":false,"preemptible":false,"clientOrderId":42}};
     * {@code deadlineInMinutes} may replace {@code deadline}. Substitutes: {@code "alternatives":[{"instrument":"A100-80G",
     * "gpus":8,"durationMinutes":120,"price":"1.30"}, ...]}, tried after the bid's own terms in the listed order.
     */
    void placeBid(final JsonFields request, final long account, final Command into)
    {
        final Instrument instrument = RequestFields.instrument(request, catalog);
        final int gpus = RequestFields.requiredInt(request, "gpus", 1, Integer.MAX_VALUE);
        final int duration = RequestFields.requiredInt(request, "durationMinutes", 1, Integer.MAX_VALUE);
        final long price = RequestFields.requiredPrice(request, "price");
        final TimeInForce timeInForce = RequestFields.requiredEnum(request, "timeInForce", TimeInForce.class);
        final long deadline = RequestFields.timeOrRelative(request, "deadline", "deadlineInMinutes", 0);
        final long clientOrderId = RequestFields.optionalLong(request, "clientOrderId", 1, MAX_ID, 0);
        into.placeBid(0, account, clientOrderId, instrument.index(), gpus, duration, price, timeInForce, deadline,
            RequestFields.optionalBoolean(request, "contiguous"), RequestFields.optionalBoolean(request, "postOnly"),
            RequestFields.optionalBoolean(request, "preemptible"));
        final Object alternatives = request.getValue("alternatives");
        if (alternatives == null)
        {
            return;
        }
        if (!(alternatives instanceof List<?> list))
        {
            throw new BadRequest(ApiError.BAD_REQUEST, "'alternatives' must be an array of {instrument, gpus, durationMinutes, price}");
        }
        // One past the limit is enough for the engine to reject the list with its own code.
        for (int i = 0; i < list.size() && i <= Command.MAX_SUBSTITUTES; i++)
        {
            if (!(list.get(i) instanceof JsonFields alternative))
            {
                throw new BadRequest(ApiError.BAD_REQUEST, "each alternative is an object {instrument, gpus, durationMinutes, price}");
            }
            into.addSubstitute(RequestFields.instrument(alternative, catalog).index(),
                RequestFields.requiredInt(alternative, "gpus", 1, Integer.MAX_VALUE),
                RequestFields.requiredInt(alternative, "durationMinutes", 1, Integer.MAX_VALUE),
                RequestFields.requiredPrice(alternative, "price"));
        }
    }

    /**
     * {@code {"op":"quote","instrument":"H100-SXM","gpus":8,"durationMinutes":120,"alternatives":true}}: what the live
     * book would fill now, and (with {@code alternatives}) the same GPUs and duration on every other instrument.
     */
    void quote(final JsonFields request, final long account, final Command into)
    {
        final Instrument instrument = RequestFields.instrument(request, catalog);
        final int gpus = RequestFields.requiredInt(request, "gpus", 1, Integer.MAX_VALUE);
        final int duration = RequestFields.requiredInt(request, "durationMinutes", 1, Integer.MAX_VALUE);
        into.quote(0, account, 0, instrument.index(), gpus, duration, RequestFields.optionalBoolean(request, "alternatives"));
    }

    /** {@code {"op":"cancel","orderId":5}} */
    void cancel(final JsonFields request, final long account, final Command into)
    {
        into.cancel(0, account, RequestFields.requiredLong(request, "orderId", 1, MAX_ID));
    }

    /** {@code {"op":"cancelAll"}} or {@code {"op":"cancelAll","instrument":"H100-SXM"}} */
    void cancelAll(final JsonFields request, final long account, final Command into)
    {
        final int instrument = request.getValue("instrument") == null ? Command.ALL_INSTRUMENTS :
            RequestFields.instrument(request, catalog).index();
        into.cancelAll(0, account, instrument);
    }

    /** {@code {"op":"amend","orderId":5,"gpus":8,"price":"2.20"}}: the new remaining GPUs and limit. */
    void amend(final JsonFields request, final long account, final Command into)
    {
        into.amend(0, account, RequestFields.requiredLong(request, "orderId", 1, MAX_ID),
            RequestFields.requiredInt(request, "gpus", 1, Integer.MAX_VALUE), RequestFields.requiredPrice(request, "price"));
    }
}
