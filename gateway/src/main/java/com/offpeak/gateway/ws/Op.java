package com.offpeak.gateway.ws;

/** The WebSocket request ops (docs/api.md), by wire name. */
enum Op
{
    LOGIN("login"),
    PING("ping"),
    TIME("time"),
    SUBSCRIBE("subscribe"),
    UNSUBSCRIBE("unsubscribe"),
    PLACE_ASK("placeAsk"),
    PLACE_BID("placeBid"),
    CANCEL("cancel"),
    CANCEL_ALL("cancelAll"),
    AMEND("amend"),
    QUOTE("quote");

    private static final Op[] VALUES = values();

    private final String wireName;

    Op(final String wireName)
    {
        this.wireName = wireName;
    }

    static Op of(final String name)
    {
        for (final Op op : VALUES)
        {
            if (op.wireName.equals(name))
            {
                return op;
            }
        }
        return null;
    }

    static Op ofOrdinal(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
