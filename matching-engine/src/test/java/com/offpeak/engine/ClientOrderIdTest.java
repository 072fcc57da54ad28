package com.offpeak.engine;

import com.offpeak.engine.RecordingListener.Duplicate;
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

    @Test
    void anIdIsForgottenAfterTheRetentionWindow()
    {
        final long id = acceptedId(d.apply(bid(T0, 7, 8)));
        assertThat(d.apply(bid(T0 + RETENTION - 1, 7, 8)).get(0)).isInstanceOf(Duplicate.class);
        final List<Object> events = d.apply(bid(T0 + RETENTION, 7, 8));
        assertThat(acceptedId(events)).isEqualTo(id + 1);
    }
}
