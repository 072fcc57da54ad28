package com.offpeak.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static com.offpeak.engine.EngineDriver.H100;
import static com.offpeak.engine.EngineDriver.HOUR;
import static com.offpeak.engine.EngineDriver.T0;
import static com.offpeak.engine.EngineDriver.USD;
import static com.offpeak.engine.EngineDriver.acceptedId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@link RejectCode} is produced by some command here, and the class fails if one is not:
 * the codes actually seen in rejection events are collected and checked against the enum after
 * all tests, so a new code without a test breaks the build.
 */
class RejectCodesTest
{
    private static final Set<RejectCode> SEEN = EnumSet.noneOf(RejectCode.class);

    private final EngineDriver d = new EngineDriver();
    private final Command c = new Command();

    @AfterAll
    static void everyCodeIsProduced()
    {
        assertThat(SEEN).as("reject codes produced by tests").containsExactlyInAnyOrder(RejectCode.values());
    }

    private void expect(final List<Object> events, final RejectCode code)
    {
        final RejectCode actual = EngineDriver.rejection(events);
        assertThat(actual).isEqualTo(code);
        SEEN.add(actual);
    }

    private Command bid(final long account, final int gpus, final int minutes, final long price)
    {
        return c.placeBid(T0, account, 0, H100, gpus, minutes, price, TimeInForce.GTC, 0, false, false, false);
    }

    @Test
    void callAuctionCodes()
    {
        expect(d.apply(c.setMarketMode(T0, 5, H100, 60)), RejectCode.NOT_AUTHORISED);
        expect(d.apply(c.setMarketMode(T0, Command.ADMIN_ACCOUNT, H100, -60)), RejectCode.INVALID_AUCTION_INTERVAL);
        d.apply(c.setMarketMode(T0, Command.ADMIN_ACCOUNT, H100, 60));
        d.tick(T0 + 60 * 60_000L);
        expect(d.apply(c.placeBid(T0 + HOUR, 1, 0, H100, 1, 60, USD, TimeInForce.IOC, 0, false, false, false)),
            RejectCode.NOT_ALLOWED_IN_AUCTION);
    }

    @Test
    void substituteCodes()
    {
        final Command fiveAlternatives = bid(1, 1, 60, USD);
        for (int i = 0; i < Command.MAX_SUBSTITUTES + 1; i++)
        {
            fiveAlternatives.addSubstitute(H100, 2, 60, USD);
        }
        expect(d.apply(fiveAlternatives), RejectCode.INVALID_SUBSTITUTES);
        expect(d.apply(c.placeBid(T0, 1, 0, H100, 1, 60, USD, TimeInForce.FOK, 0, false, false, false).addSubstitute(H100, 2, 60, USD)),
            RejectCode.INVALID_SUBSTITUTES);
        final Command negativeCount = bid(1, 1, 60, USD);
        negativeCount.substituteCount = -1;
        expect(d.apply(negativeCount), RejectCode.INVALID_SUBSTITUTES);
        final long alternative = acceptedId(d.apply(bid(1, 1, 60, USD).addSubstitute(H100, 2, 60, USD)));
        expect(d.amend(T0, 1, alternative, 2, USD), RejectCode.SUBSTITUTE_NOT_AMENDABLE);
    }

    @Test
    void invalidCommand()
    {
        expect(d.apply(bid(0, 1, 60, USD)), RejectCode.INVALID_COMMAND);
        expect(d.apply(new Command()), RejectCode.INVALID_COMMAND);
        expect(d.apply(bid(1, 1, 60, USD).timerTick(MatchingEngine.MAX_TIMESTAMP + 1)), RejectCode.INVALID_COMMAND);
        assertThat(d.engine.now()).as("a rejected timestamp does not move time").isEqualTo(T0);
    }

    @Test
    void unknownInstrument()
    {
        final Command command = bid(1, 1, 60, USD);
        command.instrument = 99;
        expect(d.apply(command), RejectCode.UNKNOWN_INSTRUMENT);
        expect(d.cancelAll(T0, 1, 42), RejectCode.UNKNOWN_INSTRUMENT);
    }

    @Test
    void invalidQuantity()
    {
        expect(d.apply(bid(1, 0, 60, USD)), RejectCode.INVALID_QUANTITY);
        expect(d.apply(bid(1, 1025, 60, USD)), RejectCode.INVALID_QUANTITY);
        final long id = acceptedId(d.bid(T0, 1, 4, 60, USD));
        expect(d.amend(T0, 1, id, 0, USD), RejectCode.INVALID_QUANTITY);
    }

    @Test
    void invalidDuration()
    {
        expect(d.apply(bid(1, 1, 59, USD)), RejectCode.INVALID_DURATION);
        expect(d.apply(bid(1, 1, 10081, USD)), RejectCode.INVALID_DURATION);
    }

    @Test
    void invalidPriceAndNotOnTick()
    {
        expect(d.apply(bid(1, 1, 60, 0)), RejectCode.INVALID_PRICE);
        expect(d.apply(bid(1, 1, 60, USD + 1)), RejectCode.PRICE_NOT_ON_TICK);
    }

    @Test
    void invalidMinBlock()
    {
        expect(d.ask(T0, 1, 8, USD, T0 + 10 * HOUR, 0), RejectCode.INVALID_MIN_BLOCK);
        expect(d.ask(T0, 1, 8, USD, T0 + 10 * HOUR, 3), RejectCode.INVALID_MIN_BLOCK);
        final long id = acceptedId(d.ask(T0, 1, 8, USD, T0 + 10 * HOUR, 4));
        expect(d.amend(T0, 1, id, 6, USD), RejectCode.INVALID_MIN_BLOCK);
    }

    @Test
    void windowTooShort()
    {
        expect(d.ask(T0, 1, 8, USD, T0 + HOUR - 1, 1), RejectCode.WINDOW_TOO_SHORT);
        expect(d.ask(T0, 1, 8, USD, Long.MIN_VALUE, 1), RejectCode.WINDOW_TOO_SHORT);
        assertThat(d.ask(T0, 1, 8, USD, T0 + HOUR, 1)).hasSize(2);
    }

    @Test
    void invalidDeadlineAndDeadlineTooSoon()
    {
        expect(d.bid(T0, 1, 1, 60, USD, TimeInForce.GTD, 0, false, false), RejectCode.INVALID_DEADLINE);
        expect(d.bid(T0, 1, 1, 60, USD, TimeInForce.GTC, T0 + 2 * HOUR, false, false), RejectCode.INVALID_DEADLINE);
        expect(d.bid(T0, 1, 1, 60, USD, null, 0, false, false), RejectCode.INVALID_DEADLINE);
        expect(d.bid(T0, 1, 1, 60, USD, TimeInForce.GTD, T0 + HOUR - 1, false, false), RejectCode.DEADLINE_TOO_SOON);
    }

    @Test
    void postOnlyNotAllowedAndWouldTrade()
    {
        expect(d.bid(T0, 1, 1, 60, USD, TimeInForce.IOC, 0, false, true), RejectCode.POST_ONLY_NOT_ALLOWED);
        expect(d.bid(T0, 1, 1, 60, USD, TimeInForce.FOK, 0, false, true), RejectCode.POST_ONLY_NOT_ALLOWED);
        d.ask(T0, 2, 4, 2 * USD);
        expect(d.bid(T0, 1, 1, 60, 2 * USD, TimeInForce.GTC, 0, false, true), RejectCode.POST_ONLY_WOULD_TRADE);
        final long id = acceptedId(d.bid(T0, 1, 1, 60, USD, TimeInForce.GTC, 0, false, true));
        expect(d.amend(T0, 1, id, 1, 2 * USD), RejectCode.POST_ONLY_WOULD_TRADE);
        assertThat(d.depth(Side.BID)).containsExactly(USD + ":1/1");
    }

    @Test
    void fokNotFillable()
    {
        d.ask(T0, 2, 4, USD);
        expect(d.bid(T0, 1, 5, 60, USD, TimeInForce.FOK, 0, false, false), RejectCode.FOK_NOT_FILLABLE);
    }

    @Test
    void notionalOverflow()
    {
        final long hugePrice = Long.MAX_VALUE / 10_000 * 10_000;
        expect(d.apply(bid(1, 2, 60, hugePrice)), RejectCode.NOTIONAL_OVERFLOW);
        expect(d.ask(T0, 1, 8, hugePrice, T0 + 2 * HOUR, 1), RejectCode.NOTIONAL_OVERFLOW);
        final long id = acceptedId(d.bid(T0, 1, 4, 60, USD));
        expect(d.amend(T0, 1, id, 4, hugePrice), RejectCode.NOTIONAL_OVERFLOW);
    }

    @Test
    void duplicateClientOrderId()
    {
        d.apply(c.placeBid(T0, 1, 77, H100, 1, 60, USD, TimeInForce.GTC, 0, false, false, false));
        expect(d.apply(c.placeBid(T0, 1, 77, H100, 2, 60, USD, TimeInForce.GTC, 0, false, false, false)),
            RejectCode.DUPLICATE_CLIENT_ORDER_ID);
    }

    @Test
    void unknownOrder()
    {
        final long id = acceptedId(d.bid(T0, 1, 4, 60, USD));
        expect(d.cancel(T0, 2, id), RejectCode.UNKNOWN_ORDER);
        expect(d.cancel(T0, 1, id + 1), RejectCode.UNKNOWN_ORDER);
        expect(d.amend(T0, 2, id, 2, USD), RejectCode.UNKNOWN_ORDER);
        d.cancel(T0, 1, id);
        expect(d.cancel(T0, 1, id), RejectCode.UNKNOWN_ORDER);
    }

    @Test
    void amendNoChange()
    {
        final long id = acceptedId(d.bid(T0, 1, 4, 60, USD));
        expect(d.amend(T0, 1, id, 4, USD), RejectCode.AMEND_NO_CHANGE);
    }

    @Test
    void engineFull()
    {
        final EngineDriver small = new EngineDriver(EngineConfig.DEFAULT.withMaxOpenOrders(1), PreTradeCheck.ALLOW_ALL);
        small.bid(T0, 1, 1, 60, USD);
        expect(small.bid(T0, 1, 1, 60, USD), RejectCode.ENGINE_FULL);
        expect(small.bid(T0, 1, 1, 60, USD, TimeInForce.IOC, 0, false, false), RejectCode.ENGINE_FULL);
    }

    @Test
    void insufficientFundsAndSpendCapComeFromThePreTradeCheck()
    {
        final PreTradeCheck ledger = new PreTradeCheck()
        {
            @Override
            public RejectCode onPlace(final Command command, final long orderId)
            {
                return command.account == 1 ? RejectCode.INSUFFICIENT_FUNDS : null;
            }

            @Override
            public RejectCode onAmend(final Command command, final Side side, final int instrument, final int oldGpus,
                final long oldPrice, final int durationMinutes)
            {
                return command.price > oldPrice ? RejectCode.SPEND_CAP_EXCEEDED : null;
            }
        };
        final EngineDriver checked = new EngineDriver(EngineConfig.DEFAULT, ledger);
        expect(checked.bid(T0, 1, 1, 60, USD), RejectCode.INSUFFICIENT_FUNDS);
        final long id = acceptedId(checked.bid(T0, 2, 1, 60, USD));
        assertThat(id).as("a rejected place consumes no order id").isEqualTo(1);
        expect(checked.amend(T0, 2, id, 1, 2 * USD), RejectCode.SPEND_CAP_EXCEEDED);
        assertThat(checked.depth(Side.BID)).containsExactly(USD + ":1/1");
    }
}
