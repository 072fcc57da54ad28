package com.offpeak.engine;

import com.offpeak.engine.RecordingListener.Amended;
import com.offpeak.engine.RecordingListener.BookChanged;
import com.offpeak.engine.RecordingListener.Fill;
import com.offpeak.engine.RecordingListener.OrderCancelled;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.offpeak.engine.EngineDriver.H100;
import static com.offpeak.engine.EngineDriver.T0;
import static com.offpeak.engine.EngineDriver.USD;
import static com.offpeak.engine.EngineDriver.acceptedId;
import static com.offpeak.engine.MatchingRulesTest.fills;
import static org.assertj.core.api.Assertions.assertThat;

/** Amend, cancel and cancel-all (docs/matching.md "Cancel, cancel-all, amend"). */
class AmendCancelTest
{
    private final EngineDriver d = new EngineDriver();

    @Test
    void quantityDownKeepsPriority()
    {
        final long first = acceptedId(d.bid(T0, 1, 4, 60, USD));
        final long second = acceptedId(d.bid(T0, 2, 4, 60, USD));

        assertThat(d.amend(T0, 1, first, 2, USD)).containsExactly(new Amended(T0, first, 1, H100, Side.BID, 2, USD, true),
            new BookChanged(T0, H100, Side.BID, USD, 6, 2));

        assertThat(fills(d.ask(T0, 3, 2, USD))).extracting(Fill::bidId).containsExactly(first);
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void quantityUpLosesPriority()
    {
        final long first = acceptedId(d.bid(T0, 1, 4, 60, USD));
        final long second = acceptedId(d.bid(T0, 2, 4, 60, USD));

        assertThat(d.amend(T0, 1, first, 5, USD)).containsExactly(new Amended(T0, first, 1, H100, Side.BID, 5, USD, false),
            new BookChanged(T0, H100, Side.BID, USD, 9, 2));

        assertThat(fills(d.ask(T0, 3, 4, USD))).extracting(Fill::bidId).containsExactly(second);
    }

    @Test
    void aPriceChangeMovesToTheBackOfTheNewLevelAndPublishesBothLevels()
    {
        final long mover = acceptedId(d.bid(T0, 1, 4, 60, USD));
        final long resting = acceptedId(d.bid(T0, 2, 4, 60, 2 * USD));

        assertThat(d.amend(T0, 1, mover, 4, 2 * USD)).containsExactly(
            new Amended(T0, mover, 1, H100, Side.BID, 4, 2 * USD, false),
            new BookChanged(T0, H100, Side.BID, USD, 0, 0),
            new BookChanged(T0, H100, Side.BID, 2 * USD, 8, 2));

        assertThat(fills(d.ask(T0, 3, 4, USD))).extracting(Fill::bidId).containsExactly(resting);
        assertThat(d.depth(Side.BID)).containsExactly(2 * USD + ":4/1");
    }

    @Test
    void anAmendThatCrossesTradesAsATaker()
    {
        final long ask = acceptedId(d.ask(T0, 1, 4, 2 * USD));
        final long bid = acceptedId(d.bid(T0, 2, 6, 60, USD));

        final List<Object> events = d.amend(T0 + 1, 2, bid, 6, 2 * USD);

        assertThat(events).containsExactly(
            new Amended(T0 + 1, bid, 2, H100, Side.BID, 6, 2 * USD, false),
            new BookChanged(T0 + 1, H100, Side.BID, USD, 0, 0),
            new BookChanged(T0 + 1, H100, Side.BID, 2 * USD, 6, 1),
            new Fill(T0 + 1, H100, 1, bid, ask, 2, 1, 4, 60, 2 * USD, Side.ASK, 2),
            new RecordingListener.LeaseStarted(T0 + 1, 1, H100, 2, 1, bid, ask, 4, T0 + 1, T0 + 1 + 60 * 60_000L, 2 * USD, false),
            new BookChanged(T0 + 1, H100, Side.ASK, 2 * USD, 0, 0),
            new BookChanged(T0 + 1, H100, Side.BID, 2 * USD, 2, 1));
    }

    @Test
    void anAskAmendRetiresADecreaseAndPostsAnIncrease()
    {
        final long ask = acceptedId(d.ask(T0, 1, 8, USD));
        d.amend(T0, 1, ask, 5, USD);
        d.amend(T0, 1, ask, 7, USD);
        final int[] state = new int[4];
        d.engine.forEachOrder((id, account, side, instrument, price, seq, open, remaining, leased, retired, posted) ->
        {
            state[0] = remaining;
            state[1] = leased;
            state[2] = retired;
            state[3] = posted;
        });
        assertThat(state).containsExactly(7, 0, 3, 10);
    }

    @Test
    void cancelReportsTheRemainderAndPublishesTheLevel()
    {
        d.ask(T0, 1, 3, USD);
        final long bid = acceptedId(d.bid(T0, 2, 8, 60, USD));

        assertThat(d.cancel(T0, 2, bid)).containsExactly(new OrderCancelled(T0, bid, 2, H100, Side.BID, 5, CancelReason.USER),
            new BookChanged(T0, H100, Side.BID, USD, 0, 0));
        assertThat(d.engine.openOrderCount()).isEqualTo(1);
    }

    @Test
    void cancelAllCancelsTheAccountsOrdersInIdOrderPerInstrumentOrAll()
    {
        final Command other = new Command().placeBid(T0, 1, 0, 3, 1, 60, 10_000, TimeInForce.GTC, 0, false, false, false);
        final long b1 = acceptedId(d.bid(T0, 1, 1, 60, 2 * USD));
        final long l4 = acceptedId(d.apply(other));
        final long a1 = acceptedId(d.ask(T0, 1, 1, 3 * USD));
        final long b2 = acceptedId(d.bid(T0, 1, 1, 60, USD));
        final long foreign = acceptedId(d.bid(T0, 2, 1, 60, USD));

        final List<Object> h100 = d.cancelAll(T0, 1, H100);
        assertThat(h100).filteredOn(OrderCancelled.class::isInstance).extracting(e -> ((OrderCancelled)e).orderId())
            .containsExactly(b1, a1, b2);
        assertThat(h100).filteredOn(OrderCancelled.class::isInstance).extracting(e -> ((OrderCancelled)e).reason())
            .containsOnly(CancelReason.CANCEL_ALL);

        assertThat(d.cancelAll(T0, 1, Command.ALL_INSTRUMENTS)).filteredOn(OrderCancelled.class::isInstance)
            .extracting(e -> ((OrderCancelled)e).orderId()).containsExactly(l4);
        assertThat(d.cancelAll(T0, 1, Command.ALL_INSTRUMENTS)).isEmpty();
        assertThat(d.cancelAll(T0, 99, Command.ALL_INSTRUMENTS)).isEmpty();
        assertThat(d.engine.openOrderCount()).isEqualTo(1);
        assertThat(foreign).isGreaterThan(b2);
    }
}
