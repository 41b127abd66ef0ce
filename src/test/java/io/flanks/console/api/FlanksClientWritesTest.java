package io.flanks.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/** force and delete may have acted once sent: they are never re-sent, except after a 401. */
class FlanksClientWritesTest extends ClientTestBase {

    @Test
    void aForceThatTimesOutIsNetworkAndSentOnce() {
        script.on("PUT", STATUS, FlanksClientErrorsTest.slowHeaders());

        assertThatThrownBy(() -> client.force("ct-1", ForceKind.SCA)).isInstanceOf(ApiException.Network.class);

        assertThat(requests("PUT", STATUS)).hasSize(1);
        assertThat(server.getRequestCount()).isEqualTo(2); // token + one PUT
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void aForceThatStallsIsNetworkAndSentOnce() {
        script.on("PUT", STATUS, new MockResponse.Builder().code(200).body("{\"reset_token\": \"r\"}")
                .onResponseStart(SocketEffect.Stall.INSTANCE).build());

        assertThatThrownBy(() -> client.force("ct-1", ForceKind.RESET)).isInstanceOf(ApiException.Network.class);

        assertThat(calls()).containsExactly("POST " + TOKEN, "PUT " + STATUS);
    }

    @Test
    void aForceThatGets500IsServerErrorAndSentOnce() {
        script.on("PUT", STATUS, json(500, "{\"error\": \"Internal Error\"}"));

        assertThatThrownBy(() -> client.force("ct-1", ForceKind.TRANSACTION))
                .isInstanceOfSatisfying(ApiException.ServerError.class, e -> assertThat(e.httpStatus()).isEqualTo(500));

        assertThat(calls()).containsExactly("POST " + TOKEN, "PUT " + STATUS);
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void aForceThatGets429IsRateLimitedAndSentOnce() {
        script.on("PUT", STATUS, new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());

        assertThatThrownBy(() -> client.force("ct-1", ForceKind.SCA)).isInstanceOf(ApiException.RateLimited.class);
        assertThat(requests("PUT", STATUS)).hasSize(1);
    }

    @Test
    void aForceWhoseAnswerIsCutIsNetworkAndSentOnce() {
        script.on("PUT", STATUS, FlanksClientErrorsTest.cutBody());

        assertThatThrownBy(() -> client.force("ct-1", ForceKind.SCA)).isInstanceOf(ApiException.Network.class);
        assertThat(requests("PUT", STATUS)).hasSize(1);
    }

    @Test
    void aForceOnAnUnknownCredentialIsNotFound() {
        script.on("PUT", STATUS, json(400, NOT_ALLOWED_BODY));

        assertThatThrownBy(() -> client.force("gone", ForceKind.SCA)).isInstanceOf(ApiException.NotFound.class);
        assertThat(requests("PUT", STATUS)).hasSize(1);
    }

    @Test
    void aForceAnswerWithoutItsTokenIsMalformed() {
        script.on("PUT", STATUS, ok("{\"sca_token\": \"s\"}"));

        assertThatThrownBy(() -> client.force("ct-1", ForceKind.RESET))
                .isInstanceOfSatisfying(ApiException.Malformed.class, e -> assertThat(e.getMessage()).contains("reset_token"));
        assertThat(requests("PUT", STATUS)).hasSize(1);
    }

    @Test
    void aDeleteThatGets503IsServerErrorAndSentOnce() {
        script.on("DELETE", CREDENTIALS, new MockResponse.Builder().code(503).body("<html>503</html>").build());

        assertThatThrownBy(() -> client.delete("ct-1"))
                .isInstanceOfSatisfying(ApiException.ServerError.class, e -> assertThat(e.httpStatus()).isEqualTo(503));

        assertThat(calls()).containsExactly("POST " + TOKEN, "DELETE " + CREDENTIALS);
    }

    @Test
    void aDeleteThatTimesOutIsNetworkAndSentOnce() {
        script.on("DELETE", CREDENTIALS, FlanksClientErrorsTest.slowHeaders());

        assertThatThrownBy(() -> client.delete("ct-1")).isInstanceOf(ApiException.Network.class);
        assertThat(requests("DELETE", CREDENTIALS)).hasSize(1);
    }

    @Test
    void a401OnForceRenewsAndResendsOnce() throws Exception {
        script.on("PUT", STATUS, json(401, "{\"error\": \"invalid_token\"}"), ok("{\"sca_token\": \"sca-1\"}"));

        ForceResult res = client.force("ct-1", ForceKind.SCA);

        assertThat(res.token()).isEqualTo("sca-1");
        assertThat(calls()).containsExactly("POST " + TOKEN, "PUT " + STATUS, "POST " + TOKEN, "PUT " + STATUS);
        List<RecordedRequest> puts = requests("PUT", STATUS);
        assertThat(bearer(puts.get(0))).isEqualTo("Bearer access-1");
        assertThat(bearer(puts.get(1))).isEqualTo("Bearer access-2");
        assertThat(jsonBody(puts.get(1))).isEqualTo(tree("{\"force\": \"sca\", \"credentials_token\": \"ct-1\"}"));
    }

    @Test
    void a401TwiceOnDeleteIsUnauthorizedAfterTwoDeletes() {
        script.on("DELETE", CREDENTIALS, json(401, "{}"));

        assertThatThrownBy(() -> client.delete("ct-1")).isInstanceOf(ApiException.Unauthorized.class);
        assertThat(calls()).containsExactly("POST " + TOKEN, "DELETE " + CREDENTIALS, "POST " + TOKEN,
                "DELETE " + CREDENTIALS);
    }
}
