package com.offpeak.reference;

import exchange.core2.core.common.OrderAction;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.cmd.OrderCommandType;

/**
 * A recorded command stream, stored column-wise (one primitive array per field) so that replaying it
 * allocates nothing and 2-3M commands cost tens of MB rather than one object each.
 * Commands [0, prefillSize) build the starting book; the rest is the measured stream.
 */
final class CommandStream {
    private static final OrderCommandType[] TYPES = OrderCommandType.values();
    private static final OrderAction[] ACTIONS = OrderAction.values();
    private static final OrderType[] ORDER_TYPES = OrderType.values();
    private static final byte NONE = -1;

    private final byte[] type;
    private final byte[] action;
    private final byte[] orderType;
    private final long[] orderId;
    private final long[] uid;
    private final long[] price;
    private final long[] size;
    private final long[] reserveBidPrice;
    private int length;
    private int prefillSize;

    CommandStream(int capacity) {
        type = new byte[capacity];
        action = new byte[capacity];
        orderType = new byte[capacity];
        orderId = new long[capacity];
        uid = new long[capacity];
        price = new long[capacity];
        size = new long[capacity];
        reserveBidPrice = new long[capacity];
    }

    /** Records cmd's request fields; call before the book has processed (and mutated) it. */
    void append(OrderCommand cmd) {
        final int i = length++;
        type[i] = (byte) cmd.command.ordinal();
        action[i] = cmd.action == null ? NONE : (byte) cmd.action.ordinal();
        orderType[i] = cmd.orderType == null ? NONE : (byte) cmd.orderType.ordinal();
        orderId[i] = cmd.orderId;
        uid[i] = cmd.uid;
        price[i] = cmd.price;
        size[i] = cmd.size;
        reserveBidPrice[i] = cmd.reserveBidPrice;
    }

    /** Marks everything appended so far as the prefill. */
    void endPrefill() {
        prefillSize = length;
    }

    /** Overwrites every field of a reused command with command i, as a fresh command from the risk engine would look. */
    void load(int i, OrderCommand into) {
        into.command = TYPES[type[i]];
        into.action = action[i] == NONE ? null : ACTIONS[action[i]];
        into.orderType = orderType[i] == NONE ? null : ORDER_TYPES[orderType[i]];
        into.orderId = orderId[i];
        into.uid = uid[i];
        into.price = price[i];
        into.size = size[i];
        into.reserveBidPrice = reserveBidPrice[i];
        into.symbol = BookImpl.SYMBOL.symbolId;
        into.timestamp = 0;
        into.userCookie = 0;
        into.eventsGroup = 0;
        into.serviceFlags = 0;
        // processCommand only executes a PLACE_ORDER whose result code says the risk stage passed it
        into.resultCode = CommandResultCode.VALID_FOR_MATCHING_ENGINE;
        into.matcherEvent = null;
        into.marketData = null;
    }

    OrderCommandType typeAt(int i) {
        return TYPES[type[i]];
    }

    OrderType orderTypeAt(int i) {
        return orderType[i] == NONE ? null : ORDER_TYPES[orderType[i]];
    }

    int length() {
        return length;
    }

    int prefillSize() {
        return prefillSize;
    }

    /** Number of commands after the prefill. */
    int measuredSize() {
        return length - prefillSize;
    }
}
