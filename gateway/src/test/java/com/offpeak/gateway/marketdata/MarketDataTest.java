package com.offpeak.gateway.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.offpeak.engine.LeaseEndReason;
import com.offpeak.engine.Side;
import com.offpeak.engine.catalog.Catalog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketDataTest
{
    private static final long MINUTE = 60_000L;
    private static final long T0 = 1_800_000_000_000L - (1_800_000_000_000L % 3_600_000L);
    private final MarketData marketData = new MarketData(Catalog.loadDefault());
    private final List<Integer> published = new ArrayList<>();

    @Test
    void conflatesABurstIntoOneUpdatePerInstrument()
    {
        marketData.bookChanged(T0, 0, Side.ASK, 2_000_000, 8, 1);
        marketData.bookChanged(T0, 0, Side.ASK, 2_000_000, 16, 2);
        marketData.bookChanged(T0, 1, Side.BID, 1_000_000, 4, 1);
        marketData.flush((market, changes) -> published.add(market.index()));

        assertThat(published).containsExactly(0, 1);
        assertThat(marketData.market(0).book().seq()).isEqualTo(1);
        assertThat(marketData.market(0).book().asks().gpusAt(2_000_000)).isEqualTo(16);

        published.clear();
        marketData.flush((market, changes) -> published.add(market.index()));
        assertThat(published).as("nothing changed, nothing sent").isEmpty();
    }

    @Test
    void tradesFeedTickerCandlesAndUtilisation()
    {
        marketData.bookChanged(T0, 0, Side.ASK, 2_000_000, 16, 1);
        fillAndLease(T0 + 1_000, 1, 8, 60, 2_000_000);
        marketData.bookChanged(T0 + 1_000, 0, Side.ASK, 2_000_000, 8, 1);
        fillAndLease(T0 + 61_000, 2, 8, 120, 2_100_000);
        marketData.bookChanged(T0 + 61_000, 0, Side.ASK, 2_000_000, 0, 0);

        final InstrumentMarket h100 = marketData.market(0);
        marketData.flush((market, changes) -> assertThat(changes & InstrumentMarket.TRADES).isNotZero());

        assertThat(h100.trades().count()).isEqualTo(2);
        assertThat(h100.lastPrice()).isEqualTo(2_100_000);
        assertThat(h100.volume24h().gpuMinutes()).isEqualTo(8 * 60 + 8 * 120);
        // VWAP weights by GPU-minutes: (2.00 x 480 + 2.10 x 960) / 1440
        assertThat(h100.volume24h().vwap()).isEqualTo((2_000_000L * 480 + 2_100_000L * 960) / 1440);
        assertThat(h100.minuteCandles().count()).isEqualTo(2);
        assertThat(h100.hourCandles().count()).isEqualTo(1);
        assertThat(h100.hourCandles().high(0)).isEqualTo(2_100_000);
        assertThat(h100.hourCandles().low(0)).isEqualTo(2_000_000);
        assertThat(h100.leasedGpus()).isEqualTo(16);
        assertThat(h100.idleGpus()).isZero();
        assertThat(h100.postedGpus()).isEqualTo(16);

        marketData.leaseEnded(T0 + 3_661_000, 1, 0, 10, 20, 1, 8, LeaseEndReason.COMPLETED, true);
        assertThat(h100.leasedGpus()).isEqualTo(8);
    }

    @Test
    void volumeLeavesTheWindowAfter24Hours()
    {
        fillAndLease(T0, 1, 4, 60, 1_000_000);
        marketData.flush((market, changes) -> { });
        assertThat(marketData.market(0).volume24h().gpuMinutes()).isEqualTo(240);

        marketData.advanceTo(T0 + 24 * 3_600_000L);
        marketData.flush((market, changes) -> assertThat(changes).as("the 24 h volume and the utilisation windows moved")
            .isEqualTo(InstrumentMarket.TICKER | InstrumentMarket.UTILISATION));
        assertThat(marketData.market(0).volume24h().gpuMinutes()).isZero();
    }

    @Test
    void utilisationWindowsIntegrateGpuTimeAndAPreemptorsLeaseCountsFromItsStart()
    {
        marketData.bookChanged(T0, 0, Side.ASK, 2_000_000, 8, 1);
        fillAndLease(T0 + 30 * MINUTE, 1, 4, 60, 2_000_000);
        marketData.bookChanged(T0 + 30 * MINUTE, 0, Side.ASK, 2_000_000, 4, 1);
        // A window is the current minute and the ones before it: at T0 + 59 min the hour window holds all since T0.
        marketData.advanceTo(T0 + 59 * MINUTE);
        marketData.flush((market, changes) -> { });
        final UtilisationWindows windows = marketData.market(0).utilisationWindows();
        assertThat(windows.postedGpuMillis(UtilisationWindows.HOUR)).as("8 GPUs since T0").isEqualTo(8 * 59 * MINUTE);
        assertThat(windows.leasedGpuMillis(UtilisationWindows.HOUR)).as("4 of them since T0 + 30 min").isEqualTo(4 * 29 * MINUTE);

        // A preemptor's lease noticed now starts in 5 minutes: the victim's GPUs count until then, the preemptor's after.
        marketData.leaseStarted(T0 + 60 * MINUTE, 2, 0, 11, 20, 102, 1, 4, T0 + 65 * MINUTE, T0 + 125 * MINUTE, 2_010_000, false);
        assertThat(marketData.market(0).leasedGpus()).isEqualTo(4);
        marketData.leaseEnded(T0 + 65 * MINUTE, 1, 0, 10, 20, 1, 4, LeaseEndReason.PREEMPTED, false);
        assertThat(marketData.market(0).leasedGpus()).as("hand-over: the preemptor's 4 in, the victim's 4 out").isEqualTo(4);

        marketData.advanceTo(T0 + 179 * MINUTE);
        marketData.flush((market, changes) -> { });
        assertThat(windows.postedGpuMillis(UtilisationWindows.DAY)).isEqualTo(8 * 179 * MINUTE);
        assertThat(windows.leasedGpuMillis(UtilisationWindows.DAY)).as("4 GPUs leased throughout since T0 + 30 min")
            .isEqualTo(4 * 149 * MINUTE);
        assertThat(windows.leasedGpuMillis(UtilisationWindows.HOUR)).as("minutes T0 + 120 .. 179").isEqualTo(4 * 59 * MINUTE);
    }

    private void fillAndLease(final long time, final long leaseId, final int gpus, final int minutes, final long price)
    {
        marketData.fill(time, 0, leaseId, 100 + leaseId, 1, 10, 20, gpus, minutes, price, Side.ASK, 0);
        marketData.leaseStarted(time, leaseId, 0, 10, 20, 100 + leaseId, 1, gpus, time, time + minutes * 60_000L, price, false);
    }
}
