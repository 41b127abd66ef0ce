package io.flanks.console.sandbox;

import java.time.Clock;
import java.util.Objects;

/**
 * Settings of one sandbox server. Validated here so a server never starts half-configured.
 *
 * @param port            TCP port on 127.0.0.1; 0 picks a free one
 * @param credentials     how many credentials to generate (0 to 1,000,000)
 * @param seed            same credentials + seed give the same tokens, banks and flags
 * @param latencyMs       delay added to every API request (not /sandbox/*)
 * @param errorRate       fraction of API requests answered 500, from 0.0 to 1.0
 * @param pageSize        items per page of the list endpoint
 * @param tokenTtlSeconds lifetime of an access token, measured on {@code clock}
 * @param clock           source of "now" for tokens, timestamps and pending extractions
 */
public record SandboxConfig(int port, String clientId, String clientSecret, int credentials, long seed,
                            int latencyMs, double errorRate, int pageSize, long tokenTtlSeconds, Clock clock) {

    static final int MAX_CREDENTIALS = 1_000_000;

    public SandboxConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("client id must not be blank");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("client secret must not be blank");
        }
        if (credentials < 0 || credentials > MAX_CREDENTIALS) {
            throw new IllegalArgumentException("credentials must be between 0 and " + MAX_CREDENTIALS + ", got " + credentials);
        }
        Faults.checkLatency(latencyMs);
        Faults.checkErrorRate(errorRate);
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, got " + pageSize);
        }
        if (tokenTtlSeconds < 1) {
            throw new IllegalArgumentException("token TTL must be at least 1 second, got " + tokenTtlSeconds);
        }
        Objects.requireNonNull(clock, "clock");
    }

    public static SandboxConfig defaults() {
        return new SandboxConfig(0, "sandbox-client", "sandbox-secret", 300, 42L, 0, 0.0, 100, 3600L, Clock.systemUTC());
    }

    public SandboxConfig withPort(int port) {
        return new SandboxConfig(port, clientId, clientSecret, credentials, seed, latencyMs, errorRate, pageSize, tokenTtlSeconds, clock);
    }

    public SandboxConfig withClientId(String clientId) {
        return new SandboxConfig(port, clientId, clientSecret, credentials, seed, latencyMs, errorRate, pageSize, tokenTtlSeconds, clock);
    }

    public SandboxConfig withClientSecret(String clientSecret) {
        return new SandboxConfig(port, clientId, clientSecret, credentials, seed, latencyMs, errorRate, pageSize, tokenTtlSeconds, clock);
    }

    public SandboxConfig withCredentials(int credentials) {
        return new SandboxConfig(port, clientId, clientSecret, credentials, seed, latencyMs, errorRate, pageSize, tokenTtlSeconds, clock);
    }

    public SandboxConfig withSeed(long seed) {
        return new SandboxConfig(port, clientId, clientSecret, credentials, seed, latencyMs, errorRate, pageSize, tokenTtlSeconds, clock);
    }

    public SandboxConfig withLatencyMs(int latencyMs) {
        return new SandboxConfig(port, clientId, clientSecret, credentials, seed, latencyMs, errorRate, pageSize, tokenTtlSeconds, clock);
    }

    public SandboxConfig withErrorRate(double errorRate) {
        return new SandboxConfig(port, clientId, clientSecret, credentials, seed, latencyMs, errorRate, pageSize, tokenTtlSeconds, clock);
    }

    public SandboxConfig withPageSize(int pageSize) {
        return new SandboxConfig(port, clientId, clientSecret, credentials, seed, latencyMs, errorRate, pageSize, tokenTtlSeconds, clock);
    }

    public SandboxConfig withTokenTtlSeconds(long tokenTtlSeconds) {
        return new SandboxConfig(port, clientId, clientSecret, credentials, seed, latencyMs, errorRate, pageSize, tokenTtlSeconds, clock);
    }

    public SandboxConfig withClock(Clock clock) {
        return new SandboxConfig(port, clientId, clientSecret, credentials, seed, latencyMs, errorRate, pageSize, tokenTtlSeconds, clock);
    }
}
