package com.offpeak.gateway.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlowAnswerTimelineTest
{
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long START = 5_000 * MS;

    @TempDir
    Path dir;

    @Test
    void binsAnswersBySendTimeAndCountsOnlyThoseOverAMillisecondAsSlow() throws Exception
    {
        final SlowAnswerTimeline timeline = new SlowAnswerTimeline(1);
        timeline.start(START, 1_700_000_000_000L);
        timeline.record(START, MS / 2);
        timeline.record(START + 99 * MS, MS); // exactly 1 ms is not over it
        timeline.record(START + 100 * MS, MS + 1);
        timeline.record(START + 150 * MS, 7 * MS);
        timeline.record(START + 950 * MS, 2 * MS);
        timeline.record(START - 1, 40 * MS); // before the start: not this phase's
        timeline.record(START + 1_100 * MS, 40 * MS); // past the last bin: the drain after the run

        final Path csv = dir.resolve("t.csv");
        timeline.write(csv);
        assertThat(Files.readAllLines(csv)).containsExactly(
            "epoch_ms,answers,over_1ms,longest_us",
            "1700000000000,2,0,1000",
            "1700000000100,2,2,7000",
            "1700000000200,0,0,0", "1700000000300,0,0,0", "1700000000400,0,0,0", "1700000000500,0,0,0",
            "1700000000600,0,0,0", "1700000000700,0,0,0", "1700000000800,0,0,0",
            "1700000000900,1,1,2000",
            "1700000001000,0,0,0");
        assertThat(timeline.summary()).isEqualTo("answers over 1 ms: 3 of 5 (60.00%); 2 of them in the worst tenth of the 11 100-ms bins; "
            + "2 bins with over a tenth of their answers slow");
    }
}
