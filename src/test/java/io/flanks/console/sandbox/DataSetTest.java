package io.flanks.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** What the generated data looks like, and that it is the same for the same seed. */
class DataSetTest {

    private static final long NOW = 1_741_600_000L; // 2025-03-10T09:46:40Z
    private static final long DAY = 86_400L;

    @Test
    void sameSeedGivesTheSameDataSet() {
        assertThat(describe(DataSetGenerator.generate(500, 7, NOW)))
                .isEqualTo(describe(DataSetGenerator.generate(500, 7, NOW)));
    }

    @Test
    void anotherSeedGivesAnotherDataSet() {
        assertThat(tokens(DataSetGenerator.generate(500, 7, NOW)))
                .doesNotContainAnyElementsOf(tokens(DataSetGenerator.generate(500, 8, NOW)));
    }

    @Test
    void twoServersWithTheSameSeedServeTheSameTokens() throws Exception {
        try (SandboxServer a = SandboxServer.start(SandboxConfig.defaults());
             SandboxServer b = SandboxServer.start(SandboxConfig.defaults());
             SandboxServer c = SandboxServer.start(SandboxConfig.defaults().withSeed(43))) {
            List<String> first = listedTokens(a);
            assertThat(first).hasSize(300).isEqualTo(listedTokens(b));
            assertThat(listedTokens(c)).hasSize(300).doesNotContainAnyElementsOf(first);
        }
    }

    @Test
    void defaultSetHasWhatASupportDeskSees() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxConfig.defaults())) {
            SandboxClient client = new SandboxClient(server);
            List<JsonNode> items = client.allItems(client.token());

            assertThat(items).hasSize(300);
            assertThat(count(items, s -> s.get("pending").asBoolean())).isBetween(6, 18);
            assertThat(count(items, s -> s.get("blocked").asBoolean()
                    && !s.get("reset_token").isNull()
                    && s.get("errored").get("product").get("auth").asBoolean())).isBetween(6, 18);
            assertThat(count(items, s -> !s.get("sca_token").isNull())).isGreaterThanOrEqualTo(3);
            assertThat(count(items, s -> !s.get("blocked").asBoolean() && hasProductError(s))).isGreaterThanOrEqualTo(10);
            assertThat(count(items, s -> !s.get("transaction_token").isNull())).isGreaterThanOrEqualTo(3);
            assertThat(count(items, s -> !s.get("blocked").asBoolean() && !s.get("reset_token").isNull())).isPositive();
            assertThat(count(items, DataSetTest::healthy)).isBetween(200, 250);
            assertThat(items.stream().filter(item -> item.get("external_id").isNull()).count()).isBetween(10L, 60L);

            Set<String> bankAndAlias = new HashSet<>();
            long duplicates = items.stream()
                    .filter(item -> !item.get("external_id").isNull())
                    .filter(item -> !bankAndAlias.add(item.get("bank").asText() + "/" + item.get("external_id").asText()))
                    .count();
            assertThat(duplicates).isPositive();

            Set<String> banks = items.stream().map(item -> item.get("bank").asText()).collect(Collectors.toSet());
            assertThat(banks).hasSizeGreaterThan(8)
                    .allMatch(id -> Banks.ALL.stream().anyMatch(bank -> bank.id().equals(id)));
            // a retail customer without investments: created false, so never errored either
            assertThat(count(items, s -> !s.get("pending").asBoolean()
                    && !s.get("created").get("product").get("investment").asBoolean())).isPositive();
        }
    }

    @Test
    void datesAndFlagsAreConsistent() {
        Credential[] credentials = DataSetGenerator.generate(5_000, 42, NOW);

        assertThat(Arrays.stream(credentials).map(c -> c.token).distinct().count()).isEqualTo(5_000);
        for (Credential credential : credentials) {
            StatusView s = credential.status(NOW);
            assertThat(credential.token).matches("[0-9a-f]{40}");
            assertThat(s.errored() & ~s.created()).as("errored but never created").isZero();
            assertThat(s.createdAt()).isBetween(NOW - 731 * DAY, NOW);
            if (s.pending()) {
                assertThat(s.lastUpdate()).isNull();
                assertThat(s.lastTransactionDate()).isNull();
                assertThat(s.created()).isZero();
                continue;
            }
            assertThat(s.created() & Flag.AUTH.bit).isNotZero();
            assertThat(s.lastUpdate()).isBetween(s.createdAt(), NOW);
            assertThat(s.lastTransactionDate()).isBeforeOrEqualTo(LocalDate.ofEpochDay(Math.floorDiv(s.lastUpdate(), DAY)));
            if (s.blocked()) {
                assertThat(s.resetToken()).isNotNull();
            }
        }
    }

    @Test
    void smallSetsWork() {
        assertThat(DataSetGenerator.generate(0, 1, NOW)).isEmpty();
        assertThat(DataSetGenerator.generate(1, 1, NOW)).hasSize(1);
        assertThat(DataSetGenerator.generate(9, 1, NOW)).hasSize(9);
    }

    @Test
    void oneHundredThousandCredentialsStartAndServeQuickly() throws Exception {
        long t0 = System.nanoTime();
        try (SandboxServer server = SandboxServer.start(SandboxConfig.defaults().withCredentials(100_000))) {
            long startMillis = (System.nanoTime() - t0) / 1_000_000;
            SandboxClient client = new SandboxClient(server);
            String token = client.token();

            long t1 = System.nanoTime();
            JsonNode first = client.page(token, 1).json();
            JsonNode last = client.page(token, 1_000).json();
            long pageMillis = (System.nanoTime() - t1) / 1_000_000;

            assertThat(server.credentialCount()).isEqualTo(100_000);
            assertThat(first.get("items")).hasSize(100);
            assertThat(first.get("pages").asInt()).isEqualTo(1_000);
            assertThat(last.get("items")).hasSize(100);
            assertThat(startMillis).as("start-up ms").isLessThan(3_000);
            assertThat(pageMillis).as("two pages ms").isLessThan(2_000);
        }
    }

    private static boolean healthy(JsonNode s) {
        return !s.get("pending").asBoolean() && !s.get("blocked").asBoolean() && s.get("reset_token").isNull()
                && s.get("sca_token").isNull() && s.get("transaction_token").isNull() && !hasProductError(s);
    }

    private static boolean hasProductError(JsonNode status) {
        JsonNode errored = status.get("errored");
        for (JsonNode group : List.of(errored.get("product"), errored.get("transactions"))) {
            var names = group.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!name.equals("auth") && group.get(name).asBoolean()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long countLong(List<JsonNode> items, Predicate<JsonNode> status) {
        return items.stream().filter(item -> status.test(item.get("status"))).count();
    }

    private static int count(List<JsonNode> items, Predicate<JsonNode> status) {
        return (int) countLong(items, status);
    }

    private static List<String> tokens(Credential[] credentials) {
        return Arrays.stream(credentials).map(c -> c.token).collect(Collectors.toList());
    }

    private static List<String> describe(Credential[] credentials) {
        return Arrays.stream(credentials)
                .map(c -> c.token + " " + c.bank + " " + c.externalId + " " + c.status(NOW))
                .collect(Collectors.toList());
    }

    private static List<String> listedTokens(SandboxServer server) {
        SandboxClient client = new SandboxClient(server);
        return client.allItems(client.token()).stream()
                .map(item -> item.get("credentials_token").asText())
                .collect(Collectors.toList());
    }
}
