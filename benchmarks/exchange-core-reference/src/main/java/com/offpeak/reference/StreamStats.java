package com.offpeak.reference;

import exchange.core2.core.common.MatcherEventType;
import exchange.core2.core.common.MatcherTradeEvent;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.cmd.OrderCommandType;

import java.util.Locale;

/**
 * Counts what a stream of processed commands did: the mix, the result codes, the trades read back
 * from each command's matcher-event chain, and the book size. Used by the generator and, outside
 * the timed region, by the benchmark.
 */
final class StreamStats {
    private final long[] kinds = new long[Mix.Kind.values().length];
    private final long[] resultCodes = new long[CommandResultCode.values().length];
    private long commands;
    private long commandsThatTraded;
    private long tradeEvents;
    private long tradedQuantity;
    private long rejectEvents;
    private long restingSum;
    private long restingSamples;
    private int restingMin = Integer.MAX_VALUE;
    private int restingMax;

    /** Records one command after the book processed it (its events still attached). */
    void record(OrderCommand cmd, CommandResultCode rc) {
        commands++;
        kinds[kindOf(cmd.command, cmd.orderType).ordinal()]++;
        resultCodes[rc.ordinal()]++;
        boolean traded = false;
        for (MatcherTradeEvent ev = cmd.matcherEvent; ev != null; ev = ev.nextEvent) {
            if (ev.eventType == MatcherEventType.TRADE) {
                traded = true;
                tradeEvents++;
                tradedQuantity += ev.size;
            } else if (ev.eventType == MatcherEventType.REJECT) {
                rejectEvents++;
            }
        }
        if (traded) {
            commandsThatTraded++;
        }
    }

    void sampleResting(int resting) {
        restingSum += resting;
        restingSamples++;
        restingMin = Math.min(restingMin, resting);
        restingMax = Math.max(restingMax, resting);
    }

    long count(CommandResultCode rc) {
        return resultCodes[rc.ordinal()];
    }

    long commands() {
        return commands;
    }

    static Mix.Kind kindOf(OrderCommandType type, OrderType orderType) {
        switch (type) {
            case MOVE_ORDER: return Mix.Kind.MOVE;
            case REDUCE_ORDER: return Mix.Kind.REDUCE;
            case CANCEL_ORDER: return Mix.Kind.CANCEL;
            case PLACE_ORDER: return orderType == OrderType.IOC ? Mix.Kind.IOC : Mix.Kind.GTC;
            default: throw new IllegalArgumentException("not in the benchmark mix: " + type);
        }
    }

    String mixLine() {
        final StringBuilder sb = new StringBuilder("mix:");
        for (Mix.Kind k : Mix.Kind.values()) {
            sb.append(String.format(Locale.ROOT, " %s %.2f%%", k, pct(kinds[k.ordinal()])));
        }
        return sb.toString();
    }

    String resultCodesLine() {
        final StringBuilder sb = new StringBuilder("result codes:");
        for (CommandResultCode rc : CommandResultCode.values()) {
            if (resultCodes[rc.ordinal()] != 0) {
                sb.append(' ').append(rc).append('=').append(resultCodes[rc.ordinal()]);
            }
        }
        return sb.toString();
    }

    String matchingLine() {
        return String.format(Locale.ROOT,
                "matching: %.2f%% of commands traded, %.4f trades (fills) per command, %.2f lots per trade, %.4f IOC rejects per command",
                pct(commandsThatTraded), ratio(tradeEvents), tradeEvents == 0 ? 0.0 : (double) tradedQuantity / tradeEvents,
                ratio(rejectEvents));
    }

    String restingLine() {
        return String.format(Locale.ROOT, "resting orders: avg %.1f, min %d, max %d (%d samples)",
                restingSamples == 0 ? 0.0 : (double) restingSum / restingSamples,
                restingSamples == 0 ? 0 : restingMin, restingMax, restingSamples);
    }

    String report(String title) {
        return title + " (" + commands + " commands)\n  " + mixLine() + "\n  " + resultCodesLine()
                + "\n  " + matchingLine() + "\n  " + restingLine();
    }

    private double pct(long n) {
        return commands == 0 ? 0.0 : n * 100.0 / commands;
    }

    private double ratio(long n) {
        return commands == 0 ? 0.0 : (double) n / commands;
    }
}
