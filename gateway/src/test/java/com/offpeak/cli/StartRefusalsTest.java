package com.offpeak.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.offpeak.gateway.server.GatewayConfig;
import com.offpeak.gateway.server.GatewayServer;
import com.offpeak.journal.DataDirectoryLock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the user must fix before the exchange can start — a data directory another process writes,
 * a port another server listens on — is said in one line, with exit code 1 and no stack trace, and
 * leaves nothing running.
 */
class StartRefusalsTest
{
    @TempDir
    Path data;
    @TempDir
    Path otherData;
    private final StringWriter err = new StringWriter();

    @Test
    void aDataDirectoryInUse()
    {
        try (DataDirectoryLock held = DataDirectoryLock.acquire(data))
        {
            assertThat(run("run-pipeline", "--data", data.toString(), "--inputs", "1")).isEqualTo(1);
            assertThat(err.toString()).isEqualTo("offpeak run-pipeline: data directory " + data + " is in use by another Offpeak process" +
                " (pid " + ProcessHandle.current().pid() + "): stop it first, or give this one another --data directory" +
                System.lineSeparator());
        }
    }

    @Test
    void aPortInUse() throws Exception
    {
        try (GatewayServer listening = GatewayServer.start(GatewayConfig.defaults(otherData).withPort(0)))
        {
            final String port = Integer.toString(listening.port());
            // Preemptive: were the port free after all, serve would run until the JVM stops.
            final int exitCode = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("serve", "--data", data.toString(), "--port", port));
            assertThat(exitCode).isEqualTo(1);
            assertThat(err.toString()).startsWith("offpeak serve: cannot listen on 127.0.0.1:" + port + ": ")
                .endsWith("(another server there? --port chooses another)" + System.lineSeparator())
                .doesNotContain("\tat ");
        }
        // Nothing of the failed start runs on: its pipeline stopped and let go of the data directory.
        DataDirectoryLock.acquire(data).close();
    }

    private int run(final String... args)
    {
        return Offpeak.commandLine().setErr(new PrintWriter(err, true)).execute(args);
    }
}
