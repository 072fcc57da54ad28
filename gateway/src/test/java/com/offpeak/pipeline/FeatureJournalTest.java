package com.offpeak.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.offpeak.engine.CancelReason;
import com.offpeak.engine.Command;
import com.offpeak.engine.RejectCode;
import com.offpeak.engine.Side;
import com.offpeak.engine.TimeInForce;
import com.offpeak.gateway.server.OutputAdapter;
import com.offpeak.journal.OutputDecoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live run whose journal holds the market features — a preemption and its re-queue, a spending
 * cap and its rejection, a quote, a call auction's indicatives and clear, substitutes groups decided
 * by a fill and cancelled as IOC — replays to the same output, byte for byte, verifies (with the
 * exchange's invariants, every open bid held, after every input) against its own output journal,
 * and a snapshot taken at any input and replayed from gives the same output and state.
 */
class FeatureJournalTest
{
    /**
     * Engine time runs 10,000 times faster: the 5-minute notice ends 30 ms after the preemption. No
     * clock thread: every timer fires in one of this test's own ticks, so every output is seen here.
     */
    private static final double CLOCK_SPEED = 10_000;
    private static final long USD = 1_000_000L;
    private static final int H100 = 0;
    private static final int AUCTIONED = 2;

    @TempDir
    Path data;

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final OutputDecoder decoder = new OutputDecoder();
    private final Seen recorder = new Seen();

    @Test
    void aJournalWithEveryFeatureReplaysToIdenticalOutput() throws Exception
    {
        final long until = System.currentTimeMillis() + 30L * 24 * 3_600_000;
        try (Pipeline pipeline = Pipeline.start(PipelineConfig.defaults(data).withClockSpeed(CLOCK_SPEED).withTickEveryMillis(0),
            Load.EXCHANGE))
        {
            for (long account = 1; account <= 4; account++)
            {
                final long a = account;
                send(pipeline, slot -> slot.deposit(a, 1_000_000 * USD, a));
            }
            send(pipeline, slot -> slot.setSpendingCap(4, 10 * USD));
            engine(pipeline, command -> command.placeAsk(0, 1, 1, H100, 8, 2 * USD, until, 8));
            // A day-long victim lease (8.6 s of wall time) so that the notice surely ends before it does, however loaded the machine.
            engine(pipeline, command -> command.placeBid(0, 2, 1, H100, 8, 1_440, 2_500_000, TimeInForce.GTC, 0, false, false,
                true));
            engine(pipeline, command -> command.placeBid(0, 3, 1, H100, 8, 60, 3 * USD, TimeInForce.GTC, 0, false, false, false));
            engine(pipeline, command -> command.placeBid(0, 4, 1, H100, 8, 60, 2 * USD, TimeInForce.GTC, 0, false, false, false));
            engine(pipeline, command -> command.quote(0, 4, 7, H100, 8, 60, true));
            engine(pipeline, command -> command.setMarketMode(0, 0, AUCTIONED, 60));
            // The switch waits for the next clear boundary: orders before it would trade continuously.
            tickUntil(pipeline, "auctionInForce");
            engine(pipeline, command -> command.placeAsk(0, 1, 2, AUCTIONED, 4, USD, until, 1));
            engine(pipeline, command -> command.placeBid(0, 3, 2, AUCTIONED, 4, 60, 1_200_000, TimeInForce.GTC, 0, false, false,
                false));
            // Substitutes: a group rests undecided, then an ask on its second alternative decides it; an IOC group finds nothing.
            engine(pipeline, command -> command.placeBid(0, 2, 3, 1, 8, 60, USD, TimeInForce.GTC, 0, false, false, false)
                .addSubstitute(3, 16, 90, 500_000));
            engine(pipeline, command -> command.placeAsk(0, 1, 4, 3, 16, 400_000, until, 8));
            engine(pipeline, command -> command.placeBid(0, 3, 3, 1, 8, 60, USD, TimeInForce.IOC, 0, false, false, false)
                .addSubstitute(4, 8, 60, 300_000));
            tickUntil(pipeline, "requeued");
            tickUntil(pipeline, "auctionCleared");
        }
        assertThat(seen).contains("preempted", "requeued", "spendingCapSet", "rejected:SPEND_CAP_EXCEEDED", "quoted",
            "marketModeChanged", "auctionInForce", "auctionIndicative", "auctionCleared", "cancelled:SUBSTITUTE_FILLED",
            "cancelled:IOC_REMAINDER");

        final byte[] first = replay();
        assertThat(replay()).isEqualTo(first);
        assertThat(JournalVerifier.verify(data, Load.EXCHANGE, 1, sequence -> { })).isNull();
        assertSnapshotsResumeIdentically();
    }

    /** At every input: snapshot the state, restore it into a new exchange, replay the rest; same output and state hash. */
    private void assertSnapshotsResumeIdentically() throws IOException
    {
        final List<byte[]> outputs = new ArrayList<>();
        final long finalHash;
        try (JournalReplay full = new JournalReplay(data).fromStart(Load.EXCHANGE.create()))
        {
            full.toEnd((input, output, length) -> outputs.add(bytes(output, length)));
            finalHash = full.stateMachine().stateHash();
        }
        for (int cut = 1; cut < outputs.size(); cut++)
        {
            try (JournalReplay first = new JournalReplay(data).fromStart(Load.EXCHANGE.create()))
            {
                while (first.lastSequence() < cut && first.step((input, output, length) -> { }))
                {
                    // up to the cut
                }
                final byte[] state = LogicStage.serialize(first.stateMachine());
                final Snapshot snapshot = new Snapshot(first.lastSequence(), first.lastIndex(), first.lastTime(), state);
                try (JournalReplay second = new JournalReplay(data))
                {
                    assertThat(second.fromSnapshot(snapshot, Load.EXCHANGE.restore(new DataInputStream(new ByteArrayInputStream(state)))))
                        .isTrue();
                    final List<byte[]> resumed = new ArrayList<>();
                    second.toEnd((input, output, length) -> resumed.add(bytes(output, length)));
                    assertThat(resumed).as("output after a snapshot at input %d", cut)
                        .containsExactlyElementsOf(outputs.subList(cut, outputs.size()));
                    assertThat(second.stateMachine().stateHash()).as("state after a snapshot at input %d", cut).isEqualTo(finalHash);
                }
            }
        }
    }

    private static byte[] bytes(final DirectBuffer output, final int length)
    {
        final byte[] copy = new byte[length];
        output.getBytes(0, copy);
        return copy;
    }

    private byte[] replay()
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JournalReplay replay = new JournalReplay(data).fromStart(Load.EXCHANGE.create()))
        {
            replay.toEnd((input, output, length) ->
            {
                final byte[] copy = new byte[length];
                output.getBytes(0, copy);
                bytes.writeBytes(copy);
            });
        }
        return bytes.toByteArray();
    }

    private void tickUntil(final Pipeline pipeline, final String record) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!seen.contains(record) && System.nanoTime() < deadline)
        {
            send(pipeline, InputCommand::timerTick);
        }
    }

    private void engine(final Pipeline pipeline, final Consumer<Command> fill) throws InterruptedException
    {
        send(pipeline, slot ->
        {
            fill.accept(slot.command);
            slot.engineCommand();
        });
    }

    private void send(final Pipeline pipeline, final Consumer<InputCommand> fill) throws InterruptedException
    {
        final CountDownLatch acked = new CountDownLatch(1);
        pipeline.submit((slot, f) -> f.accept(slot), fill, (correlation, sequence, output, length) ->
        {
            decoder.decode(output, 0, length, recorder);
            acked.countDown();
        }, 0);
        assertThat(acked.await(10, TimeUnit.SECONDS)).isTrue();
    }

    /** Names the records of interest as they are acknowledged. */
    private final class Seen extends OutputAdapter
    {
        @Override
        public void preempted(final long time, final long leaseId, final int instrument, final long victim, final long owner,
            final int gpus, final long newEnd, final long preemptorBidId)
        {
            seen.add("preempted");
        }

        @Override
        public void requeued(final long time, final long orderId, final long originalOrderId, final long account,
            final int instrument, final int gpus, final int durationMinutes, final long price, final TimeInForce timeInForce,
            final long deadline, final boolean contiguous)
        {
            seen.add("requeued");
        }

        @Override
        public void spendingCapSet(final long time, final long participant, final long capPerHour)
        {
            seen.add("spendingCapSet");
        }

        @Override
        public void rejected(final long time, final long account, final long clientOrderId, final long orderId, final RejectCode code)
        {
            seen.add("rejected:" + code);
        }

        @Override
        public void orderCancelled(final long time, final long orderId, final long account, final int instrument, final Side side,
            final int remainingGpus, final CancelReason reason)
        {
            seen.add("cancelled:" + reason);
        }

        @Override
        public void quoted(final long time, final long account, final long requestId, final int instrument, final int gpus,
            final int durationMinutes, final int fillableGpus, final long notional, final long averagePrice, final boolean cheaper)
        {
            seen.add("quoted");
        }

        @Override
        public void marketModeChanged(final long time, final int instrument, final int auctionIntervalSeconds, final long effectiveAt)
        {
            seen.add(effectiveAt == time ? "auctionInForce" : "marketModeChanged");
        }

        @Override
        public void auctionIndicative(final long time, final int instrument, final long price, final int gpus)
        {
            seen.add("auctionIndicative");
        }

        @Override
        public void auctionCleared(final long time, final int instrument, final long price, final int gpus)
        {
            seen.add("auctionCleared");
        }
    }
}
