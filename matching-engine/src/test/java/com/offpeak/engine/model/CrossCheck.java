package com.offpeak.engine.model;

import com.offpeak.engine.Command;
import com.offpeak.engine.EngineConfig;
import com.offpeak.engine.MatchingEngine;
import com.offpeak.engine.PreTradeCheck;
import com.offpeak.engine.Side;
import com.offpeak.engine.catalog.Catalog;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives the engine and the reference model with the same seeded command stream and compares them
 * after every command: the events (all but {@code bookChanged}), the depth of every book (the
 * engine's, the model's, and the one rebuilt from the engine's {@code bookChanged} events), the
 * order and lease views, time, and the engine's own {@code validate()}, plus the book invariants
 * read from the engine's views. Returns a description of the first failure instead of throwing,
 * so that a test can assert that a planted bug is caught.
 */
public final class CrossCheck
{
    private static final Catalog CATALOG = Catalog.loadDefault();
    private static final PreTradeCheck PRE_TRADE_CHECK = new ScriptedPreTradeCheck();
    private static final int RECENT_COMMANDS_SHOWN = 12;
    private static final int SMALL_ORDER_LIMIT = 20;
    private static final long SHORT_RETENTION_MILLIS = 90 * 60_000L;

    private CrossCheck()
    {
    }

    /** How much of the engine the comparison may look at. */
    public enum Scope
    {
        /** Everything, including {@code validate()} and the priority sequences in the order view. */
        FULL,
        /** Only what a client can observe: events, depth, views without priority sequences. */
        OBSERVABLE
    }

    /** Runs {@code steps} commands of stream {@code seed}; returns null when engine and model agree throughout. */
    public static String run(final long seed, final int steps, final EngineConfig config)
    {
        return run(seed, steps, config, Scope.FULL);
    }

    public static String run(final long seed, final int steps, final EngineConfig config, final Scope scope)
    {
        final EventRecorder engineEvents = new EventRecorder();
        final EventRecorder modelEvents = new EventRecorder();
        final MatchingEngine engine = new MatchingEngine(CATALOG, config, engineEvents, PRE_TRADE_CHECK);
        final ReferenceModel model = newModel(config, modelEvents);
        final CommandGenerator generator = new CommandGenerator(seed, CATALOG);
        final Map<Long, Command> placed = new HashMap<>();
        final List<Command> history = new ArrayList<>();

        for (int step = 0; step < steps; step++)
        {
            final Command command = generator.next(model);
            history.add(command);
            engineEvents.clear();
            modelEvents.clear();
            try
            {
                engine.apply(new Command().copyFrom(command));
            }
            catch (final RuntimeException e)
            {
                return failure("seed=" + seed, step, history, "engine threw\n" + stackTrace(e));
            }
            model.apply(command);
            rememberTerms(placed, command, engineEvents.acceptedOrderIds());
            placed.putAll(engineEvents.requeued());

            final String problem = compare(engine, model, engineEvents, modelEvents, placed, scope);
            if (problem != null)
            {
                return failure("seed=" + seed, step, history, problem + "\n  engine events: " + engineEvents.everything() +
                    "\n  model events:  " + modelEvents.everything());
            }
        }
        return null;
    }

    /** Runs a fixed command list (a directed scenario, or a shrunk failing stream); returns null when engine and model agree. */
    public static String replay(final List<Command> commands, final EngineConfig config)
    {
        final EventRecorder engineEvents = new EventRecorder();
        final EventRecorder modelEvents = new EventRecorder();
        final MatchingEngine engine = new MatchingEngine(CATALOG, config, engineEvents, PRE_TRADE_CHECK);
        final ReferenceModel model = newModel(config, modelEvents);
        final Map<Long, Command> placed = new HashMap<>();
        for (int step = 0; step < commands.size(); step++)
        {
            final Command command = commands.get(step);
            engineEvents.clear();
            modelEvents.clear();
            engine.apply(new Command().copyFrom(command));
            model.apply(command);
            rememberTerms(placed, command, engineEvents.acceptedOrderIds());
            placed.putAll(engineEvents.requeued());
            final String problem = compare(engine, model, engineEvents, modelEvents, placed, Scope.FULL);
            if (problem != null)
            {
                return failure("replay", step, commands, problem);
            }
        }
        return null;
    }

    /**
     * Runs the stream of {@code seed} through two fresh engines; returns null when both emit the
     * same events (bookChanged included) and report the same stateHash after every command.
     */
    public static String determinism(final long seed, final int steps, final EngineConfig config)
    {
        final EventRecorder modelEvents = new EventRecorder();
        final ReferenceModel model = newModel(config, modelEvents);
        final CommandGenerator generator = new CommandGenerator(seed, CATALOG);
        final EventRecorder firstEvents = new EventRecorder();
        final EventRecorder secondEvents = new EventRecorder();
        final MatchingEngine first = new MatchingEngine(CATALOG, config, firstEvents, PRE_TRADE_CHECK);
        final MatchingEngine second = new MatchingEngine(CATALOG, config, secondEvents, PRE_TRADE_CHECK);
        final List<Command> history = new ArrayList<>();
        for (int step = 0; step < steps; step++)
        {
            final Command command = generator.next(model);
            history.add(command);
            model.apply(command);
            firstEvents.clear();
            secondEvents.clear();
            first.apply(new Command().copyFrom(command));
            second.apply(new Command().copyFrom(command));
            final String difference = Snapshot.firstDifference(firstEvents.everything(), secondEvents.everything());
            if (difference != null)
            {
                return failure("seed=" + seed, step, history, "two engines emitted different events at " + difference);
            }
            if (first.stateHash() != second.stateHash())
            {
                return failure("seed=" + seed, step, history, "two engines differ in stateHash: " + first.stateHash() + " vs " + second.stateHash());
            }
        }
        return null;
    }

    /**
     * The engine settings a seed runs with: most seeds the defaults, some with a small order limit
     * (so ENGINE_FULL happens) or a short clientOrderId retention (so records lapse and ids are reused).
     * All with a clientOrderId buffer of 4 records, a sizing hint with no effect on behaviour, so that
     * the buffer grows, wraps around and grows while wrapped under the cross-check.
     */
    public static EngineConfig configFor(final long seed)
    {
        final EngineConfig config = EngineConfig.DEFAULT.withClientOrderIdCapacity(4);
        return switch ((int)Math.floorMod(seed, 4L))
        {
            case 1 -> config.withMaxOpenOrders(SMALL_ORDER_LIMIT);
            case 2 -> config.withRetentionMillis(SHORT_RETENTION_MILLIS);
            default -> config;
        };
    }

    static ReferenceModel newModel(final EngineConfig config, final EventRecorder listener)
    {
        return new ReferenceModel(CATALOG, config.clientOrderIdRetentionMillis(), config.maxOpenOrders(), config.preemptionNoticeMillis(),
            listener, PRE_TRADE_CHECK);
    }

    private static String compare(final MatchingEngine engine, final ReferenceModel model, final EventRecorder engineEvents,
        final EventRecorder modelEvents, final Map<Long, Command> placed, final Scope scope)
    {
        final String eventDifference = Snapshot.firstDifference(modelEvents.events(), engineEvents.events());
        if (eventDifference != null)
        {
            return "events differ at " + eventDifference;
        }
        if (scope == Scope.FULL)
        {
            try
            {
                engine.validate();
            }
            catch (final IllegalStateException e)
            {
                return "engine.validate() failed: " + e.getMessage();
            }
        }
        if (engine.now() != model.now())
        {
            return "now differs: model " + model.now() + ", engine " + engine.now();
        }
        if (engine.openOrderCount() != model.openOrderCount())
        {
            return "openOrderCount differs: model " + model.openOrderCount() + ", engine " + engine.openOrderCount();
        }
        for (int instrument = 0; instrument < CATALOG.size(); instrument++)
        {
            for (final Side side : Side.values())
            {
                final int book = instrument;
                final List<Level> expected = Snapshot.depth(view -> model.depth(book, side, view));
                final List<Level> actual = Snapshot.depth(view -> engine.depth(book, side, view));
                final String where = "instrument " + instrument + " " + side;
                String difference = Snapshot.firstDifference(expected, actual);
                if (difference != null)
                {
                    return "depth of " + where + " differs at level " + difference;
                }
                difference = Snapshot.firstDifference(actual, engineEvents.replica().levels(instrument, side));
                if (difference != null)
                {
                    return "depth rebuilt from the engine's bookChanged events differs from engine depth of " + where + " at level " +
                        difference.replace("model: ", "depth:  ").replace("engine: ", "replay: ");
                }
                difference = Snapshot.firstDifference(expected, modelEvents.replica().levels(instrument, side));
                if (difference != null)
                {
                    return "MODEL BUG: depth rebuilt from the model's bookChanged events differs from its depth of " + where + " at " +
                        difference;
                }
            }
        }
        final List<Snapshot.OrderRow> engineOrders = Snapshot.orders(engine::forEachOrder);
        final List<Snapshot.LeaseRow> engineLeases = Snapshot.leases(engine::forEachLease);
        String difference = scope == Scope.FULL
            ? Snapshot.firstDifference(Snapshot.orders(model::forEachOrder), engineOrders)
            : Snapshot.firstDifference(withoutPriority(Snapshot.orders(model::forEachOrder)), withoutPriority(engineOrders));
        if (difference != null)
        {
            return "forEachOrder differs at " + difference;
        }
        difference = Snapshot.firstDifference(Snapshot.leases(model::forEachLease), engineLeases);
        if (difference != null)
        {
            return "forEachLease differs at " + difference;
        }
        final String broken = Invariants.check(engine.now(), engineOrders, engineLeases, placed);
        return broken == null ? null : "invariant broken: " + broken;
    }

    /** The terms each accepted order was placed with: alternative k of a substitutes bid is its k-th accepted order. */
    private static void rememberTerms(final Map<Long, Command> placed, final Command command, final List<Long> acceptedIds)
    {
        for (int k = 0; k < acceptedIds.size(); k++)
        {
            final Command terms = new Command().copyFrom(command);
            if (k > 0)
            {
                terms.instrument = command.substituteInstrument[k - 1];
                terms.gpus = command.substituteGpus[k - 1];
                terms.durationMinutes = command.substituteDuration[k - 1];
                terms.price = command.substitutePrice[k - 1];
            }
            placed.put(acceptedIds.get(k), terms);
        }
    }

    private static List<Snapshot.OrderRow> withoutPriority(final List<Snapshot.OrderRow> rows)
    {
        final List<Snapshot.OrderRow> result = new ArrayList<>(rows.size());
        for (final Snapshot.OrderRow row : rows)
        {
            result.add(new Snapshot.OrderRow(row.orderId(), row.account(), row.side(), row.instrument(), row.price(), 0, row.open(),
                row.remaining(), row.leased(), row.retired(), row.posted()));
        }
        return result;
    }

    private static String failure(final String stream, final int step, final List<Command> history, final String problem)
    {
        final StringBuilder text = new StringBuilder()
            .append(stream).append(" step=").append(step).append(" cmd=").append(history.get(step)).append('\n')
            .append("  ").append(problem).append('\n')
            .append("  last commands:\n");
        for (int i = Math.max(0, step - RECENT_COMMANDS_SHOWN); i <= step; i++)
        {
            text.append("    ").append(i).append(": ").append(history.get(i)).append('\n');
        }
        return text.toString();
    }

    private static String stackTrace(final Throwable e)
    {
        final StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
