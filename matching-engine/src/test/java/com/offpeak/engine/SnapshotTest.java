package com.offpeak.engine;

import com.offpeak.engine.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static com.offpeak.engine.EngineDriver.HOUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A restored engine is the same engine: same snapshot bytes, same hash, same events from then on. */
class SnapshotTest
{
    private static final Catalog CATALOG = Catalog.loadDefault();
    /** A small clientOrderId buffer: the original's has grown and wrapped, the restored one grows while restoring. */
    private static final EngineConfig CONFIG = EngineConfig.DEFAULT.withRetentionMillis(3 * HOUR).withClientOrderIdCapacity(8);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void anEngineRestoredMidStreamContinuesExactlyLikeTheOriginal(final long seed) throws IOException
    {
        final List<Command> commands = TimersTest.randomCommands(seed, 600);
        for (int i = 0; i < commands.size(); i += 3)
        {
            commands.get(i).clientOrderId = 1 + i % 50; // some retries, some reuses, some expiring out of retention
        }
        final RecordingListener originalEvents = new RecordingListener();
        final MatchingEngine original = new MatchingEngine(CATALOG, CONFIG, originalEvents, PreTradeCheck.ALLOW_ALL);
        final int cut = commands.size() / 2;
        for (int i = 0; i < cut; i++)
        {
            original.apply(commands.get(i));
        }

        final byte[] snapshot = snapshot(original);
        final RecordingListener restoredEvents = new RecordingListener();
        final MatchingEngine restored = restore(snapshot, restoredEvents);
        restored.validate();
        assertThat(restored.stateHash()).as("seed %d", seed).isEqualTo(original.stateHash());
        assertThat(snapshot(restored)).as("seed %d: re-snapshot", seed).isEqualTo(snapshot);
        assertThat(views(restored)).isEqualTo(views(original));

        originalEvents.clear();
        for (int i = cut; i < commands.size(); i++)
        {
            original.apply(commands.get(i));
            restored.apply(commands.get(i));
            assertThat(restored.stateHash()).as("seed %d step %d", seed, i).isEqualTo(original.stateHash());
        }
        restored.validate();
        assertThat(restoredEvents.events()).as("seed %d", seed).isEqualTo(originalEvents.events());
        assertThat(originalEvents.eventsOf(RecordingListener.Fill.class)).isNotEmpty();
        assertThat(views(restored)).isEqualTo(views(original));
    }

    @Test
    void theHashSeesEveryChange()
    {
        final EngineDriver a = new EngineDriver();
        final EngineDriver b = new EngineDriver();
        a.bid(EngineDriver.T0, 1, 4, 60, EngineDriver.USD);
        b.bid(EngineDriver.T0, 1, 4, 60, EngineDriver.USD);
        assertThat(a.engine.stateHash()).isEqualTo(b.engine.stateHash());
        b.amend(EngineDriver.T0, 1, 1, 3, EngineDriver.USD);
        assertThat(a.engine.stateHash()).isNotEqualTo(b.engine.stateHash());
    }

    @Test
    void garbageIsRejectedWithAClearError()
    {
        assertThatThrownBy(() -> restore(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, new RecordingListener()))
            .isInstanceOf(IOException.class).hasMessageContaining("not an Offpeak engine snapshot");
    }

    private static byte[] snapshot(final MatchingEngine engine) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes))
        {
            engine.writeSnapshot(out);
        }
        return bytes.toByteArray();
    }

    private static MatchingEngine restore(final byte[] snapshot, final EngineListener listener) throws IOException
    {
        return MatchingEngine.readSnapshot(new DataInputStream(new ByteArrayInputStream(snapshot)), CATALOG, CONFIG, listener,
            PreTradeCheck.ALLOW_ALL);
    }

    private static List<String> views(final MatchingEngine engine)
    {
        final List<String> lines = new ArrayList<>();
        engine.forEachOrder((id, account, side, instrument, price, seq, open, remaining, leased, retired, posted) ->
            lines.add("order " + id + " " + account + " " + side + " " + price + " " + seq + " " + open + " " + remaining + " " + leased +
                " " + retired + " " + posted));
        engine.forEachLease((id, instrument, buyer, owner, bid, ask, gpus, start, end, price, preemptible) ->
            lines.add("lease " + id + " " + buyer + " " + owner + " " + bid + " " + ask + " " + gpus + " " + start + " " + end + " " + price));
        for (final Side side : Side.values())
        {
            engine.depth(EngineDriver.H100, side, (price, gpus, orders) -> lines.add(side + " " + price + " " + gpus + " " + orders));
        }
        lines.add("now " + engine.now() + " open " + engine.openOrderCount());
        return lines;
    }
}
