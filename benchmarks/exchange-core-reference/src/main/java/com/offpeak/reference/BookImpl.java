package com.offpeak.reference;

import exchange.core2.collections.objpool.ObjectsPool;
import exchange.core2.core.common.CoreSymbolSpecification;
import exchange.core2.core.common.SymbolType;
import exchange.core2.core.common.config.LoggingConfiguration;
import exchange.core2.core.orderbook.IOrderBook;
import exchange.core2.core.orderbook.OrderBookDirectImpl;
import exchange.core2.core.orderbook.OrderBookEventsHelper;
import exchange.core2.core.orderbook.OrderBookNaiveImpl;

import java.util.HashMap;
import java.util.Map;

/** The two exchange-core 0.5.3 order-book implementations, built the way exchange-core builds them. */
public enum BookImpl {
    /** ART-indexed, intrusive linked orders, pooled objects: the one exchange-core runs in production. */
    DIRECT {
        @Override
        public IOrderBook newBook(ObjectsPool pool) {
            return new OrderBookDirectImpl(SYMBOL, pool,
                    OrderBookEventsHelper.NON_POOLED_EVENTS_HELPER, LoggingConfiguration.DEFAULT);
        }
    },
    /** TreeMap of price buckets: exchange-core's reference implementation. */
    NAIVE {
        @Override
        public IOrderBook newBook(ObjectsPool pool) {
            return new OrderBookNaiveImpl(SYMBOL, pool,
                    OrderBookEventsHelper.NON_POOLED_EVENTS_HELPER, LoggingConfiguration.DEFAULT);
        }
    };

    /**
     * A futures contract, like exchange-core's own order-book perf test (TestConstants.SYMBOLSPEC_EUR_USD):
     * for this type the book does no reserve-price check on bid moves, so every move is a plain price change.
     */
    public static final CoreSymbolSpecification SYMBOL = CoreSymbolSpecification.builder()
            .symbolId(5991)
            .type(SymbolType.FUTURES_CONTRACT)
            .baseCurrency(978)
            .quoteCurrency(840)
            .baseScaleK(1)
            .quoteScaleK(1)
            .marginBuy(2200)
            .marginSell(3210)
            .takerFee(0)
            .makerFee(0)
            .build();

    /**
     * A new empty book. The pool is passed in because exchange-core shares one pool among all the books
     * of a matching-engine shard, and because a production-sized pool preallocates ~4.7 MB of arrays:
     * creating one per book rebuild would show up in the measured allocation rate.
     */
    public abstract IOrderBook newBook(ObjectsPool pool);

    /**
     * Pool sizes copied from exchange-core's MatchingEngineRouter (the production ones; the test pool's
     * are 512/256/...). In 0.5.3 OrderBookEventsHelper allocates every MatcherTradeEvent whatever
     * supplier it is given, so NON_POOLED_EVENTS_HELPER is what production gets too.
     */
    public static ObjectsPool newProductionPool() {
        final Map<Integer, Integer> sizes = new HashMap<>();
        sizes.put(ObjectsPool.DIRECT_ORDER, 1024 * 1024);
        sizes.put(ObjectsPool.DIRECT_BUCKET, 1024 * 64);
        sizes.put(ObjectsPool.ART_NODE_4, 1024 * 32);
        sizes.put(ObjectsPool.ART_NODE_16, 1024 * 16);
        sizes.put(ObjectsPool.ART_NODE_48, 1024 * 8);
        sizes.put(ObjectsPool.ART_NODE_256, 1024 * 4);
        return new ObjectsPool(sizes);
    }
}
