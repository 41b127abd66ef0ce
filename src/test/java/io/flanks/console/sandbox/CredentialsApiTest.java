package io.flanks.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

class CredentialsApiTest {

    static final String NOT_ALLOWED = "{\"error\":\"You are not allowed to access to this credentials\"}";

    private static final List<String> STATUS_KEYS = List.of("pending", "blocked", "reset_token",
            "last_transaction_date", "sca_token", "transaction_token", "name", "last_update", "time",
            "last_update_timestamp", "created_at_timestamp", "errored", "created");
    private static final List<String> PRODUCT_KEYS = List.of("auth", "account", "card", "portfolio",
            "investment", "liability", "holders");
    private static final List<String> TRANSACTION_KEYS = List.of("account", "card", "investment", "liability");

    private SandboxServer server;
    private SandboxClient client;
    private String token;

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(SandboxConfig.defaults().withCredentials(1050));
        client = new SandboxClient(server);
        token = client.token();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pagesThroughEveryCredentialOnce() {
        List<String> tokens = new ArrayList<>();
        for (int page = 1; page <= 11; page++) {
            JsonNode body = client.page(token, page).json();
            assertThat(body.get("page").asInt()).isEqualTo(page);
            assertThat(body.get("pages").asInt()).isEqualTo(11);
            assertThat(body.get("items")).hasSize(page < 11 ? 100 : 50);
            body.get("items").forEach(item -> tokens.add(item.get("credentials_token").asText()));
        }

        assertThat(tokens).hasSize(1050).doesNotHaveDuplicates();
        assertThat(new HashSet<>(tokens)).hasSize(server.credentialCount());
    }

    @Test
    void aPagePastTheEndIsEmptyButSaysWhereTheEndIs() {
        JsonNode body = client.page(token, 12).json();

        assertThat(body.get("items")).isEmpty();
        assertThat(body.get("page").asInt()).isEqualTo(12);
        assertThat(body.get("pages").asInt()).isEqualTo(11);
    }

    @Test
    void anEmptyBodyListsPageOneInAStableOrder() {
        SandboxClient.Response noBody = client.send("POST", "/v0/bank/credentials/list", null, token);
        SandboxClient.Response pageOne = client.page(token, 1);

        assertThat(noBody.status()).isEqualTo(200);
        assertThat(noBody.json().get("page").asInt()).isEqualTo(1);
        assertThat(noBody.body()).isEqualTo(pageOne.body());
    }

    @Test
    void listItemsHaveTheVendorShape() {
        JsonNode item = client.page(token, 1).json().get("items").get(0);

        assertThat(fieldNames(item)).containsExactly("credentials_token", "external_id", "bank", "status");
        assertThat(item.get("credentials_token").asText()).matches("[0-9a-f]{40}");
        assertThat(item.get("status").get("name").asText()).isEqualTo(item.get("bank").asText());
        assertStatusShape(item.get("status"));
    }

    @Test
    void statusHasEveryVendorKey() {
        String credential = firstCredential();

        SandboxClient.Response response = client.status(token, credential);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertStatusShape(response.json());
    }

    @ParameterizedTest
    @CsvSource({"sca, sca_token", "reset, reset_token", "transaction, transaction_token"})
    void forcingAFlowReturnsItsTokenAndStatusShowsIt(String force, String key) {
        String credential = healthyCredential();

        SandboxClient.Response response = client.send("PUT", "/v0/bank/credentials/status",
                SandboxClient.json("force", force, "credentials_token", credential), token);

        assertThat(response.status()).isEqualTo(200);
        assertThat(fieldNames(response.json())).containsExactly(key);
        String flowToken = response.json().get(key).asText();
        assertThat(flowToken).matches("[0-9a-f]{32}");
        JsonNode status = client.status(token, credential).json();
        assertThat(status.get(key).asText()).isEqualTo(flowToken);
        assertThat(status.get("blocked").asBoolean()).isFalse();
    }

    @Test
    void deletedCredentialIsGoneForStatusListAndASecondDelete() {
        String credential = firstCredential();

        SandboxClient.Response deleted = client.send("DELETE", "/v0/bank/credentials",
                SandboxClient.json("credentials_token", credential), token);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{\"message\":\"Successfully deleted\"}");
        assertNotAllowed(client.status(token, credential));
        assertNotAllowed(client.send("DELETE", "/v0/bank/credentials",
                SandboxClient.json("credentials_token", credential), token));
        assertThat(server.credentialCount()).isEqualTo(1049);
        List<JsonNode> items = client.allItems(token);
        assertThat(items).hasSize(1049);
        assertThat(items).noneMatch(item -> item.get("credentials_token").asText().equals(credential));
    }

    @Test
    void unknownCredentialIsRefusedWithTheVendorsExactBody() {
        String unknown = "0000000000000000000000000000000000000000";

        assertNotAllowed(client.status(token, unknown));
        assertNotAllowed(client.send("PUT", "/v0/bank/credentials/status",
                SandboxClient.json("force", "sca", "credentials_token", unknown), token));
        assertNotAllowed(client.send("DELETE", "/v0/bank/credentials",
                SandboxClient.json("credentials_token", unknown), token));
    }

    @Test
    void listsAvailableBanks() {
        SandboxClient.Response response = client.send("GET", "/v0/bank/available", null, token);

        assertThat(response.status()).isEqualTo(200);
        JsonNode banks = response.json();
        assertThat(banks.isArray()).isTrue();
        Set<String> ids = new HashSet<>();
        banks.forEach(bank -> {
            assertThat(fieldNames(bank)).containsExactly("id", "name");
            ids.add(bank.get("id").asText());
        });
        assertThat(ids).contains("bbva", "santander", "caixabank", "testbank");
        assertThat(banks.get(0).get("name").asText()).isEqualTo("BBVA");
    }

    static void assertStatusShape(JsonNode status) {
        assertThat(fieldNames(status)).containsExactlyElementsOf(STATUS_KEYS);
        for (String group : List.of("errored", "created")) {
            assertThat(fieldNames(status.get(group))).containsExactly("product", "transactions");
            assertThat(fieldNames(status.get(group).get("product"))).containsExactlyElementsOf(PRODUCT_KEYS);
            assertThat(fieldNames(status.get(group).get("transactions"))).containsExactlyElementsOf(TRANSACTION_KEYS);
            status.get(group).get("product").forEach(flag -> assertThat(flag.isBoolean()).isTrue());
            status.get(group).get("transactions").forEach(flag -> assertThat(flag.isBoolean()).isTrue());
        }
        assertThat(status.get("pending").isBoolean()).isTrue();
        assertThat(status.get("blocked").isBoolean()).isTrue();
        assertThat(status.get("created_at_timestamp").isIntegralNumber()).isTrue();
        if (!status.get("last_update").isNull()) {
            assertThat(status.get("last_update").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(status.get("time").asText()).matches("\\d{2}:\\d{2}");
            assertThat(status.get("last_update_timestamp").isIntegralNumber()).isTrue();
            assertThat(status.get("last_transaction_date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        }
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static void assertNotAllowed(SandboxClient.Response response) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(NOT_ALLOWED);
    }

    private String firstCredential() {
        return client.page(token, 1).json().get("items").get(0).get("credentials_token").asText();
    }

    private String healthyCredential() {
        for (JsonNode item : client.page(token, 1).json().get("items")) {
            JsonNode status = item.get("status");
            if (!status.get("pending").asBoolean() && !status.get("blocked").asBoolean()
                    && status.get("sca_token").isNull() && status.get("reset_token").isNull()
                    && status.get("transaction_token").isNull()) {
                return item.get("credentials_token").asText();
            }
        }
        throw new AssertionError("no healthy credential on page 1");
    }
}
