package io.flanks.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class AuthenticationTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-10T09:30:00Z"));
    private SandboxServer server;
    private SandboxClient client;

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(SandboxConfig.defaults().withCredentials(20).withTokenTtlSeconds(600).withClock(clock));
        client = new SandboxClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void issuesABearerTokenForTheRightClient() {
        SandboxClient.Response response = client.tokenResponse("sandbox-client", "sandbox-secret", "client_credentials");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = response.json();
        assertThat(body.get("access_token").asText()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(body.get("expires_in").asLong()).isEqualTo(600);
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("scope").asText()).isEqualTo("credentials");
    }

    @Test
    void refusesAWrongSecretGrantTypeOrClientId() {
        assertAccessDenied(client.tokenResponse("sandbox-client", "wrong", "client_credentials"));
        assertAccessDenied(client.tokenResponse("sandbox-client", "sandbox-secret", "password"));
        assertAccessDenied(client.tokenResponse("someone-else", "sandbox-secret", "client_credentials"));
        assertAccessDenied(client.post("/v0/token", "{}", null));
    }

    @Test
    void acceptsTheConfiguredClient() throws Exception {
        try (SandboxServer custom = SandboxServer.start(SandboxConfig.defaults().withCredentials(1)
                .withClientId("acme").withClientSecret("s3cret"))) {
            SandboxClient other = new SandboxClient(custom);
            assertThat(other.tokenResponse("acme", "s3cret", "client_credentials").status()).isEqualTo(200);
            assertAccessDenied(other.tokenResponse("sandbox-client", "sandbox-secret", "client_credentials"));
        }
    }

    @Test
    void requiresABearerTokenOnEveryOtherCall() {
        assertUnauthorized(client.page(null, 1));
        assertUnauthorized(client.send("GET", "/v0/bank/available", null, null));
        assertUnauthorized(client.page("not-a-token", 1));
        assertUnauthorized(client.send("POST", "/v0/bank/credentials/list", "{}", "")); // "Bearer " with nothing
    }

    @Test
    void severalTokensAreValidAtOnce() {
        String first = client.token();
        String second = client.token();

        assertThat(first).isNotEqualTo(second);
        assertThat(client.page(first, 1).status()).isEqualTo(200);
        assertThat(client.page(second, 1).status()).isEqualTo(200);
    }

    @Test
    void tokenExpiresAfterItsTtlOnTheConfiguredClock() {
        String token = client.token();

        clock.advance(Duration.ofSeconds(599));
        assertThat(client.page(token, 1).status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));
        assertUnauthorized(client.page(token, 1));
        assertThat(client.page(client.token(), 1).status()).isEqualTo(200);
    }

    @Test
    void revokedTokensAreRefusedAndNewOnesWork() {
        String token = client.token();

        server.revokeAllTokens();

        assertUnauthorized(client.page(token, 1));
        assertThat(client.page(client.token(), 1).status()).isEqualTo(200);
    }

    @Test
    void countsRequestsPerRoute() {
        client.token();
        client.token();
        client.page(null, 1);

        assertThat(server.requestCount("POST", "/v0/token")).isEqualTo(2);
        assertThat(server.requestCount("POST", "/v0/bank/credentials/list")).isEqualTo(1);
        assertThat(server.requestCount("GET", "/v0/bank/available")).isZero();
    }

    private static void assertAccessDenied(SandboxClient.Response response) {
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"error\":\"access_denied\"}");
    }

    private static void assertUnauthorized(SandboxClient.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"Unauthorized\"}");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }
}
