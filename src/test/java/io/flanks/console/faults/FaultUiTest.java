package io.flanks.console.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.api.Backoff;
import io.flanks.console.api.Environment;
import io.flanks.console.api.FlanksClient;
import io.flanks.console.app.MainWindow;
import io.flanks.console.app.Session;
import io.flanks.console.app.Theme;
import io.flanks.console.common.FxBackground;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.CredentialRow;
import io.flanks.console.credentials.CredentialsViewModel;
import io.flanks.console.detail.DetailViewModel;
import io.flanks.console.sandbox.SandboxConfig;
import io.flanks.console.sandbox.SandboxServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Representative faults seen through the real window (TestFX, headless Monocle) against the
 * sandbox's fault injection. The view-model runs on a client with short timeouts and a back-off
 * whose sleeper only records, so a failing load costs three quick tries, not real waits.
 */
@ExtendWith(ApplicationExtension.class)
class FaultUiTest {
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final String LIST = "/v0/bank/credentials/list";
    /** Two pages of the sandbox's 100. */
    private static final int CREDENTIALS = 150;

    private Session session;
    private SandboxServer sandbox;
    private FlanksClient client;
    private FxBackground background;
    private CredentialsViewModel credentials;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        I18n.use(Locale.ENGLISH);
        Theme.apply(false);
        session = Session.sandbox(SandboxConfig.defaults().withCredentials(CREDENTIALS));
        sandbox = session.sandboxServer();
        SandboxConfig cfg = sandbox.config();
        client = new FlanksClient(new Environment("sandbox", sandbox.baseUrl(), cfg.clientId(), cfg.clientSecret()),
                FlanksClient.defaultHttp().newBuilder().connectTimeout(Duration.ofSeconds(2))
                        .readTimeout(Duration.ofSeconds(5)).build(),
                new Backoff(Duration.ofMillis(1), Duration.ofSeconds(5), sleeps::add), Clock.systemUTC());
        background = new FxBackground(4);
        credentials = new CredentialsViewModel(client, background, Clock.systemUTC());
        DetailViewModel detail = new DetailViewModel(credentials, Clock.systemUTC());
        MainWindow window = new MainWindow(session, credentials, detail, Clock.systemUTC(), new io.flanks.console.app.TestHost());
        stage.setScene(new Scene(window.root(), 1400, 850));
        stage.getScene().getStylesheets().add(getClass().getResource("/css/app.css").toExternalForm());
        stage.show();
        credentials.reload();
    }

    @AfterEach
    void tearDown() throws Exception {
        io.flanks.console.app.TestHost.close(credentials, background, client, session);
    }

    private void awaitLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !credentials.loadingProperty().get() && credentials.lastLoadedProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void awaitFailed() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !credentials.loadingProperty().get() && credentials.errorProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TableView<CredentialRow> table(FxRobot robot) {
        return robot.lookup("#credentialsTable").queryAs(TableView.class);
    }

    private static Node rowAt(FxRobot robot, int index) {
        return robot.lookup(".table-row-cell").match(n -> n instanceof TableRow<?> r
                && r.getIndex() == index && r.isVisible() && r.getItem() != null).query();
    }

    @Test
    void aFailedRefreshKeepsTheRowsMarksThemStaleAndSaysWhenTheLastGoodLoadWas(FxRobot robot) throws Exception {
        awaitLoaded();
        Instant lastGood = credentials.lastLoadedProperty().get();
        List<CredentialRow> before = new ArrayList<>(table(robot).getItems());
        assertThat(before).hasSize(CREDENTIALS);
        assertThat(robot.lookup("#staleMarker").query().isVisible()).isFalse();
        assertThat(robot.lookup("#errorBanner").query().isVisible()).isFalse();
        long listCalls = sandbox.requestCount("POST", LIST);

        sandbox.setErrorRate(1.0);
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        awaitFailed();

        // the rows of the last good load stay, the same objects, marked stale
        assertThat(table(robot).getItems()).containsExactlyElementsOf(before);
        assertThat(credentials.staleProperty().get()).isTrue();
        assertThat(robot.lookup("#staleMarker").query().isVisible()).isTrue();
        // the read was tried exactly three times (500 is retryable), pausing twice, never really waiting
        assertThat(sandbox.requestCount("POST", LIST) - listCalls).isEqualTo(FlanksClient.MAX_TRIES);
        assertThat(sleeps).hasSize(FlanksClient.MAX_TRIES - 1);
        // one plain message, and the status bar says when the shown data was loaded
        String summary = I18n.tr("error.server");
        assertThat(robot.lookup("#errorSummary").queryAs(Label.class).getText()).isEqualTo(summary);
        assertThat(statusText(robot)).isEqualTo(I18n.tr("status.failedStale", summary, HMS.format(lastGood)))
                .contains(HMS.format(lastGood));
        assertOneMessageAndNoStackText(robot, summary);

        // and it recovers: the next good load clears banner and marker
        sandbox.setErrorRate(0.0);
        robot.interact(credentials::reload);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !credentials.loadingProperty().get()
                && credentials.errorProperty().get() == null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#staleMarker").query().isVisible()).isFalse();
        assertThat(robot.lookup("#errorBanner").query().isVisible()).isFalse();
        assertThat(credentials.lastLoadedProperty().get()).isAfterOrEqualTo(lastGood);
    }

    @Test
    void theFxThreadStaysResponsiveDuringASlowFailingLoad(FxRobot robot) throws Exception {
        awaitLoaded();
        sandbox.setLatencyMs(700);
        sandbox.setErrorRate(1.0);
        AtomicLong last = new AtomicLong();
        AtomicLong maxGap = new AtomicLong();
        AtomicLong pulses = new AtomicLong();
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long prev = last.getAndSet(now);
                if (prev != 0) {
                    maxGap.accumulateAndGet(now - prev, Math::max);
                }
                pulses.incrementAndGet();
            }
        };
        robot.interact(() -> {
            timer.start();
            credentials.reload();
        });
        try {
            assertThat(credentials.loadingProperty().get()).isTrue();
            // the table takes clicks and keys while the load is in flight
            robot.clickOn(rowAt(robot, 3));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(table(robot).getSelectionModel().getSelectedIndex()).isEqualTo(3);
            robot.type(KeyCode.DOWN);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(table(robot).getSelectionModel().getSelectedIndex()).isEqualTo(4);
            assertThat(credentials.selectedProperty().get()).isSameAs(table(robot).getItems().get(4));
            assertThat(credentials.loadingProperty().get()).as("still in flight").isTrue();
            awaitFailed();
        } finally {
            robot.interact(timer::stop);
        }
        assertThat(pulses.get()).as("the animation kept ticking").isGreaterThan(20);
        assertThat(Duration.ofNanos(maxGap.get())).as("longest gap between FX pulses")
                .isLessThan(Duration.ofMillis(500));
        assertThat(table(robot).getSelectionModel().getSelectedIndex()).as("the failure keeps the selection")
                .isEqualTo(4);
        assertOneMessageAndNoStackText(robot, I18n.tr("error.server"));
    }

    @Test
    void aTokenRevokedElsewhereIsRenewedOnceAndTheReloadSucceedsWithoutAMessage(FxRobot robot) throws Exception {
        awaitLoaded();
        Instant first = credentials.lastLoadedProperty().get();
        long tokens = sandbox.requestCount("POST", "/v0/token");

        sandbox.revokeAllTokens();
        robot.interact(credentials::reload);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !credentials.loadingProperty().get()
                && credentials.lastLoadedProperty().get() != first);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(sandbox.requestCount("POST", "/v0/token") - tokens).as("one renewal").isEqualTo(1);
        assertThat(credentials.errorProperty().get()).isNull();
        assertThat(robot.lookup("#errorBanner").query().isVisible()).isFalse();
        assertThat(robot.lookup("#staleMarker").query().isVisible()).isFalse();
        assertThat(table(robot).getItems()).hasSize(CREDENTIALS);
    }

    private static String statusText(FxRobot robot) {
        return robot.lookup("#statusBar").queryAs(StatusBar.class).getText();
    }

    /** What the screen shows, gathered on the FX thread. */
    private record Screen(int banners, boolean bannerVisible, String summary, int stages, List<String> texts) {
    }

    /**
     * Exactly one error banner, showing the mapped summary; no second window (no dialog popped up
     * on top of the banner); no visible text anywhere that looks like an exception or a stack trace.
     */
    private static void assertOneMessageAndNoStackText(FxRobot robot, String summary) throws Exception {
        Screen screen = WaitForAsyncUtils.asyncFx(() -> {
            List<Node> banners = new ArrayList<>(robot.lookup("#errorBanner").queryAll());
            List<String> texts = new ArrayList<>();
            int stages = 0;
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && w instanceof Stage) {
                    stages++;
                }
                if (w.isShowing() && w.getScene() != null) {
                    collectVisibleTexts(w.getScene().getRoot(), texts);
                }
            }
            return new Screen(banners.size(), !banners.isEmpty() && banners.get(0).isVisible(),
                    robot.lookup("#errorSummary").queryAs(Label.class).getText(), stages, texts);
        }).get(5, TimeUnit.SECONDS);
        assertThat(screen.banners()).isEqualTo(1);
        assertThat(screen.bannerVisible()).isTrue();
        assertThat(screen.summary()).isEqualTo(summary);
        assertThat(screen.stages()).as("no error dialog on top of the banner").isEqualTo(1);
        assertThat(screen.texts()).isNotEmpty().noneMatch(t -> t.contains("Exception") || t.contains("\tat ")
                || t.contains("Caused by") || t.matches("(?s).*\\bat [a-z]+\\.[a-z]+\\..*\\(.*"));
        assertThat(screen.texts().stream().filter(t -> t.equals(summary))).as("the summary is shown once").hasSize(1);
    }

    private static void collectVisibleTexts(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            out.add(l.getText());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collectVisibleTexts(c, out);
            }
        }
    }

}
