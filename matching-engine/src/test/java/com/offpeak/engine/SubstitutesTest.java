package com.offpeak.engine;

import com.offpeak.engine.RecordingListener.Accepted;
import com.offpeak.engine.RecordingListener.BookChanged;
import com.offpeak.engine.RecordingListener.Fill;
import com.offpeak.engine.RecordingListener.LeaseStarted;
import com.offpeak.engine.RecordingListener.OrderCancelled;
import com.offpeak.engine.catalog.Catalog;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static com.offpeak.engine.EngineDriver.H100;
import static com.offpeak.engine.EngineDriver.HOUR;
import static com.offpeak.engine.EngineDriver.T0;
import static com.offpeak.engine.EngineDriver.USD;
import static com.offpeak.engine.EngineDriver.acceptedId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** docs/matching.md "Substitutes": "8×H100 ≤ 2.40 or 8×A100 ≤ 1.30 or 16×L40S ≤ 0.70", one rule per test. */
class SubstitutesTest
{
    private static final int A100 = 1;
    private static final int L40S = 2;

    private final EngineDriver d = new EngineDriver();

    @Test
    void everyAlternativeIsAcceptedWithConsecutiveIdsAndRestsInItsOwnBook()
    {
        final List<Object> events = d.apply(threeWay(T0, 9, TimeInForce.GTC));

        assertThat(events).filteredOn(Accepted.class::isInstance).map(Accepted.class::cast)
            .extracting(Accepted::orderId, Accepted::instrument, Accepted::gpus, Accepted::price)
            .containsExactly(tuple(1L, H100, 8, 2_400_000L), tuple(2L, A100, 8, 1_300_000L), tuple(3L, L40S, 16, 700_000L));
        assertThat(depth(H100)).containsExactly("2400000:8/1");
        assertThat(depth(A100)).containsExactly("1300000:8/1");
        assertThat(depth(L40S)).containsExactly("700000:16/1");
        assertThat(d.engine.openOrderCount()).isEqualTo(3);
    }

    @Test
    void onEntryTheFirstAlternativeInListedOrderThatTradesWinsAndTheOthersAreCancelledInTheSameStep()
    {
        d.apply(new Command().placeAsk(T0, 1, 0, A100, 8, USD, T0 + 24 * HOUR, 1));
        d.apply(new Command().placeAsk(T0, 1, 0, L40S, 16, 500_000, T0 + 24 * HOUR, 1));

        final List<Object> events = d.apply(threeWay(T0 + 1, 9, TimeInForce.GTC));

        assertThat(events).filteredOn(Fill.class::isInstance).map(Fill.class::cast).extracting(Fill::bidId, Fill::instrument)
            .containsExactly(tuple(4L, A100));
        assertThat(events).filteredOn(OrderCancelled.class::isInstance).map(OrderCancelled.class::cast)
            .extracting(OrderCancelled::orderId, OrderCancelled::remainingGpus, OrderCancelled::reason)
            .containsExactly(tuple(3L, 8, CancelReason.SUBSTITUTE_FILLED), tuple(5L, 16, CancelReason.SUBSTITUTE_FILLED));
        assertThat(d.engine.openOrderCount()).as("only the two asks").isEqualTo(2);
        assertThat(depth(H100)).isEmpty();
    }

    @Test
    void theFirstFillOfARestingAlternativeCancelsItsSiblingsInTheSameStep()
    {
        d.apply(threeWay(T0, 9, TimeInForce.GTC));

        final List<Object> events = d.apply(new Command().placeAsk(T0 + 1, 1, 0, L40S, 8, 600_000, T0 + 24 * HOUR, 1));

        assertThat(events).filteredOn(e -> !(e instanceof BookChanged)).extracting(Object::getClass).containsExactly(
            Accepted.class, Fill.class, LeaseStarted.class, OrderCancelled.class, OrderCancelled.class);
        assertThat(events).filteredOn(OrderCancelled.class::isInstance).map(OrderCancelled.class::cast)
            .extracting(OrderCancelled::orderId, OrderCancelled::reason)
            .containsExactly(tuple(1L, CancelReason.SUBSTITUTE_FILLED), tuple(2L, CancelReason.SUBSTITUTE_FILLED));
        assertThat(depth(H100)).isEmpty();
        assertThat(depth(A100)).isEmpty();
        assertThat(depth(L40S)).as("the winner's remainder rests").containsExactly("700000:8/1");
    }

    @Test
    void twoAlternativesInOneBookNeverBothTrade()
    {
        d.apply(new Command().placeBid(T0, 9, 0, H100, 4, 60, 2 * USD, TimeInForce.GTC, 0, false, false, false)
            .addSubstitute(H100, 4, 120, 2 * USD));

        final List<Object> events = d.apply(new Command().placeAsk(T0 + 1, 1, 0, H100, 8, USD, T0 + 24 * HOUR, 1));

        assertThat(events).filteredOn(Fill.class::isInstance).map(Fill.class::cast).extracting(Fill::bidId).containsExactly(1L);
        assertThat(events).filteredOn(OrderCancelled.class::isInstance).map(OrderCancelled.class::cast)
            .extracting(OrderCancelled::orderId).containsExactly(2L);
        assertThat(d.depth(Side.ASK)).containsExactly(USD + ":4/1");
    }

    @Test
    void cancellingAnyAlternativeCancelsTheGroupAndCancelAllOfOneInstrumentToo()
    {
        d.apply(threeWay(T0, 9, TimeInForce.GTC));
        assertThat(d.cancel(T0 + 1, 9, 2)).filteredOn(OrderCancelled.class::isInstance).map(OrderCancelled.class::cast)
            .extracting(OrderCancelled::orderId, OrderCancelled::reason)
            .containsExactly(tuple(1L, CancelReason.USER), tuple(2L, CancelReason.USER), tuple(3L, CancelReason.USER));

        d.apply(threeWay(T0 + 2, 9, TimeInForce.GTC));
        d.bid(T0 + 2, 9, 1, 60, USD);
        assertThat(d.cancelAll(T0 + 3, 9, L40S)).filteredOn(OrderCancelled.class::isInstance).map(OrderCancelled.class::cast)
            .extracting(OrderCancelled::orderId).containsExactly(4L, 5L, 6L);
        assertThat(d.engine.openOrderCount()).as("the plain bid stays").isEqualTo(1);
    }

    @Test
    void anImmediateSubstitutesBidThatTradesNowhereIsCancelledEverywhere()
    {
        final List<Object> events = d.apply(threeWay(T0, 9, TimeInForce.IOC));

        assertThat(events).filteredOn(OrderCancelled.class::isInstance).map(OrderCancelled.class::cast)
            .extracting(OrderCancelled::reason).containsOnly(CancelReason.IOC_REMAINDER).hasSize(3);
        assertThat(d.engine.openOrderCount()).isZero();
    }

    @Test
    void thePreTradeCheckSeesTheWholeBidOnceUnderTheGroupId()
    {
        final List<String> holds = new ArrayList<>();
        final PreTradeCheck ledger = new PreTradeCheck()
        {
            @Override
            public RejectCode onPlace(final Command command, final long orderId)
            {
                // The hold is the largest alternative: max over alternatives of price x gpus x minutes / 60.
                long hold = notional(command.price, command.gpus, command.durationMinutes);
                for (int i = 0; i < command.substituteCount; i++)
                {
                    hold = Math.max(hold, notional(command.substitutePrice[i], command.substituteGpus[i], command.substituteDuration[i]));
                }
                holds.add(orderId + ":" + hold);
                return null;
            }

            @Override
            public RejectCode onAmend(final Command command, final Side side, final int instrument, final int oldGpus, final long oldPrice,
                final int durationMinutes)
            {
                return null;
            }
        };
        final EngineDriver driver = new EngineDriver(EngineConfig.DEFAULT, ledger);
        driver.apply(threeWay(T0, 9, TimeInForce.GTC));

        assertThat(holds).containsExactly("1:38400000");
    }

    @Test
    void aSnapshotKeepsTheGroupAndItsRule() throws IOException
    {
        d.apply(threeWay(T0, 9, TimeInForce.GTC));
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        d.engine.writeSnapshot(new DataOutputStream(bytes));
        final RecordingListener restoredEvents = new RecordingListener();
        final MatchingEngine restored = MatchingEngine.readSnapshot(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
            Catalog.loadDefault(), EngineConfig.DEFAULT, restoredEvents, PreTradeCheck.ALLOW_ALL);
        assertThat(restored.stateHash()).isEqualTo(d.engine.stateHash());

        final Command ask = new Command().placeAsk(T0 + 1, 1, 0, A100, 8, USD, T0 + 24 * HOUR, 1);
        final List<Object> original = d.apply(ask);
        restored.apply(ask);
        restored.validate();
        assertThat(restoredEvents.events()).isEqualTo(original).anyMatch(OrderCancelled.class::isInstance);
        assertThat(restored.stateHash()).isEqualTo(d.engine.stateHash());
    }

    /** "8×H100 ≤ 2.40 or 8×A100 ≤ 1.30 or 16×L40S ≤ 0.70", two hours each. */
    private static Command threeWay(final long t, final long account, final TimeInForce tif)
    {
        return new Command().placeBid(t, account, 0, H100, 8, 120, 2_400_000, tif, 0, false, false, false)
            .addSubstitute(A100, 8, 120, 1_300_000)
            .addSubstitute(L40S, 16, 120, 700_000);
    }

    private static long notional(final long price, final int gpus, final int minutes)
    {
        return price * gpus * minutes / 60;
    }

    private List<String> depth(final int instrument)
    {
        final List<String> levels = new ArrayList<>();
        d.engine.depth(instrument, Side.BID, (price, gpus, orders) -> levels.add(price + ":" + gpus + "/" + orders));
        return levels;
    }
}
