package com.offpeak.engine;

import com.offpeak.engine.RecordingListener.AuctionCleared;
import com.offpeak.engine.RecordingListener.AuctionIndicative;
import com.offpeak.engine.RecordingListener.Fill;
import com.offpeak.engine.RecordingListener.MarketModeChanged;
import com.offpeak.engine.RecordingListener.Quoted;
import com.offpeak.engine.auction.AuctionIntervals;
import com.offpeak.engine.auction.MarketModes;
import com.offpeak.engine.catalog.Catalog;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import static com.offpeak.engine.EngineDriver.H100;
import static com.offpeak.engine.EngineDriver.HOUR;
import static com.offpeak.engine.EngineDriver.T0;
import static com.offpeak.engine.EngineDriver.USD;
import static com.offpeak.engine.EngineDriver.acceptedId;
import static com.offpeak.engine.EngineDriver.rejection;
import static org.assertj.core.api.Assertions.assertThat;

/** Call-auction mode and quotes: docs/auction.md, rule by rule. */
class CallAuctionTest
{
    private static final int INTERVAL_SECONDS = 60;
    private static final long INTERVAL = INTERVAL_SECONDS * 1_000L;
    /** The first clear boundary after T0 on a 60-second schedule. */
    private static final long BOUNDARY = MarketModes.nextBoundary(T0, INTERVAL);
    private static final long CENT = 10_000L;

    private final EngineDriver d = new EngineDriver(
        EngineConfig.DEFAULT.withAuctionIntervals(AuctionIntervals.ALL_CONTINUOUS.with(H100, INTERVAL_SECONDS)), PreTradeCheck.ALLOW_ALL);
    private final Command command = new Command();

    @Test
    void ordersCollectWithoutTradingAndClearAtTheNextBoundary()
    {
        d.ask(T0, 1, 4, USD);
        final List<Object> placed = d.bid(T0 + 1, 2, 4, 60, 2 * USD);
        assertThat(placed).filteredOn(Fill.class::isInstance).isEmpty();
        assertThat(placed).contains(new AuctionIndicative(T0 + 1, H100, 2 * USD, 4));

        assertThat(d.tick(BOUNDARY - 1)).isEmpty();
        final List<Object> cleared = d.tick(BOUNDARY);
        assertThat(cleared).filteredOn(Fill.class::isInstance).extracting("price", "maker", "gpus").containsExactly(
            org.assertj.core.groups.Tuple.tuple(2 * USD, null, 4));
        assertThat(cleared).contains(new AuctionCleared(BOUNDARY, H100, 2 * USD, 4), new AuctionIndicative(BOUNDARY, H100, 0, 0));
    }

    @Test
    void priceIsTheHighestLosingBidAtOrBelowEveryWinner()
    {
        d.ask(T0, 1, 4, USD);
        d.ask(T0, 1, 4, 150 * CENT);
        final long b1 = acceptedId(d.bid(T0, 2, 4, 60, 3 * USD));
        final long b2 = acceptedId(d.bid(T0, 3, 4, 60, 2 * USD));
        d.bid(T0, 4, 4, 60, 180 * CENT);

        final List<Fill> fills = fills(d.tick(BOUNDARY));

        assertThat(fills).extracting(Fill::bidId).containsExactly(b1, b2);
        assertThat(fills).extracting(Fill::price).containsOnly(180 * CENT);
        assertThat(d.depth(Side.BID)).containsExactly(180 * CENT + ":4/1");
    }

    @Test
    void withoutALosingBidThePriceIsTheLowestWinningLimit()
    {
        d.ask(T0, 1, 8, USD);
        d.bid(T0, 2, 4, 60, 3 * USD);
        d.bid(T0, 3, 4, 60, 2 * USD);

        assertThat(fills(d.tick(BOUNDARY))).extracting(Fill::price).containsOnly(2 * USD);
    }

    @Test
    void priceNeverFallsBelowAMatchedAsk()
    {
        d.ask(T0, 1, 4, USD);
        d.ask(T0, 1, 4, 190 * CENT);
        d.bid(T0, 2, 4, 60, 3 * USD);
        d.bid(T0, 3, 4, 60, 2 * USD);
        d.bid(T0, 4, 4, 60, USD);

        // the loser's USD is below the 1.90 ask matched, so the price is raised to it
        assertThat(fills(d.tick(BOUNDARY))).extracting(Fill::price).containsOnly(190 * CENT);
    }

    @Test
    void aBidBelowAnAskAlreadyMatchedGetsNothingUntilTheNextClear()
    {
        // the cheap ask's window is too short for the first bid's 3 hours, so it takes the 4.00 ask
        final long cheap = acceptedId(d.ask(T0, 1, 4, 2 * USD, T0 + 2 * HOUR, 1));
        d.ask(T0, 1, 4, 4 * USD);
        d.bid(T0, 2, 4, 180, 5 * USD);
        final long low = acceptedId(d.bid(T0, 3, 4, 60, 3 * USD));

        final List<Fill> first = fills(d.tick(BOUNDARY));
        assertThat(first).extracting(Fill::price).containsExactly(4 * USD);
        final List<Fill> second = fills(d.tick(BOUNDARY + INTERVAL));
        assertThat(second).extracting(Fill::bidId, Fill::askId, Fill::price)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(low, cheap, 3 * USD));
    }

    @Test
    void aContiguousBidThatDoesNotFitIsSkipped()
    {
        d.ask(T0, 1, 4, USD);
        d.ask(T0, 1, 4, USD);
        d.bid(T0, 2, 8, 60, 3 * USD, TimeInForce.GTC, 0, true, false);
        final long small = acceptedId(d.bid(T0, 3, 2, 60, 2 * USD));

        final List<Fill> fills = fills(d.tick(BOUNDARY));

        assertThat(fills).extracting(Fill::bidId).containsExactly(small);
        // the skipped 3.00 bid is a loser above the winner's limit, so the winner's own limit sets the price
        assertThat(fills).extracting(Fill::price).containsExactly(2 * USD);
    }

    @Test
    void immediateAndPostOnlyBidsAreRefused()
    {
        assertThat(rejection(d.bid(T0, 2, 1, 60, USD, TimeInForce.IOC, 0, false, false))).isEqualTo(RejectCode.NOT_ALLOWED_IN_AUCTION);
        assertThat(rejection(d.bid(T0, 2, 1, 60, USD, TimeInForce.FOK, 0, false, false))).isEqualTo(RejectCode.NOT_ALLOWED_IN_AUCTION);
        assertThat(rejection(d.bid(T0, 2, 1, 60, USD, TimeInForce.GTC, 0, false, true))).isEqualTo(RejectCode.NOT_ALLOWED_IN_AUCTION);
    }

    @Test
    void onlyTheAdminMaySwitchAndOnlyToAValidInterval()
    {
        assertThat(rejection(d.apply(command.setMarketMode(T0, 7, H100, 0)))).isEqualTo(RejectCode.NOT_AUTHORISED);
        assertThat(rejection(d.apply(command.setMarketMode(T0, 0, 99, 0)))).isEqualTo(RejectCode.UNKNOWN_INSTRUMENT);
        assertThat(rejection(d.apply(command.setMarketMode(T0, 0, H100, -1)))).isEqualTo(RejectCode.INVALID_AUCTION_INTERVAL);
        assertThat(rejection(d.apply(command.setMarketMode(T0, 0, H100, AuctionIntervals.MAX_SECONDS + 1))))
            .isEqualTo(RejectCode.INVALID_AUCTION_INTERVAL);
    }

    @Test
    void switchingToAuctionWaitsForTheBoundaryAndRestingOrdersJoin()
    {
        final EngineDriver c = new EngineDriver();
        c.ask(T0, 1, 4, 2 * USD);
        assertThat(c.apply(command.setMarketMode(T0 + 1, 0, H100, INTERVAL_SECONDS)))
            .containsExactly(new MarketModeChanged(T0 + 1, H100, INTERVAL_SECONDS, BOUNDARY));
        // still continuous before the boundary
        assertThat(fills(c.bid(T0 + 2, 2, 1, 60, 2 * USD))).hasSize(1);

        assertThat(c.tick(BOUNDARY)).contains(new MarketModeChanged(BOUNDARY, H100, INTERVAL_SECONDS, BOUNDARY));
        assertThat(fills(c.bid(BOUNDARY + 1, 3, 1, 60, 3 * USD))).isEmpty();
        final List<Fill> fills = fills(c.tick(BOUNDARY + INTERVAL));
        assertThat(fills).extracting(Fill::gpus, Fill::price).containsExactly(org.assertj.core.groups.Tuple.tuple(1, 3 * USD));
    }

    @Test
    void switchingBackRunsAFinalClearThenMatchesWhatIsStillCrossedContinuously()
    {
        final long cheap = acceptedId(d.ask(T0, 1, 4, 2 * USD, T0 + 2 * HOUR, 1));
        d.ask(T0, 1, 4, 4 * USD);
        d.bid(T0, 2, 4, 180, 5 * USD);
        final long low = acceptedId(d.bid(T0, 3, 4, 60, 3 * USD));

        final List<Object> events = d.apply(command.setMarketMode(T0 + 5, 0, H100, 0));

        final List<Fill> fills = fills(events);
        assertThat(fills).extracting(Fill::price, Fill::maker).containsExactly(
            org.assertj.core.groups.Tuple.tuple(4 * USD, null),
            org.assertj.core.groups.Tuple.tuple(2 * USD, Side.ASK));
        assertThat(fills.get(1).bidId()).isEqualTo(low);
        assertThat(fills.get(1).askId()).isEqualTo(cheap);
        assertThat(events).contains(new MarketModeChanged(T0 + 5, H100, 0, T0 + 5));
        // continuous again: a crossing bid trades on entry
        d.ask(T0 + 6, 1, 1, USD);
        assertThat(fills(d.bid(T0 + 7, 4, 1, 60, USD))).hasSize(1);
    }

    @Test
    void restingBidsDoNotTradeOnAmendOrReturnedCapacityInAuctionMode()
    {
        d.ask(T0, 1, 4, 3 * USD);
        final long bid = acceptedId(d.bid(T0, 2, 4, 60, USD));
        assertThat(fills(d.amend(T0 + 1, 2, bid, 4, 3 * USD))).isEmpty();
    }

    @Test
    void aQuoteChangesNothingAndNamesCheaperAlternatives()
    {
        final EngineDriver c = new EngineDriver();
        c.ask(T0, 1, 4, 2 * USD);
        c.ask(T0, 1, 4, 3 * USD);
        c.apply(command.placeAsk(T0, 1, 0, 1, 8, USD, T0 + 24 * HOUR, 1));
        final long hash = c.engine.stateHash();

        final List<Object> events = c.apply(command.quote(T0, 2, 77, H100, 6, 90, true));

        assertThat(c.engine.stateHash()).isEqualTo(hash);
        final List<Quoted> quotes = events.stream().filter(Quoted.class::isInstance).map(Quoted.class::cast).toList();
        assertThat(quotes).hasSize(Catalog.loadDefault().size());
        // 4 x 2.00 + 2 x 3.00 for 90 minutes: 12.00 + 9.00; average (8 + 6) / 6 = 2.333333
        assertThat(quotes.get(0)).isEqualTo(new Quoted(T0, 2, 77, H100, 6, 90, 6, 21 * USD, 2_333_333, false));
        assertThat(quotes.get(1)).isEqualTo(new Quoted(T0, 2, 77, 1, 6, 90, 6, 9 * USD, USD, true));
        assertThat(quotes.subList(2, quotes.size())).allSatisfy(q -> assertThat(q.fillableGpus()).isZero());
        assertThat(rejection(c.apply(command.quote(T0, 2, 78, H100, 0, 90, false)))).isEqualTo(RejectCode.INVALID_QUANTITY);
        assertThat(c.engine.stateHash()).isEqualTo(hash);
    }

    @Test
    void aSelfOwnedAskIsNotQuoted()
    {
        final EngineDriver c = new EngineDriver();
        c.ask(T0, 1, 4, 2 * USD);
        final List<Object> events = c.apply(command.quote(T0 + 1, 1, 1, H100, 4, 60, false));
        assertThat(events).containsExactly(new Quoted(T0 + 1, 1, 1, H100, 4, 60, 0, 0, 0, false));
    }

    @Test
    void aSnapshotKeepsTheModeAndThePendingClear() throws IOException
    {
        d.ask(T0, 1, 4, USD);
        d.bid(T0, 2, 4, 60, 2 * USD);
        d.apply(command.setMarketMode(T0 + 1, 0, H100, 2 * INTERVAL_SECONDS));
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        d.engine.writeSnapshot(new DataOutputStream(bytes));
        final RecordingListener restoredEvents = new RecordingListener();
        final MatchingEngine restored = MatchingEngine.readSnapshot(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
            Catalog.loadDefault(), EngineConfig.DEFAULT, restoredEvents, PreTradeCheck.ALLOW_ALL);
        restored.validate();
        assertThat(restored.stateHash()).isEqualTo(d.engine.stateHash());

        final List<Object> original = d.tick(BOUNDARY);
        restored.apply(new Command().timerTick(BOUNDARY));
        assertThat(restoredEvents.events()).isEqualTo(original);
        assertThat(original).contains(new MarketModeChanged(BOUNDARY, H100, 2 * INTERVAL_SECONDS, BOUNDARY));
        assertThat(restored.stateHash()).isEqualTo(d.engine.stateHash());
    }

    private static List<Fill> fills(final List<Object> events)
    {
        return events.stream().filter(Fill.class::isInstance).map(Fill.class::cast).toList();
    }
}
