package com.offpeak.engine;

import com.offpeak.engine.RecordingListener.Accepted;
import com.offpeak.engine.RecordingListener.Fill;
import com.offpeak.engine.RecordingListener.MarketModeChanged;
import com.offpeak.engine.RecordingListener.OrderCancelled;
import com.offpeak.engine.auction.AuctionIntervals;
import com.offpeak.engine.auction.MarketModes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.offpeak.engine.EngineDriver.H100;
import static com.offpeak.engine.EngineDriver.HOUR;
import static com.offpeak.engine.EngineDriver.T0;
import static com.offpeak.engine.EngineDriver.USD;
import static com.offpeak.engine.EngineDriver.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Where substitutes meet call auctions (docs/matching.md "Substitutes", docs/auction.md): an auction
 * book takes no substitutes, neither on entry nor, resting from before, at the switch.
 */
class SubstitutesInAuctionTest
{
    private static final int A100 = 1;
    private static final int INTERVAL_SECONDS = 60;
    /** The boundary at which a switch requested at T0 + 1 takes effect, and the first clear after it. */
    private static final long SWITCH = MarketModes.nextBoundary(T0 + 1, INTERVAL_SECONDS * 1_000L);
    private static final long CLEAR = SWITCH + INTERVAL_SECONDS * 1_000L;

    private final EngineDriver d = new EngineDriver();

    @Test
    void aSubstitutesBidNamingAnInstrumentInAuctionModeIsRejected()
    {
        final EngineDriver auctionOnA100 = new EngineDriver(
            EngineConfig.DEFAULT.withAuctionIntervals(AuctionIntervals.ALL_CONTINUOUS.with(A100, INTERVAL_SECONDS)), PreTradeCheck.ALLOW_ALL);

        assertThat(rejection(auctionOnA100.apply(h100OrA100(T0)))).isEqualTo(RejectCode.NOT_ALLOWED_IN_AUCTION);
        assertThat(rejection(auctionOnA100.apply(a100OrH100(T0)))).isEqualTo(RejectCode.NOT_ALLOWED_IN_AUCTION);
        assertThat(auctionOnA100.engine.openOrderCount()).isZero();
    }

    @Test
    void aSubstitutesBidNamingAnInstrumentSwitchingIntoAuctionModeIsRejected()
    {
        d.apply(new Command().setMarketMode(T0, Command.ADMIN_ACCOUNT, A100, INTERVAL_SECONDS));

        assertThat(rejection(d.apply(h100OrA100(T0 + 1)))).isEqualTo(RejectCode.NOT_ALLOWED_IN_AUCTION);

        // Withdrawing the pending switch lets substitutes in again.
        d.apply(new Command().setMarketMode(T0 + 2, Command.ADMIN_ACCOUNT, A100, 0));
        final List<Object> accepted = d.apply(h100OrA100(T0 + 3));
        assertThat(accepted).filteredOn(Accepted.class::isInstance).hasSize(2);
    }

    @Test
    void restingAlternativesAreCancelledAsAWholeGroupWhenTheirInstrumentJoinsAnAuction()
    {
        // Two alternatives in the H100 book and one in A100's: one auction clear would allocate both H100 ones.
        d.apply(new Command().placeBid(T0, 9, 0, H100, 4, 60, 2 * USD, TimeInForce.GTC, 0, false, false, false)
            .addSubstitute(H100, 4, 120, 150 * USD / 100)
            .addSubstitute(A100, 4, 60, USD));
        d.apply(new Command().setMarketMode(T0 + 1, Command.ADMIN_ACCOUNT, H100, INTERVAL_SECONDS));

        final List<Object> atSwitch = d.tick(SWITCH);

        assertThat(atSwitch).filteredOn(OrderCancelled.class::isInstance).map(OrderCancelled.class::cast)
            .extracting(OrderCancelled::orderId, OrderCancelled::instrument, OrderCancelled::reason)
            .containsExactly(tuple(1L, H100, CancelReason.AUCTION_MODE), tuple(2L, H100, CancelReason.AUCTION_MODE),
                tuple(3L, A100, CancelReason.AUCTION_MODE));
        // Cancelled while the book is still continuous, then the switch.
        assertThat(atSwitch).filteredOn(e -> e instanceof OrderCancelled || e instanceof MarketModeChanged).last()
            .isEqualTo(new MarketModeChanged(SWITCH, H100, INTERVAL_SECONDS, SWITCH));
        assertThat(d.engine.openOrderCount()).isZero();

        d.ask(SWITCH + 1, 1, 8, USD);
        assertThat(d.tick(CLEAR)).filteredOn(Fill.class::isInstance).isEmpty();
    }

    @Test
    void aDecidedGroupsWinnerIsAnOrdinaryBidAndJoinsTheAuction()
    {
        d.apply(new Command().placeAsk(T0, 1, 0, A100, 2, USD, T0 + 24 * HOUR, 1));
        final List<Object> placed = d.apply(a100OrH100(T0));
        assertThat(placed).filteredOn(Fill.class::isInstance).hasSize(1);
        d.apply(new Command().setMarketMode(T0 + 1, Command.ADMIN_ACCOUNT, A100, INTERVAL_SECONDS));

        assertThat(d.tick(SWITCH)).filteredOn(OrderCancelled.class::isInstance).isEmpty();
        d.apply(new Command().placeAsk(SWITCH + 1, 1, 0, A100, 2, USD, SWITCH + 24 * HOUR, 1));

        assertThat(d.tick(CLEAR)).filteredOn(Fill.class::isInstance).map(Fill.class::cast).extracting(Fill::bidId, Fill::gpus)
            .containsExactly(tuple(2L, 2));
    }

    /** "4×H100 ≤ 2.00 or 4×A100 ≤ 1.00", one hour each. */
    private static Command h100OrA100(final long t)
    {
        return new Command().placeBid(t, 9, 0, H100, 4, 60, 2 * USD, TimeInForce.GTC, 0, false, false, false)
            .addSubstitute(A100, 4, 60, USD);
    }

    /** The same bid with the auction instrument as its primary. */
    private static Command a100OrH100(final long t)
    {
        return new Command().placeBid(t, 9, 0, A100, 4, 60, USD, TimeInForce.GTC, 0, false, false, false)
            .addSubstitute(H100, 4, 60, 2 * USD);
    }
}
