package io.flanks.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every call goes out with exactly the method, path, body and headers of the vendor's page. */
class FlanksClientRequestsTest extends ClientTestBase {

    @Test
    void tokenCallPostsClientCredentialsAsJson() throws Exception {
        assertThat(client.accessToken()).isEqualTo("access-1");

        assertThat(calls()).containsExactly("POST " + TOKEN);
        RecordedRequest r = tokenRequests().get(0);
        assertThat(jsonBody(r)).isEqualTo(tree(
                "{\"client_id\": \"id\", \"client_secret\": \"secret\", \"grant_type\": \"client_credentials\"}"));
        assertJsonContentType(r);
        assertThat(r.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void statusPostsTheCredentialsToken() throws Exception {
        script.on("POST", STATUS, ok(STATUS_BODY));

        CredentialStatus st = client.status("ct-1");

        assertThat(st.name()).isEqualTo("testbank");
        assertThat(calls()).containsExactly("POST " + TOKEN, "POST " + STATUS);
        RecordedRequest r = requests("POST", STATUS).get(0);
        assertThat(jsonBody(r)).isEqualTo(tree("{\"credentials_token\": \"ct-1\"}"));
        assertAuthorised(r, "access-1");
    }

    @Test
    void listPostsThePageNumber() throws Exception {
        script.on("POST", LIST, ok("{\"items\": [], \"page\": 3, \"pages\": 4}"));

        ListPage p = client.listPage(3);

        assertThat(p.page()).isEqualTo(3);
        assertThat(p.pages()).isEqualTo(4);
        RecordedRequest r = requests("POST", LIST).get(0);
        assertThat(jsonBody(r)).isEqualTo(tree("{\"page\": 3}"));
        assertThat(jsonBody(r).get("page").isInt()).as("page is a JSON number").isTrue();
        assertAuthorised(r, "access-1");
    }

    @ParameterizedTest
    @EnumSource(ForceKind.class)
    void forcePutsTheFlowAndToken(ForceKind kind) throws Exception {
        script.on("PUT", STATUS, ok("{\"" + kind.tokenField() + "\": \"flow-42\"}"));

        ForceResult res = client.force("ct-1", kind);

        assertThat(res).isEqualTo(new ForceResult(kind, "flow-42"));
        assertThat(calls()).containsExactly("POST " + TOKEN, "PUT " + STATUS);
        RecordedRequest r = requests("PUT", STATUS).get(0);
        assertThat(jsonBody(r)).isEqualTo(tree(
                "{\"force\": \"" + kind.wire() + "\", \"credentials_token\": \"ct-1\"}"));
        assertAuthorised(r, "access-1");
    }

    @Test
    void forceWireValuesAreTheDocumentedOnes() {
        assertThat(List.of(ForceKind.values())).extracting(ForceKind::wire)
                .containsExactly("sca", "reset", "transaction");
    }

    @Test
    void deleteSendsDeleteWithJsonBody() throws Exception {
        script.on("DELETE", CREDENTIALS, ok("{\"message\": \"Successfully deleted\"}"));

        client.delete("ct-1");

        assertThat(calls()).containsExactly("POST " + TOKEN, "DELETE " + CREDENTIALS);
        RecordedRequest r = requests("DELETE", CREDENTIALS).get(0);
        assertThat(jsonBody(r)).isEqualTo(tree("{\"credentials_token\": \"ct-1\"}"));
        assertAuthorised(r, "access-1");
    }

    @Test
    void banksIsAnAuthorisedGet() throws Exception {
        script.on("GET", BANKS, ok("[{\"id\": \"testbank\", \"name\": \"TestBank\"}]"));

        List<Bank> banks = client.banks();

        assertThat(banks).containsExactly(new Bank("testbank", "TestBank"));
        assertThat(calls()).containsExactly("POST " + TOKEN, "GET " + BANKS);
        RecordedRequest r = requests("GET", BANKS).get(0);
        assertThat(r.getBodySize()).isZero();
        assertAuthorised(r, "access-1");
    }

    @Test
    void requestsGoUnderTheBaseUrlWithoutDoubleSlashes() throws Exception {
        // the environment strips a trailing slash; a base URL with one must not yield "//v0/..."
        script.on("POST", STATUS, ok(STATUS_BODY));
        client.status("ct-1");
        assertThat(script.requests()).extracting(r -> r.getUrl().encodedPath())
                .containsExactly(TOKEN, STATUS);
    }

    private static void assertAuthorised(RecordedRequest r, String token) {
        assertThat(bearer(r)).isEqualTo("Bearer " + token);
        assertJsonContentType(r);
    }

    private static void assertJsonContentType(RecordedRequest r) {
        assertThat(r.getHeaders().get("Content-Type")).as("Content-Type of %s %s", r.getMethod(), path(r))
                .isNotNull()
                .matches("application/json(;.*)?");
    }
}
