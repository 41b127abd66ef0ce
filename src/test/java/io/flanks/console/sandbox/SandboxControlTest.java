package io.flanks.console.sandbox;

import static io.flanks.console.sandbox.CredentialsApiTest.assertNotAllowed;
import static io.flanks.console.sandbox.ErrorResponsesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The /sandbox endpoints, pending extractions on the clock, and fault injection. */
class SandboxControlTest {

    private static final Instant START = Instant.parse("2025-03-10T09:30:00Z");

    private final MutableClock clock = new MutableClock(START);
    private SandboxServer server;
    private SandboxClient client;
    private String token;

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(SandboxConfig.defaults().withClock(clock));
        client = new SandboxClient(server);
        token = client.token();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void completingAResetUnblocksTheCredential() {
        String blocked = find(status -> status.get("blocked").asBoolean());
        JsonNode before = client.status(token, blocked).json();
        assertThat(before.get("reset_token").isNull()).isFalse();
        assertThat(before.get("errored").get("product").get("auth").asBoolean()).isTrue();
        clock.advance(Duration.ofMinutes(5));

        SandboxClient.Response response = client.post("/sandbox/complete",
                SandboxClient.json("credentials_token", blocked, "flow", "reset"), null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"message\":\"Completed\"}");
        JsonNode after = client.status(token, blocked).json();
        assertThat(after.get("blocked").asBoolean()).isFalse();
        assertThat(after.get("reset_token").isNull()).isTrue();
        assertThat(after.get("errored").get("product").get("auth").asBoolean()).isFalse();
        assertThat(after.get("last_update_timestamp").asLong()).isEqualTo(START.plusSeconds(300).getEpochSecond());
        assertThat(after.get("last_update").asText()).isEqualTo("2025-03-10");
        assertThat(after.get("time").asText()).isEqualTo("09:35");
    }

    @Test
    void completingOneFlowLeavesTheOthersOpen() {
        String credential = find(status -> status.get("sca_token").isNull() && !status.get("pending").asBoolean());
        client.send("PUT", "/v0/bank/credentials/status", SandboxClient.json("force", "sca", "credentials_token", credential), token);
        client.send("PUT", "/v0/bank/credentials/status", SandboxClient.json("force", "transaction", "credentials_token", credential), token);

        client.post("/sandbox/complete", SandboxClient.json("credentials_token", credential, "flow", "sca"), null);

        JsonNode status = client.status(token, credential).json();
        assertThat(status.get("sca_token").isNull()).isTrue();
        assertThat(status.get("transaction_token").isNull()).isFalse();

        client.post("/sandbox/complete", SandboxClient.json("credentials_token", credential), null);
        assertThat(client.status(token, credential).json().get("transaction_token").isNull()).isTrue();
    }

    @Test
    void completeRefusesUnknownTokensAndFlows() {
        assertNotAllowed(client.post("/sandbox/complete", SandboxClient.json("credentials_token", "feedbeef"), null));
        String credential = find(status -> true);
        assertError(client.post("/sandbox/complete", SandboxClient.json("credentials_token", credential, "flow", "login"), null),
                400, "flow must be one of sca, reset, transaction, all");
        assertError(client.post("/sandbox/complete", "{}", null), 400, "credentials_token is required");
    }

    @Test
    void pendingExtractionFinishesByItselfOnTheClock() {
        String pending = find(status -> status.get("pending").asBoolean());
        JsonNode before = client.status(token, pending).json();
        assertThat(before.get("last_update").isNull()).isTrue();
        assertThat(before.get("time").isNull()).isTrue();
        assertThat(before.get("last_update_timestamp").isNull()).isTrue();
        assertThat(before.get("last_transaction_date").isNull()).isTrue();
        assertThat(before.get("created").get("product").get("auth").asBoolean()).isFalse();

        clock.advance(Duration.ofSeconds(2));
        assertThat(client.status(token, pending).json().get("pending").asBoolean()).isTrue();

        clock.advance(Duration.ofSeconds(19));
        JsonNode after = client.status(token, pending).json();
        assertThat(after.get("pending").asBoolean()).isFalse();
        assertThat(after.get("created").get("product").get("auth").asBoolean()).isTrue();
        assertThat(after.get("created").get("product").get("account").asBoolean()).isTrue();
        assertThat(after.get("last_update").asText()).isEqualTo("2025-03-10");
        assertThat(after.get("last_update_timestamp").asLong())
                .isBetween(START.getEpochSecond() + 3, START.getEpochSecond() + 20);
        assertThat(after.get("last_transaction_date").asText()).isEqualTo("2025-03-10");
        // and every pending one is done, as the list shows
        assertThat(client.allItems(token)).noneMatch(item -> item.get("status").get("pending").asBoolean());
    }

    @Test
    void errorRateOneFailsEveryApiCallButNotTheSandboxControls() {
        String credential = find(status -> true);
        server.setErrorRate(1.0);

        assertError(client.tokenResponse("sandbox-client", "sandbox-secret", "client_credentials"), 500, "Internal Error");
        assertError(client.page(token, 1), 500, "Internal Error");
        assertThat(client.post("/sandbox/complete", SandboxClient.json("credentials_token", credential), null).status())
                .isEqualTo(200);

        SandboxClient.Response faults = client.post("/sandbox/faults", "{\"error_rate\": 0.0}", null);

        assertThat(faults.status()).isEqualTo(200);
        assertThat(faults.json().get("error_rate").asDouble()).isZero();
        assertThat(faults.json().get("latency_ms").asInt()).isZero();
        assertThat(client.page(token, 1).status()).isEqualTo(200);
    }

    @Test
    void faultsEndpointReportsAndValidates() {
        SandboxClient.Response set = client.post("/sandbox/faults", "{\"latency_ms\": 5, \"error_rate\": 0.25}", null);
        assertThat(set.body()).isEqualTo("{\"latency_ms\":5,\"error_rate\":0.25}");

        assertError(client.post("/sandbox/faults", "{\"error_rate\": 2}", null), 400, "error_rate must be a number from 0.0 to 1.0");
        assertError(client.post("/sandbox/faults", "{\"latency_ms\": -1, \"error_rate\": 0}", null),
                400, "latency_ms must be an integer from 0 to 600000");
        // a refused request changed nothing
        assertThat(client.post("/sandbox/faults", "", null).body()).isEqualTo("{\"latency_ms\":5,\"error_rate\":0.25}");
    }

    private String find(Predicate<JsonNode> status) {
        List<JsonNode> items = client.allItems(token);
        return items.stream()
                .filter(item -> status.test(item.get("status")))
                .map(item -> item.get("credentials_token").asText())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no credential matches"));
    }
}
