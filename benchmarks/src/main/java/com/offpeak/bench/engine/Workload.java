package com.offpeak.bench.engine;

import com.offpeak.engine.catalog.Catalog;

/** The generated command streams the engine benchmark runs; a JMH parameter. */
public enum Workload
{
    /** ~1k resting orders on each of the catalog's books, exchange-core's op mix. */
    EXCHANGE_MIX
    {
        @Override
        CommandStream generate(final Catalog catalog)
        {
            return new ExchangeMixGenerator(catalog, false).generate(2_000_000);
        }
    },
    /**
     * The same stream with a fresh clientOrderId on every place, as a gateway sends them: the
     * retention records' cost (24 h of engine time, about 23,000 live records; the cycle spans far
     * longer, so a later cycle's ids never meet the records of an earlier one).
     */
    EXCHANGE_MIX_CLIENT_IDS
    {
        @Override
        CommandStream generate(final Catalog catalog)
        {
            return new ExchangeMixGenerator(catalog, true).generate(2_000_000);
        }
    },
    /** Every bid walks past 100 price-crossed incompatible asks. */
    SKIP_HEAVY_100
    {
        @Override
        CommandStream generate(final Catalog catalog)
        {
            return new SkipHeavyGenerator(catalog, 100).generate(500_000);
        }
    },
    /** Every bid walks past 1,000 price-crossed incompatible asks. */
    SKIP_HEAVY_1000
    {
        @Override
        CommandStream generate(final Catalog catalog)
        {
            return new SkipHeavyGenerator(catalog, 1_000).generate(50_000);
        }
    };

    abstract CommandStream generate(Catalog catalog);
}
