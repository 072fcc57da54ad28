package com.offpeak.gateway.rest;

import com.offpeak.engine.RejectCode;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.gateway.server.OutputAdapter;
import com.offpeak.gateway.wire.Prices;
import com.offpeak.gateway.ws.Replies;
import com.offpeak.journal.OutputDecoder;
import com.offpeak.pipeline.Acknowledger;
import com.offpeak.pipeline.InputWriter;
import com.offpeak.pipeline.Pipeline;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.DirectBuffer;

/**
 * {@code GET /api/quote}: a QUOTE through the pipeline (journaled like the WebSocket op, so replay
 * answers it the same), answered with its {@code quoted} events or the engine's refusal. Low
 * volume, so a map of promises by correlation id and JSON objects per answer are fine here.
 */
final class QuoteRequests implements Acknowledger
{
    /** What was asked; the writer copies it into the ring slot. */
    record Quote(long account, int instrument, int gpus, int durationMinutes, boolean alternatives)
    {
    }

    private static final InputWriter<Quote> WRITE = (slot, quote) ->
    {
        slot.command.quote(0, quote.account(), 0, quote.instrument(), quote.gpus(), quote.durationMinutes(), quote.alternatives());
        slot.engineCommand();
    };

    private final Pipeline pipeline;
    private final Catalog catalog;
    private final AtomicLong nextCorrelation = new AtomicLong();
    private final ConcurrentHashMap<Long, Promise<JsonObject>> waiting = new ConcurrentHashMap<>();
    private final OutputDecoder decoder = new OutputDecoder();

    QuoteRequests(final Pipeline pipeline, final Catalog catalog)
    {
        this.pipeline = pipeline;
        this.catalog = catalog;
    }

    /** Completes with {@code {"quotes":[...]}} or {@code {"error":{"code":...}}}; fails with BUSY if the ring is full. */
    Future<JsonObject> submit(final Quote quote)
    {
        final long correlation = nextCorrelation.incrementAndGet();
        final Promise<JsonObject> promise = Promise.promise();
        waiting.put(correlation, promise);
        if (!pipeline.trySubmit(WRITE, quote, this, correlation))
        {
            waiting.remove(correlation);
            return Future.failedFuture("BUSY");
        }
        return promise.future();
    }

    @Override
    public void acknowledged(final long correlationId, final long sequence, final DirectBuffer output, final int length)
    {
        final Promise<JsonObject> promise = waiting.remove(correlationId);
        if (promise != null)
        {
            final Answer answer = new Answer();
            decoder.decode(output, 0, length, answer);
            promise.complete(answer.code != null ?
                new JsonObject(Replies.error(null, answer.code.name(), answer.code.message())) :
                new JsonObject().put("quotes", answer.quotes));
        }
    }

    /** The quote's own events out of its output. */
    private final class Answer extends OutputAdapter
    {
        final JsonArray quotes = new JsonArray();
        RejectCode code;

        @Override
        public void rejected(final long time, final long account, final long clientOrderId, final long orderId, final RejectCode reject)
        {
            code = reject;
        }

        @Override
        public void quoted(final long time, final long account, final long requestId, final int instrument, final int gpus,
            final int durationMinutes, final int fillableGpus, final long notional, final long averagePrice, final boolean cheaper)
        {
            quotes.add(new JsonObject().put("instrument", catalog.get(instrument).id()).put("gpus", gpus)
                .put("durationMinutes", durationMinutes).put("fillableGpus", fillableGpus).put("notional", Prices.format(notional))
                .put("averagePrice", fillableGpus == 0 ? null : Prices.format(averagePrice)).put("cheaper", cheaper));
        }
    }

    static int positiveInt(final String value, final String name)
    {
        try
        {
            final int parsed = value == null ? 0 : Integer.parseInt(value);
            if (parsed > 0)
            {
                return parsed;
            }
        }
        catch (final NumberFormatException e)
        {
            // answered below
        }
        throw new IllegalArgumentException("'" + name + "' must be a positive integer");
    }
}
