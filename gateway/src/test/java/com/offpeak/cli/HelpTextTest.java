package com.offpeak.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Every line of {@code --help} is a format string to picocli once its {@code ${...}} variables are
 * rendered: a bare percent sign makes it print a warning and the line unformatted, so a user
 * reading {@code ./offpeak loadgen --help} got three warnings before the options. The annotations'
 * own text is checked, as picocli reads it.
 */
class HelpTextTest
{
    @Test
    void everyDescriptionOfEveryCommandIsAValidFormatString()
    {
        final List<String> lines = new ArrayList<>();
        collect(new CommandLine(new Offpeak()), lines);
        assertThat(lines).hasSizeGreaterThan(50);
        for (final String line : lines)
        {
            assertThatCode(() -> String.format(line.replaceAll("\\$\\{[^}]*}", "x"))).as(line).doesNotThrowAnyException();
        }
    }

    private static void collect(final CommandLine command, final List<String> lines)
    {
        collect(command.getCommandSpec().userObject().getClass(), lines);
        command.getSubcommands().values().forEach(sub -> collect(sub, lines));
    }

    private static void collect(final Class<?> commandType, final List<String> lines)
    {
        for (Class<?> type = commandType; type != null; type = type.getSuperclass())
        {
            final Command about = type.getAnnotation(Command.class);
            if (about != null)
            {
                lines.addAll(List.of(about.description()));
            }
            for (final Field field : type.getDeclaredFields())
            {
                final Option option = field.getAnnotation(Option.class);
                final Parameters parameters = field.getAnnotation(Parameters.class);
                lines.addAll(List.of(option != null ? option.description() : parameters != null ? parameters.description() : new String[0]));
                if (field.isAnnotationPresent(Mixin.class))
                {
                    collect(field.getType(), lines);
                }
            }
        }
    }
}
