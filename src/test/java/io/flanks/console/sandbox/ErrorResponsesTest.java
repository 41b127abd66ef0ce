package io.flanks.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every 4xx the sandbox gives, with its JSON body, and that the server keeps serving after each. */
class ErrorResponsesTest {

    private static SandboxServer server;
    private static SandboxClient client;
    private static String token;
    private static String credential;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxConfig.defaults().withCredentials(50));
        client = new SandboxClient(server);
        token = client.token();
        credential = client.page(token, 1).json().get("items").get(0).get("credentials_token").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void serverStillAnswers() {
        assertThat(client.status(token, credential).status()).isEqualTo(200);
    }

    @Test
    void missingCredentialsToken() {
        assertError(client.post("/v0/bank/credentials/status", "{}", token), 400, "credentials_token is required");
        assertError(client.post("/v0/bank/credentials/status", "{\"credentials_token\": null}", token),
                400, "credentials_token is required");
        assertError(client.send("PUT", "/v0/bank/credentials/status", "{\"force\": \"sca\"}", token),
                400, "credentials_token is required");
        assertError(client.send("DELETE", "/v0/bank/credentials", null, token), 400, "credentials_token is required");
    }

    @Test
    void unknownForce() {
        assertError(client.send("PUT", "/v0/bank/credentials/status",
                SandboxClient.json("force", "password", "credentials_token", credential), token),
                400, "force must be one of sca, reset, transaction");
        assertError(client.send("PUT", "/v0/bank/credentials/status",
                SandboxClient.json("credentials_token", credential), token),
                400, "force must be one of sca, reset, transaction");
    }

    @Test
    void malformedJson() {
        assertError(client.post("/v0/bank/credentials/status", "{\"credentials_token\": ", token), 400, "Malformed JSON body");
        assertError(client.post("/v0/bank/credentials/list", "[1, 2]", token), 400, "Malformed JSON body");
        assertError(client.post("/v0/bank/credentials/list", "{} trailing", token), 400, "Malformed JSON body");
        assertError(client.post("/v0/token", "client_id=x", null), 400, "Malformed JSON body");
    }

    @Test
    void badPageNumber() {
        assertError(client.post("/v0/bank/credentials/list", "{\"page\": 0}", token), 400, "page must be a positive integer");
        assertError(client.post("/v0/bank/credentials/list", "{\"page\": \"two\"}", token), 400, "page must be a positive integer");
    }

    @Test
    void oversizedBody() {
        String big = "{\"credentials_token\": \"" + "a".repeat(70 * 1024) + "\"}";

        assertError(client.post("/v0/bank/credentials/status", big, token), 413, "Request body too large");
    }

    @Test
    void bodyJustUnderTheLimitIsRead() {
        String padded = "{\"credentials_token\": \"" + credential + "\", \"pad\": \""
                + "a".repeat(Dispatcher.MAX_BODY_BYTES - 200) + "\"}";

        assertThat(client.post("/v0/bank/credentials/status", padded, token).status()).isEqualTo(200);
    }

    @Test
    void unknownPath() {
        assertError(client.post("/v0/bank/credentials/lists", "{}", token), 404, "Not found");
        assertError(client.send("GET", "/", null, null), 404, "Not found");
        assertError(client.send("GET", "/sandbox/nothing", null, null), 404, "Not found");
    }

    @Test
    void wrongMethod() {
        SandboxClient.Response response = client.send("GET", "/v0/bank/credentials/status", null, token);

        assertError(response, 405, "Method not allowed");
        assertThat(response.headers().firstValue("Allow")).hasValue("POST, PUT");
        assertError(client.send("GET", "/v0/token", null, null), 405, "Method not allowed");
        assertError(client.send("PATCH", "/v0/bank/credentials", "{}", token), 405, "Method not allowed");
    }

    @Test
    void aHeadRequestGetsHeadersOnly() {
        SandboxClient.Response response = client.send("HEAD", "/v0/bank/available", null, token);

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.body()).isEmpty();
    }

    static void assertError(SandboxClient.Response response, int status, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"error\":\"" + message + "\"}");
    }
}
