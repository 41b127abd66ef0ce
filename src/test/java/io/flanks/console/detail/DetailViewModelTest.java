package io.flanks.console.detail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flanks.console.api.CredentialItem;
import io.flanks.console.api.CredentialStatus;
import io.flanks.console.api.Environment;
import io.flanks.console.api.FlagGroups;
import io.flanks.console.api.Flags;
import io.flanks.console.api.FlanksClient;
import io.flanks.console.api.ForceKind;
import io.flanks.console.common.Background;
import io.flanks.console.common.Formats;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.CredentialRow;
import io.flanks.console.credentials.CredentialsViewModel;
import io.flanks.console.credentials.Health;
import io.flanks.console.sandbox.SandboxConfig;
import io.flanks.console.sandbox.SandboxServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The detail pane's view-model without a toolkit: real sandbox over HTTP, work run inline. */
class DetailViewModelTest {
    private static final String STATUS_PATH = "/v0/bank/credentials/status";
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SandboxServer server;
    private static FlanksClient client;

    private final List<String> clipboard = new ArrayList<>();
    private CredentialsViewModel credentials;
    private DetailViewModel vm;

    @BeforeAll
    static void startSandbox() throws Exception {
        server = SandboxServer.start(SandboxConfig.defaults());
        client = new FlanksClient(new Environment("Sandbox", server.baseUrl(), "sandbox-client", "sandbox-secret"));
    }

    @AfterAll
    static void stopSandbox() {
        client.close();
        server.close();
    }

    @BeforeEach
    void setUp() {
        I18n.use(Locale.ENGLISH);
        clipboard.clear();
        credentials = new CredentialsViewModel(client, Background.direct(), Clock.systemUTC());
        vm = new DetailViewModel(credentials, Clock.fixed(NOW, ZoneOffset.UTC), clipboard::add);
    }

    // ---- helpers -------------------------------------------------------------------------

    private static Map<String, Boolean> flags(Object... keyValues) {
        Map<String, Boolean> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], (Boolean) keyValues[i + 1]);
        }
        return m;
    }

    private static CredentialStatus status(Boolean pending, Boolean blocked, String reset, String sca, String tx,
                                           FlagGroups created, FlagGroups errored, String raw) {
        return new CredentialStatus(pending, blocked, reset, sca, tx, "testbank",
                LocalDate.parse("2026-11-19"), java.time.LocalTime.parse("08:30"), null,
                Instant.parse("2025-01-02T03:04:05Z"), LocalDate.parse("2026-11-18"), errored, created, raw);
    }

    private static CredentialRow row(String token, String externalId, String bank, CredentialStatus s, String text) {
        return new CredentialRow(new CredentialItem(token, externalId, bank, s, text));
    }

    private CredentialRow loadedRow(Health h) {
        credentials.reload();
        return credentials.allRows().stream().filter(r -> r.health() == h).findFirst().orElseThrow();
    }

    private static MatrixRowVM matrixRow(List<MatrixRowVM> rows, String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    /** The nine created/errored combinations (true, false, absent) spread over both matrices. */
    private static final FlagGroups CREATED = new FlagGroups(
            new Flags(flags("auth", true, "account", true, "card", true,
                    "portfolio", false, "investment", false, "liability", false)), // holders absent
            new Flags(flags("investment", true, "liability", false))); // account, card absent
    private static final FlagGroups ERRORED = new FlagGroups(
            new Flags(flags("auth", true, "account", false,
                    "portfolio", true, "investment", false, "holders", true)), // card, liability absent
            new Flags(flags("account", false, "investment", false, "liability", false))); // card absent

    // ---- tests ---------------------------------------------------------------------------

    @Test
    void matrixRowsFollowEveryCreatedErroredCombination() {
        credentials.selectedProperty().set(row("tok-combos", "ext-1", "testbank",
                status(false, false, null, null, null, CREATED, ERRORED, null), null));

        assertThat(vm.productRows()).extracting(MatrixRowVM::key).containsExactlyElementsOf(Flags.PRODUCT_KEYS);
        assertThat(vm.transactionRows()).extracting(MatrixRowVM::key).containsExactlyElementsOf(Flags.TRANSACTION_KEYS);

        record Expect(List<MatrixRowVM> rows, String key, Boolean created, Boolean errored, MatrixState state,
                      String word, String createdText, String erroredText) {
        }
        List<Expect> expected = List.of(
                new Expect(vm.productRows(), "auth", true, true, MatrixState.ERROR, "Error", "yes", "yes"),
                new Expect(vm.productRows(), "account", true, false, MatrixState.OK, "OK", "yes", "no"),
                new Expect(vm.productRows(), "card", true, null, MatrixState.UNKNOWN, "Unknown", "yes", "unknown"),
                new Expect(vm.productRows(), "portfolio", false, true, MatrixState.ERROR, "Error", "no", "yes"),
                new Expect(vm.productRows(), "investment", false, false, MatrixState.NOT_STARTED, "Not started", "no", "no"),
                new Expect(vm.productRows(), "liability", false, null, MatrixState.NOT_STARTED, "Not started", "no", "unknown"),
                new Expect(vm.productRows(), "holders", null, true, MatrixState.ERROR, "Error", "unknown", "yes"),
                new Expect(vm.transactionRows(), "account", null, false, MatrixState.UNKNOWN, "Unknown", "unknown", "no"),
                new Expect(vm.transactionRows(), "card", null, null, MatrixState.UNKNOWN, "Unknown", "unknown", "unknown"),
                new Expect(vm.transactionRows(), "investment", true, false, MatrixState.OK, "OK", "yes", "no"),
                new Expect(vm.transactionRows(), "liability", false, false, MatrixState.NOT_STARTED, "Not started", "no", "no"));
        for (Expect e : expected) {
            MatrixRowVM r = matrixRow(e.rows(), e.key());
            String what = r.id();
            assertThat(r.created()).as(what + " created").isEqualTo(e.created());
            assertThat(r.errored()).as(what + " errored").isEqualTo(e.errored());
            assertThat(r.state()).as(what + " state").isEqualTo(e.state());
            assertThat(r.running()).as(what + " running").isFalse();
            assertThat(r.stateText()).as(what + " word").isEqualTo(e.word());
            assertThat(r.createdTextProperty().get()).as(what + " created text").isEqualTo(e.createdText());
            assertThat(r.erroredTextProperty().get()).as(what + " errored text").isEqualTo(e.erroredText());
            assertThat(r.styleClass()).as(what + " style").isEqualTo(e.state().styleClass());
            assertThat(r.iconProperty().get()).as(what + " icon").isEqualTo(e.state().icon());
            assertThat(r.tooltip()).as(what + " tooltip").startsWith(r.label() + ":").doesNotContain("!");
        }
        // an auth error is explained as the bank refusing the login, other errors plainly
        assertThat(matrixRow(vm.productRows(), "auth").tooltip()).contains("refused the stored login");
        assertThat(matrixRow(vm.productRows(), "portfolio").tooltip()).isEqualTo("Portfolios: the extraction failed.");
    }

    @Test
    void notStartedRowsOfAPendingCredentialAreRunning() {
        credentials.selectedProperty().set(row("tok-pending", null, "testbank",
                status(true, false, null, null, null, CREATED, ERRORED, null), null));

        for (String key : List.of("investment", "liability")) {
            MatrixRowVM r = matrixRow(vm.productRows(), key);
            assertThat(r.state()).isEqualTo(MatrixState.NOT_STARTED);
            assertThat(r.running()).as(key).isTrue();
            assertThat(r.stateText()).isEqualTo("Running");
            assertThat(r.styleClass()).isEqualTo(MatrixState.RUNNING_STYLE_CLASS);
            assertThat(r.iconProperty().get()).isEqualTo(MatrixState.RUNNING_ICON);
        }
        assertThat(matrixRow(vm.transactionRows(), "liability").running()).isTrue();
        // rows that are not "not started" never read as running
        assertThat(matrixRow(vm.productRows(), "auth").running()).isFalse();
        assertThat(matrixRow(vm.productRows(), "account").running()).isFalse();
        assertThat(matrixRow(vm.productRows(), "card").running()).isFalse();
        assertThat(matrixRow(vm.transactionRows(), "card").running()).isFalse();

        assertThat(vm.pendingProperty().get()).isTrue();
        assertThat(vm.pendingTextProperty().get()).startsWith("Yes");
        assertThat(vm.healthProperty().get()).isEqualTo(Health.PENDING);
        assertThat(vm.pendingFlagProperty().get()).as("the badge already says pending").isFalse();
        assertThat(vm.externalIdProperty().get()).isEqualTo("none");
        assertThat(vm.hasExternalIdProperty().get()).isFalse();
    }

    @Test
    void unknownFlagsAndUnknownPendingStayUnknown() {
        credentials.selectedProperty().set(row("tok-unknown", "x", "testbank",
                status(null, null, null, null, null, null, null, null), null));

        assertThat(vm.productRows()).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(MatrixState.UNKNOWN);
            assertThat(r.stateText()).isEqualTo("Unknown");
        });
        assertThat(vm.transactionRows()).allMatch(r -> r.state() == MatrixState.UNKNOWN && !r.running());
        assertThat(vm.pendingProperty().get()).isNull();
        assertThat(vm.pendingTextProperty().get()).startsWith("Unknown");
        assertThat(vm.healthProperty().get()).isEqualTo(Health.UNKNOWN);
        // a status object without raw text: nothing to show, and the raw tab says why
        assertThat(vm.hasStatusProperty().get()).isTrue();
        assertThat(vm.rawJsonProperty().get()).isNull();
        assertThat(vm.rawJsonMessageProperty().get()).isNotEmpty();
    }

    @Test
    void headerShowsDatesInUtcAndLocalWithRelativeTime() {
        credentials.selectedProperty().set(row("tok-dates", "ext-9", "testbank",
                status(false, false, null, null, null, CREATED, ERRORED, null), null));

        // UTC, plus local time where it differs (Formats.exact)
        assertThat(vm.createdProperty().get()).startsWith("2025-01-02 03:04 UTC")
                .isEqualTo(Formats.exact(Instant.parse("2025-01-02T03:04:05Z")));
        assertThat(vm.lastUpdateProperty().get()).startsWith("2026-11-19 08:30 UTC")
                .isEqualTo(Formats.exact(Instant.parse("2026-11-19T08:30:00Z")));
        assertThat(vm.lastUpdateAgoProperty().get()).isEqualTo("1 d ago");
        assertThat(vm.lastTransactionProperty().get()).isEqualTo("2026-11-18");
        assertThat(vm.tokenProperty().get()).isEqualTo("tok-dates");
        assertThat(vm.externalIdProperty().get()).isEqualTo("ext-9");
        assertThat(vm.bankIdProperty().get()).isEqualTo("testbank");
    }

    @Test
    void blockedCredentialShowsItsResetTokenAndErroredAuth() throws Exception {
        CredentialRow blocked = loadedRow(Health.BLOCKED);
        credentials.selectedProperty().set(blocked);

        String serverResetToken = client.status(blocked.token()).resetToken();
        assertThat(serverResetToken).isNotBlank();
        assertThat(vm.resetTokenProperty().get()).isEqualTo(serverResetToken);
        assertThat(vm.flowTokenProperty(ForceKind.RESET).get()).isEqualTo(serverResetToken);
        assertThat(vm.hasFlowTokensProperty().get()).isTrue();
        assertThat(vm.healthProperty().get()).isEqualTo(Health.BLOCKED);
        assertThat(vm.healthTextProperty().get()).isEqualTo("Blocked");
        assertThat(vm.healthHintProperty().get()).contains("Flanks Link");

        MatrixRowVM auth = matrixRow(vm.productRows(), "auth");
        assertThat(auth.errored()).isTrue();
        assertThat(auth.state()).isEqualTo(MatrixState.ERROR);
        assertThat(auth.stateText()).isEqualTo("Error");
        assertThat(matrixRow(vm.productRows(), "account").state()).isEqualTo(MatrixState.OK);

        assertThat(vm.tokenProperty().get()).isEqualTo(blocked.token());
        assertThat(vm.bankNameProperty().get()).isEqualTo(blocked.bankName());
        assertThat(vm.copyFlowToken(ForceKind.RESET)).isTrue();
        assertThat(vm.copyToken()).isTrue();
        assertThat(vm.copyFlowToken(ForceKind.SCA)).as("no SCA token to copy").isFalse();
        assertThat(clipboard).containsExactly(serverResetToken, blocked.token());
    }

    @Test
    void rawJsonIsThePrettyPrintedStatusAsReceived() throws Exception {
        CredentialRow blocked = loadedRow(Health.BLOCKED);
        credentials.selectedProperty().set(blocked);
        // the list keeps no raw copy; the Raw JSON tab, once shown, fetches this status (once)
        assertThat(vm.rawJsonProperty().get()).isNull();
        assertThat(vm.rawJsonMessageProperty().get()).contains("Refresh");
        long before = server.requestCount("POST", STATUS_PATH);
        vm.setRawJsonWanted(true);
        vm.setRawJsonWanted(true);
        assertThat(server.requestCount("POST", STATUS_PATH)).isEqualTo(before + 1);

        // what the server sends for this credential, fetched here without the console's client
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + STATUS_PATH))
                        .header("Authorization", "Bearer " + client.accessToken())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"credentials_token\": \"" + blocked.token() + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(200);

        String shown = vm.rawJsonProperty().get();
        JsonNode received = JSON.readTree(reply.body());
        assertThat(JSON.readTree(shown)).isEqualTo(received);
        assertThat(shown).contains("\n  \"reset_token\": \"" + received.get("reset_token").asText() + "\"");
        assertThat(shown.lines().count()).isGreaterThan(20);
        assertThat(vm.rawJsonMessageProperty().get()).isEmpty();

        assertThat(vm.copyRawJson()).isTrue();
        assertThat(clipboard).containsExactly(shown);
    }

    @Test
    void walkingTheRowsWithRawJsonOpenFetchesOnlyTheRowTheWalkStopsAt() {
        // the settle delays are held and run when the test says, as if the time had passed
        io.flanks.console.common.HeldBackground held = new io.flanks.console.common.HeldBackground();
        credentials = new CredentialsViewModel(client, held, Clock.systemUTC());
        vm = new DetailViewModel(credentials, Clock.fixed(NOW, ZoneOffset.UTC), clipboard::add);
        credentials.reload();
        while (held.queued() > 0) { // the load's slices, frame after frame
            held.runOne();
        }
        List<CredentialRow> walk = credentials.allRows().subList(10, 16);
        vm.setRawJsonWanted(true); // the tab is open; the arrow keys go down six rows
        long before = server.requestCount("POST", STATUS_PATH);
        // the load may have asked for a delay of its own (a flush of rows that came late): only the walk's count
        int loadsDelays = held.delays().size();
        for (CredentialRow r : walk) {
            credentials.selectedProperty().set(r);
        }
        assertThat(server.requestCount("POST", STATUS_PATH)).as("nothing asked while walking").isEqualTo(before);
        assertThat(held.delays().subList(loadsDelays, held.delays().size())).hasSize(walk.size()).allSatisfy(d -> assertThat(d).isEqualTo(DetailViewModel.RAW_SETTLE));

        held.runDelayed();
        assertThat(server.requestCount("POST", STATUS_PATH)).as("only the row the walk stopped at").isEqualTo(before + 1);
        CredentialRow last = walk.get(walk.size() - 1);
        assertThat(last.status().rawJson()).isNotNull();
        assertThat(vm.rawJsonProperty().get()).isEqualTo(DetailViewModel.pretty(last.status().rawJson()));
        assertThat(walk.subList(0, walk.size() - 1)).allSatisfy(r -> assertThat(r.status().rawJson()).isNull());
    }

    @Test
    void prettyPrintingKeepsNumbersExactlyAsReceived() throws Exception {
        String raw = "{\"created_at_timestamp\":1732000000123,\"ratio\":0.1000000000000000055511151231257827,"
                + "\"big\":123456789012345678901234567890,\"pending\":false}";
        String pretty = DetailViewModel.pretty(raw);
        assertThat(pretty).contains("0.1000000000000000055511151231257827")
                .contains("123456789012345678901234567890")
                .contains("\"pending\": false");
        assertThat(DetailViewModel.pretty("not json")).isEqualTo("not json");
    }

    @Test
    void selectionChangeSwitchesEverythingAndLetsGoOfTheOldRow() {
        CredentialRow blocked = loadedRow(Health.BLOCKED);
        CredentialRow healthy = credentials.allRows().stream()
                .filter(r -> r.health() == Health.HEALTHY && !r.bankId().equals(blocked.bankId()))
                .findFirst().orElseThrow();
        vm.setRawJsonWanted(true); // the Raw JSON tab is open: each row shown fetches its status

        credentials.selectedProperty().set(blocked);
        assertThat(vm.tokenProperty().get()).isEqualTo(blocked.token());
        String blockedJson = vm.rawJsonProperty().get();
        assertThat(blockedJson).isNotNull();

        credentials.selectedProperty().set(healthy);
        assertThat(vm.rowProperty().get()).isSameAs(healthy);
        assertThat(vm.tokenProperty().get()).isEqualTo(healthy.token());
        assertThat(vm.bankIdProperty().get()).isEqualTo(healthy.bankId());
        assertThat(vm.bankNameProperty().get()).isEqualTo(healthy.bankName());
        assertThat(vm.healthProperty().get()).isEqualTo(Health.HEALTHY);
        assertThat(vm.resetTokenProperty().get()).isNull();
        assertThat(vm.hasFlowTokensProperty().get()).isFalse();
        assertThat(matrixRow(vm.productRows(), "auth").state()).isEqualTo(MatrixState.OK);
        assertThat(vm.rawJsonProperty().get()).isNotEqualTo(blockedJson).contains(healthy.bankId());

        // news about the old row must not reach the pane any more
        blocked.setStatus(status(false, false, null, "sca-for-old-row", null, CREATED, ERRORED, "{}"));
        blocked.setBankName("Renamed old bank");
        blocked.update(new CredentialItem(blocked.token(), "old-row-new-alias", "old-row-new-bank", null, null));
        assertThat(vm.tokenProperty().get()).isEqualTo(healthy.token());
        assertThat(vm.externalIdProperty().get()).isEqualTo(healthy.externalId() == null ? "none" : healthy.externalId());
        assertThat(vm.bankIdProperty().get()).isEqualTo(healthy.bankId());
        assertThat(vm.scaTokenProperty().get()).isNull();
        assertThat(vm.healthProperty().get()).isEqualTo(Health.HEALTHY);
        assertThat(vm.bankNameProperty().get()).isEqualTo(healthy.bankName());
        assertThat(vm.rawJsonProperty().get()).contains(healthy.bankId());

        // while news about the shown row does
        healthy.setStatus(status(false, false, null, "sca-now", null, CREATED, ERRORED, "{\"sca_token\":\"sca-now\"}"));
        assertThat(vm.scaTokenProperty().get()).isEqualTo("sca-now");
        assertThat(vm.healthProperty().get()).isEqualTo(Health.NEEDS_SCA);
        assertThat(vm.rawJsonProperty().get()).contains("\"sca_token\": \"sca-now\"");
        assertThat(matrixRow(vm.productRows(), "auth").state()).isEqualTo(MatrixState.ERROR);

        credentials.selectedProperty().set(null);
        assertThat(vm.hasSelectionProperty().get()).isFalse();
        assertThat(vm.tokenProperty().get()).isNull();
        assertThat(vm.refreshDisabledProperty().get()).isTrue();
        assertThat(vm.copyToken()).isFalse();
        healthy.setStatus(status(false, true, "r", null, null, CREATED, ERRORED, "{}"));
        assertThat(vm.healthProperty().get()).isEqualTo(Health.UNKNOWN);
        assertThat(vm.resetTokenProperty().get()).isNull();
    }

    @Test
    void withoutAStatusItSaysSoAndRefreshFetchesIt() throws Exception {
        HeldWork held = new HeldWork();
        credentials = new CredentialsViewModel(client, held, Clock.systemUTC());
        vm = new DetailViewModel(credentials, Clock.systemUTC(), clipboard::add);
        String token = client.listPage(1).items().get(0).credentialsToken();
        CredentialRow noStatus = row(token, "ext-1", "bbva", null, "active");
        CredentialRow other = row("other-token", "ext-2", "bbva", null, null);

        credentials.selectedProperty().set(noStatus);
        assertThat(vm.hasStatusProperty().get()).isFalse();
        assertThat(vm.rawJsonProperty().get()).isNull();
        assertThat(vm.noStatusMessageProperty().get()).contains("\u201cactive\u201d").contains("Refresh");
        assertThat(vm.rawJsonMessageProperty().get()).isEqualTo(vm.noStatusMessageProperty().get());
        assertThat(vm.productRows()).allMatch(r -> r.state() == MatrixState.UNKNOWN);
        assertThat(vm.refreshDisabledProperty().get()).isFalse();

        // another row refreshing does not disable this one
        credentials.refreshStatus(other);
        assertThat(vm.refreshingProperty().get()).isFalse();
        assertThat(vm.refreshDisabledProperty().get()).isFalse();

        long before = server.requestCount("POST", STATUS_PATH);
        vm.refresh();
        assertThat(vm.refreshingProperty().get()).isTrue();
        assertThat(vm.refreshDisabledProperty().get()).isTrue();
        vm.refresh(); // ignored while in flight
        assertThat(held.size()).isEqualTo(2); // other + one for this row

        held.runAll();
        assertThat(server.requestCount("POST", STATUS_PATH)).isEqualTo(before + 2);
        assertThat(vm.refreshingProperty().get()).isFalse();
        assertThat(vm.refreshDisabledProperty().get()).isFalse();
        assertThat(vm.hasStatusProperty().get()).isTrue();
        assertThat(vm.noStatusMessageProperty().get()).isEmpty();
        assertThat(JSON.readTree(vm.rawJsonProperty().get())).isEqualTo(JSON.readTree(noStatus.status().rawJson()));
        assertThat(vm.productRows()).noneMatch(r -> r.state() == MatrixState.UNKNOWN);
    }

    @Test
    void disposeStopsFollowingTheTable() {
        CredentialRow a = row("tok-a", "a", "testbank", status(false, false, null, null, null, CREATED, ERRORED, null), null);
        credentials.selectedProperty().set(a);
        vm.dispose();
        credentials.selectedProperty().set(row("tok-b", "b", "testbank", null, null));
        assertThat(vm.tokenProperty().get()).isNull();
        a.setStatus(status(false, true, "r", null, null, CREATED, ERRORED, null));
        assertThat(vm.healthProperty().get()).isEqualTo(Health.UNKNOWN);
    }

    /** Holds submitted work until the test releases it: "in flight" made observable. */
    private static final class HeldWork implements Background {
        private final Deque<Runnable> held = new ArrayDeque<>();

        @Override
        public <T> Job submit(String name, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            SimpleJob job = new SimpleJob();
            held.add(() -> {
                T result;
                try {
                    result = work.call(job);
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            });
            return job;
        }

        @Override
        public void ui(Runnable r) {
            r.run();
        }

        int size() {
            return held.size();
        }

        void runAll() {
            while (!held.isEmpty()) {
                held.poll().run();
            }
        }
    }
}
