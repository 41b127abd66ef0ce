package io.flanks.console.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.app.MainWindow;
import io.flanks.console.app.Session;
import io.flanks.console.app.Theme;
import io.flanks.console.audit.AuditEntry;
import io.flanks.console.audit.AuditLog;
import io.flanks.console.common.FxBackground;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.CredentialRow;
import io.flanks.console.credentials.CredentialsViewModel;
import io.flanks.console.credentials.Health;
import io.flanks.console.detail.DetailViewModel;
import io.flanks.console.sandbox.SandboxConfig;
import io.flanks.console.settings.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Force and delete as a person clicks through them, headless, against the sandbox. */
@ExtendWith(ApplicationExtension.class)
class ActionsFlowTest {
    @TempDir
    static Path dir;
    private Stage stage;
    private Session session;
    private FxBackground background;
    private CredentialsViewModel credentials;
    private AuditLog audit;
    private ActionsViewModel actions;
    private final List<ActionsViewModel.Outcome> outcomes = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        I18n.use(Locale.ENGLISH);
        Theme.apply(false);
        session = Session.sandbox(SandboxConfig.defaults());
        background = new FxBackground(4);
        audit = new AuditLog(dir.resolve("data-" + System.nanoTime()));
        stage.setScene(new Scene(build(false), 1400, 850));
        stage.getScene().getStylesheets().add(getClass().getResource("/css/app.css").toExternalForm());
        stage.show();
    }

    private javafx.scene.Parent build(boolean readOnly) {
        credentials = new CredentialsViewModel(session.client(), background, Clock.systemUTC());
        DetailViewModel detail = new DetailViewModel(credentials, Clock.systemUTC());
        MainWindow window = new MainWindow(session, credentials, detail, Clock.systemUTC(), new io.flanks.console.app.TestHost());
        actions = new ActionsViewModel(session.client(), background, credentials, audit, session.label(),
                new LinkTemplates(new Settings(dir)), readOnly, Clock.systemUTC());
        ActionsView view = new ActionsView(actions, credentials, () -> stage);
        view.setOutcomeListener(outcomes::add);
        window.installActions(view, actions, () -> { }, () -> { }, () -> { });
        credentials.reload();
        return window.root();
    }

    @AfterEach
    void tearDown() {
        background.close();
        session.close();
    }

    private void awaitLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !credentials.loadingProperty().get() && credentials.lastLoadedProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private TableView<CredentialRow> table(FxRobot robot) {
        return robot.lookup("#credentialsTable").queryAs(TableView.class);
    }

    /** Selects the first row of {@code health} by filtering to it and clicking the drawn row. */
    private CredentialRow select(FxRobot robot, Health health) {
        robot.clickOn("#chip-" + health.name().toLowerCase(Locale.ROOT));
        WaitForAsyncUtils.waitForFxEvents();
        Node row = robot.lookup(".table-row-cell").match(n -> n instanceof javafx.scene.control.TableRow<?> r
                && r.getIndex() == 0 && r.isVisible() && r.getItem() != null).query();
        robot.clickOn(row);
        WaitForAsyncUtils.waitForFxEvents();
        return credentials.selectedProperty().get();
    }

    private void awaitOutcomes(int n) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> outcomes.size() >= n);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private long puts() {
        return session.sandboxServer().requestCount("PUT", "/v0/bank/credentials/status");
    }

    @Test
    void eachForceFlowEndToEnd(FxRobot robot) throws Exception {
        awaitLoaded();
        Health[] expected = {Health.NEEDS_SCA, Health.RESET_OPEN, Health.TRANSACTION_OPEN};
        ActionKind[] kinds = {ActionKind.FORCE_SCA, ActionKind.FORCE_RESET, ActionKind.FORCE_TRANSACTION};
        for (int i = 0; i < kinds.length; i++) {
            CredentialRow row = select(robot, Health.HEALTHY);
            long statusCalls = session.sandboxServer().requestCount("POST", "/v0/bank/credentials/status");
            robot.clickOn("#action-" + kinds[i].auditName());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#confirmTarget").queryAs(Label.class).getText()).contains("SANDBOX")
                    .contains(row.token().substring(row.token().length() - 4));
            robot.type(KeyCode.ENTER); // Enter confirms
            awaitOutcomes(i + 1);
            ActionsViewModel.Outcome o = outcomes.get(i);
            assertThat(o.ok()).isTrue();
            Health want = expected[i];
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> row.health() == want);
            assertThat(session.sandboxServer().requestCount("POST", "/v0/bank/credentials/status")).isGreaterThan(statusCalls);
            assertThat(row.status().flowToken(kinds[i].force())).isEqualTo(o.flowToken());
            assertThat(robot.lookup("#notifiedToken").queryAllAs(Label.class)).extracting(Label::getText).contains(o.flowToken());
            if (i == 0) {
                assertNotificationIsReadable(robot);
            }
            robot.clickOn("#chip-all");
        }
        assertThat(puts()).isEqualTo(3);
        assertThat(audit.readAll()).filteredOn(e -> e.outcome().equals("ok")).extracting(AuditEntry::action)
                .containsExactly("force_sca", "force_reset", "force_transaction");
    }

    /**
     * The outcome's notification has an opaque background of its own (it floats over the
     * table) and its text differs from that background.
     */
    private static void assertNotificationIsReadable(FxRobot robot) throws Exception {
        javafx.scene.layout.Region pane = WaitForAsyncUtils.asyncFx(() -> robot.lookup(".notification-bar > .pane")
                .queryAllAs(javafx.scene.layout.Region.class).stream().findFirst().orElseThrow()).get(5, TimeUnit.SECONDS);
        javafx.scene.layout.Background bg = pane.getBackground();
        assertThat(bg).as("the notification's background").isNotNull();
        assertThat(bg.getFills()).isNotEmpty();
        javafx.scene.paint.Paint fill = bg.getFills().get(bg.getFills().size() - 1).getFill();
        assertThat(fill).isInstanceOf(javafx.scene.paint.Color.class);
        javafx.scene.paint.Color back = (javafx.scene.paint.Color) fill;
        assertThat(back.getOpacity()).as("opaque").isEqualTo(1.0);
        Label token = robot.lookup("#notifiedToken").queryAs(Label.class);
        javafx.scene.paint.Color text = (javafx.scene.paint.Color) token.getTextFill();
        assertThat(Math.abs(text.getBrightness() - back.getBrightness())).as("text stands out from the background").isGreaterThan(0.4);
    }

    @Test
    void deleteNeedsTheTypedTokenTailThenTheRowIsGone(FxRobot robot) throws Exception {
        awaitLoaded();
        CredentialRow row = select(robot, Health.HEALTHY);
        int before = session.sandboxServer().credentialCount();
        robot.type(KeyCode.DELETE); // in the table
        WaitForAsyncUtils.waitForFxEvents();
        Button confirm = robot.lookup("#confirmButton").queryButton();
        assertThat(confirm.isDisabled()).isTrue();
        robot.clickOn("#deleteTyped").write("zzzzzz");
        assertThat(confirm.isDisabled()).isTrue();
        robot.interact(() -> robot.lookup("#deleteTyped").queryAs(javafx.scene.control.TextField.class)
                .setText(row.token().substring(row.token().length() - 6)));
        assertThat(confirm.isDisabled()).isFalse();
        robot.type(KeyCode.ENTER);
        awaitOutcomes(1);
        assertThat(outcomes.get(0).ok()).isTrue();
        assertThat(credentials.allRows()).doesNotContain(row);
        assertThat(table(robot).getItems()).doesNotContain(row);
        assertThat(session.sandboxServer().credentialCount()).isEqualTo(before - 1);
        assertThat(audit.readAll()).extracting(AuditEntry::action).containsOnly("delete");
    }

    @Test
    void cancelLeavesEverythingUnchanged(FxRobot robot) throws Exception {
        awaitLoaded();
        CredentialRow row = select(robot, Health.HEALTHY);
        robot.clickOn("#action-force_reset");
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ESCAPE);
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(puts()).isZero();
        assertThat(session.sandboxServer().requestCount("DELETE", "/v0/bank/credentials")).isZero();
        assertThat(row.health()).isEqualTo(Health.HEALTHY);
        assertThat(credentials.allRows()).contains(row);
        assertThat(audit.readAll()).isEmpty();
    }

    @Test
    void aDoubleClickSendsOneRequest(FxRobot robot) throws Exception {
        awaitLoaded();
        select(robot, Health.HEALTHY);
        session.sandboxServer().setLatencyMs(800); // keeps the request in flight while we click again
        robot.doubleClickOn("#action-force_sca");
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        robot.doubleClickOn("#action-force_sca"); // disabled while in flight
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        awaitOutcomes(1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(outcomes).hasSize(1);
        assertThat(puts()).isEqualTo(1);
    }

    @Test
    void aFailingForceShowsAPlainMessageAndKeepsTheRow(FxRobot robot) throws Exception {
        awaitLoaded();
        CredentialRow row = select(robot, Health.HEALTHY);
        session.sandboxServer().setErrorRate(1.0);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#forceDialog").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        awaitOutcomes(1);
        assertThat(outcomes.get(0).ok()).isFalse();
        Node dialog = robot.lookup("#errorDialog").query();
        assertThat(robot.from(dialog).lookup(".content").queryAs(Label.class).getText())
                .startsWith("Force SCA failed.").contains(I18n.tr("error.server")).doesNotContain("Exception");
        assertThat(row.health()).isEqualTo(Health.HEALTHY);
        assertThat(puts()).isEqualTo(1);
        assertThat(audit.readAll()).extracting(AuditEntry::outcome).containsExactly("attempt", "error");
    }

    @Test
    void anAlreadyOpenFlowNeedsADeliberateSecondConfirmation(FxRobot robot) throws Exception {
        awaitLoaded();
        select(robot, Health.BLOCKED); // blocked credentials carry a reset token
        robot.clickOn("#action-force_reset");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#confirmAlreadyOpen").queryAs(Label.class).getText()).contains("already open");
        Button confirm = robot.lookup("#confirmButton").queryButton();
        assertThat(confirm.isDisabled()).isTrue();
        assertThat(puts()).isZero();
        robot.clickOn("#confirmAgain");
        assertThat(confirm.isDisabled()).isFalse();
        robot.clickOn(confirm);
        awaitOutcomes(1);
        assertThat(puts()).isEqualTo(1);
    }

    @Test
    void readOnlyHidesEveryAction(FxRobot robot) throws Exception {
        robot.interact(() -> stage.getScene().setRoot(build(true)));
        awaitLoaded();
        select(robot, Health.HEALTHY);
        assertThat(robot.lookup("#readOnlyBadge").queryAs(Label.class).isVisible()).isTrue();
        for (ActionKind k : ActionKind.values()) {
            assertThat(robot.lookup("#action-" + k.auditName()).query().isVisible()).as(k.name()).isFalse();
        }
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#forceDialog").tryQuery()).isEmpty();
        assertThat(robot.lookup("#deleteDialog").tryQuery()).isEmpty();
        assertThat(puts()).isZero();
    }

}
