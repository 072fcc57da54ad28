package com.offpeak.gateway.marketdata;

/**
 * Receives the conflated public market data at each flush: once per instrument that changed,
 * with {@link InstrumentMarket} flags naming what changed. The market's state (a sealed book
 * update, new trades, current candles) is readable only for the duration of the call.
 */
@FunctionalInterface
public interface MarketDataListener
{
    void instrumentChanged(InstrumentMarket market, int changes);
}
