package com.offpeak.engine;

import com.offpeak.engine.catalog.Catalog;

import java.util.List;

/**
 * A tiny test DSL around a {@link MatchingEngine}: one method per command, each returning the
 * events that command produced, and {@link MatchingEngine#validate()} after every step.
 * Instrument 0 is H100-SXM in the default catalog (tick $0.01 = 10_000 micro-USD, 60 min minimum).
 */
public final class EngineDriver
{
    public static final long T0 = 1_700_000_000_000L;
    public static final long MINUTE = 60_000L;
    public static final long HOUR = 60 * MINUTE;
    public static final int H100 = 0;
    /** $1.00 per GPU-hour in micro-USD. */
    public static final long USD = 1_000_000L;

    public final RecordingListener listener = new RecordingListener();
    public final MatchingEngine engine;
    private final Command command = new Command();

    public EngineDriver()
    {
        this(EngineConfig.DEFAULT, PreTradeCheck.ALLOW_ALL);
    }

    public EngineDriver(final EngineConfig config, final PreTradeCheck check)
    {
        engine = new MatchingEngine(Catalog.loadDefault(), config, listener, check);
    }

    public List<Object> apply(final Command c)
    {
        listener.clear();
        engine.apply(c);
        engine.validate();
        return listener.drain();
    }

    /** An ask on H100 with the given window and block size. */
    public List<Object> ask(final long t, final long account, final int gpus, final long price, final long availableUntil, final int minBlock)
    {
        return apply(command.placeAsk(t, account, 0, H100, gpus, price, availableUntil, minBlock));
    }

    /** An ask on H100 available for 24 hours from {@code t}, in blocks of one GPU. */
    public List<Object> ask(final long t, final long account, final int gpus, final long price)
    {
        return ask(t, account, gpus, price, t + 24 * HOUR, 1);
    }

    public List<Object> bid(final long t, final long account, final int gpus, final int minutes, final long price)
    {
        return apply(command.placeBid(t, account, 0, H100, gpus, minutes, price, TimeInForce.GTC, 0, false, false, false));
    }

    public List<Object> bid(final long t, final long account, final int gpus, final int minutes, final long price, final TimeInForce tif,
        final long deadline, final boolean contiguous, final boolean postOnly)
    {
        return apply(command.placeBid(t, account, 0, H100, gpus, minutes, price, tif, deadline, contiguous, postOnly, false));
    }

    public List<Object> cancel(final long t, final long account, final long orderId)
    {
        return apply(command.cancel(t, account, orderId));
    }

    public List<Object> cancelAll(final long t, final long account, final int instrument)
    {
        return apply(command.cancelAll(t, account, instrument));
    }

    public List<Object> amend(final long t, final long account, final long orderId, final int gpus, final long price)
    {
        return apply(command.amend(t, account, orderId, gpus, price));
    }

    public List<Object> tick(final long t)
    {
        return apply(command.timerTick(t));
    }

    /** The reject code of a single-event answer. */
    public static RejectCode rejection(final List<Object> events)
    {
        if (events.size() == 1 && events.get(0) instanceof RecordingListener.Rejected rejected)
        {
            return rejected.code();
        }
        throw new AssertionError("expected one rejection, got " + events);
    }

    /** The id of the order accepted by a place command's events. */
    public static long acceptedId(final List<Object> events)
    {
        for (final Object e : events)
        {
            if (e instanceof RecordingListener.Accepted accepted)
            {
                return accepted.orderId();
            }
        }
        throw new AssertionError("no acceptance in " + events);
    }

    /** Depth as "price:gpus/orders" strings, best first. */
    public List<String> depth(final Side side)
    {
        final java.util.ArrayList<String> levels = new java.util.ArrayList<>();
        engine.depth(H100, side, (price, gpus, orders) -> levels.add(price + ":" + gpus + "/" + orders));
        return levels;
    }
}
