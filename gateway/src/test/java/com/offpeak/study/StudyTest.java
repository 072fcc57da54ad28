package com.offpeak.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.offpeak.engine.LeaseEndReason;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.gateway.server.OutputAdapter;
import com.offpeak.ledger.account.AccountKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StudyTest
{
    private static final Catalog CATALOG = Catalog.loadDefault();

    @TempDir
    Path dir;

    @Test
    void sameSeedWritesByteIdenticalReports() throws IOException
    {
        final StudySettings settings = new StudySettings(2, 7, StudySettings.DEFAULT_PREEMPTIBLE_SHARE);
        writeReport(settings, dir.resolve("a"));
        writeReport(settings, dir.resolve("b"));
        writeReport(new StudySettings(2, 8, StudySettings.DEFAULT_PREEMPTIBLE_SHARE), dir.resolve("other-seed"));

        final List<String> files = List.of(StudyReport.HTML, StudyReport.HEADLINE_SVG, StudyReport.UTILISATION_BY_HOUR,
            StudyReport.UTILISATION_BY_DAY, StudyReport.VWAP_BY_HOUR, StudyReport.FILL_BY_SLACK, StudyReport.PREEMPTIONS_BY_DAY,
            StudyReport.SUMMARY);
        for (final String file : files)
        {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(file))).as(file)
                .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(file)));
        }
        assertThat(Files.readString(dir.resolve("other-seed").resolve(StudyReport.UTILISATION_BY_HOUR)))
            .isNotEqualTo(Files.readString(dir.resolve("a").resolve(StudyReport.UTILISATION_BY_HOUR)));
    }

    @Test
    void reportIsOneSelfContainedPage() throws IOException
    {
        writeReport(new StudySettings(1, 3, StudySettings.DEFAULT_PREEMPTIBLE_SHARE), dir);
        final String html = Files.readString(dir.resolve(StudyReport.HTML));

        assertThat(Pattern.compile("(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//", Pattern.CASE_INSENSITIVE).matcher(html).find())
            .as("a src or href that needs the network").isFalse();
        assertThat(html).doesNotContainIgnoringCase("<script src").doesNotContainIgnoringCase("<link")
            .doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("url(");
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        // Utilisation overall, by day and per class; VWAP overall and per class; fill rate; preemptions by day and by class.
        assertThat(Pattern.compile("<svg ").matcher(html).results().count()).isEqualTo(1 + 1 + 7 + 1 + 7 + 1 + 2);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void leasedGpuHoursEqualThoseRecomputedFromLeaseEvents(final long seed)
    {
        final StudySettings settings = new StudySettings(2, seed, StudySettings.DEFAULT_PREEMPTIBLE_SHARE);
        final LeaseLedger leases = new LeaseLedger(StudyTime.START + settings.days() * StudyTime.DAY);
        final StudyRun run = new StudyRun(CATALOG, settings, true, leases);
        while (!run.finished())
        {
            run.simulateDay();
        }
        final ScenarioResult result = run.finish();

        for (int i = 0; i < CATALOG.size(); i++)
        {
            long leasedGpuMillis = 0;
            for (final long bucket : result.leasedGpuMillis[i])
            {
                leasedGpuMillis += bucket;
            }
            assertThat(leasedGpuMillis).as("seed %d, %s", seed, CATALOG.get(i).id()).isEqualTo(leases.gpuMillis(i));
            assertThat(result.offeredGpuHours(i, -1, -1)).as("seed %d, %s offered", seed, CATALOG.get(i).id())
                .isGreaterThanOrEqualTo(result.leasedGpuHours(i, -1, -1));
        }
        assertThat(result.leasedGpuHours(ScenarioResult.ALL, -1, -1)).isPositive();
        assertThat(result.rejectedOrders).as("seed %d rejections", seed).isZero();
    }

    @Test
    void exchangeInvariantsHoldAtTheEndOfEveryDay()
    {
        final StudyRun run = new StudyRun(CATALOG, new StudySettings(2, 11, StudySettings.DEFAULT_PREEMPTIBLE_SHARE), true, null);
        while (!run.finished())
        {
            run.simulateDay(); // validates the engine, the ledger and their agreement at midnight
            run.exchange().validate();
            long heldOrAvailable = 0;
            for (int b = 0; b < SyntheticMarket.DEFERRABLE_ACCOUNTS; b++)
            {
                final long account = SyntheticMarket.DEFERRABLE_ACCOUNT_BASE + b;
                heldOrAvailable += run.exchange().ledger().balance(account, AccountKind.AVAILABLE) +
                    run.exchange().ledger().balance(account, AccountKind.HELD);
            }
            assertThat(heldOrAvailable).isPositive().isLessThanOrEqualTo(SyntheticMarket.DEFERRABLE_ACCOUNTS * StudyRun.FUNDS_PER_BUYER);
        }
        assertThat(run.exchange().ledger().externalBalance()).isEqualTo(
            -(long)(SyntheticMarket.URGENT_ACCOUNTS + SyntheticMarket.DEFERRABLE_ACCOUNTS) * StudyRun.FUNDS_PER_BUYER);
    }

    @Test
    void deferrableDemandRaisesUtilisationOnTheSameCapacity()
    {
        final StudySettings settings = new StudySettings(2, 5, StudySettings.DEFAULT_PREEMPTIBLE_SHARE);
        final ScenarioResult with = StudyRun.run(CATALOG, settings, true);
        final ScenarioResult without = StudyRun.run(CATALOG, settings, false);

        assertThat(with.utilisation(ScenarioResult.ALL, -1, -1)).isGreaterThan(without.utilisation(ScenarioResult.ALL, -1, -1));
        assertThat(without.deferrableBids).containsOnly(0);
        assertThat(without.urgentBids).isEqualTo(with.urgentBids);
        assertThat(with.deferrableFillRate()).isBetween(0.0, 1.0);
        assertThat(with.preemptions()).as("urgent bids take preemptible deferrable leases").isPositive();
        assertThat(without.preemptions()).as("no preemptible lease to take").isZero();
    }

    @Test
    void noPreemptibleBidsMeansNoPreemptions()
    {
        final ScenarioResult result = StudyRun.run(CATALOG, new StudySettings(1, 5, 0), true);

        assertThat(result.preemptions()).isZero();
        assertThat(result.deferrableFillRate()).isPositive();
    }

    @Test
    void badSettingsAreRefusedWithAClearMessage()
    {
        assertThatThrownBy(() -> new StudySettings(0, 1, 0.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--days");
        assertThatThrownBy(() -> new StudySettings(1, 1, 1.5)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("--preemptible-share");
        assertThatThrownBy(() -> new StudySettings(1, 1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slackBucketsDoubleFromOneHourToTwoDays()
    {
        assertThat(SlackBucket.of(StudyTime.HOUR)).isZero();
        assertThat(SlackBucket.of(2 * StudyTime.HOUR - 1)).isZero();
        assertThat(SlackBucket.of(2 * StudyTime.HOUR)).isEqualTo(1);
        assertThat(SlackBucket.of(31 * StudyTime.HOUR)).isEqualTo(4);
        assertThat(SlackBucket.of(48 * StudyTime.HOUR)).isEqualTo(SlackBucket.COUNT - 1);
    }

    private static void writeReport(final StudySettings settings, final Path out)
    {
        new StudyReport(settings, StudyRun.run(CATALOG, settings, true), StudyRun.run(CATALOG, settings, false)).write(out);
    }

    /**
     * Leased GPU-time recomputed the plain way: every lease for its whole term from its own start/end,
     * minus, for each GPU a preemption ended early, the part of the term it did not run.
     */
    private static final class LeaseLedger extends OutputAdapter
    {
        private final Map<Long, long[]> leases = new HashMap<>(); // leaseId -> {instrument, gpus, start, end}
        private final long horizon;
        private final long[] notRunGpuMillis = new long[CATALOG.size()];

        LeaseLedger(final long horizon)
        {
            this.horizon = horizon;
        }

        long gpuMillis(final int instrument)
        {
            long total = -notRunGpuMillis[instrument];
            for (final long[] lease : leases.values())
            {
                if (lease[0] == instrument)
                {
                    total += lease[1] * Math.max(0, Math.min(lease[3], horizon) - lease[2]);
                }
            }
            return total;
        }

        @Override
        public void leaseStarted(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
            final long bidId, final long askId, final int gpus, final long start, final long end, final long price,
            final boolean preemptible)
        {
            leases.put(leaseId, new long[] {instrument, gpus, start, end});
        }

        @Override
        public void leaseEnded(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
            final long askId, final int gpus, final LeaseEndReason reason, final boolean returnedToAsk)
        {
            final long[] lease = leases.get(leaseId);
            assertThat(time).isBetween(lease[2], lease[3]);
            // Only a preemption notice ends GPUs before their term; count what they did not run inside the window.
            notRunGpuMillis[instrument] += gpus * (Math.min(lease[3], horizon) - time);
        }
    }
}
