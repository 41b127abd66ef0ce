package io.flanks.console.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.api.CredentialStatus;
import io.flanks.console.api.Environment;
import io.flanks.console.api.FlanksClient;
import io.flanks.console.api.ForceKind;
import io.flanks.console.api.ForceResult;
import io.flanks.console.audit.AuditEntry;
import io.flanks.console.audit.AuditLog;
import io.flanks.console.common.Background;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.CredentialRow;
import io.flanks.console.credentials.CredentialsViewModel;
import io.flanks.console.credentials.Health;
import io.flanks.console.sandbox.SandboxConfig;
import io.flanks.console.sandbox.SandboxServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder observing a real {@link CredentialsViewModel} loading from the sandbox over HTTP,
 * everything inline (Background.direct(), writes on the calling thread). The sandbox's clock is
 * fixed, so no pending extraction finishes between two loads by itself.
 */
class RecordingFromTheTableTest {
    private static final String ME = System.getProperty("user.name", "unknown");

    @TempDir
    Path dataDir;

    private final Clock consoleClock = Clock.systemUTC();
    private SandboxServer server;
    private FlanksClient client;
    private AuditLog audit;
    private CredentialsViewModel credentials;
    private StatusRecorder recorder;

    @BeforeEach
    void setUp() throws IOException {
        I18n.use(Locale.ENGLISH);
        server = SandboxServer.start(SandboxConfig.defaults()
                .withClock(Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC)));
        client = new FlanksClient(new Environment("Sandbox", server.baseUrl(), "sandbox-client", "sandbox-secret"));
        audit = new AuditLog(dataDir);
        credentials = new CredentialsViewModel(client, Background.direct(), consoleClock);
        recorder = new StatusRecorder(new StatusHistory(dataDir, server.baseUrl()), audit, server.baseUrl(),
                consoleClock, Runnable::run);
        credentials.addStatusObserver(recorder);
    }

    @AfterEach
    void tearDown() {
        recorder.close();
        client.close();
        server.close();
    }

    private List<String> lines() throws IOException {
        return Files.readAllLines(recorder.store().file());
    }

    private CredentialRow rowWith(Health h) {
        return credentials.allRows().stream().filter(r -> r.health() == h).findFirst().orElseThrow();
    }

    @Test
    void aLoadRecordsEveryCredentialOnceAndAReloadNothingNew() throws IOException {
        credentials.reload();
        long withStatus = credentials.allRows().stream().filter(r -> r.status() != null).count();
        assertThat(withStatus).isGreaterThan(100);
        assertThat(lines()).hasSize((int) withStatus);
        CredentialRow blocked = rowWith(Health.BLOCKED);
        assertThat(recorder.read(blocked.token())).singleElement().satisfies(s -> {
            assertThat(s.health()).isEqualTo(Health.BLOCKED);
            assertThat(s.blocked()).isTrue();
            assertThat(s.resetOpen()).isTrue();
            assertThat(s.byYou()).isFalse();
        });

        credentials.reload();
        credentials.refreshStatus(blocked);
        assertThat(lines()).as("same statuses again: nothing new").hasSize((int) withStatus);
    }

    @Test
    void aForcedFlowSeenOnReloadIsANewSnapshotByYou() throws Exception {
        credentials.reload();
        int before = lines().size();
        CredentialRow target = rowWith(Health.HEALTHY);

        ForceResult forced = client.force(target.token(), ForceKind.RESET);
        // what the actions write: the audit line is on disk before the console looks again
        audit.append(new AuditEntry(consoleClock.instant(), ME, "SANDBOX", server.baseUrl(), "force_reset",
                target.token(), target.bankId(), target.externalId(), AuditEntry.OK, null,
                AuditEntry.mask(forced.token())));
        credentials.reload();

        assertThat(target.health()).isEqualTo(Health.RESET_OPEN);
        assertThat(lines()).hasSize(before + 1);
        List<Snapshot> history = recorder.read(target.token());
        assertThat(history).extracting(Snapshot::health).containsExactly(Health.HEALTHY, Health.RESET_OPEN);
        assertThat(history.get(1).resetOpen()).isTrue();
        assertThat(history.get(1).byYou()).isTrue();
        assertThat(HistoryEvent.timeline(history).get(0)).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(HistoryEvent.Kind.HEALTH_CHANGED);
            assertThat(e.health()).isEqualTo(Health.RESET_OPEN);
            assertThat(e.byYou()).isTrue();
        });
        assertThat(Files.readString(recorder.store().file())).doesNotContain(forced.token());
    }

    @Test
    void aFlowForcedElsewhereAndSeenOnRefreshIsNotByYou() throws Exception {
        credentials.reload();
        CredentialRow target = rowWith(Health.HEALTHY);
        ForceResult forced = client.force(target.token(), ForceKind.SCA); // no audit line: not this console

        credentials.refreshStatus(target);

        List<Snapshot> history = recorder.read(target.token());
        assertThat(history).extracting(Snapshot::health).containsExactly(Health.HEALTHY, Health.NEEDS_SCA);
        assertThat(history.get(1).scaOpen()).isTrue();
        assertThat(history.get(1).byYou()).isFalse();
        assertThat(Files.readString(recorder.store().file())).doesNotContain(forced.token());
    }

    @Test
    void noTokenValueOrSecretReachesTheFile() throws Exception {
        credentials.reload();
        CredentialRow healthy = rowWith(Health.HEALTHY);
        ForceResult tx = client.force(healthy.token(), ForceKind.TRANSACTION);
        credentials.refreshStatus(healthy);

        String file = Files.readString(recorder.store().file());
        List<String> flowTokens = Stream.concat(credentials.allRows().stream().map(CredentialRow::status)
                        .filter(Objects::nonNull)
                        .flatMap(s -> Stream.of(s.resetToken(), s.scaToken(), s.transactionToken())),
                        Stream.of(tx.token()))
                .filter(Objects::nonNull).toList();
        assertThat(flowTokens).as("the sandbox has open flows to leak").hasSizeGreaterThan(10);
        for (String t : flowTokens) {
            assertThat(file).doesNotContain(t);
        }
        assertThat(file).doesNotContain("sandbox-secret").doesNotContain(client.accessToken());
        assertThat(file).contains("\"transaction_token_set\":true");
        CredentialStatus s = healthy.status();
        assertThat(s.transactionToken()).isEqualTo(tx.token());
    }
}
