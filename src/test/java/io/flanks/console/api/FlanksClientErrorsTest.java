package io.flanks.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How every kind of failure maps to the closed set of ApiException, and what is retried. */
class FlanksClientErrorsTest extends ClientTestBase {

    // ---- 4xx ---------------------------------------------------------------------------------

    @Test
    void the400NotAllowedBodyIsNotFoundAndNotRetried() {
        script.on("POST", STATUS, json(400, NOT_ALLOWED_BODY));

        assertThatThrownBy(() -> client.status("gone"))
                .isInstanceOfSatisfying(ApiException.NotFound.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(requests("POST", STATUS)).hasSize(1);
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void anyOther400IsRejectedWithTheServersMessage() {
        script.on("POST", STATUS, json(400, "{\"error\": \"credentials_token is mandatory\"}"));

        assertThatThrownBy(() -> client.status(""))
                .isInstanceOfSatisfying(ApiException.Rejected.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("credentials_token is mandatory");
                });
        assertThat(requests("POST", STATUS)).hasSize(1);
    }

    @Test
    void a400WithANonJsonBodyIsRejectedNotNotFound() {
        script.on("POST", STATUS, json(400, "Bad Request"));

        assertThatThrownBy(() -> client.status("x")).isInstanceOf(ApiException.Rejected.class);
    }

    @Test
    void a403OnACallIsAccessDenied() {
        script.on("POST", STATUS, json(403, "{\"error\": \"forbidden\"}"));

        assertThatThrownBy(() -> client.status("x")).isInstanceOf(ApiException.AccessDenied.class);
        assertThat(requests("POST", STATUS)).hasSize(1);
    }

    // ---- 429 ---------------------------------------------------------------------------------

    @Test
    void a429WithRetryAfterIsRetriedAfterThatManySeconds() throws Exception {
        // the back-off caps Retry-After at its own cap, so give it a realistic cap (5 s, as standard)
        FlanksClient c = newClient(new Backoff(Duration.ofMillis(1), Duration.ofSeconds(5), sleeper));
        script.on("POST", STATUS, rateLimited("2"), ok(STATUS_BODY));

        assertThat(c.status("ct").name()).isEqualTo("testbank");

        assertThat(requests("POST", STATUS)).hasSize(2);
        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aHostileRetryAfterIsCappedByTheBackoff() throws Exception {
        FlanksClient c = newClient(new Backoff(Duration.ofMillis(1), Duration.ofSeconds(5), sleeper));
        script.on("POST", STATUS, rateLimited("86400"), ok(STATUS_BODY));

        c.status("ct");

        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void a429WithoutRetryAfterUsesTheOwnBackoff() throws Exception {
        script.on("POST", STATUS, json(429, "{\"error\": \"slow down\"}"), ok(STATUS_BODY));

        client.status("ct");

        assertThat(requests("POST", STATUS)).hasSize(2);
        assertThat(sleeper.sleeps).hasSize(1);
        assertThat(sleeper.sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(5));
    }

    @Test
    void a429ThreeTimesIsRateLimitedWithRetryAfterSeconds() {
        script.on("POST", STATUS, rateLimited("7"));

        assertThatThrownBy(() -> client.status("ct"))
                .isInstanceOfSatisfying(ApiException.RateLimited.class, e -> {
                    assertThat(e.retryAfterSeconds()).isEqualTo(7);
                    assertThat(e.httpStatus()).isEqualTo(429);
                });
        assertThat(requests("POST", STATUS)).hasSize(FlanksClient.MAX_TRIES);
        assertThat(sleeper.sleeps).hasSize(FlanksClient.MAX_TRIES - 1);
    }

    @Test
    void a429WithAnHttpDateRetryAfterFallsBackToTheOwnBackoff() {
        script.on("POST", STATUS, rateLimited("Wed, 21 Oct 2099 07:28:00 GMT"));

        assertThatThrownBy(() -> client.status("ct"))
                .isInstanceOfSatisfying(ApiException.RateLimited.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(-1));
        assertThat(requests("POST", STATUS)).hasSize(3);
    }

    private static MockResponse rateLimited(String retryAfter) {
        return new MockResponse.Builder().code(429).addHeader("Retry-After", retryAfter)
                .addHeader("Content-Type", "application/json").body("{\"error\": \"Too Many Requests\"}").build();
    }

    // ---- 5xx ---------------------------------------------------------------------------------

    static Stream<Arguments> serverErrors() {
        String proxyPage = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway"
                + "</h1></center><hr><center>nginx</center></body></html>";
        return Stream.of(
                Arguments.of(500, json(500, "{\"error\": \"Internal Error\"}"), "Internal Error"),
                Arguments.of(502, new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
                        .body(proxyPage).build(), "502 Bad Gateway"),
                Arguments.of(503, new MockResponse.Builder().code(503).build(), "(empty body)"),
                Arguments.of(504, new MockResponse.Builder().code(504).addHeader("Content-Type", "text/plain")
                        .body("upstream request timeout").build(), "upstream request timeout"));
    }

    @ParameterizedTest
    @MethodSource("serverErrors")
    void a5xxIsServerErrorAfterExactlyThreeTriesOnAStatusRead(int code, MockResponse response, String detail) {
        script.on("POST", STATUS, response);

        assertThatThrownBy(() -> client.status("ct"))
                .isInstanceOfSatisfying(ApiException.ServerError.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(code);
                    assertThat(e.details()).contains("HTTP " + code).contains(detail);
                    assertThat(e.retryable()).isTrue();
                });
        assertThat(requests("POST", STATUS)).hasSize(3);
        assertThat(sleeper.sleeps).hasSize(2);
    }

    @ParameterizedTest
    @MethodSource("serverErrors")
    void a5xxIsServerErrorAfterExactlyThreeTriesOnBanksAndList(int code, MockResponse response, String detail) {
        script.on("GET", BANKS, response);
        script.on("POST", LIST, response);

        assertThatThrownBy(() -> client.banks()).isInstanceOf(ApiException.ServerError.class);
        assertThatThrownBy(() -> client.listPage(1)).isInstanceOf(ApiException.ServerError.class);
        assertThat(requests("GET", BANKS)).hasSize(3);
        assertThat(requests("POST", LIST)).hasSize(3);
    }

    @Test
    void a5xxThenSuccessReturnsTheSuccess() throws Exception {
        script.on("POST", STATUS, new MockResponse.Builder().code(503).build(), ok(STATUS_BODY));

        assertThat(client.status("ct").name()).isEqualTo("testbank");
        assertThat(requests("POST", STATUS)).hasSize(2);
    }

    // ---- bodies that are not what they should be --------------------------------------------

    @Test
    void a200ThatIsNotJsonIsMalformedWithTheBodysStart() {
        script.on("POST", STATUS, new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<html><body>Scheduled maintenance</body></html>").build());

        assertThatThrownBy(() -> client.status("ct"))
                .isInstanceOfSatisfying(ApiException.Malformed.class, e -> {
                    assertThat(e.details()).contains("<html><body>Scheduled maintenance");
                    assertThat(e.httpStatus()).isEqualTo(200);
                });
        assertThat(requests("POST", STATUS)).as("a malformed answer is not retried").hasSize(1);
    }

    @Test
    void aLongNonJsonBodyIsCutInTheDetails() {
        String start = "<!DOCTYPE html><html><body>";
        String body = start + "x".repeat(20_000) + "</body></html>";
        script.on("POST", STATUS, new MockResponse.Builder().code(200).body(body).build());

        assertThatThrownBy(() -> client.status("ct"))
                .isInstanceOfSatisfying(ApiException.Malformed.class, e -> {
                    assertThat(e.details()).startsWith(start);
                    assertThat(e.details().length()).isBetween(400, 520);
                    assertThat(e.details()).doesNotContain("</body></html>");
                });
    }

    @Test
    void truncatedJsonInACompleteResponseIsMalformedAndNotRetried() {
        script.on("POST", STATUS, ok("{\"pending\": false, \"blocked\": tr"));

        assertThatThrownBy(() -> client.status("ct"))
                .isInstanceOfSatisfying(ApiException.Malformed.class,
                        e -> assertThat(e.details()).contains("\"blocked\": tr"));
        assertThat(requests("POST", STATUS)).hasSize(1);
    }

    @Test
    void anEmpty200IsMalformed() {
        script.on("POST", STATUS, new MockResponse.Builder().code(200).build());

        assertThatThrownBy(() -> client.status("ct")).isInstanceOf(ApiException.Malformed.class);
    }

    /**
     * A body cut mid-transfer is a Network failure, not Malformed: HTTP framing (Content-Length)
     * tells the client the body is incomplete before JSON parsing starts, so it is a transport
     * fault like any other cut connection, and a read is retried.
     */
    @Test
    void aBodyCutMidTransferIsNetworkAndTheReadIsRetried() throws Exception {
        script.on("POST", STATUS, cutBody(), ok(STATUS_BODY));

        assertThat(client.status("ct").name()).isEqualTo("testbank");
        assertThat(requests("POST", STATUS)).hasSize(2);
    }

    @Test
    void aBodyCutEveryTimeIsNetworkAfterThreeTries() {
        script.on("POST", STATUS, cutBody());

        assertThatThrownBy(() -> client.status("ct"))
                .isInstanceOfSatisfying(ApiException.Network.class, e -> assertThat(e.httpStatus()).isZero());
        assertThat(requests("POST", STATUS)).hasSize(3);
    }

    @Test
    void aBodyShorterThanItsContentLengthIsNetwork() {
        // the server declares more than it sends, then hangs up
        script.on("POST", STATUS, new MockResponse.Builder().code(200).body("{\"pending\": fal")
                .setHeader("Content-Length", 400)
                .onResponseEnd(new SocketEffect.CloseSocket(true, false, false)).build());

        assertThatThrownBy(() -> client.status("ct")).isInstanceOf(ApiException.Network.class);
        assertThat(requests("POST", STATUS)).hasSize(3);
    }

    static MockResponse cutBody() {
        String body = "{\"pending\": false, \"blocked\": false, \"name\": \"testbank\", \"padding\": \""
                + "p".repeat(2000) + "\"}";
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body)
                .onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build();
    }

    // ---- wrong types, end to end -------------------------------------------------------------

    @Test
    void stringBooleansAndNumericStringsAreReadLiberally() throws Exception {
        script.on("POST", STATUS, ok("{\"pending\": \"true\", \"blocked\": \"false\", \"name\": 123}"));

        CredentialStatus st = client.status("ct");

        assertThat(st.pending()).isTrue();
        assertThat(st.blocked()).isFalse();
        assertThat(st.name()).isEqualTo("123");
    }

    @Test
    void anObjectWhereTheItemsListShouldBeIsMalformed() {
        script.on("POST", LIST, ok("{\"items\": {\"credentials_token\": \"a\"}}"));

        assertThatThrownBy(() -> client.listPage(1)).isInstanceOf(ApiException.Malformed.class);
        assertThat(requests("POST", LIST)).hasSize(1);
    }

    @Test
    void aStatusThatIsNotAnObjectIsMalformed() {
        script.on("POST", STATUS, ok("[\"pending\"]"));

        assertThatThrownBy(() -> client.status("ct")).isInstanceOf(ApiException.Malformed.class);
    }

    // ---- the network -------------------------------------------------------------------------

    @Test
    void aRefusedConnectionIsNetworkAfterThreeTries() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        FlanksClient c = newClient("http://127.0.0.1:" + port, new Backoff(Duration.ofMillis(1),
                Duration.ofMillis(5), sleeper));

        assertThatThrownBy(c::accessToken)
                .isInstanceOfSatisfying(ApiException.Network.class, e -> {
                    assertThat(e.httpStatus()).isZero();
                    assertThat(e.getMessage()).contains("127.0.0.1");
                    assertThat(e.retryable()).isTrue();
                });
        assertThat(sleeper.sleeps).as("tried 3 times").hasSize(2);
    }

    @Test
    void aReadTimeoutOnAReadIsRetriedThreeTimes() {
        script.on("POST", STATUS, slowHeaders());

        assertThatThrownBy(() -> client.status("ct")).isInstanceOf(ApiException.Network.class);
        assertThat(requests("POST", STATUS)).hasSize(3);
        assertThat(sleeper.sleeps).hasSize(2);
    }

    @Test
    void aReadTimeoutThenAnAnswerSucceeds() throws Exception {
        script.on("POST", STATUS, slowHeaders(), ok(STATUS_BODY));

        assertThat(client.status("ct").name()).isEqualTo("testbank");
        assertThat(requests("POST", STATUS)).hasSize(2);
    }

    /** Headers arrive after twice the client's read timeout. */
    static MockResponse slowHeaders() {
        return new MockResponse.Builder().code(200).body(STATUS_BODY)
                .headersDelay(READ_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS).build();
    }
}
