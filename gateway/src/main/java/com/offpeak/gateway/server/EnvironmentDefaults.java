package com.offpeak.gateway.server;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from the environment, then a config file, then the option's own default:
 * {@code --bind-address} reads {@code OFFPEAK_BIND_ADDRESS}, then key {@code bind-address} of the
 * properties file named by {@code OFFPEAK_CONFIG} (default {@code ./offpeak.properties} if it
 * exists). A flag on the command line always wins.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider
{
    public static final String CONFIG_VARIABLE = "OFFPEAK_CONFIG";
    private static final String DEFAULT_CONFIG_FILE = "offpeak.properties";

    private final Properties file = load();

    @Override
    public String defaultValue(final ArgSpec argument)
    {
        if (!(argument instanceof OptionSpec option))
        {
            return null;
        }
        final String key = option.longestName().replaceFirst("^-+", "");
        final String fromEnvironment = System.getenv("OFFPEAK_" + key.toUpperCase(Locale.ROOT).replace('-', '_'));
        if (fromEnvironment != null)
        {
            return fromEnvironment;
        }
        final String fromFile = file.getProperty(key);
        return fromFile; // null: the option's own default
    }

    private static Properties load()
    {
        final String named = System.getenv(CONFIG_VARIABLE);
        final Path path = Path.of(named != null ? named : DEFAULT_CONFIG_FILE);
        final Properties properties = new Properties();
        if (named == null && !Files.exists(path))
        {
            return properties;
        }
        try (Reader reader = Files.newBufferedReader(path))
        {
            properties.load(reader);
            return properties;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read the config file " + path + " (" + CONFIG_VARIABLE + ")", e);
        }
    }
}
