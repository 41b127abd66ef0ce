package io.flanks.console.detail;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import io.flanks.console.api.CredentialItem;
import io.flanks.console.api.CredentialStatus;
import io.flanks.console.api.Environment;
import io.flanks.console.api.FlagGroups;
import io.flanks.console.api.Flags;
import io.flanks.console.api.FlanksClient;
import io.flanks.console.api.ForceKind;
import io.flanks.console.api.ForceResult;
import io.flanks.console.audit.AuditEntry;
import io.flanks.console.audit.AuditLog;
import io.flanks.console.common.Background;
import io.flanks.console.common.FxBackground;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.CredentialRow;
import io.flanks.console.credentials.CredentialsViewModel;
import io.flanks.console.credentials.Health;
import io.flanks.console.history.Snapshot;
import io.flanks.console.history.StatusRecorder;
import io.flanks.console.sandbox.SandboxConfig;
import io.flanks.console.sandbox.SandboxServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The detail pane headless (TestFX + Monocle) on the real sandbox over HTTP, inside a
 * fit-to-width ScrollPane as the main window holds it.
 */
@ExtendWith(ApplicationExtension.class)
class DetailViewTest {
    private static final String STATUS_PATH = "/v0/bank/credentials/status";
    private static final Pattern MISSING_KEY = Pattern.compile("!(detail|matrix|health|history)\\.[^!]*!");

    private static SandboxServer server;
    private static FlanksClient client;

    private FxBackground background;
    private CredentialsViewModel credentials;
    private DetailViewModel vm;
    private ScrollPane scroll;
    private final List<Stage> extraStages = new ArrayList<>();

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

    @Start
    void start(Stage stage) {
        I18n.use(Locale.ENGLISH);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        background = new FxBackground(4);
        credentials = new CredentialsViewModel(client, background, Clock.systemUTC());
        vm = new DetailViewModel(credentials, Clock.systemUTC()); // the view installs the system clipboard
        scroll = inScroll(new DetailView(vm));
        stage.setScene(new Scene(scroll, 480, 760)); // the headless screen is 1280 x 800

        stage.show();
        credentials.reload();
    }

    @BeforeEach
    void awaitLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !credentials.loadingProperty().get() && credentials.lastLoadedProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void tearDown() throws Exception {
        server.setLatencyMs(0);
        WaitForAsyncUtils.asyncFx(() -> {
            extraStages.forEach(Stage::close);
            vm.dispose();
        }).get(5, TimeUnit.SECONDS);
        background.close();
        I18n.use(Locale.ENGLISH);
    }

    private static ScrollPane inScroll(DetailView view) {
        ScrollPane scroll = new ScrollPane(view.root());
        scroll.setFitToWidth(true);
        return scroll;
    }

    private CredentialRow rowWith(Health h) {
        return credentials.allRows().stream().filter(r -> r.health() == h).findFirst().orElseThrow();
    }

    private void select(FxRobot robot, CredentialRow row) {
        robot.interact(() -> credentials.selectedProperty().set(row));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Queries only this test's pane: other windows (other tests, extra stages) may hold a pane too. */
    private org.testfx.service.query.NodeQuery in(FxRobot robot) {
        return robot.from(scroll);
    }

    private String text(FxRobot robot, String id) {
        return in(robot).lookup(id).queryAs(Labeled.class).getText();
    }

    // ---- tests ---------------------------------------------------------------------------

    @Test
    void showsACalmPlaceholderUntilARowIsSelected(FxRobot robot) {
        select(robot, null); // the table selects its first row once rows arrive
        assertThat(in(robot).lookup("#detailPlaceholder").query().isVisible()).isTrue();
        assertThat(in(robot).lookup("#detailContent").query().isVisible()).isFalse();
        assertThat(in(robot).lookup("#detailPlaceholder .label").queryAll())
                .anySatisfy(n -> assertThat(((Label) n).getText()).isEqualTo("Select a credential to see its details"));

        select(robot, rowWith(Health.HEALTHY));
        assertThat(in(robot).lookup("#detailPlaceholder").query().isVisible()).isFalse();
        assertThat(in(robot).lookup("#detailContent").query().isVisible()).isTrue();
    }

    @Test
    void blockedCredentialShowsErrorResetTokenAndRawJson(FxRobot robot) throws Exception {
        CredentialRow blocked = rowWith(Health.BLOCKED);
        select(robot, blocked);

        assertThat(text(robot, "#detailTitle")).isEqualTo(blocked.bankName());
        assertThat(text(robot, "#detailToken")).isEqualTo(blocked.token());
        Label health = in(robot).lookup("#detailHealth").queryAs(Label.class);
        assertThat(health.getText()).isEqualTo("Blocked");
        assertThat(health.getStyleClass()).contains(Health.BLOCKED.styleClass());
        assertThat(health.getGraphic()).as("an icon, not colour alone").isNotNull();

        Label auth = in(robot).lookup("#product-auth-state").queryAs(Label.class);
        assertThat(auth.getText()).isEqualTo("Error");
        assertThat(auth.getStyleClass()).contains(MatrixState.ERROR.styleClass());
        // the row's explanation: a screen reader's help at once, the tooltip from the first hover on
        assertThat(auth.getAccessibleHelp()).contains("Authentication");
        assertThat(auth.getTooltip()).as("made when first hovered, not with the pane").isNull();
        robot.moveTo(auth);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> auth.getTooltip() != null);
        assertThat(auth.getTooltip().getText()).isEqualTo(auth.getAccessibleHelp());
        Label authName = in(robot).lookup("#product-auth-name").queryAs(Label.class);
        assertThat(authName.getAccessibleHelp()).isEqualTo(auth.getAccessibleHelp());
        robot.moveTo(authName);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> authName.getTooltip() != null);
        assertThat(authName.getTooltip()).as("the row's cells share one tooltip").isSameAs(auth.getTooltip());
        robot.moveTo(in(robot).lookup("#detailTitle").queryAs(Label.class)); // away: no tooltip left open for later tests
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !auth.getTooltip().isShowing());
        assertThat(text(robot, "#product-account-state")).isEqualTo("OK");
        assertThat(text(robot, "#product-auth-errored")).isEqualTo("yes");
        assertThat(in(robot).lookup("#transactionMatrix").query().isVisible()).isTrue();

        String reset = blocked.status().resetToken();
        assertThat(reset).isNotBlank();
        Label resetLabel = in(robot).lookup("#resetToken").queryAs(Label.class);
        assertThat(resetLabel.getText()).isEqualTo(reset);
        assertThat(resetLabel.isVisible()).isTrue();
        assertThat(in(robot).lookup("#scaTokenBox").query().isVisible()).isFalse();
        assertThat(in(robot).lookup("#noFlowTokens").query().isVisible()).isFalse();

        // the list keeps no raw copy: opening the tab fetches this one status, once
        assertThat(blocked.status().rawJson()).isNull();
        long before = server.requestCount("POST", STATUS_PATH);
        assertThat(in(robot).lookup("#rawJson").tryQuery()).as("the page is made when its tab first opens").isEmpty();
        robot.clickOn(in(robot).lookup("Raw JSON").queryAs(Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> blocked.status().rawJson() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(server.requestCount("POST", STATUS_PATH)).isEqualTo(before + 1);
        TextArea raw = in(robot).lookup("#rawJson").queryAs(TextArea.class);
        assertThat(raw.isVisible()).isTrue();
        assertThat(raw.isEditable()).isFalse();
        assertThat(raw.getText()).contains("\"reset_token\": \"" + reset + "\"");
        assertThat(in(robot).lookup("#detailOverview").query().isVisible()).as("the overview page is hidden").isFalse();

        // with the tab open, another row gets its own raw status once it has stayed shown a moment
        CredentialRow next = credentials.allRows().stream()
                .filter(r -> r != blocked && r.status() != null && r.status().rawJson() == null).findFirst().orElseThrow();
        robot.interact(() -> credentials.selectedProperty().set(next));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> next.status().rawJson() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(server.requestCount("POST", STATUS_PATH)).isEqualTo(before + 2);
        assertThat(raw.getText()).isEqualTo(DetailViewModel.pretty(next.status().rawJson()));
    }

    @Test
    void refreshButtonRefetchesAndIsDisabledMeanwhile(FxRobot robot) throws Exception {
        CredentialRow blocked = rowWith(Health.BLOCKED);
        select(robot, blocked);
        Button refresh = in(robot).lookup("#detailRefresh").queryAs(Button.class);
        assertThat(refresh.isDisabled()).isFalse();

        long before = server.requestCount("POST", STATUS_PATH);
        server.setLatencyMs(500);
        robot.clickOn(refresh);
        assertThat(refresh.isDisabled()).as("disabled while the request is in flight").isTrue();
        robot.clickOn(refresh); // does nothing while disabled

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !credentials.refreshing().contains(blocked.token()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(server.requestCount("POST", STATUS_PATH)).isEqualTo(before + 1);
        assertThat(refresh.isDisabled()).isFalse();
        assertThat(text(robot, "#resetToken")).isEqualTo(blocked.status().resetToken());
    }

    @Test
    void aRowWithoutStatusSaysSoAndRefreshFillsThePane(FxRobot robot) throws Exception {
        CredentialRow some = rowWith(Health.BLOCKED);
        CredentialRow bare = new CredentialRow(new CredentialItem(some.token(), some.externalId(), some.bankId(), null, "ok"));
        select(robot, bare);

        assertThat(in(robot).lookup("#detailNoStatus").query().isVisible()).isTrue();
        assertThat(text(robot, "#product-auth-state")).isEqualTo("Unknown");
        robot.clickOn(in(robot).lookup("Raw JSON").queryAs(Node.class));
        assertThat(in(robot).lookup("#rawJsonMissing").query().isVisible()).isTrue();
        assertThat(in(robot).lookup("#rawJson").query().isVisible()).isFalse();

        long before = server.requestCount("POST", STATUS_PATH);
        robot.clickOn(in(robot).lookup("#rawJsonRefresh").queryAs(Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bare.status() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(server.requestCount("POST", STATUS_PATH)).isEqualTo(before + 1);
        assertThat(in(robot).lookup("#rawJsonMissing").query().isVisible()).isFalse();
        assertThat(in(robot).lookup("#rawJson").queryAs(TextArea.class).getText()).contains("\"reset_token\"");
        robot.clickOn(in(robot).lookup("Overview").queryAs(Node.class));
        assertThat(in(robot).lookup("#detailNoStatus").query().isVisible()).isFalse();
        assertThat(text(robot, "#product-auth-state")).isEqualTo("Error");
        assertThat(text(robot, "#detailHealth")).isEqualTo("Blocked");
    }

    @Test
    void copyButtonsPutTheTokensOnTheClipboard(FxRobot robot) throws Exception {
        CredentialRow blocked = rowWith(Health.BLOCKED);
        select(robot, blocked);

        robot.clickOn(in(robot).lookup("#copyToken").queryAs(Node.class));
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS))
                .isEqualTo(blocked.token());
        robot.interact(() -> scroll.setVvalue(scroll.getVmax())); // the flow tokens sit low
        robot.clickOn(in(robot).lookup("#copyResetToken").queryAs(Node.class));
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS))
                .isEqualTo(blocked.status().resetToken());
    }

    @Test
    void actionsBarAndDangerZoneStayHiddenUntilFilled(FxRobot robot) throws Exception {
        CredentialRow healthy = rowWith(Health.HEALTHY);
        DetailView view = WaitForAsyncUtils.asyncFx(() -> showExtra(420, Locale.ENGLISH)).get(5, TimeUnit.SECONDS);
        select(robot, healthy);
        assertThat(view.actionsBar().isVisible()).isFalse();
        assertThat(view.dangerZone().isVisible()).isFalse();
        robot.interact(() -> {
            view.actionsBar().getChildren().add(new Button("Force SCA"));
            view.dangerZone().getChildren().add(new Button("Delete…"));
            // lay out now: on a busy machine the next pulse may come after the assertions
            view.root().getScene().getRoot().applyCss();
            view.root().getScene().getRoot().layout();
        });
        assertThat(view.actionsBar().isVisible()).isTrue();
        assertThat(view.dangerZone().isVisible()).isTrue();
        assertThat(view.actionsBar().getParent()).isSameAs(view.dangerZone().getParent());
        assertThat(view.dangerZone().getLayoutY()).as("delete sits below, apart").isGreaterThan(view.actionsBar().getLayoutY());
    }

    /**
     * At 420 px, in English and Spanish, with the longest words the pane can show: no text is
     * cut short, nothing is wider than the pane, and no key is missing.
     */
    @Test
    void nothingIsClippedAt420PixelsInEnglishAndSpanish(FxRobot robot) throws Exception {
        List<CredentialRow> samples = List.of(
                rowWith(Health.BLOCKED),
                rowWith(Health.NEEDS_SCA),
                sample("every-flow-open-and-pending", true, true, allFlags(false), allFlags(false)),
                sample("nothing-known", null, null, FlagGroups.UNKNOWN, FlagGroups.UNKNOWN),
                new CredentialRow(new CredentialItem("status-as-a-string", null, "unknown-bank-id", null, "active")));
        FakeHistory history = longHistory();
        for (Locale locale : List.of(Locale.ENGLISH, new Locale("es"))) {
            DetailView view = WaitForAsyncUtils.asyncFx(() -> showExtra(420, locale, history)).get(5, TimeUnit.SECONDS);
            TabPane tabs = view.tabPane();
            for (CredentialRow row : samples) {
                for (int tab = 0; tab < 2; tab++) {
                    int t = tab;
                    robot.interact(() -> {
                        credentials.selectedProperty().set(row);
                        tabs.getSelectionModel().select(t);
                    });
                    WaitForAsyncUtils.waitForFxEvents();
                    String where = locale + " " + row.token() + " tab " + tab;
                    WaitForAsyncUtils.asyncFx(() -> {
                        Parent root = view.root();
                        root.applyCss();
                        root.getScene().getRoot().layout();
                        ScrollPane scroll = (ScrollPane) root.getScene().getRoot();
                        assertThat(root.getLayoutBounds().getWidth()).as(where + ": pane wider than its viewport")
                                .isLessThanOrEqualTo(scroll.getViewportBounds().getWidth() + 0.5);
                        assertNothingClipped(root, where);
                        if (t == 0) {
                            assertThat(showing(root.lookup("#detailHistory"))).as(where + ": history shown").isTrue();
                            assertThat(((Parent) root.lookup("#historyLines")).getChildrenUnmodifiable())
                                    .as(where + ": history lines").hasSize(DetailViewModel.HISTORY_LINES);
                            assertThat(showing(root.lookup("#historyMessage"))).as(where + ": earlier changes counted").isTrue();
                        }
                        return null;
                    }).get(5, TimeUnit.SECONDS);
                }
            }
        }
    }

    /**
     * Wired as the console does it (recorder attached before the load, real writer thread, its
     * own sandbox): a credential's timeline appears in the pane, and a flow forced by this user
     * shows on top once the pane's Refresh brings the new status.
     */
    @Test
    void theTimelineShowsInThePaneAfterAChange(FxRobot robot, @TempDir Path dataDir) throws Exception {
        String me = System.getProperty("user.name", "unknown");
        SandboxServer own = SandboxServer.start(SandboxConfig.defaults());
        FlanksClient ownClient = new FlanksClient(new Environment("Sandbox", own.baseUrl(), "sandbox-client", "sandbox-secret"));
        AuditLog audit = new AuditLog(dataDir);
        CredentialsViewModel table = new CredentialsViewModel(ownClient, background, Clock.systemUTC());
        DetailViewModel detail = new DetailViewModel(table, Clock.systemUTC(), text -> { });
        try {
            DetailView view = WaitForAsyncUtils.asyncFx(() -> {
                detail.useHistory(StatusRecorder.attach(table, dataDir, own.baseUrl(), own.baseUrl(), audit,
                        Clock.systemUTC()), background);
                DetailView v = new DetailView(detail);
                Stage stage = new Stage();
                stage.setScene(new Scene(inScroll(v), 460, 900));
                stage.show();
                extraStages.add(stage);
                table.reload();
                return v;
            }).get(5, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                    () -> !table.loadingProperty().get() && table.lastLoadedProperty().get() != null);
            CredentialRow healthy = table.allRows().stream().filter(r -> r.health() == Health.HEALTHY)
                    .reduce((a, b) -> b).orElseThrow();
            robot.interact(() -> table.selectedProperty().set(healthy));

            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> historyTexts(robot, view).size() == 1);
            assertThat(historyTexts(robot, view)).containsExactly("First seen Healthy just now");
            assertThat(robot.from(view.root()).lookup("#detailHistory").query().isVisible()).isTrue();

            // what Force SCA does: the call, its audit line on disk, then the status again
            ForceResult forced = ownClient.force(healthy.token(), ForceKind.SCA);
            audit.append(new AuditEntry(Instant.now(), me, "SANDBOX", own.baseUrl(), "force_sca", healthy.token(),
                    healthy.bankId(), healthy.externalId(), AuditEntry.OK, null, AuditEntry.mask(forced.token())));
            Button refresh = robot.from(view.root()).lookup("#detailRefresh").queryAs(Button.class);
            robot.interact(refresh::fire);

            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> historyTexts(robot, view).size() == 2);
            assertThat(historyTexts(robot, view)).containsExactly("SCA requested just now by you", "First seen Healthy just now");
            Label newest = robot.from(view.root()).lookup("#historyLine0").queryAs(Label.class);
            assertThat(((FontIcon) newest.getGraphic()).getIconLiteral()).isEqualTo(Health.NEEDS_SCA.icon());
            assertThat(newest.getAccessibleHelp()).as("the tooltip's text, read out").contains("UTC").contains(me);
            assertThat(robot.from(view.root()).lookup("#historyMessage").query().isVisible()).isFalse();
        } finally {
            WaitForAsyncUtils.asyncFx(detail::dispose).get(5, TimeUnit.SECONDS);
            ownClient.close();
            own.close();
        }
    }

    private static List<String> historyTexts(FxRobot robot, DetailView view) {
        return robot.from(view.root()).lookup("#historyLines .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
    }

    /**
     * Built with its sections handed out as steps (as the first window does, one a frame), the
     * pane has its header alone; run in order, the steps make the same pane as built at once.
     */
    @Test
    void aPaneBuiltStepByStepEndsUpAsThePaneBuiltAtOnce() throws Exception {
        String[] shapes = WaitForAsyncUtils.asyncFx(() -> {
            DetailViewModel extra = new DetailViewModel(credentials, Clock.systemUTC(), text -> { });
            List<Runnable> steps = new ArrayList<>();
            DetailView stepwise = new DetailView(extra, steps::add);
            String before = shape(stepwise.root());
            steps.forEach(Runnable::run);
            return new String[] {before, shape(stepwise.root()), shape(new DetailView(extra).root()), String.valueOf(steps.size())};
        }).get(10, TimeUnit.SECONDS);

        assertThat(shapes[0]).contains("detailTitle").doesNotContain("detailTabs").doesNotContain("detailFacts")
                .doesNotContain("productMatrix");
        assertThat(shapes[1]).isEqualTo(shapes[2]).contains("detailTabs", "detailFacts", "detailHistory", "productMatrix",
                "transactionMatrix", "detailFlowTokens", "detailActions");
        assertThat(Integer.parseInt(shapes[3])).as("a step per section").isEqualTo(7);
    }

    /** The node tree as nested ids and types, children in order. */
    private static String shape(Node n) {
        StringBuilder b = new StringBuilder(n.getClass().getSimpleName());
        if (n.getId() != null) {
            b.append('#').append(n.getId());
        }
        if (n instanceof Parent p && !(n instanceof javafx.scene.control.Control)) {
            b.append('[');
            p.getChildrenUnmodifiable().forEach(c -> b.append(shape(c)).append(','));
            b.append(']');
        }
        return b.toString();
    }

    // ---- helpers -------------------------------------------------------------------------

    /** A second stage with its own view-model over the same table, in the given language. */
    private DetailView showExtra(double width, Locale locale) {
        return showExtra(width, locale, null);
    }

    private DetailView showExtra(double width, Locale locale, FakeHistory history) {
        I18n.use(locale);
        DetailViewModel extra = new DetailViewModel(credentials, Clock.systemUTC(), text -> { });
        if (history != null) {
            extra.useHistory(history, Background.direct()); // an in-memory read: inline is fine
        }
        DetailView view = new DetailView(extra);
        Stage stage = new Stage();
        stage.setScene(new Scene(inScroll(view), width, 1000));
        stage.show();
        extraStages.add(stage);
        return view;
    }

    /** Ten changes of every kind, the longest words included: eight lines and a count. */
    private static FakeHistory longHistory() {
        Instant now = Instant.now();
        FakeHistory h = new FakeHistory();
        h.fallback = List.of(
                FakeHistory.snap("t", now.minus(Duration.ofDays(70)), Health.PENDING, false),
                FakeHistory.snap("t", now.minus(Duration.ofDays(60)), Health.ERRORS, false),
                FakeHistory.snap("t", now.minus(Duration.ofDays(50)), Health.HEALTHY, false),
                FakeHistory.snap("t", now.minus(Duration.ofDays(40)), Health.NEEDS_SCA, true),
                FakeHistory.snap("t", now.minus(Duration.ofDays(30)), Health.HEALTHY, false),
                FakeHistory.snap("t", now.minus(Duration.ofDays(20)), Health.TRANSACTION_OPEN, true),
                FakeHistory.snap("t", now.minus(Duration.ofDays(10)), Health.UNKNOWN, false),
                FakeHistory.snap("t", now.minus(Duration.ofDays(5)), Health.BLOCKED, false),
                new Snapshot(now.minus(Duration.ofMinutes(59)), "t", Health.BLOCKED, true, false, true, false, true, 0, true),
                FakeHistory.snap("t", now.minus(Duration.ofMinutes(30)), Health.TRANSACTION_OPEN, true));
        return h;
    }

    private static Map<String, Boolean> allFlags(boolean value) {
        Map<String, Boolean> m = new HashMap<>();
        Flags.PRODUCT_KEYS.forEach(k -> m.put(k, value));
        return m;
    }

    private static CredentialRow sample(String token, Boolean pending, Boolean blocked,
                                        Object created, Object errored) {
        FlagGroups c = created instanceof FlagGroups g ? g
                : new FlagGroups(new Flags(castFlags(created)), new Flags(castFlags(created)));
        FlagGroups e = errored instanceof FlagGroups g ? g
                : new FlagGroups(new Flags(castFlags(errored)), new Flags(castFlags(errored)));
        boolean open = Boolean.TRUE.equals(blocked);
        CredentialStatus s = new CredentialStatus(pending, blocked,
                open ? "0123456789abcdef0123456789abcdef" : null,
                open ? "fedcba9876543210fedcba9876543210" : null,
                open ? "00112233445566778899aabbccddeeff" : null,
                "testbank", pending == null ? null : LocalDate.now(), pending == null ? null : LocalTime.NOON,
                null, pending == null ? null : Instant.now().minusSeconds(600), null, e, c,
                "{\"pending\": " + pending + ", \"blocked\": " + blocked + "}");
        return new CredentialRow(new CredentialItem(token, "cust-123456789", "caja-rural-de-navarra", s, null));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Boolean> castFlags(Object o) {
        return (Map<String, Boolean>) o;
    }

    private static boolean showing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    private static void assertNothingClipped(Parent root, String where) {
        List<Node> all = new ArrayList<>();
        collect(root, all);
        int checked = 0;
        for (Node n : all) {
            if (!(n instanceof Labeled l) || !showing(l) || l.getText() == null || l.getText().isEmpty()) {
                continue;
            }
            checked++;
            String full = l.getText();
            assertThat(MISSING_KEY.matcher(full).find()).as(where + ": missing key in " + full).isFalse();
            // tooltips are made on first hover; their text is the accessible help from the start
            Tooltip tip = l.getTooltip();
            for (String help : new String[] {tip == null ? null : tip.getText(), l.getAccessibleHelp()}) {
                if (help != null) {
                    assertThat(MISSING_KEY.matcher(help).find()).as(where + ": missing key in " + help).isFalse();
                }
            }
            // the skin's LabeledText (style class "text"), not an icon (a FontIcon is a Text too)
            String shown = l.getChildrenUnmodifiable().stream()
                    .filter(c -> c instanceof Text && c.getStyleClass().contains("text"))
                    .map(c -> ((Text) c).getText()).findFirst().orElse(full);
            assertThat(shown).as(where + ": " + l.getId() + " " + l.getStyleClass() + " is cut short").isEqualTo(full);
        }
        assertThat(checked).as(where + ": labels checked").isGreaterThan(5);
    }

    private static void collect(Parent p, List<Node> out) {
        for (Node n : p.getChildrenUnmodifiable()) {
            out.add(n);
            if (n instanceof Parent child) {
                collect(child, out);
            }
        }
    }
}
