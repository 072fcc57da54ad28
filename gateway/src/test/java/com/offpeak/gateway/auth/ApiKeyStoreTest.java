package com.offpeak.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyStoreTest
{
    @TempDir
    Path dataDir;

    @Test
    void keysAreStoredHashedAndSurviveAReopen() throws Exception
    {
        final ApiKeyStore store = ApiKeyStore.open(dataDir);
        final String key = store.create(42, Role.TRADER, 1_000);
        final String secret = key.substring(key.lastIndexOf('_') + 1);

        assertThat(Files.readString(dataDir.resolve(ApiKeyStore.FILE_NAME))).doesNotContain(secret).contains(",42,TRADER,");
        final ApiKey reopened = ApiKeyStore.open(dataDir).authenticate(key);
        assertThat(reopened).isNotNull();
        assertThat(reopened.account()).isEqualTo(42);
        assertThat(reopened.role()).isEqualTo(Role.TRADER);
    }

    @Test
    void wrongSecretsAndGarbageAreRefused()
    {
        final ApiKeyStore store = ApiKeyStore.open(dataDir);
        final String key = store.create(7, Role.ADMIN, 0);
        final char last = key.charAt(key.length() - 1);
        assertThat(store.authenticate(key.substring(0, key.length() - 1) + (last == '0' ? '1' : '0'))).isNull();
        assertThat(store.authenticate(key + "0")).isNull();
        assertThat(store.authenticate("op_")).isNull();
        assertThat(store.authenticate("op_unknown_secret")).isNull();
        assertThat(store.authenticate("")).isNull();
        assertThat(store.authenticate(null)).isNull();
        assertThat(store.authenticate(key)).isNotNull();
    }

    @Test
    void tokenBucketRefillsAtItsRate()
    {
        final TokenBucket bucket = new TokenBucket(10, 2, 0);
        assertThat(bucket.tryAcquire(0)).isTrue();
        assertThat(bucket.tryAcquire(0)).isTrue();
        assertThat(bucket.tryAcquire(0)).isFalse();
        assertThat(bucket.tryAcquire(50_000_000)).isFalse(); // half a token after 50 ms at 10/s
        assertThat(bucket.tryAcquire(100_000_000)).isTrue();
        assertThat(bucket.tryAcquire(10_000_000_000L)).isTrue(); // long idle: capped at the burst
        assertThat(bucket.tryAcquire(10_000_000_000L)).isTrue();
        assertThat(bucket.tryAcquire(10_000_000_000L)).isFalse();
    }
}
