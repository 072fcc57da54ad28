package com.offpeak.bench.engine;

import com.offpeak.engine.catalog.Instrument;

/** Plausible spot prices (micro-USD per GPU-hour) around which the workloads quote each GPU class. */
final class MidPrices
{
    private MidPrices()
    {
    }

    /** The instrument's market price on its tick grid; classes not listed quote at 100 ticks. */
    static long of(final Instrument instrument)
    {
        final long micros = switch (instrument.id())
        {
            case "H100-SXM" -> 2_400_000;
            case "A100-80G" -> 1_300_000;
            case "L40S" -> 700_000;
            case "L4" -> 350_000;
            case "A10G" -> 400_000;
            case "V100" -> 250_000;
            case "T4" -> 150_000;
            default -> 100 * instrument.tickSize();
        };
        return micros / instrument.tickSize() * instrument.tickSize();
    }
}
