package com.offpeak.gateway.rest;

import com.offpeak.engine.Command;
import com.offpeak.engine.RejectCode;
import com.offpeak.gateway.server.OutputAdapter;
import com.offpeak.gateway.ws.Replies;
import com.offpeak.journal.OutputDecoder;
import com.offpeak.ledger.LedgerResult;
import com.offpeak.pipeline.Acknowledger;
import com.offpeak.pipeline.InputType;
import com.offpeak.pipeline.InputWriter;
import com.offpeak.pipeline.Pipeline;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.DirectBuffer;

/**
 * Admin requests through the pipeline: deposits and withdrawals, spending caps and market modes.
 * Each is journaled and applied like an order and answered with the ledger's or the engine's
 * verdict. Low volume, so a map of promises by correlation id is fine here.
 */
final class AdminRequests implements Acknowledger
{
    /**
     * What the admin asked for; the writer copies it into the ring slot. {@code amount} is the cash
     * amount or the cap per hour; {@code instrument} and {@code auctionIntervalSeconds} are a market mode's.
     */
    record Request(InputType type, long account, long amount, long idempotencyKey, int instrument, int auctionIntervalSeconds)
    {
        static Request cash(final boolean deposit, final long account, final long amount, final long idempotencyKey)
        {
            return new Request(deposit ? InputType.DEPOSIT : InputType.WITHDRAW, account, amount, idempotencyKey, 0, 0);
        }

        static Request spendingCap(final long account, final long capPerHour)
        {
            return new Request(InputType.SET_SPENDING_CAP, account, capPerHour, 0, 0, 0);
        }

        static Request marketMode(final int instrument, final int auctionIntervalSeconds)
        {
            return new Request(InputType.SET_MARKET_MODE, Command.ADMIN_ACCOUNT, 0, 0, instrument, auctionIntervalSeconds);
        }
    }

    private static final InputWriter<Request> WRITE = (slot, request) ->
    {
        switch (request.type())
        {
            case DEPOSIT -> slot.deposit(request.account(), request.amount(), request.idempotencyKey());
            case WITHDRAW -> slot.withdraw(request.account(), request.amount(), request.idempotencyKey());
            case SET_SPENDING_CAP -> slot.setSpendingCap(request.account(), request.amount());
            case SET_MARKET_MODE ->
            {
                slot.command.setMarketMode(0, Command.ADMIN_ACCOUNT, request.instrument(), request.auctionIntervalSeconds());
                slot.engineCommand();
            }
            default -> throw new IllegalArgumentException("not an admin request: " + request.type());
        }
    };

    private final Pipeline pipeline;
    private final AtomicLong nextCorrelation = new AtomicLong();
    private final ConcurrentHashMap<Long, Promise<String>> waiting = new ConcurrentHashMap<>();
    private final OutputDecoder decoder = new OutputDecoder();
    private final Verdict verdict = new Verdict();

    AdminRequests(final Pipeline pipeline)
    {
        this.pipeline = pipeline;
    }

    /** Completes with {@code null} when applied (or already, same key), else the refusal's error envelope (JSON text). */
    Future<String> submit(final Request request)
    {
        final long correlation = nextCorrelation.incrementAndGet();
        final Promise<String> promise = Promise.promise();
        waiting.put(correlation, promise);
        if (!pipeline.trySubmit(WRITE, request, this, correlation))
        {
            waiting.remove(correlation);
            return Future.failedFuture("BUSY");
        }
        return promise.future();
    }

    @Override
    public void acknowledged(final long correlationId, final long sequence, final DirectBuffer output, final int length)
    {
        final Promise<String> promise = waiting.remove(correlationId);
        if (promise != null)
        {
            verdict.error = null;
            decoder.decode(output, 0, length, verdict);
            promise.complete(verdict.error);
        }
    }

    /** Picks the refusal, if any, out of an admin request's output, as the error envelope every refusal has. */
    private static final class Verdict extends OutputAdapter
    {
        String error;

        @Override
        public void cashRejected(final long time, final long account, final long idempotencyKey, final int reasonCode)
        {
            final LedgerResult result = LedgerResult.byOrdinal(reasonCode);
            error = Replies.error(null, LedgerResult.nameOf(reasonCode), result == null ? "refused by the ledger" : result.message());
        }

        @Override
        public void rejected(final long time, final long account, final long clientOrderId, final long orderId, final RejectCode code)
        {
            error = Replies.error(null, code.name(), code.message());
        }
    }
}
