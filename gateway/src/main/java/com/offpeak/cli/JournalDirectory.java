package com.offpeak.cli;

import com.offpeak.journal.Journals;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The offline tools' {@code --data DIR}: a directory that already holds a journal, checked before
 * anything opens it. Opening a queue creates it, so a mistyped path used to replay an empty journal
 * it had just made, and {@code verify} called it OK.
 */
final class JournalDirectory
{
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private Path data;

    @Option(names = "--data", required = true, description = "data directory (journals and snapshots)")
    void data(final Path directory)
    {
        if (!Files.isDirectory(directory.resolve(Journals.INPUT)))
        {
            throw new ParameterException(command.commandLine(),
                "--data " + directory + " holds no Offpeak journal (no " + Journals.INPUT + "/ in it): is the path right?");
        }
        data = directory;
    }

    Path path()
    {
        return data;
    }
}
