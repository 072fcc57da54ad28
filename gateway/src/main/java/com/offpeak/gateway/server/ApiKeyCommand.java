package com.offpeak.gateway.server;

import com.offpeak.gateway.auth.ApiKeyStore;
import com.offpeak.gateway.auth.Role;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./offpeak apikey create --account N}: the admin's way to hand out API keys. */
@Command(name = "apikey", mixinStandardHelpOptions = true, description = "Manage API keys.",
    subcommands = ApiKeyCommand.Create.class)
public final class ApiKeyCommand
{
    @Command(name = "create", mixinStandardHelpOptions = true, defaultValueProvider = EnvironmentDefaults.class,
        description = {"Create an API key for an account and print it once; only a salted SHA-256 of it is stored",
            "(in DATA/" + ApiKeyStore.FILE_NAME + "). A running server accepts it at once."})
    static final class Create implements Callable<Integer>
    {
        @Option(names = "--data", defaultValue = "./data", description = "data directory (default: ${DEFAULT-VALUE})")
        Path data;

        @Option(names = "--account", required = true, description = "the account the key trades for")
        long account;

        @Option(names = "--admin", description = "may also deposit and withdraw for any account (REST /api/admin)")
        boolean admin;

        @Override
        public Integer call()
        {
            if (account <= 0)
            {
                System.err.println("--account must be positive");
                return 2;
            }
            final String key = ApiKeyStore.open(data).create(account, admin ? Role.ADMIN : Role.TRADER, System.currentTimeMillis());
            System.out.println(key);
            return 0;
        }
    }
}
