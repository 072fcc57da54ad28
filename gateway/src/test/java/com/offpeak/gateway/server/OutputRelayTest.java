package com.offpeak.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class OutputRelayTest
{
    @Test
    void passesOutputsInOrderAndFlagsWhatItHadToDrop()
    {
        final AtomicInteger wakes = new AtomicInteger();
        final OutputRelay relay = new OutputRelay(1024, wakes::incrementAndGet);
        final UnsafeBuffer output = new UnsafeBuffer(new byte[512]);

        relay.onOutput(1, 100, output, 16);
        relay.onOutput(2, 101, output, 16);
        relay.onOutput(3, 102, output, 200); // more than a 1 KiB ring's largest message: dropped, not waited for
        relay.onOutput(4, 103, output, 16);
        assertThat(wakes.get()).as("one wake until the reader drains").isEqualTo(1);

        final List<Long> sequences = new ArrayList<>();
        final List<Integer> lengths = new ArrayList<>();
        relay.drain((type, buffer, index, length) ->
        {
            sequences.add(buffer.getLong(index));
            lengths.add(length - OutputRelay.HEADER);
        });
        assertThat(sequences).containsExactly(1L, 2L, 4L);
        assertThat(lengths).containsExactly(16, 16, 16);
        assertThat(relay.droppedOutputs()).isEqualTo(1);
        assertThat(relay.takeLoss()).isTrue();
        assertThat(relay.takeLoss()).as("reported once").isFalse();

        relay.onOutput(5, 104, output, 16);
        assertThat(wakes.get()).as("a drain re-arms the wake").isEqualTo(2);
    }
}
