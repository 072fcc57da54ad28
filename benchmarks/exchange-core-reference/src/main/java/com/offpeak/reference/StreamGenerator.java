package com.offpeak.reference;

import exchange.core2.core.common.IOrder;
import exchange.core2.core.common.MatcherEventType;
import exchange.core2.core.common.MatcherTradeEvent;
import exchange.core2.core.common.OrderAction;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.cmd.OrderCommandType;
import exchange.core2.core.orderbook.IOrderBook;

import java.util.SplittableRandom;

/**
 * Generates a deterministic command stream for one symbol by running it against a real exchange-core
 * book (the same implementation that will be measured), the way exchange-core's TestOrdersGenerator
 * does: every command is processed as soon as it is made, and the {@link ShadowBook} learns from the
 * book's matcher events which orders still rest. Replaying the recorded stream on a fresh book of the
 * same kind therefore reproduces exactly the same book states.
 *
 * <p>Prices: ticks around {@link #MID}. A passive order rests 1..{@link #BAND} ticks behind the best
 * opposite price; an aggressive one (all IOCs, some GTCs and moves) crosses it by 0..2 ticks, so it
 * trades. How often GTCs and moves are aggressive is steered by the book size, which keeps the book
 * near {@link #TARGET_ORDERS} without bending the command mix; which side aggresses is steered by the
 * mid's distance from {@link #MID}, so prices do not random-walk away over millions of commands.
 */
final class StreamGenerator {
    static final long MID = 100_000;
    static final int BAND = 40;
    static final int CROSS_TICKS = 3; // an aggressive price goes 0..2 ticks through the opposite best
    static final int TARGET_ORDERS = 1_000;
    static final int USERS = 1_000;
    static final long BID_RESERVE = 2 * MID; // reserve price of bids; not checked for a futures symbol

    private final IOrderBook book;
    private final Mix mix;
    private final SplittableRandom rnd;
    private final ShadowBook shadow = new ShadowBook();
    private final StreamStats stats = new StreamStats();
    private long nextOrderId = 1;

    private StreamGenerator(IOrderBook book, Mix mix, long seed) {
        this.book = book;
        this.mix = mix;
        this.rnd = new SplittableRandom(seed);
    }

    /** The recorded stream plus what generating it observed. */
    static final class Result {
        final CommandStream stream;
        final StreamStats stats;
        final int finalStateHash;
        final long lowestBestBid;
        final long highestBestAsk;

        Result(CommandStream stream, StreamStats stats, int finalStateHash, long lowestBestBid, long highestBestAsk) {
            this.stream = stream;
            this.stats = stats;
            this.finalStateHash = finalStateHash;
            this.lowestBestBid = lowestBestBid;
            this.highestBestAsk = highestBestAsk;
        }

        /** How far the touch wandered from MID over the stream (it should stay within a band or so). */
        String priceRangeLine() {
            return "touch range: best bid never below " + (lowestBestBid - MID) + " ticks, best ask never above +"
                    + (highestBestAsk - MID) + " ticks from the mid " + MID;
        }
    }

    static Result generate(BookImpl impl, Mix mix, int measuredCommands, long seed) {
        final StreamGenerator gen = new StreamGenerator(impl.newBook(BookImpl.newProductionPool()), mix, seed);
        final CommandStream stream = new CommandStream(TARGET_ORDERS + measuredCommands);
        gen.prefill(stream);
        stream.endPrefill();
        long lowestBestBid = Long.MAX_VALUE;
        long highestBestAsk = Long.MIN_VALUE;
        for (int i = 0; i < measuredCommands; i++) {
            gen.stats.record(gen.step(stream), CommandResultCode.SUCCESS);
            gen.stats.sampleResting(gen.shadow.size());
            if (gen.shadow.bids() > 0) lowestBestBid = Math.min(lowestBestBid, gen.shadow.bestBid());
            if (gen.shadow.asks() > 0) highestBestAsk = Math.max(highestBestAsk, gen.shadow.bestAsk());
            if ((i & 1023) == 0) {
                gen.checkCounts();
            }
        }
        gen.checkEveryOrder();
        return new Result(stream, gen.stats, gen.book.stateHash(), lowestBestBid, highestBestAsk);
    }

    /** Half bids, half asks, all passive, so the starting book holds exactly TARGET_ORDERS orders. */
    private void prefill(CommandStream stream) {
        for (int i = 0; i < TARGET_ORDERS; i++) {
            final boolean bid = (i & 1) == 0;
            final long price = bid ? MID - 1 - rnd.nextInt(BAND) : MID + 1 + rnd.nextInt(BAND);
            apply(stream, place(OrderType.GTC, bid, price, gtcSize()));
        }
        checkCounts();
    }

    /** Makes, applies and records one command of the measured stream; returns it processed. */
    private OrderCommand step(CommandStream stream) {
        Mix.Kind kind = mix.pick(rnd.nextDouble());
        ShadowBook.Order target = shadow.random(rnd);
        if (target == null && kind != Mix.Kind.IOC) {
            kind = Mix.Kind.GTC; // nothing rests: nothing to move, reduce or cancel
        }
        if (kind == Mix.Kind.REDUCE) {
            target = reducible(target);
            if (target == null) {
                kind = Mix.Kind.MOVE; // only 1-lot orders drawn: a reduce would be a cancel, so reprice instead
                target = shadow.random(rnd);
            }
        }
        final OrderCommand cmd;
        switch (kind) {
            case MOVE:
                cmd = OrderCommand.update(target.id, target.uid, movePrice(target));
                break;
            case REDUCE:
                // strictly less than what is left, so a reduce changes quantity and never removes the order
                cmd = OrderCommand.reduce(target.id, target.uid, 1 + rnd.nextInt(Math.max(1, (int) (target.remaining / 4))));
                break;
            case CANCEL:
                cmd = OrderCommand.cancel(target.id, target.uid);
                break;
            case GTC: {
                final boolean bid = rnd.nextDouble() < bidShareForPlaces();
                cmd = place(OrderType.GTC, bid, rnd.nextDouble() < aggression(bid) ? crossingPrice(bid) : passivePrice(bid), gtcSize());
                break;
            }
            case IOC: {
                final boolean bid = rnd.nextDouble() >= askAggressorShare();
                cmd = place(OrderType.IOC, bid, crossingPrice(bid), 1 + rnd.nextInt(150));
                break;
            }
            default:
                throw new AssertionError(kind);
        }
        apply(stream, cmd);
        return cmd;
    }

    private OrderCommand place(OrderType type, boolean bid, long price, long size) {
        return OrderCommand.newOrder(type, nextOrderId++, 1 + rnd.nextInt(USERS), price,
                bid ? BID_RESERVE : 0, size, bid ? OrderAction.BID : OrderAction.ASK);
    }

    private long gtcSize() {
        return 10 + rnd.nextInt(191);
    }

    /** A few draws to find an order with at least 2 lots left, since a reduce must leave something. */
    private ShadowBook.Order reducible(ShadowBook.Order first) {
        ShadowBook.Order o = first;
        for (int tries = 0; tries < 8 && o != null; tries++, o = shadow.random(rnd)) {
            if (o.remaining >= 2) {
                return o;
            }
        }
        return null;
    }

    /**
     * Reprices an order: sometimes through the opposite best (it trades), otherwise a 1-3 tick step
     * kept within the passive band. The new price always differs from the old one.
     */
    private long movePrice(ShadowBook.Order o) {
        if (rnd.nextDouble() < aggression(o.bid) && opposite(o.bid) != none(o.bid)) {
            return crossingPrice(o.bid);
        }
        final long ref = passiveReference(o.bid);
        final long step = (1 + rnd.nextInt(3)) * (rnd.nextBoolean() ? 1 : -1);
        // a bid stays in [ref-BAND, ref-1], an ask in [ref+1, ref+BAND]
        final long lo = o.bid ? ref - BAND : ref + 1;
        final long hi = o.bid ? ref - 1 : ref + BAND;
        long p = Math.min(hi, Math.max(lo, o.price + step));
        if (p == o.price) {
            p = p > lo ? p - 1 : p + 1;
        }
        return p;
    }

    private long passivePrice(boolean bid) {
        final long ref = passiveReference(bid);
        return bid ? ref - 1 - rnd.nextInt(BAND) : ref + 1 + rnd.nextInt(BAND);
    }

    /** Through the opposite best by 0..2 ticks; into an empty opposite side it just goes to MID. */
    private long crossingPrice(boolean bid) {
        final long opp = opposite(bid);
        if (opp == none(bid)) {
            return MID;
        }
        final int through = rnd.nextInt(CROSS_TICKS);
        return bid ? opp + through : opp - through;
    }

    /** The price passive orders of this side line up behind: the opposite best, or a stand-in. */
    private long passiveReference(boolean bid) {
        final long opp = opposite(bid);
        if (opp != none(bid)) {
            return opp;
        }
        final long own = bid ? shadow.bestBid() : shadow.bestAsk();
        if (own != (bid ? Long.MIN_VALUE : Long.MAX_VALUE)) {
            return bid ? own + 2 : own - 2;
        }
        return bid ? MID + 1 : MID - 1;
    }

    private long opposite(boolean bid) {
        return bid ? shadow.bestAsk() : shadow.bestBid();
    }

    private static long none(boolean bid) {
        return bid ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    /** Chance that a GTC or move of this side is aggressive: 2% at the target size, more when the book is over it. */
    private double aggression(boolean bid) {
        final double base = clamp(0.02 + 0.5 * (shadow.size() - TARGET_ORDERS) / TARGET_ORDERS, 0.0, 0.5);
        final double askShare = askAggressorShare();
        return base * 2 * (bid ? 1 - askShare : askShare);
    }

    /** Sells push the mid down, buys push it up: lean the aggressors against the mid's drift. */
    private double askAggressorShare() {
        final long bb = shadow.bestBid();
        final long ba = shadow.bestAsk();
        if (bb == Long.MIN_VALUE || ba == Long.MAX_VALUE) {
            return 0.5;
        }
        final double mid = (bb + ba) / 2.0;
        return clamp(0.5 + (mid - MID) / (4.0 * BAND), 0.1, 0.9);
    }

    /** New GTCs go more to the thinner side, keeping bids and asks near half each. */
    private double bidShareForPlaces() {
        return clamp(0.5 + (shadow.asks() - shadow.bids()) / (0.2 * TARGET_ORDERS), 0.1, 0.9);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    // ---------------------------------------------------------------- applying and checking

    /** Records cmd, runs it through the real book and updates the shadow from the book's answer. */
    private void apply(CommandStream stream, OrderCommand cmd) {
        cmd.symbol = BookImpl.SYMBOL.symbolId;
        cmd.resultCode = CommandResultCode.VALID_FOR_MATCHING_ENGINE;
        stream.append(cmd);
        final CommandResultCode rc = IOrderBook.processCommand(book, cmd);
        if (rc != CommandResultCode.SUCCESS) {
            throw new IllegalStateException("generator: " + rc + " for " + cmd);
        }
        final long traded = takeFromMakers(cmd);
        final ShadowBook.Order self = shadow.get(cmd.orderId);
        switch (cmd.command) {
            case PLACE_ORDER:
                if (cmd.orderType == OrderType.GTC && traded < cmd.size) {
                    shadow.add(new ShadowBook.Order(cmd.orderId, cmd.uid, cmd.action == OrderAction.BID, cmd.price, cmd.size - traded));
                }
                break;
            case MOVE_ORDER:
                shadow.reprice(self, cmd.price);
                shadow.take(self, traded);
                break;
            case REDUCE_ORDER:
                shadow.take(self, cmd.size);
                break;
            case CANCEL_ORDER:
                shadow.remove(self);
                break;
            default:
                throw new AssertionError(cmd.command);
        }
        checkOrder(cmd.orderId);
    }

    /** Applies the command's TRADE events to the resting makers; returns the quantity the taker got. */
    private long takeFromMakers(OrderCommand cmd) {
        long traded = 0;
        for (MatcherTradeEvent ev = cmd.matcherEvent; ev != null; ev = ev.nextEvent) {
            if (ev.eventType != MatcherEventType.TRADE) {
                continue;
            }
            final ShadowBook.Order maker = shadow.get(ev.matchedOrderId);
            if (maker == null) {
                throw new IllegalStateException("trade against unknown maker " + ev.matchedOrderId);
            }
            if (shadow.take(maker, ev.size) != ev.matchedOrderCompleted) {
                throw new IllegalStateException("maker completion disagrees for " + ev);
            }
            checkOrder(maker.id);
            traded += ev.size;
        }
        return traded;
    }

    /** The book and the shadow agree on whether this order rests, where, and how much is left. */
    private void checkOrder(long orderId) {
        final IOrder real = book.getOrderById(orderId);
        final ShadowBook.Order mine = shadow.get(orderId);
        if (real == null && mine == null) {
            return;
        }
        if (real == null || mine == null || real.getPrice() != mine.price
                || real.getSize() - real.getFilled() != mine.remaining || real.getUid() != mine.uid) {
            throw new IllegalStateException("shadow disagrees for order " + orderId + ": book=" + real
                    + " shadow=" + (mine == null ? null : mine.price + "x" + mine.remaining));
        }
    }

    private void checkCounts() {
        final int bids = book.getOrdersNum(OrderAction.BID);
        final int asks = book.getOrdersNum(OrderAction.ASK);
        if (bids != shadow.bids() || asks != shadow.asks()) {
            throw new IllegalStateException("book has " + bids + "/" + asks + " bids/asks, shadow " + shadow.bids() + "/" + shadow.asks());
        }
        if (shadow.bestBid() != Long.MIN_VALUE && shadow.bestAsk() != Long.MAX_VALUE && shadow.bestBid() >= shadow.bestAsk()) {
            throw new IllegalStateException("crossed book " + shadow.bestBid() + " >= " + shadow.bestAsk());
        }
    }

    private void checkEveryOrder() {
        checkCounts();
        for (ShadowBook.Order o : shadow.all()) {
            checkOrder(o.id);
        }
    }
}
