package com.offpeak.engine;

import com.offpeak.engine.RecordingListener.Accepted;
import com.offpeak.engine.auction.AuctionIntervals;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.offpeak.engine.EngineDriver.H100;
import static com.offpeak.engine.EngineDriver.T0;
import static com.offpeak.engine.EngineDriver.USD;
import static com.offpeak.engine.EngineDriver.rejection;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where substitutes meet call auctions (docs/matching.md "Substitutes", docs/auction.md): an auction
 * book takes no substitutes, neither on entry nor, resting from before, at the switch.
 */
class SubstitutesInAuctionTest
{
    private static final int A100 = 1;
    private static final int INTERVAL_SECONDS = 60;

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
