package io.flanks.console.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Issued access tokens and when they expire. Several may be valid at once. */
final class TokenStore {

    private static final Logger LOG = LoggerFactory.getLogger(TokenStore.class);

    /** Past this many tokens, issuing one sweeps out the expired ones. */
    private static final int SWEEP_AT = 1_000;

    private final Clock clock;
    private final long ttlSeconds;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Long> expiresAtMillis = new ConcurrentHashMap<>();

    TokenStore(Clock clock, long ttlSeconds) {
        this.clock = clock;
        this.ttlSeconds = ttlSeconds;
    }

    long ttlSeconds() {
        return ttlSeconds;
    }

    String issue() {
        long now = clock.millis();
        if (expiresAtMillis.size() >= SWEEP_AT) {
            expiresAtMillis.values().removeIf(expiry -> expiry <= now);
        }
        byte[] bytes = new byte[30];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiresAtMillis.put(token, now + ttlSeconds * 1_000L);
        return token;
    }

    boolean isValid(String token) {
        Long expiry = token == null ? null : expiresAtMillis.get(token);
        return expiry != null && clock.millis() < expiry;
    }

    /** Tokens issued and not swept yet: tests grep the console's files for them. */
    java.util.Set<String> issued() {
        return java.util.Set.copyOf(expiresAtMillis.keySet());
    }

    void revokeAll() {
        int count = expiresAtMillis.size();
        expiresAtMillis.clear();
        LOG.info("Revoked {} access tokens", count);
    }
}
