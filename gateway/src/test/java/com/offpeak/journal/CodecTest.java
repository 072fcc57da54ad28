package com.offpeak.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.offpeak.engine.CancelReason;
import com.offpeak.engine.LeaseEndReason;
import com.offpeak.engine.OrderStatus;
import com.offpeak.engine.RejectCode;
import com.offpeak.engine.Side;
import com.offpeak.engine.TimeInForce;
import com.offpeak.pipeline.InputCommand;
import com.offpeak.pipeline.InputType;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class CodecTest
{
    @Test
    void everyInputTypeRoundTripsThroughTheFixedLayout()
    {
        final List<InputCommand> inputs = new ArrayList<>();
        inputs.add(input(c -> c.command.placeAsk(5, 7, 9, 2, 16, 2_000_000, 99_999, 8)));
        inputs.add(input(c -> c.command.placeBid(5, 7, 9, 1, 8, 120, 1_990_000, TimeInForce.GTD, 77_777, true, false, true)));
        inputs.add(input(c -> c.command.placeBid(5, 7, 10, 0, 8, 120, 2_400_000, TimeInForce.GTC, 0, false, false, false)
            .addSubstitute(1, 8, 120, 1_300_000).addSubstitute(2, 16, 90, 700_000).addSubstitute(3, 4, 60, 500_000)));
        inputs.add(input(c -> c.command.cancel(5, 7, 123)));
        inputs.add(input(c -> c.command.cancelAll(5, 7, -1)));
        inputs.add(input(c -> c.command.amend(5, 7, 123, 4, 1_000_000)));
        inputs.add(input(c -> c.command.timerTick(5)));
        inputs.add(input(c -> c.command.setMarketMode(5, 0, 3, 60)));
        inputs.add(input(c -> c.command.quote(5, 7, 11, 1, 16, 120, true)));
        inputs.add(new InputCommand().deposit(7, 1_000_000, 42));
        inputs.add(new InputCommand().withdraw(7, 500, 43));
        inputs.add(new InputCommand().setSpendingCap(7, 50_000_000));
        inputs.add(new InputCommand().snapshot());
        long sequence = 1;
        for (final InputCommand input : inputs)
        {
            input.sequence = sequence++;
            final byte[] record = new byte[InputCodec.MAX_LENGTH + 8];
            final int length = InputCodec.encode(input, new UnsafeBuffer(record), 4);
            assertThat(length).isEqualTo(InputCodec.FIXED_LENGTH + 20 * input.command.substituteCount);
            final InputCommand decoded = new InputCommand();
            assertThat(InputCodec.decode(new UnsafeBuffer(record), 4, length, decoded)).isEqualTo(length);
            assertThat(decoded.toString()).isEqualTo(input.toString());
            assertThat(decoded.type).isEqualTo(input.type);
            assertThat(decoded.command.sameRequestAs(input.command)).as("every field of %s", input).isTrue();
        }
    }

    @Test
    void anInputRecordDecodesFromOffHeapMemoryAndNeverPastTheBuffersEnd()
    {
        final InputCommand bid = input(c -> c.command.placeBid(5, 7, 10, 0, 8, 120, 2_400_000, TimeInForce.GTD, 88_888, true, true, false)
            .addSubstitute(1, 8, 120, 1_300_000));
        bid.sequence = 9;
        final UnsafeBuffer offHeap = new UnsafeBuffer(ByteBuffer.allocateDirect(InputCodec.MAX_LENGTH + 4));
        final int length = InputCodec.encode(bid, offHeap, 4);
        final InputCommand decoded = new InputCommand();
        InputCodec.decode(offHeap, 4, length, decoded);
        assertThat(decoded.toString()).isEqualTo(bid.toString());
        assertThat(decoded.command.sameRequestAs(bid.command)).isTrue();

        // The document claims a whole record where the buffer holds one byte less.
        final byte[] record = new byte[length];
        offHeap.getBytes(4, record);
        final UnsafeBuffer shortBuffer = new UnsafeBuffer(Arrays.copyOf(record, length - 1));
        assertThatThrownBy(() -> InputCodec.decode(shortBuffer, 0, length, new InputCommand()))
            .isInstanceOf(IndexOutOfBoundsException.class);
        // And where the document itself ends inside the record's substitutes.
        assertThatThrownBy(() -> InputCodec.decode(new UnsafeBuffer(record), 0, length - 1, new InputCommand()))
            .isInstanceOf(JournalCorruptException.class).hasMessageContaining("needs " + length);
    }

    @Test
    void recordsOfEveryLengthDecodeBackToBackFromOneDocument()
    {
        final List<InputCommand> inputs = List.of(
            input(c -> c.command.amend(5, 7, 123, 4, 1_000_000)),
            input(c -> c.command.placeBid(5, 7, 10, 0, 8, 120, 2_400_000, TimeInForce.GTC, 0, false, false, false)
                .addSubstitute(1, 8, 120, 1_300_000).addSubstitute(2, 16, 90, 700_000)),
            input(c -> c.command.cancel(5, 7, 123)),
            input(c -> c.command.placeBid(5, 7, 11, 0, 8, 120, 2_400_000, TimeInForce.GTC, 0, false, false, false)
                .addSubstitute(3, 4, 60, 500_000)));
        final UnsafeBuffer document = new UnsafeBuffer(new byte[inputs.size() * InputCodec.MAX_LENGTH]);
        int length = 0;
        for (int i = 0; i < inputs.size(); i++)
        {
            inputs.get(i).sequence = i + 1;
            length += InputCodec.encode(inputs.get(i), document, length);
        }
        assertThat(length).isEqualTo(4 * InputCodec.FIXED_LENGTH + 3 * 20);
        int position = 0;
        for (final InputCommand input : inputs)
        {
            final InputCommand decoded = new InputCommand();
            position += InputCodec.decode(document, position, length - position, decoded);
            assertThat(decoded.toString()).isEqualTo(input.toString());
            assertThat(decoded.command.sameRequestAs(input.command)).as("every field of %s", input).isTrue();
        }
        assertThat(position).isEqualTo(length);
    }

    @Test
    void aLayoutTwoRecordWithRoomForEverySubstituteStillDecodes()
    {
        final InputCommand bid = input(c -> c.command.placeBid(5, 7, 9, 1, 8, 120, 1_990_000, TimeInForce.GTC, 0, true, false, false)
            .addSubstitute(1, 8, 120, 1_300_000));
        bid.sequence = 4;
        // Layout 2 wrote every record at full length, the unused substitutes as zeros.
        final byte[] layoutTwo = new byte[2 * InputCodec.MAX_LENGTH];
        InputCodec.encode(bid, new UnsafeBuffer(layoutTwo), 0);
        layoutTwo[3] = 2;
        System.arraycopy(layoutTwo, 0, layoutTwo, InputCodec.MAX_LENGTH, InputCodec.MAX_LENGTH);
        final UnsafeBuffer document = new UnsafeBuffer(layoutTwo);
        final InputCommand decoded = new InputCommand();
        assertThat(InputCodec.decode(document, 0, layoutTwo.length, decoded)).isEqualTo(InputCodec.MAX_LENGTH);
        assertThat(decoded.command.sameRequestAs(bid.command)).as(decoded.toString()).isTrue();
        assertThat(InputCodec.decode(document, InputCodec.MAX_LENGTH, InputCodec.MAX_LENGTH, decoded)).isEqualTo(InputCodec.MAX_LENGTH);
        assertThat(decoded.command.sameRequestAs(bid.command)).as(decoded.toString()).isTrue();
    }

    @Test
    void aLayoutOneRecordFromBeforeSubstitutesStillDecodes()
    {
        final InputCommand bid = input(c -> c.command.placeBid(5, 7, 9, 1, 8, 120, 1_990_000, TimeInForce.GTC, 0, true, false, false));
        bid.sequence = 3;
        final byte[] current = new byte[InputCodec.MAX_LENGTH];
        InputCodec.encode(bid, new UnsafeBuffer(current), 0);
        final byte[] layoutOne = Arrays.copyOf(current, 88);
        layoutOne[3] = 1;
        final InputCommand decoded = new InputCommand();
        decoded.command.placeBid(0, 0, 0, 0, 0, 0, 0, TimeInForce.GTC, 0, false, false, false).addSubstitute(2, 2, 2, 2);
        InputCodec.decode(new UnsafeBuffer(layoutOne), 0, layoutOne.length, decoded);
        assertThat(decoded.command.sameRequestAs(bid.command)).as(decoded.toString()).isTrue();
        assertThat(decoded.command.substituteCount).isZero();

        layoutOne[3] = 2;
        assertThatThrownBy(() -> InputCodec.decode(new UnsafeBuffer(layoutOne), 0, layoutOne.length, new InputCommand()))
            .isInstanceOf(JournalCorruptException.class).hasMessageContaining("layout version 2");
    }

    @Test
    void aShortOrUnknownInputRecordIsRejectedNotGuessed()
    {
        assertThatThrownBy(() -> InputCodec.decode(new UnsafeBuffer(new byte[40]), 0, 40, new InputCommand()))
            .isInstanceOf(JournalCorruptException.class).hasMessageContaining("40 bytes");
        final byte[] unknown = new byte[InputCodec.FIXED_LENGTH];
        unknown[0] = 99;
        unknown[3] = InputCodec.LAYOUT_VERSION;
        assertThatThrownBy(() -> InputCodec.decode(new UnsafeBuffer(unknown), 0, unknown.length, new InputCommand()))
            .isInstanceOf(JournalCorruptException.class).hasMessageContaining("unknown input type code 99");
        unknown[0] = (byte)InputType.DEPOSIT.code(); // a known type: the layout is what is wrong
        unknown[3] = 9;
        assertThatThrownBy(() -> InputCodec.decode(new UnsafeBuffer(unknown), 0, unknown.length, new InputCommand()))
            .isInstanceOf(JournalCorruptException.class).hasMessageContaining("layout version 9");
    }

    @Test
    void everyOutputRecordDecodesToTheCallThatEncodedIt()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(16);
        final OutputEncoder encoder = new OutputEncoder().wrap(buffer);
        encoder.accepted(1, 2, 3, 4, Side.BID, 5, 6, 7);
        encoder.rejected(1, 2, 3, 0, RejectCode.INSUFFICIENT_FUNDS);
        encoder.duplicate(1, 2, 3, 4, null, OrderStatus.OPEN, 6);
        encoder.fill(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, Side.ASK, 11);
        encoder.leaseStarted(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, true);
        encoder.leaseEnded(1, 2, 3, 4, 5, 6, 7, LeaseEndReason.COMPLETED, false);
        encoder.orderExpired(1, 2, 3, 4, Side.ASK, 5);
        encoder.orderCancelled(1, 2, 3, 4, Side.BID, 5, CancelReason.IOC_REMAINDER);
        encoder.amended(1, 2, 3, 4, Side.BID, 5, 6, true);
        encoder.bookChanged(1, 2, Side.ASK, 3, 4, 5);
        encoder.marketModeChanged(1, 2, 3, 4);
        encoder.auctionIndicative(1, 2, 3, 4);
        encoder.auctionCleared(1, 2, 3, 4);
        encoder.quoted(1, 2, 3, 4, 5, 6, 7, 8, 9, true);
        encoder.preempted(1, 2, 3, 4, 5, 6, 7, 8);
        encoder.requeued(1, 2, 3, 4, 5, 6, 7, 8, TimeInForce.GTD, 9, true);
        encoder.cashRejected(1, 2, 3, 4);
        encoder.spendingCapSet(1, 2, 3);
        encoder.snapshotTaken(1, 2);
        encoder.buffer().putBytes(encoder.reserve(OutputRecordType.TRANSFER, 3), new byte[] {9, 8, 7});

        final List<String> calls = new ArrayList<>();
        final OutputListener recorder = (OutputListener)Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {OutputListener.class}, (proxy, method, args) ->
            {
                calls.add(method.getName().equals("transfer") ? "transfer" + ((int)args[2]) :
                    method.getName() + Arrays.toString(args));
                return null;
            });
        new OutputDecoder().decode(buffer, 0, encoder.length(), recorder);
        assertThat(calls).containsExactly(
            "accepted[1, 2, 3, 4, BID, 5, 6, 7]",
            "rejected[1, 2, 3, 0, INSUFFICIENT_FUNDS]",
            "duplicate[1, 2, 3, 4, null, OPEN, 6]",
            "fill[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ASK, 11]",
            "leaseStarted[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, true]",
            "leaseEnded[1, 2, 3, 4, 5, 6, 7, COMPLETED, false]",
            "orderExpired[1, 2, 3, 4, ASK, 5]",
            "orderCancelled[1, 2, 3, 4, BID, 5, IOC_REMAINDER]",
            "amended[1, 2, 3, 4, BID, 5, 6, true]",
            "bookChanged[1, 2, ASK, 3, 4, 5]",
            "marketModeChanged[1, 2, 3, 4]",
            "auctionIndicative[1, 2, 3, 4]",
            "auctionCleared[1, 2, 3, 4]",
            "quoted[1, 2, 3, 4, 5, 6, 7, 8, 9, true]",
            "preempted[1, 2, 3, 4, 5, 6, 7, 8]",
            "requeued[1, 2, 3, 4, 5, 6, 7, 8, GTD, 9, true]",
            "cashRejected[1, 2, 3, 4]",
            "spendingCapSet[1, 2, 3]",
            "snapshotTaken[1, 2]",
            "transfer3");
    }

    @Test
    void aRecordCutShortIsReportedNotReadPastItsEnd()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(16);
        final OutputEncoder encoder = new OutputEncoder().wrap(buffer);
        encoder.bookChanged(1, 2, Side.ASK, 3, 4, 5);
        final OutputListener ignore = (OutputListener)Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {OutputListener.class}, (proxy, method, args) -> null);
        assertThatThrownBy(() -> new OutputDecoder().decode(buffer, 0, encoder.length() - 1, ignore))
            .isInstanceOf(JournalCorruptException.class).hasMessageContaining("runs past the end");
    }

    private static InputCommand input(final Consumer<InputCommand> fill)
    {
        final InputCommand input = new InputCommand();
        fill.accept(input);
        return input.engineCommand();
    }
}
