package com.offpeak.pipeline;

import com.offpeak.engine.EngineConfig;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.ledger.LedgerConfig;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Test helper: drives a pipeline with concurrent synthetic producers and waits for every acknowledgement. */
final class Load
{
    static final StateMachineFactory EXCHANGE = Exchange.factory(Catalog.loadDefault(), EngineConfig.DEFAULT, new LedgerConfig(10, 20));

    private Load()
    {
    }

    /** Submits {@code perProducer} inputs from each of {@code producers} threads; returns once all are acknowledged. */
    static long run(final Pipeline pipeline, final int producers, final int perProducer, final long seed) throws InterruptedException
    {
        final CountDownLatch acked = new CountDownLatch(producers * perProducer);
        final AtomicLong lastSequence = new AtomicLong();
        final Acknowledger ack = (correlationId, sequence, output, length) ->
        {
            lastSequence.accumulateAndGet(sequence, Math::max);
            acked.countDown();
        };
        final Thread[] threads = new Thread[producers];
        for (int p = 0; p < producers; p++)
        {
            final SyntheticFlow flow = new SyntheticFlow(seed * 100 + p, 1 + p * 1000L, 10);
            threads[p] = new Thread(() ->
            {
                for (int i = 0; i < perProducer; i++)
                {
                    pipeline.submit((slot, f) -> f.next(slot), flow, ack, i);
                }
            });
            threads[p].start();
        }
        for (final Thread thread : threads)
        {
            thread.join();
        }
        if (!acked.await(60, TimeUnit.SECONDS))
        {
            throw new AssertionError(acked.getCount() + " inputs never acknowledged");
        }
        return lastSequence.get();
    }
}
