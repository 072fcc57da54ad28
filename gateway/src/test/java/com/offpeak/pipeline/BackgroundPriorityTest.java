package com.offpeak.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The calling thread, and only it, gets nice 19: read back from the kernel's own view of each thread. */
class BackgroundPriorityTest
{
    @Test
    void lowersTheCallingThreadOnly() throws Exception
    {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only: nice values are per thread there");
        final int before = niceOfThisThread();
        assumeTrue(before < BackgroundPriority.LOWEST, "a JVM already at the lowest priority shows no change");
        final AtomicReference<Object> result = new AtomicReference<>();
        final Thread background = new Thread(() ->
        {
            try
            {
                final boolean lowered = BackgroundPriority.lowerCurrentThread();
                result.set(lowered ? niceOfThisThread() : "not lowered");
            }
            catch (final Exception e)
            {
                result.set(e);
            }
        });
        background.start();
        background.join();
        assertThat(result.get()).isEqualTo(BackgroundPriority.LOWEST);
        assertThat(niceOfThisThread()).isEqualTo(before);
    }

    /** Field 19 of {@code /proc/thread-self/stat}; the fields after the command name's closing parenthesis start at field 3. */
    private static int niceOfThisThread() throws Exception
    {
        final String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]);
    }
}
