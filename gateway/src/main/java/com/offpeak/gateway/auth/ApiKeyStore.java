package com.offpeak.gateway.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys of one data directory, in {@code apikeys.csv} there. A key reads
 * {@code op_<keyId>_<secret>}: the key id finds the record, the secret is checked against a
 * salted SHA-256 in constant time. The file holds no secret, so reading it grants nothing; the
 * secret is shown once, at creation. Lines: {@code keyId,account,role,saltHex,hashHex,createdAt}.
 */
public final class ApiKeyStore
{
    public static final String FILE_NAME = "apikeys.csv";
    private static final String PREFIX = "op_";
    private static final int KEY_ID_BYTES = 6;
    private static final int SECRET_BYTES = 24;
    private static final int SALT_BYTES = 16;
    private static final HexFormat HEX = HexFormat.of();

    private final Path file;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ApiKey> byId = new ConcurrentHashMap<>();
    private long loadedModified;

    private ApiKeyStore(final Path file)
    {
        this.file = file;
    }

    /** Opens (and reads) the key file of {@code dataDir}; a missing file is an empty store. */
    public static ApiKeyStore open(final Path dataDir)
    {
        final ApiKeyStore store = new ApiKeyStore(dataDir.resolve(FILE_NAME));
        store.reload();
        return store;
    }

    /** Re-reads the file, so keys created by {@code ./offpeak apikey create} while the server runs start working. */
    public synchronized void reload()
    {
        if (!Files.exists(file))
        {
            return;
        }
        try
        {
            loadedModified = Files.getLastModifiedTime(file).toMillis();
            final List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            for (int i = 0; i < lines.size(); i++)
            {
                final String line = lines.get(i).trim();
                if (line.isEmpty() || line.startsWith("#"))
                {
                    continue;
                }
                final ApiKey key = parse(line, i + 1);
                byId.put(key.keyId(), key);
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Re-reads the file when it changed since it was read; true if it did. */
    private synchronized boolean reloadIfChanged()
    {
        try
        {
            if (Files.exists(file) && Files.getLastModifiedTime(file).toMillis() != loadedModified)
            {
                reload();
                return true;
            }
            return false;
        }
        catch (final IOException e)
        {
            return false;
        }
    }

    /** Creates a key for {@code account}, appends its record, and returns the full key: the only time the secret exists. */
    public synchronized String create(final long account, final Role role, final long nowMillis)
    {
        if (account <= 0)
        {
            throw new IllegalArgumentException("account must be positive, got " + account);
        }
        final byte[] idBytes = new byte[KEY_ID_BYTES];
        final byte[] secret = new byte[SECRET_BYTES];
        final byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(idBytes);
        random.nextBytes(secret);
        random.nextBytes(salt);
        final String keyId = HEX.formatHex(idBytes);
        final String secretText = HEX.formatHex(secret);
        final ApiKey key = new ApiKey(keyId, account, role, salt, hash(salt, secretText), nowMillis);
        final String line = keyId + ',' + account + ',' + role + ',' + HEX.formatHex(salt) + ',' + HEX.formatHex(key.secretHash()) + ',' +
            nowMillis + '\n';
        try
        {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.SYNC);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        byId.put(keyId, key);
        return PREFIX + keyId + '_' + secretText;
    }

    /** The key's record when {@code presented} is a valid key, else {@code null} (never says which part was wrong). */
    public ApiKey authenticate(final String presented)
    {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 128)
        {
            return null;
        }
        final int split = presented.indexOf('_', PREFIX.length());
        if (split < 0)
        {
            return null;
        }
        final String keyId = presented.substring(PREFIX.length(), split);
        ApiKey key = byId.get(keyId);
        if (key == null && reloadIfChanged())
        {
            key = byId.get(keyId); // created by `./offpeak apikey create` while the server runs
        }
        if (key == null)
        {
            return null;
        }
        return MessageDigest.isEqual(key.secretHash(), hash(key.salt(), presented.substring(split + 1))) ? key : null;
    }

    private static ApiKey parse(final String line, final int lineNumber)
    {
        final String[] cells = line.split(",", -1);
        try
        {
            if (cells.length != 6)
            {
                throw new IllegalArgumentException("expected 6 columns");
            }
            return new ApiKey(cells[0], Long.parseLong(cells[1]), Role.valueOf(cells[2]), HEX.parseHex(cells[3]), HEX.parseHex(cells[4]),
                Long.parseLong(cells[5]));
        }
        catch (final IllegalArgumentException e)
        {
            throw new IllegalArgumentException(FILE_NAME + ":" + lineNumber + ": " + e.getMessage(), e);
        }
    }

    private static byte[] hash(final byte[] salt, final String secret)
    {
        try
        {
            final MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update(secret.getBytes(StandardCharsets.US_ASCII));
            return digest.digest();
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
