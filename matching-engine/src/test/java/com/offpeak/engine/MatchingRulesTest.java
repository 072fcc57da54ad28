package com.offpeak.engine;

import com.offpeak.engine.RecordingListener.Accepted;
import com.offpeak.engine.RecordingListener.BookChanged;
import com.offpeak.engine.RecordingListener.Fill;
import com.offpeak.engine.RecordingListener.LeaseEnded;
import com.offpeak.engine.RecordingListener.LeaseStarted;
import com.offpeak.engine.RecordingListener.OrderCancelled;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.offpeak.engine.EngineDriver.H100;
import static com.offpeak.engine.EngineDriver.HOUR;
import static com.offpeak.engine.EngineDriver.T0;
import static com.offpeak.engine.EngineDriver.USD;
import static com.offpeak.engine.EngineDriver.acceptedId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Price-time priority, trade price, skips, fill size: docs/matching.md "Compatibility" and "Matching walk". */
class MatchingRulesTest
{
    private final EngineDriver d = new EngineDriver();

    @Test
    void aBidTakesTheCheapestAskFirstAndOlderFirstAtEqualPrice()
    {
        final long a1 = acceptedId(d.ask(T0, 1, 4, 2 * USD));
        final long a2 = acceptedId(d.ask(T0, 2, 4, USD));
        final long a3 = acceptedId(d.ask(T0, 3, 4, USD));

        final List<Fill> fills = fills(d.bid(T0, 9, 10, 60, 3 * USD));

        assertThat(fills).extracting(Fill::askId).containsExactly(a2, a3, a1);
        assertThat(fills).extracting(Fill::gpus).containsExactly(4, 4, 2);
        assertThat(fills).extracting(Fill::price).containsExactly(USD, USD, 2 * USD);
        assertThat(fills).extracting(Fill::bidRemaining).containsExactly(6, 2, 0);
    }

    @Test
    void anAskTakesTheHighestBidFirstAndTradesAtTheRestingPrice()
    {
        final long b1 = acceptedId(d.bid(T0, 1, 2, 60, USD));
        final long b2 = acceptedId(d.bid(T0, 2, 2, 60, 3 * USD));

        final List<Object> events = d.ask(T0 + 1, 9, 4, USD / 2);
        final List<Fill> fills = fills(events);

        assertThat(fills).extracting(Fill::bidId).containsExactly(b2, b1);
        assertThat(fills).extracting(Fill::price).containsExactly(3 * USD, USD);
        assertThat(fills).extracting(Fill::maker).containsOnly(Side.BID);
    }

    @Test
    void eachFillEmitsFillThenLeaseStartedThenThePassiveLevel()
    {
        final long ask = acceptedId(d.ask(T0, 1, 8, USD));
        final List<Object> events = d.bid(T0 + 5, 2, 8, 120, 2 * USD);
        final long bid = ask + 1;

        assertThat(events).containsExactly(
            new Accepted(T0 + 5, 2, 0, bid, Side.BID, H100, 8, 2 * USD),
            new Fill(T0 + 5, H100, 1, bid, ask, 2, 1, 8, 120, USD, Side.ASK, 0),
            new LeaseStarted(T0 + 5, 1, H100, 2, 1, bid, ask, 8, T0 + 5, T0 + 5 + 2 * HOUR, USD, false),
            new BookChanged(T0 + 5, H100, Side.ASK, USD, 0, 0));
        assertThat(d.engine.openOrderCount()).isEqualTo(1);
    }

    @Test
    void theWalkStopsWhenPricesNoLongerCross()
    {
        d.ask(T0, 1, 4, USD);
        d.ask(T0, 1, 4, 2 * USD);

        final List<Object> events = d.bid(T0, 2, 8, 60, USD);

        assertThat(fills(events)).hasSize(1);
        assertThat(events.get(events.size() - 1)).isEqualTo(new BookChanged(T0, H100, Side.BID, USD, 4, 1));
        assertThat(d.depth(Side.BID)).containsExactly(USD + ":4/1");
        assertThat(d.depth(Side.ASK)).containsExactly(2 * USD + ":4/1");
    }

    @Test
    void aWindowTooShortIsSkippedWithoutLosingItsPlace()
    {
        final long shortAsk = acceptedId(d.ask(T0, 1, 4, USD, T0 + 2 * HOUR, 1));
        final long longAsk = acceptedId(d.ask(T0, 2, 4, USD, T0 + 10 * HOUR, 1));

        final List<Fill> fills = fills(d.bid(T0, 3, 4, 180, USD));
        assertThat(fills).extracting(Fill::askId).containsExactly(longAsk);

        // The skipped ask is still first in line for a bid it can serve.
        assertThat(fills(d.bid(T0, 4, 2, 60, USD))).extracting(Fill::askId).containsExactly(shortAsk);
    }

    @Test
    void aContiguousBidSkipsAsksWithFewerFreeGpusAndTakesAllFromOne()
    {
        final long small = acceptedId(d.ask(T0, 1, 4, USD));
        final long big = acceptedId(d.ask(T0, 2, 8, 2 * USD));

        final List<Fill> fills = fills(d.bid(T0, 3, 8, 60, 2 * USD, TimeInForce.GTC, 0, true, false));

        assertThat(fills).extracting(Fill::askId, Fill::gpus).containsExactly(tuple(big, 8));
        assertThat(fills(d.bid(T0, 4, 4, 60, USD))).extracting(Fill::askId).containsExactly(small);
    }

    @Test
    void fillsAreWholeBlocksAndABlockBiggerThanTheBidIsSkipped()
    {
        final long node = acceptedId(d.ask(T0, 1, 16, USD, T0 + 24 * HOUR, 8));
        final long single = acceptedId(d.ask(T0, 2, 4, 2 * USD, T0 + 24 * HOUR, 1));

        // 4 GPUs: less than one 8-GPU block of the cheaper ask, so it goes to the dearer one.
        assertThat(fills(d.bid(T0, 3, 4, 60, 2 * USD))).extracting(Fill::askId).containsExactly(single);
        // 12 GPUs: one whole block of 8, the rest (4) rests.
        final List<Fill> fills = fills(d.bid(T0, 4, 12, 60, USD));
        assertThat(fills).extracting(Fill::askId, Fill::gpus).containsExactly(tuple(node, 8));
        assertThat(d.depth(Side.BID)).containsExactly(USD + ":4/1");
        assertThat(d.depth(Side.ASK)).containsExactly(USD + ":8/1");
    }

    @Test
    void noSelfTradeAndTheSkippedOrderKeepsItsPlace()
    {
        final long own = acceptedId(d.ask(T0, 1, 4, USD));
        final long other = acceptedId(d.ask(T0, 2, 4, USD));

        assertThat(fills(d.bid(T0, 1, 4, 60, USD))).extracting(Fill::askId).containsExactly(other);
        assertThat(fills(d.bid(T0, 3, 4, 60, USD))).extracting(Fill::askId).containsExactly(own);
    }

    @Test
    void aCrossedBookBetweenIncompatibleOrdersIsShownFaithfully()
    {
        d.ask(T0, 1, 8, USD, T0 + 24 * HOUR, 8);
        d.bid(T0, 2, 4, 60, 2 * USD);

        assertThat(d.depth(Side.ASK)).containsExactly(USD + ":8/1");
        assertThat(d.depth(Side.BID)).containsExactly(2 * USD + ":4/1");
    }

    @Test
    void theTradePriceIsTheOlderPriorityEvenWhenTheAskIsTheAggressor()
    {
        // The ask is older; a bid skips it (block too big), then the ask's GPUs return and it walks
        // as an aggressor with its original priority: it is the maker and sets the price.
        d.ask(T0, 1, 4, USD);
        d.bid(T0, 2, 4, 60, 3 * USD); // leases all 4 GPUs until T0 + 1h
        d.bid(T0 + 1, 3, 4, 120, 2 * USD); // rests: no free GPUs

        final List<Object> events = d.tick(T0 + HOUR);

        final List<Fill> fills = fills(events);
        assertThat(fills).extracting(Fill::price, Fill::maker).containsExactly(tuple(USD, Side.ASK));
        assertThat(events.get(0)).isInstanceOf(LeaseEnded.class);
    }

    @Test
    void anIocBidCancelsItsRemainder()
    {
        d.ask(T0, 1, 4, USD);
        final List<Object> events = d.bid(T0, 2, 6, 60, USD, TimeInForce.IOC, 0, false, false);

        assertThat(fills(events)).extracting(Fill::gpus).containsExactly(4);
        assertThat(events.get(events.size() - 1)).isEqualTo(new OrderCancelled(T0, 2, 2, H100, Side.BID, 2, CancelReason.IOC_REMAINDER));
        assertThat(d.engine.openOrderCount()).isEqualTo(1);
        assertThat(d.depth(Side.BID)).isEmpty();
    }

    @Test
    void aFokBidFillsCompletelyOrIsRejectedWithNothingDone()
    {
        d.ask(T0, 1, 4, USD);
        d.ask(T0, 2, 4, 2 * USD);

        assertThat(EngineDriver.rejection(d.bid(T0, 3, 9, 60, 2 * USD, TimeInForce.FOK, 0, false, false)))
            .isEqualTo(RejectCode.FOK_NOT_FILLABLE);
        assertThat(d.depth(Side.ASK)).containsExactly(USD + ":4/1", 2 * USD + ":4/1");

        assertThat(fills(d.bid(T0, 3, 8, 60, 2 * USD, TimeInForce.FOK, 0, false, false))).hasSize(2);
        assertThat(d.depth(Side.ASK)).isEmpty();
    }

    @Test
    void aPostOnlyBidRestsOrIsRejectedIfItWouldTrade()
    {
        d.ask(T0, 1, 4, 2 * USD);
        assertThat(EngineDriver.rejection(d.bid(T0, 2, 4, 60, 2 * USD, TimeInForce.GTC, 0, false, true)))
            .isEqualTo(RejectCode.POST_ONLY_WOULD_TRADE);
        assertThat(fills(d.bid(T0, 2, 4, 60, USD, TimeInForce.GTC, 0, false, true))).isEmpty();
        assertThat(d.depth(Side.BID)).containsExactly(USD + ":4/1");
        // Crossed in price but incompatible (own account): postOnly may rest.
        assertThat(fills(d.bid(T0, 1, 4, 60, 3 * USD, TimeInForce.GTC, 0, false, true))).isEmpty();
    }

    @Test
    void anAskFullyLeasedOnEntryStillRests()
    {
        d.bid(T0, 1, 4, 60, USD);
        final List<Object> events = d.ask(T0, 2, 4, USD);

        assertThat(events.get(events.size() - 1)).isEqualTo(new BookChanged(T0, H100, Side.ASK, USD, 0, 0));
        assertThat(d.engine.openOrderCount()).isEqualTo(1);
        assertThat(d.depth(Side.ASK)).isEmpty();
    }

    static List<Fill> fills(final List<Object> events)
    {
        return events.stream().filter(Fill.class::isInstance).map(Fill.class::cast).toList();
    }
}
