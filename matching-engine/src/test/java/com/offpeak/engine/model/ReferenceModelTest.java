package com.offpeak.engine.model;

import com.offpeak.engine.Command;
import com.offpeak.engine.PreTradeCheck;
import com.offpeak.engine.Side;
import com.offpeak.engine.TimeInForce;
import com.offpeak.engine.catalog.Catalog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-checked scenarios for the reference model itself, so that the oracle is not trusted blindly. */
class ReferenceModelTest
{
    private static final long T0 = CommandGenerator.START_TIME;
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final int H100 = 0;
    private static final long PX_200 = 2_000_000;
    private static final long PX_210 = 2_100_000;
    private static final long DAY = 24 * HOUR;

    private final EventRecorder recorder = new EventRecorder();
    private final ReferenceModel model = new ReferenceModel(Catalog.loadDefault(), DAY, 1_000, recorder, PreTradeCheck.ALLOW_ALL);

    @Test
    void fillIsRoundedDownToTheAsksBlockAndTheRemainderRests()
    {
        apply(new Command().placeAsk(T0, 1, 0, H100, 8, PX_200, T0 + 4 * HOUR, 4));
        final List<String> events = apply(bid(T0 + 1, 2, 6, 60, PX_210, TimeInForce.GTC, false));

        assertThat(events).containsExactly(
            "accepted t=" + (T0 + 1) + " acct=2 cl=0 order=2 BID instr=0 gpus=6 px=2100000",
            "fill t=" + (T0 + 1) + " instr=0 lease=1 bid=2 ask=1 buyer=2 owner=1 gpus=4 min=60 px=2000000 maker=ASK bidLeft=2",
            "leaseStarted t=" + (T0 + 1) + " lease=1 instr=0 buyer=2 owner=1 bid=2 ask=1 gpus=4 start=" + (T0 + 1) + " end=" +
                (T0 + 1 + HOUR) + " px=2000000 preemptible=false");
        assertThat(depth(Side.ASK)).containsExactly(new Level(PX_200, 4, 1));
        assertThat(depth(Side.BID)).containsExactly(new Level(PX_210, 2, 1));
        assertThat(recorder.replica().levels(H100, Side.BID)).isEqualTo(depth(Side.BID));
    }

    @Test
    void skipsTheSameAccountAndAContiguousMisfitWithoutTouchingTheirPriority()
    {
        apply(new Command().placeAsk(T0, 1, 0, H100, 8, PX_200, T0 + 4 * HOUR, 1));
        apply(new Command().placeAsk(T0, 2, 0, H100, 2, PX_200, T0 + 4 * HOUR, 1));
        apply(new Command().placeAsk(T0, 3, 0, H100, 4, PX_200, T0 + 4 * HOUR, 1));

        final List<String> events = apply(bid(T0, 1, 4, 60, PX_200, TimeInForce.IOC, true));

        assertThat(events).hasSize(3).element(1).asString().contains("bid=4 ask=3 buyer=1 owner=3 gpus=4");
        final List<String> next = apply(bid(T0, 3, 2, 60, PX_200, TimeInForce.IOC, false));
        assertThat(next.get(1)).contains("bid=5 ask=1 buyer=3 owner=1 gpus=2");
    }

    @Test
    void returningGpusKeepTheAsksPrioritySoItIsTheMakerAtItsOwnPrice()
    {
        apply(new Command().placeAsk(T0, 1, 0, H100, 4, PX_200, T0 + 8 * HOUR, 4));
        apply(bid(T0, 2, 4, 60, PX_200, TimeInForce.GTC, false));
        apply(bid(T0 + MINUTE, 3, 4, 60, PX_210, TimeInForce.GTC, false));

        final List<String> events = apply(new Command().timerTick(T0 + 3 * HOUR));

        assertThat(events).containsExactly(
            "leaseEnded t=" + (T0 + HOUR) + " lease=1 instr=0 buyer=2 owner=1 ask=1 gpus=4 COMPLETED returned=true",
            "fill t=" + (T0 + HOUR) + " instr=0 lease=2 bid=3 ask=1 buyer=3 owner=1 gpus=4 min=60 px=2000000 maker=ASK bidLeft=0",
            "leaseStarted t=" + (T0 + HOUR) + " lease=2 instr=0 buyer=3 owner=1 bid=3 ask=1 gpus=4 start=" + (T0 + HOUR) + " end=" +
                (T0 + 2 * HOUR) + " px=2000000 preemptible=false",
            "leaseEnded t=" + (T0 + 2 * HOUR) + " lease=2 instr=0 buyer=3 owner=1 ask=1 gpus=4 COMPLETED returned=true");
        assertThat(depth(Side.ASK)).containsExactly(new Level(PX_200, 4, 1));
        assertThat(depth(Side.BID)).isEmpty();
    }

    @Test
    void ordersExpireAtTheFirstMillisecondTheyCanNoLongerTrade()
    {
        final long deadline = T0 + 3 * HOUR;
        apply(new Command().placeBid(T0, 2, 0, H100, 4, 120, PX_200, TimeInForce.GTD, deadline, false, false, false));
        apply(new Command().placeAsk(T0, 1, 0, H100, 4, PX_210, T0 + 2 * HOUR, 1));

        assertThat(apply(new Command().timerTick(T0 + HOUR))).isEmpty();
        assertThat(apply(new Command().timerTick(T0 + HOUR + 1))).containsExactly(
            "orderExpired t=" + (T0 + HOUR + 1) + " order=1 acct=2 instr=0 BID remaining=4",
            "orderExpired t=" + (T0 + HOUR + 1) + " order=2 acct=1 instr=0 ASK remaining=4");
        assertThat(model.openOrderCount()).isZero();
    }

    @Test
    void identicalRetryGetsTheOriginalAnswerAndADifferentOneIsRejected()
    {
        final Command place = new Command().placeAsk(T0, 1, 77, H100, 4, PX_200, T0 + 2 * HOUR, 1);
        apply(place);
        final Command retry = new Command().copyFrom(place);
        retry.timestamp = T0 + MINUTE;
        assertThat(apply(retry)).containsExactly("duplicate t=" + (T0 + MINUTE) + " acct=1 cl=77 order=1 reject=null OPEN remaining=4");
        retry.price = PX_210;
        assertThat(apply(retry)).containsExactly("rejected t=" + (T0 + MINUTE) + " acct=1 cl=77 order=0 DUPLICATE_CLIENT_ORDER_ID");
        retry.timestamp = T0 + DAY + MINUTE;
        // past the retention window the id is free again: a new request, judged on its own (its window is long gone)
        assertThat(apply(retry)).last().isEqualTo("rejected t=" + (T0 + DAY + MINUTE) + " acct=1 cl=77 order=0 WINDOW_TOO_SHORT");
    }

    @Test
    void amendDownKeepsPriorityAndAmendUpLosesIt()
    {
        apply(bid(T0, 2, 4, 60, PX_200, TimeInForce.GTC, false));
        apply(bid(T0, 3, 4, 60, PX_200, TimeInForce.GTC, false));
        assertThat(apply(new Command().amend(T0, 2, 1, 2, PX_200))).containsExactly(
            "amended t=" + T0 + " order=1 acct=2 instr=0 BID gpus=2 px=2000000 priorityKept=true");
        assertThat(apply(new Command().amend(T0, 2, 1, 3, PX_200))).containsExactly(
            "amended t=" + T0 + " order=1 acct=2 instr=0 BID gpus=3 px=2000000 priorityKept=false");

        final List<String> events = apply(new Command().placeAsk(T0, 1, 0, H100, 4, PX_200, T0 + 2 * HOUR, 1));
        assertThat(events.get(1)).contains("bid=2 ask=3");
    }

    private Command bid(final long time, final long account, final int gpus, final int minutes, final long price, final TimeInForce tif,
        final boolean contiguous)
    {
        return new Command().placeBid(time, account, 0, H100, gpus, minutes, price, tif, 0, contiguous, false, false);
    }

    private List<String> apply(final Command command)
    {
        recorder.clear();
        model.apply(command);
        return new ArrayList<>(recorder.events());
    }

    private List<Level> depth(final Side side)
    {
        final List<Level> levels = new ArrayList<>();
        model.depth(H100, side, (price, gpus, orders) -> levels.add(new Level(price, gpus, orders)));
        return levels;
    }
}
