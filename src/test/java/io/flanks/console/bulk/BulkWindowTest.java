package io.flanks.console.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.api.ForceKind;
import io.flanks.console.app.MainWindow;
import io.flanks.console.app.Session;
import io.flanks.console.app.Theme;
import io.flanks.console.common.FxBackground;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.CredentialRow;
import io.flanks.console.credentials.CredentialsViewModel;
import io.flanks.console.credentials.Health;
import io.flanks.console.credentials.RowMark;
import io.flanks.console.detail.DetailViewModel;
import io.flanks.console.sandbox.SandboxConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
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

/** Multi-select and refresh, the duplicates chip, auto-refresh and export, clicked through headless. */
@ExtendWith(ApplicationExtension.class)
class BulkWindowTest {
    private static final String STATUS = "/v0/bank/credentials/status";
    private static final String LIST = "/v0/bank/credentials/list";
    private Session session;
    private FxBackground background;
    private CredentialsViewModel credentials;
    private MainWindow window;

    /** The sandbox's time stands still: pending extractions never finish by themselves, only the test changes a health. */
    private static final Clock STILL = Clock.fixed(java.time.Instant.now(), java.time.ZoneOffset.UTC);

    @Start
    void start(Stage stage) throws Exception {
        // a modal dialog another test class left open on the shared stage would swallow our clicks
        for (javafx.stage.Window w : List.copyOf(javafx.stage.Window.getWindows())) {
            if (w != stage && w instanceof Stage other) {
                other.close();
            }
        }
        I18n.use(Locale.ENGLISH);
        Theme.apply(false);
        session = Session.sandbox(SandboxConfig.defaults().withClock(STILL));
        background = new FxBackground(4);
        credentials = new CredentialsViewModel(session.client(), background, Clock.systemUTC());
        DetailViewModel detail = new DetailViewModel(credentials, Clock.systemUTC());
        window = new MainWindow(session, credentials, detail, Clock.systemUTC(), new io.flanks.console.app.TestHost());
        stage.setScene(new Scene(window.root(), 1400, 850));
        stage.getScene().getStylesheets().add(getClass().getResource("/css/app.css").toExternalForm());
        // the shared stage may keep another test's place and size: the right-hand controls must be on screen
        stage.setMaximized(false);
        stage.sizeToScene();
        stage.setX(0);
        stage.setY(0);
        stage.show();
        credentials.reload();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            credentials.autoRefreshProperty().set(false);
            window.bulkView().refreshViewModel().cancel();
            credentials.cancelLoad();
        }).get(5, TimeUnit.SECONDS);
        background.close();
        session.close();
    }

    private void awaitLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !credentials.loadingProperty().get() && credentials.lastLoadedProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Looks only inside this test's window: another test class's window may still be around. */
    private Scoped in(FxRobot robot) {
        return query -> robot.from(window.root()).lookup(query);
    }

    @FunctionalInterface
    private interface Scoped {
        org.testfx.service.query.NodeQuery lookup(String query);
    }

    private long requests(String path) {
        return session.sandboxServer().requestCount("POST", path);
    }

    @SuppressWarnings("unchecked")
    private TableView<CredentialRow> table(FxRobot robot) {
        return in(robot).lookup("#credentialsTable").queryAs(TableView.class);
    }

    private Node rowAt(FxRobot robot, int index) {
        return in(robot).lookup(".table-row-cell").match(n -> n instanceof TableRow<?> r
                && r.getIndex() == index && r.isVisible() && r.getItem() != null).query();
    }

    @Test
    void shiftAndCtrlClickSelectSeveralAndRefreshSelectedFetchesEachOnce(FxRobot robot) throws Exception {
        awaitLoaded();
        TableView<CredentialRow> table = table(robot);
        robot.clickOn(rowAt(robot, 1));
        robot.press(KeyCode.SHIFT).clickOn(rowAt(robot, 4)).release(KeyCode.SHIFT);
        robot.press(KeyCode.CONTROL).clickOn(rowAt(robot, 7)).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(credentials.selectedRows()).containsExactlyInAnyOrder(table.getItems().get(1), table.getItems().get(2),
                table.getItems().get(3), table.getItems().get(4), table.getItems().get(7));
        assertThat(credentials.selectedProperty().get()).as("the current row is the last clicked")
                .isSameAs(table.getItems().get(7));
        Button refresh = in(robot).lookup("#refreshSelected").queryAs(Button.class);
        assertThat(refresh.getText()).isEqualTo("Refresh selected (5)");
        long before = requests(STATUS);

        robot.clickOn(refresh);

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> !window.bulkView().refreshViewModel().runningProperty().get() && requests(STATUS) >= before + 5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(requests(STATUS)).isEqualTo(before + 5);
        assertThat(window.bulkView().refreshViewModel().summaryProperty().get()).isEqualTo("Refreshed 5 of 5");
        assertThat(in(robot).lookup("#statusBar").queryAs(org.controlsfx.control.StatusBar.class).getText())
                .isEqualTo("Refreshed 5 of 5");

        // the same with the keyboard: Ctrl+Shift+F5
        long again = requests(STATUS);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F5).release(KeyCode.F5, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> requests(STATUS) >= again + 5
                && !window.bulkView().refreshViewModel().runningProperty().get());
        assertThat(requests(STATUS)).isEqualTo(again + 5);
    }

    @Test
    void refreshingHundredsOfSelectedRowsAsksFirstAndEscapeSendsNothing(FxRobot robot) throws Exception {
        awaitLoaded();
        BulkRefreshViewModel bulk = window.bulkView().refreshViewModel();
        robot.clickOn(rowAt(robot, 0));
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        int selected = credentials.selectedRows().size();
        assertThat(selected).as("Ctrl+A selects every row").isEqualTo(table(robot).getItems().size())
                .isGreaterThanOrEqualTo(BulkRefreshViewModel.ASK_FROM);
        long before = requests(STATUS);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F5).release(KeyCode.F5, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#bulkRefreshDialog").tryQuery().isPresent());
        assertThat(robot.lookup("#bulkRefreshBody").queryAs(javafx.scene.control.Label.class).getText())
                .contains(selected + " requests, " + bulk.concurrency() + " at a time");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#bulkRefreshDialog").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bulk.runningProperty().get()).isFalse();
        assertThat(bulk.totalProperty().get()).as("no run was started").isZero();
        assertThat(requests(STATUS)).isEqualTo(before);

        // the button asks as well; confirmed, every selected row is fetched once
        robot.clickOn(in(robot).lookup("#refreshSelected").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#bulkRefreshDialog").tryQuery().isPresent());
        robot.clickOn("#bulkRefreshConfirm");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !bulk.runningProperty().get() && requests(STATUS) >= before + selected);
        assertThat(requests(STATUS)).isEqualTo(before + selected);
    }

    @Test
    void duplicatesChipCountsAndFiltersAndRowsCarryTheMarker(FxRobot robot) throws Exception {
        awaitLoaded();
        long expected = credentials.allRows().stream().filter(r -> r.duplicates() > 0).count();
        assertThat(expected).isPositive();
        ToggleButton chip = in(robot).lookup("#chip-duplicate").queryAs(ToggleButton.class);
        assertThat(chip.getText()).isEqualTo("Duplicates " + expected);

        robot.clickOn(chip);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table(robot).getItems()).hasSize((int) expected).allMatch(r -> r.duplicates() > 0);
        assertThat(credentials.markFilterProperty().get()).isEqualTo(RowMark.DUPLICATE);
        assertThat(in(robot).lookup(".duplicate-marker").queryAll()).isNotEmpty();
        robot.clickOn(in(robot).lookup("#chip-all").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getItems()).hasSize(300);
    }

    @Test
    void autoRefreshReloadsInTheBackgroundAndMarksARowThatChanged(FxRobot robot) throws Exception {
        awaitLoaded();
        ToggleButton toggle = in(robot).lookup("#autoRefresh").queryAs(ToggleButton.class);
        assertThat(toggle.getText()).isEqualTo("Auto-refresh: off");
        robot.interact(() -> credentials.autoRefreshIntervalProperty().set(Duration.ofSeconds(1)));
        // what its tooltip will say is its accessible help before any hover, and follows the interval
        assertThat(toggle.getTooltip()).isNull();
        assertThat(toggle.queryAccessibleAttribute(javafx.scene.AccessibleAttribute.HELP))
                .isEqualTo("Reload the list every second in the background while this is on. Rows whose health changed are marked until you select them.");
        robot.interact(() -> credentials.autoRefreshIntervalProperty().set(Duration.ofSeconds(90)));
        assertThat(toggle.queryAccessibleAttribute(javafx.scene.AccessibleAttribute.HELP)).asString()
                .startsWith("Reload the list every 90 seconds in the background");
        robot.interact(() -> credentials.autoRefreshIntervalProperty().set(Duration.ofSeconds(1)));
        CredentialRow row = table(robot).getItems().stream().limit(10)
                .filter(r -> r.health() == Health.HEALTHY && r != credentials.selectedProperty().get())
                .findFirst().orElseThrow();
        session.client().force(row.token(), ForceKind.SCA);
        long lists = requests(LIST);

        robot.clickOn(toggle);
        assertThat(toggle.getText()).isEqualTo("Auto-refresh: 1 s");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, row::isChanged);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(requests(LIST)).isGreaterThanOrEqualTo(lists + 3); // a whole reload: three pages
        assertThat(row.health()).isEqualTo(Health.NEEDS_SCA);
        assertThat(in(robot).lookup("#chip-changed").queryAs(ToggleButton.class).getText()).isEqualTo("Changed 1");
        assertThat(in(robot).lookup(".changed-row").match(Node::isVisible).queryAll()).hasSize(1);
        assertThat(in(robot).lookup("#markAllSeen").query().isVisible()).isTrue();

        // reloads keep coming while it is on
        long later = requests(LIST);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> requests(LIST) >= later + 3);

        robot.clickOn(toggle);
        assertThat(credentials.autoRefreshProperty().get()).isFalse();
        robot.clickOn(in(robot).lookup("#markAllSeen").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(row.isChanged()).isFalse();
        assertThat(in(robot).lookup(".changed-row").match(Node::isVisible).queryAll()).isEmpty();
    }

    @Test
    void exportViewWritesTheShownRowsToTheChosenFile(FxRobot robot, @TempDir Path dir) throws Exception {
        awaitLoaded();
        robot.clickOn(in(robot).lookup("#chip-blocked").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        int shown = table(robot).getItems().size();
        Path target = dir.resolve("chosen.csv");
        String[] suggested = new String[1];
        window.bulkView().setChooser((owner, name) -> {
            suggested[0] = name;
            return target.toFile();
        });

        robot.clickOn(in(robot).lookup("#exportView").queryAs(Node.class));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(target)
                && !window.bulkView().exportViewModel().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(suggested[0]).matches("flanks-credentials-\\d{8}-\\d{4}\\.csv");
        assertThat(Files.readAllLines(target)).hasSize(shown + 1);
        assertThat(credentials.statusMessageProperty().get())
                .isEqualTo("Exported " + shown + " credentials to " + target.toAbsolutePath());
    }

}
