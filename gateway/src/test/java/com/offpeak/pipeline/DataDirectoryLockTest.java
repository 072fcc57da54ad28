package com.offpeak.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.offpeak.journal.DataDirectoryInUseException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer per data directory: a second pipeline on it, in this process or another, is refused
 * before it recovers or writes anything, and the directory is free again once its holder closes
 * or is killed with SIGKILL.
 */
class DataDirectoryLockTest
{
    /** The child journals this many inputs before the test tries the directory, so the restart has something to recover. */
    private static final int ACKS_BEFORE_TRYING = 100;

    @TempDir
    Path data;

    @Test
    void aSecondPipelineOnTheDirectoryIsRefusedUntilTheFirstCloses() throws Exception
    {
        final long sequence;
        try (Pipeline first = Pipeline.start(config(), Load.EXCHANGE))
        {
            sequence = Load.run(first, 2, 200, 3);
            assertThatThrownBy(() -> Pipeline.start(config(), Load.EXCHANGE))
                .isInstanceOf(DataDirectoryInUseException.class)
                .hasMessageContaining("data directory " + data + " is in use by another Offpeak process (pid " +
                    ProcessHandle.current().pid() + ")");
            assertThat(Load.run(first, 1, 20, 4)).as("the first pipeline is untouched by the refusal").isEqualTo(sequence + 20);
        }
        try (Pipeline next = Pipeline.start(config(), Load.EXCHANGE))
        {
            assertThat(next.recovered().lastSequence()).isEqualTo(sequence + 20);
        }
        assertThat(JournalVerifier.verify(data, Load.EXCHANGE, 100, s -> { })).isNull();
    }

    @Test
    void anotherProcessHoldsTheDirectoryUntilItIsKilled() throws Exception
    {
        final Process child = new ProcessBuilder(childCommand()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try
        {
            final CompletableFuture<String> acknowledging = new CompletableFuture<>();
            final Thread reader = new Thread(() -> readUntilAcknowledging(child.getInputStream(), acknowledging), "child-stdout");
            reader.setDaemon(true);
            reader.start();
            assertThat(acknowledging.get(60, TimeUnit.SECONDS)).startsWith("A ");

            assertThatThrownBy(() -> Pipeline.start(config(), Load.EXCHANGE))
                .isInstanceOf(DataDirectoryInUseException.class)
                .hasMessageContaining("in use by another Offpeak process (pid " + child.pid() + ")");
        }
        finally
        {
            child.destroyForcibly(); // SIGKILL: the child's lock goes with it, nothing is cleaned up
            child.waitFor();
        }
        try (Pipeline restarted = Pipeline.start(config(), Load.EXCHANGE))
        {
            assertThat(restarted.recovered().lastSequence()).as("what the killed child journaled").isPositive();
        }
        assertThat(JournalVerifier.verify(data, Load.EXCHANGE, 5_000, s -> { })).isNull();
    }

    /** The real exchange pipeline under load in a child JVM, as the crash test runs it. */
    private List<String> childCommand() throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        try (InputStream flags = DataDirectoryLockTest.class.getResourceAsStream("/offpeak-jvm.flags"))
        {
            command.addAll(Arrays.asList(new String(flags.readAllBytes(), StandardCharsets.UTF_8).trim().split("\\s+")));
        }
        command.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"), "com.offpeak.cli.Offpeak", "run-pipeline",
            "--data", data.toString(), "--producers", "1"));
        return command;
    }

    /**
     * Completes {@code acknowledging} with the child's {@value #ACKS_BEFORE_TRYING}th acknowledgement
     * line, then drains its output so that it never blocks on a full pipe.
     */
    private static void readUntilAcknowledging(final InputStream out, final CompletableFuture<String> acknowledging)
    {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8)))
        {
            int acks = 0;
            String line;
            while ((line = lines.readLine()) != null)
            {
                if (line.startsWith("A ") && ++acks == ACKS_BEFORE_TRYING)
                {
                    acknowledging.complete(line);
                }
            }
        }
        catch (final IOException e)
        {
            acknowledging.completeExceptionally(e);
        }
        acknowledging.completeExceptionally(new IllegalStateException("the child exited before it acknowledged anything"));
    }

    private PipelineConfig config()
    {
        return PipelineConfig.defaults(data).withTickEveryMillis(0);
    }
}
