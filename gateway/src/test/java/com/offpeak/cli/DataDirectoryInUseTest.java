package com.offpeak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.offpeak.journal.DataDirectoryLock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command started on a data directory that another process writes says so in one line and exits 1. */
class DataDirectoryInUseTest
{
    @TempDir
    Path data;

    @Test
    void theRefusalIsOneLineWithoutAStackTrace()
    {
        try (DataDirectoryLock held = DataDirectoryLock.acquire(data))
        {
            final StringWriter err = new StringWriter();
            final int exitCode = Offpeak.commandLine().setErr(new PrintWriter(err, true))
                .execute("run-pipeline", "--data", data.toString(), "--inputs", "1");
            assertThat(exitCode).isEqualTo(1);
            assertThat(err.toString()).isEqualTo("offpeak run-pipeline: data directory " + data + " is in use by another Offpeak process" +
                " (pid " + ProcessHandle.current().pid() + "): stop it first, or give this one another --data directory" +
                System.lineSeparator());
        }
    }
}
