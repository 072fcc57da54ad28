package com.offpeak.gateway.rest;

import com.offpeak.gateway.server.OutputAdapter;
import com.offpeak.journal.OutputDecoder;
import com.offpeak.ledger.LedgerResult;
import com.offpeak.pipeline.Acknowledger;
import com.offpeak.pipeline.InputWriter;
import com.offpeak.pipeline.Pipeline;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.DirectBuffer;

/**
 * Admin deposits and withdrawals through the pipeline: each is journaled and applied like an
 * order, idempotent by key in the ledger, and answered with the ledger's verdict. Low volume, so
 * a map of promises by correlation id is fine here.
 */
final class CashRequests implements Acknowledger
{
    /** What the admin asked for; the writer copies it into the ring slot. */
    record Cash(boolean deposit, long account, long amount, long idempotencyKey)
    {
    }

    private static final InputWriter<Cash> WRITE = (slot, cash) ->
    {
        if (cash.deposit())
        {
            slot.deposit(cash.account(), cash.amount(), cash.idempotencyKey());
        }
        else
        {
            slot.withdraw(cash.account(), cash.amount(), cash.idempotencyKey());
        }
    };
    private static final LedgerResult[] RESULTS = LedgerResult.values();

    private final Pipeline pipeline;
    private final AtomicLong nextCorrelation = new AtomicLong();
    private final ConcurrentHashMap<Long, Promise<String>> waiting = new ConcurrentHashMap<>();
    private final OutputDecoder decoder = new OutputDecoder();
    private final Verdict verdict = new Verdict();

    CashRequests(final Pipeline pipeline)
    {
        this.pipeline = pipeline;
    }

    /** Completes with {@code null} when the ledger applied it (or had already, same key), else the ledger's refusal code. */
    Future<String> submit(final Cash cash)
    {
        final long correlation = nextCorrelation.incrementAndGet();
        final Promise<String> promise = Promise.promise();
        waiting.put(correlation, promise);
        if (!pipeline.trySubmit(WRITE, cash, this, correlation))
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
            verdict.code = null;
            decoder.decode(output, 0, length, verdict);
            promise.complete(verdict.code);
        }
    }

    /** Picks the ledger's refusal, if any, out of a cash command's output. */
    private static final class Verdict extends OutputAdapter
    {
        String code;

        @Override
        public void cashRejected(final long time, final long account, final long idempotencyKey, final int reasonCode)
        {
            code = reasonCode >= 0 && reasonCode < RESULTS.length ? RESULTS[reasonCode].name() : "REJECTED_" + reasonCode;
        }
    }
}
