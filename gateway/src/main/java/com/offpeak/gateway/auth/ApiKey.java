package com.offpeak.gateway.auth;

/**
 * A stored API key: never the secret itself, only a random salt and SHA-256(salt || secret).
 * {@code keyId} is the public half printed in the key, used to find the record without a scan.
 */
public record ApiKey(String keyId, long account, Role role, byte[] salt, byte[] secretHash, long createdAtMillis)
{
}
