package com.offpeak.engine;

import com.offpeak.engine.RecordingListener.Duplicate;
import com.offpeak.engine.RecordingListener.OrderExpired;
import com.offpeak.engine.RecordingListener.Rejected;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.offpeak.engine.EngineDriver.H100;
import static com.offpeak.engine.EngineDriver.HOUR;
import static com.offpeak.engine.EngineDriver.T0;
import static com.offpeak.engine.EngineDriver.USD;
import static com.offpeak.engine.EngineDriver.acceptedId;
import static org.assertj.core.api.Assertions.assertThat;

/** clientOrderId: identical retries, reuse for another request, retention. */
class ClientOrderIdTest
{
    private static final long RETENTION = 2 * HOUR;
    private final EngineDriver d = new EngineDriver(EngineConfig.DEFAULT.withRetentionMillis(RETENTION), PreTradeCheck.ALLOW_ALL);

    private Command bid(final long t, final long clientOrderId, final int gpus)
    {
        return new Command().placeBid(t, 1, clientOrderId, H100, gpus, 60, USD, TimeInForce.GTC, 0, false, false, false);
    }

    @Test
    void anIdenticalRetryGetsTheOriginalAnswerWithTheCurrentState()
    {
        final long id = acceptedId(d.apply(bid(T0, 7, 8)));
        assertThat(d.apply(bid(T0 + 5, 7, 8))).containsExactly(new Duplicate(T0 + 5, 1, 7, id, null, OrderStatus.OPEN, 8));

        d.ask(T0 + 6, 2, 3, USD);
        assertThat(d.apply(bid(T0 + 7, 7, 8))).containsExactly(new Duplicate(T0 + 7, 1, 7, id, null, OrderStatus.OPEN, 5));

        d.cancel(T0 + 8, 1, id);
        assertThat(d.apply(bid(T0 + 9, 7, 8))).containsExactly(new Duplicate(T0 + 9, 1, 7, id, null, OrderStatus.CANCELLED, 5));
        assertThat(d.engine.openOrderCount()).isEqualTo(1);
    }

    /**
     * "480 minutes from now" travels as -480 and the engine resolves it at each command's own time,
     * so a retry sent an hour later is the same request, and the order's window still ends 480
     * minutes after the first one: the ask expires once less than the minimum lease (1 h) is left.
     */
    @Test
    void aRelativeRequestIsResolvedAtItsOwnTimeAndItsLaterRetryIsTheSameRequest()
    {
        final long ask = acceptedId(d.apply(new Command().placeAsk(T0, 2, 5, H100, 8, USD, -480, 1)));
        assertThat(d.apply(new Command().placeAsk(T0 + HOUR, 2, 5, H100, 8, USD, -480, 1)))
            .containsExactly(new Duplicate(T0 + HOUR, 2, 5, ask, null, OrderStatus.OPEN, 8));
        // A GTD bid placed at T0 + 1 h whose lease must end within 3 h of it: priced under the ask, it rests
        // until T0 + 3 h, when a 1-hour lease could no longer end in time.
        final long bid = acceptedId(d.apply(new Command().placeBid(T0 + HOUR, 1, 6, H100, 4, 60, USD / 2, TimeInForce.GTD, -180,
            false, false, false)));
        assertThat(d.apply(new Command().placeBid(T0 + 2 * HOUR, 1, 6, H100, 4, 60, USD / 2, TimeInForce.GTD, -180, false, false,
            false))).containsExactly(new Duplicate(T0 + 2 * HOUR, 1, 6, bid, null, OrderStatus.OPEN, 4));

        assertThat(d.tick(T0 + 3 * HOUR)).doesNotHaveAnyElementsOfTypes(OrderExpired.class);
        assertThat(d.tick(T0 + 3 * HOUR + 1)).contains(new OrderExpired(T0 + 3 * HOUR + 1, bid, 1, H100, Side.BID, 4));
        assertThat(d.tick(T0 + 7 * HOUR)).doesNotHaveAnyElementsOfTypes(OrderExpired.class);
        assertThat(d.tick(T0 + 7 * HOUR + 1)).contains(new OrderExpired(T0 + 7 * HOUR + 1, ask, 2, H100, Side.ASK, 8));
    }

    @Test
    void aRelativeTimeBeyondTenYearsIsRefusedNotWrappedAround()
    {
        assertThat(d.apply(new Command().placeAsk(T0, 2, 5, H100, 8, USD, Long.MIN_VALUE, 1)))
            .containsExactly(new Rejected(T0, 2, 5, 0, RejectCode.WINDOW_TOO_SHORT));
        assertThat(d.apply(new Command().placeBid(T0, 1, 6, H100, 4, 60, USD, TimeInForce.GTD, -Command.MAX_RELATIVE_MINUTES - 1, false,
            false, false))).containsExactly(new Rejected(T0, 1, 6, 0, RejectCode.INVALID_DEADLINE));
    }

    @Test
    void aFilledOrderAndARejectionAreRemembered()
    {
        d.ask(T0, 2, 8, USD);
        final long id = acceptedId(d.apply(bid(T0, 1, 8)));
        assertThat(d.apply(bid(T0, 1, 8))).containsExactly(new Duplicate(T0, 1, 1, id, null, OrderStatus.FILLED, 0));

        final Command bad = bid(T0, 2, 8);
        bad.price = USD + 1;
        assertThat(d.apply(bad)).containsExactly(new Rejected(T0, 1, 2, 0, RejectCode.PRICE_NOT_ON_TICK));
        assertThat(d.apply(bad)).containsExactly(new Duplicate(T0, 1, 2, 0, RejectCode.PRICE_NOT_ON_TICK, OrderStatus.REJECTED, 0));
    }

    @Test
    void aDifferentRequestUnderAUsedIdIsRejectedAndNotRecorded()
    {
        final long id = acceptedId(d.apply(bid(T0, 7, 8)));
        assertThat(d.apply(bid(T0, 7, 4))).containsExactly(new Rejected(T0, 1, 7, 0, RejectCode.DUPLICATE_CLIENT_ORDER_ID));
        assertThat(d.apply(bid(T0, 7, 8))).containsExactly(new Duplicate(T0, 1, 7, id, null, OrderStatus.OPEN, 8));
        // Another account may use the same id.
        final Command otherAccount = bid(T0, 7, 4);
        otherAccount.account = 2;
        assertThat(acceptedId(d.apply(otherAccount))).isEqualTo(id + 1);
    }

    /**
     * A buffer of 2 records that doubles while its records wrap around: every retry, after each
     * growth and expiry, still gets its own answer, and the other fields (substitutes, a stray order
     * id) take part in the comparison.
     */
    @Test
    void recordsKeepTheirAnswersWhileTheBufferWrapsAndGrows()
    {
        final EngineDriver small = new EngineDriver(EngineConfig.DEFAULT.withRetentionMillis(RETENTION).withClientOrderIdCapacity(2),
            PreTradeCheck.ALLOW_ALL);
        final long[] ids = new long[40];
        for (int i = 0; i < ids.length; i++)
        {
            // Ten at a time, half a retention window apart: each batch outlives the one before it by half a window.
            final long t = T0 + (i / 10) * (RETENTION / 2);
            ids[i] = acceptedId(small.apply(bid(t, 100 + i, 1 + i % 4)));
            final long oldestLive = Math.max(0, (i / 10 - 1) * 10);
            for (int j = (int)oldestLive; j <= i; j++)
            {
                assertThat(small.apply(bid(t, 100 + j, 1 + j % 4))).as("retry of %d after %d", j, i)
                    .containsExactly(new Duplicate(t, 1, 100 + j, ids[j], null, OrderStatus.OPEN, 1 + j % 4));
            }
        }
        final long late = T0 + 3 * (RETENTION / 2);
        final Command substitutes = bid(late, 900, 2).addSubstitute(H100 + 1, 2, 60, USD);
        final long group = acceptedId(small.apply(substitutes));
        assertThat(small.apply(bid(late, 900, 2).addSubstitute(H100 + 1, 2, 60, USD)))
            .containsExactly(new Duplicate(late, 1, 900, group, null, OrderStatus.OPEN, 2));
        assertThat(small.apply(bid(late, 900, 2).addSubstitute(H100 + 1, 2, 60, 2 * USD)))
            .containsExactly(new Rejected(late, 1, 900, 0, RejectCode.DUPLICATE_CLIENT_ORDER_ID));
        final Command strayOrderId = bid(late, 900, 2).addSubstitute(H100 + 1, 2, 60, USD);
        strayOrderId.orderId = 5;
        assertThat(small.apply(strayOrderId)).containsExactly(new Rejected(late, 1, 900, 0, RejectCode.DUPLICATE_CLIENT_ORDER_ID));
    }

    @Test
    void anIdIsForgottenAfterTheRetentionWindow()
    {
        final long id = acceptedId(d.apply(bid(T0, 7, 8)));
        assertThat(d.apply(bid(T0 + RETENTION - 1, 7, 8)).get(0)).isInstanceOf(Duplicate.class);
        final List<Object> events = d.apply(bid(T0 + RETENTION, 7, 8));
        assertThat(acceptedId(events)).isEqualTo(id + 1);
    }
}
