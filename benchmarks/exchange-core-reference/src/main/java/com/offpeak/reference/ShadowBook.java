package com.offpeak.reference;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The generator's own model of which orders rest in the book, at what price and with how much left.
 * It is driven only by the real book's answers (result codes and matcher events), so a move, reduce
 * or cancel is only ever generated for an order that really rests; {@link StreamGenerator} also
 * cross-checks it against the real book as it goes.
 */
final class ShadowBook {

    static final class Order {
        final long id;
        final long uid;
        final boolean bid;
        long price;
        long remaining;
        int slot; // index in the dense live array, for O(1) uniform picks and removals

        Order(long id, long uid, boolean bid, long price, long remaining) {
            this.id = id;
            this.uid = uid;
            this.bid = bid;
            this.price = price;
            this.remaining = remaining;
        }
    }

    private final Map<Long, Order> byId = new HashMap<>();
    private final TreeMap<Long, Integer> bidLevels = new TreeMap<>();
    private final TreeMap<Long, Integer> askLevels = new TreeMap<>();
    private Order[] live = new Order[4096];
    private int count;
    private int bids;

    void add(Order o) {
        byId.put(o.id, o);
        if (count == live.length) {
            live = java.util.Arrays.copyOf(live, count * 2);
        }
        o.slot = count;
        live[count++] = o;
        if (o.bid) bids++;
        levels(o).merge(o.price, 1, Integer::sum);
    }

    void remove(Order o) {
        byId.remove(o.id);
        final Order last = live[--count];
        live[o.slot] = last;
        last.slot = o.slot;
        live[count] = null;
        if (o.bid) bids--;
        leaveLevel(o);
    }

    void reprice(Order o, long newPrice) {
        leaveLevel(o);
        o.price = newPrice;
        levels(o).merge(newPrice, 1, Integer::sum);
    }

    /** Takes qty off the order, dropping it once nothing is left; returns true if it was dropped. */
    boolean take(Order o, long qty) {
        if (qty > o.remaining) {
            throw new IllegalStateException("order " + o.id + " filled by " + qty + " but only " + o.remaining + " left");
        }
        o.remaining -= qty;
        if (o.remaining == 0) {
            remove(o);
            return true;
        }
        return false;
    }

    Order get(long id) {
        return byId.get(id);
    }

    Order random(SplittableRandom rnd) {
        return count == 0 ? null : live[rnd.nextInt(count)];
    }

    Iterable<Order> all() {
        return byId.values();
    }

    int size() {
        return count;
    }

    int bids() {
        return bids;
    }

    int asks() {
        return count - bids;
    }

    /** Highest resting bid price, or Long.MIN_VALUE when no bid rests. */
    long bestBid() {
        return bidLevels.isEmpty() ? Long.MIN_VALUE : bidLevels.lastKey();
    }

    /** Lowest resting ask price, or Long.MAX_VALUE when no ask rests. */
    long bestAsk() {
        return askLevels.isEmpty() ? Long.MAX_VALUE : askLevels.firstKey();
    }

    private TreeMap<Long, Integer> levels(Order o) {
        return o.bid ? bidLevels : askLevels;
    }

    private void leaveLevel(Order o) {
        final TreeMap<Long, Integer> levels = levels(o);
        final int left = levels.get(o.price) - 1;
        if (left == 0) {
            levels.remove(o.price);
        } else {
            levels.put(o.price, left);
        }
    }
}
