package io.flanks.console.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.api.FlanksClient;
import io.flanks.console.api.SandboxClients;
import io.flanks.console.api.ForceKind;
import io.flanks.console.audit.AuditEntry;
import io.flanks.console.audit.AuditLog;
import io.flanks.console.common.Background;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.CredentialRow;
import io.flanks.console.credentials.CredentialsViewModel;
import io.flanks.console.credentials.Health;
import io.flanks.console.sandbox.SandboxConfig;
import io.flanks.console.sandbox.SandboxServer;
import io.flanks.console.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The action state machine without a toolkit, against the real sandbox. */
class ActionsViewModelTest {
    @TempDir
    Path dir;
    private SandboxServer server;
    private FlanksClient client;
    private CredentialsViewModel credentials;
    private AuditLog audit;
    private Settings settings;
    private final List<ActionsViewModel.Outcome> outcomes = new ArrayList<>();

    /** Holds submitted work until {@link #runAll()}: lets a test look at the state "in flight". */
    static final class ManualBackground implements Background {
        private final List<Runnable> queued = new ArrayList<>();

        @Override
        public <T> Job submit(String name, Work<T> work, Consumer<? super T> ok, Consumer<Throwable> fail) {
            SimpleJob job = new SimpleJob();
            queued.add(() -> {
                T r;
                try {
                    r = work.call(job);
                } catch (Exception e) {
                    fail.accept(e);
                    return;
                }
                ok.accept(r);
            });
            return job;
        }

        @Override
        public void ui(Runnable r) {
            r.run();
        }

        void runAll() {
            List<Runnable> now = new ArrayList<>(queued);
            queued.clear();
            now.forEach(Runnable::run);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        I18n.use(Locale.ENGLISH);
        server = SandboxServer.start(SandboxConfig.defaults());
        client = SandboxClients.of(server);
        credentials = new CredentialsViewModel(client, Background.direct(), Clock.systemUTC());
        credentials.reload();
        audit = new AuditLog(dir);
        settings = new Settings(dir);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    private ActionsViewModel vm(Background bg, boolean readOnly) {
        return new ActionsViewModel(client, bg, credentials, audit, "SANDBOX", new LinkTemplates(settings), readOnly,
                Clock.systemUTC());
    }

    private CredentialRow healthy() {
        return credentials.allRows().stream().filter(r -> r.health() == Health.HEALTHY).findFirst().orElseThrow();
    }

    @Test
    void forceReturnsTheTokenRefetchesTheStatusAndAuditsBeforeReporting() {
        ActionsViewModel vm = vm(Background.direct(), false);
        CredentialRow row = healthy();
        long statusCalls = server.requestCount("POST", "/v0/bank/credentials/status");
        boolean started = vm.execute(ActionKind.FORCE_RESET, row, o -> {
            outcomes.add(o);
            // the audit line is on disk before anyone is told
            assertThat(audit.readAll()).anyMatch(e -> e.ok() && e.credentialsToken().equals(row.token()));
        });
        assertThat(started).isTrue();
        assertThat(outcomes).hasSize(1);
        ActionsViewModel.Outcome o = outcomes.get(0);
        assertThat(o.ok()).isTrue();
        assertThat(o.flowToken()).isNotBlank();
        assertThat(server.requestCount("PUT", "/v0/bank/credentials/status")).isEqualTo(1);
        assertThat(server.requestCount("POST", "/v0/bank/credentials/status")).isEqualTo(statusCalls + 1);
        assertThat(row.health()).isEqualTo(Health.RESET_OPEN);
        assertThat(row.status().resetToken()).isEqualTo(o.flowToken());

        List<AuditEntry> lines = audit.readAll();
        assertThat(lines).extracting(AuditEntry::outcome).containsExactly("attempt", "ok");
        AuditEntry ok = lines.get(1);
        assertThat(ok.action()).isEqualTo("force_reset");
        assertThat(ok.environment()).isEqualTo("SANDBOX");
        assertThat(ok.baseUrl()).isEqualTo(server.baseUrl());
        assertThat(ok.osUser()).isEqualTo(System.getProperty("user.name"));
        assertThat(ok.flowToken()).isEqualTo("****" + o.flowToken().substring(o.flowToken().length() - 4));
        assertThat(ok.bank()).isEqualTo(row.bankId());
    }

    @Test
    void theFullFlowTokenNeverReachesTheAuditFile() throws Exception {
        ActionsViewModel vm = vm(Background.direct(), false);
        vm.execute(ActionKind.FORCE_SCA, healthy(), outcomes::add);
        String token = outcomes.get(0).flowToken();
        assertThat(Files.readString(audit.file())).doesNotContain(token).contains(token.substring(token.length() - 4));
    }

    @Test
    void aSecondRequestForTheSameCredentialIsRefusedWhileOneIsInFlight() {
        ManualBackground bg = new ManualBackground();
        ActionsViewModel vm = vm(bg, false);
        CredentialRow row = healthy();
        credentials.selectedProperty().set(row);
        assertThat(vm.canActProperty().get()).isTrue();

        assertThat(vm.execute(ActionKind.FORCE_SCA, row, outcomes::add)).isTrue();
        assertThat(vm.canActProperty().get()).isFalse();
        assertThat(vm.inFlight()).containsExactly(row.token());
        assertThat(vm.execute(ActionKind.FORCE_SCA, row, outcomes::add)).isFalse();
        assertThat(vm.execute(ActionKind.DELETE, row, outcomes::add)).isFalse();

        bg.runAll();
        assertThat(server.requestCount("PUT", "/v0/bank/credentials/status")).isEqualTo(1);
        assertThat(server.requestCount("DELETE", "/v0/bank/credentials")).isZero();
        assertThat(outcomes).hasSize(1);
        assertThat(vm.inFlight()).isEmpty();
        assertThat(vm.canActProperty().get()).isTrue();
    }

    @Test
    void deleteRemovesTheRowAndTheSandboxAgrees() {
        ActionsViewModel vm = vm(Background.direct(), false);
        CredentialRow row = healthy();
        credentials.selectedProperty().set(row);
        int before = server.credentialCount();
        vm.execute(ActionKind.DELETE, row, outcomes::add);
        assertThat(outcomes.get(0).ok()).isTrue();
        assertThat(credentials.allRows()).doesNotContain(row);
        assertThat(credentials.selectedProperty().get()).isNull();
        assertThat(server.credentialCount()).isEqualTo(before - 1);
        assertThat(audit.readAll()).extracting(AuditEntry::action, AuditEntry::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("delete", "attempt"),
                        org.assertj.core.groups.Tuple.tuple("delete", "ok"));
    }

    @Test
    void aFailureLeavesTheRowUnchangedSaysWhyAndIsAudited() {
        ActionsViewModel vm = vm(Background.direct(), false);
        CredentialRow row = healthy();
        Health health = row.health();
        server.setErrorRate(1.0);
        vm.execute(ActionKind.FORCE_TRANSACTION, row, outcomes::add);
        ActionsViewModel.Outcome o = outcomes.get(0);
        assertThat(o.ok()).isFalse();
        assertThat(o.error().summary()).isEqualTo(I18n.tr("error.server"));
        assertThat(row.health()).isEqualTo(health);
        assertThat(credentials.allRows()).contains(row);
        assertThat(server.requestCount("PUT", "/v0/bank/credentials/status")).isEqualTo(1); // never re-sent
        assertThat(audit.readAll().get(1).outcome()).isEqualTo("error");
        assertThat(audit.readAll().get(1).message()).contains("500");
    }

    @Test
    void forceAndDeleteStayOffWhileSeveralRowsAreSelected() {
        ActionsViewModel vm = vm(Background.direct(), false);
        CredentialRow a = credentials.allRows().get(0);
        CredentialRow b = credentials.allRows().get(1);
        credentials.selectedProperty().set(a);
        credentials.selectedRows().setAll(a, b);
        assertThat(vm.canActProperty().get()).isFalse();
        credentials.selectedRows().setAll(a);
        assertThat(vm.canActProperty().get()).isTrue();
    }

    @Test
    void readOnlyRunsNothing() {
        ActionsViewModel vm = vm(Background.direct(), true);
        CredentialRow row = healthy();
        credentials.selectedProperty().set(row);
        assertThat(vm.canActProperty().get()).isFalse();
        assertThat(vm.execute(ActionKind.DELETE, row, outcomes::add)).isFalse();
        assertThat(server.requestCount("DELETE", "/v0/bank/credentials")).isZero();
        assertThat(audit.readAll()).isEmpty();
    }

    @Test
    void confirmationNamesTheCredentialAndWarnsWhenTheFlowIsAlreadyOpen() throws Exception {
        ActionsViewModel vm = vm(Background.direct(), false);
        CredentialRow row = credentials.allRows().stream().filter(r -> r.health() == Health.BLOCKED).findFirst().orElseThrow();
        ActionsViewModel.Confirmation reset = vm.confirmation(ActionKind.FORCE_RESET, row);
        assertThat(reset.target()).contains(row.bankName()).contains("SANDBOX")
                .contains(row.token().substring(row.token().length() - 4));
        assertThat(reset.body()).contains("end user").contains("automatic updates");
        assertThat(reset.alreadyOpen()).startsWith("A reset flow is already open");
        assertThat(vm.confirmation(ActionKind.FORCE_SCA, healthy()).alreadyOpen()).isNull();
        assertThat(vm.confirmation(ActionKind.DELETE, row).body()).contains("cannot be undone");
    }

    @Test
    void deleteUnlocksOnlyWithTheTokensLastSixCharacters() {
        CredentialRow row = healthy();
        String t = row.token();
        assertThat(ActionsViewModel.deleteUnlocked(row, "")).isFalse();
        assertThat(ActionsViewModel.deleteUnlocked(row, t.substring(t.length() - 5))).isFalse();
        assertThat(ActionsViewModel.deleteUnlocked(row, t.substring(0, 6))).isFalse();
        assertThat(ActionsViewModel.deleteUnlocked(row, t.substring(t.length() - 6))).isTrue();
    }

    @Test
    void endUserLinksAreBuiltOnlyFromAConfiguredTemplate() {
        ActionsViewModel vm = vm(Background.direct(), false);
        vm.execute(ActionKind.FORCE_RESET, healthy(), outcomes::add);
        assertThat(outcomes.get(0).endUserLink()).isNull(); // nothing built in

        new LinkTemplates(settings).setTemplate(ForceKind.RESET,
                "https://link.example/x?token=LINK&reset_token={reset_token}&alias={external_id}&bank={bank}");
        CredentialRow row = credentials.allRows().stream().filter(r -> r.health() == Health.HEALTHY
                && r.externalId() != null).findFirst().orElseThrow();
        vm.execute(ActionKind.FORCE_RESET, row, outcomes::add);
        ActionsViewModel.Outcome o = outcomes.get(1);
        assertThat(o.endUserLink()).isEqualTo("https://link.example/x?token=LINK&reset_token=" + o.flowToken()
                + "&alias=" + row.externalId() + "&bank=" + row.bankId());
        assertThat(vm.endUserLink(ForceKind.RESET, row)).isEqualTo(o.endUserLink());
        assertThat(vm.endUserLink(ForceKind.SCA, row)).isNull();
        assertThat(LinkTemplates.validate("ftp://x")).isNotNull();
        assertThat(LinkTemplates.fill("https://a/?x={external_id}", java.util.Map.of("{external_id}", "a b&c")))
                .isEqualTo("https://a/?x=a+b%26c");
    }
}
