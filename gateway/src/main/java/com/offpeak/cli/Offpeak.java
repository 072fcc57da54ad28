package com.offpeak.cli;

import com.offpeak.gateway.loadgen.LoadgenCommand;
import com.offpeak.gateway.server.ApiKeyCommand;
import com.offpeak.gateway.server.DemoCommand;
import com.offpeak.gateway.server.ServeCommand;
import com.offpeak.journal.DataDirectoryInUseException;
import com.offpeak.study.SimulateCommand;
import java.net.BindException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./offpeak} — one entry point, one subcommand per job. To add one, write a
 * {@code Callable<Integer>} annotated with {@code @Command(name = ...)} and list it below.
 */
@Command(
    name = "offpeak",
    mixinStandardHelpOptions = true,
    description = "Offpeak, a spot exchange for idle GPU time.",
    subcommands = {ReplayCommand.class, VerifyCommand.class, RunPipelineCommand.class, ServeCommand.class, DemoCommand.class,
        ApiKeyCommand.class, LoadgenCommand.class, SimulateCommand.class, CommandLine.HelpCommand.class})
public final class Offpeak
{
    public static void main(final String[] args)
    {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line as {@link #main} runs it. A data directory another process writes and a port
     * another server listens on are the user's to fix, not the program's failures: one line saying
     * so, exit code 1, no stack trace.
     */
    public static CommandLine commandLine()
    {
        return new CommandLine(new Offpeak()).setCaseInsensitiveEnumValuesAllowed(true)
            .setExecutionExceptionHandler((exception, commandLine, parsed) ->
            {
                if (exception instanceof DataDirectoryInUseException || exception instanceof BindException)
                {
                    commandLine.getErr().println("offpeak " + commandLine.getCommandName() + ": " + exception.getMessage());
                    return 1;
                }
                throw exception;
            });
    }
}
