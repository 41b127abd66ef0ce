package io.flanks.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.common.FxBackground;
import io.flanks.console.credentials.CredentialsViewModel;
import io.flanks.console.detail.DetailViewModel;
import io.flanks.console.sandbox.SandboxConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first window of a start: the table draws its rows before the detail pane is built, and
 * the pane follows by itself, showing the first row.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowFirstRowsTest {
    private Session session;
    private FxBackground background;
    private CredentialsViewModel credentials;
    private MainWindow window;
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path dir;
    /** Per layout pass: did the table have drawn rows, was the detail pane there, was the action strip shown. */
    private final List<boolean[]> passes = new ArrayList<>();
    /** The detail pane's sections, in the order they are shown. */
    static final List<String> SECTIONS = List.of("#detailTabs", "#detailFacts", "#detailHistory", "#productMatrix",
            "#transactionMatrix", "#detailFlowTokens", "#detailActions");
    /** Per layout pass: how many of {@link #SECTIONS} are in the scene. */
    private final List<Integer> sectionsPerPass = new ArrayList<>();
    /** The menu bar, header, quick filters and status bar. */
    static final List<String> CHROME = List.of(".menu-bar", "#reload", "#chips", "#statusBar");
    /** Per layout pass: how many of {@link #CHROME} are in the scene; where is the table's top. */
    private final List<Double> tableTopPerPass = new ArrayList<>();
    private final List<Integer> chromePerPass = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        TestHost.Opened opened = TestHost.open(SandboxConfig.defaults(), 4, true);
        session = opened.session();
        background = opened.background();
        credentials = opened.credentials();
        window = opened.window();
        io.flanks.console.actions.ActionsViewModel actionsVm = new io.flanks.console.actions.ActionsViewModel(session.client(),
                background, credentials, new io.flanks.console.audit.AuditLog(dir), session.label(),
                new io.flanks.console.actions.LinkTemplates(new io.flanks.console.settings.Settings(dir)), false, Clock.systemUTC());
        window.installActions(new io.flanks.console.actions.ActionsView(actionsVm, credentials, () -> stage), actionsVm,
                () -> { }, () -> { }, () -> { });
        Scene scene = new Scene(window.root(), 1400, 850);
        // as the console's: the search field's and status bar's ControlsFX rules look up colours app.css defines
        scene.getStylesheets().add(java.util.Objects.requireNonNull(getClass().getResource("/css/app.css")).toExternalForm());
        scene.addPostLayoutPulseListener(() -> passes.add(new boolean[] {
                scene.getRoot().lookupAll(".table-row-cell").stream()
                        .anyMatch(n -> n instanceof TableRow<?> r && r.getItem() != null && r.isVisible()),
                scene.lookup("#detailPane") != null,
                scene.lookup("#actionStrip") != null && (scene.lookup("#actionStrip").isVisible()
                        || scene.lookup("#action-delete") != null)}));
        scene.addPostLayoutPulseListener(() -> sectionsPerPass.add(
                (int) SECTIONS.stream().filter(id -> scene.lookup(id) != null).count()));
        scene.addPostLayoutPulseListener(() -> {
            chromePerPass.add((int) CHROME.stream().filter(id -> scene.lookup(id) != null).count());
            tableTopPerPass.add(window.credentialsView().table().localToScene(0, 0).getY());
        });
        scene.addPostLayoutPulseListener(() -> rowsAndPiecesPerPass.add(new int[] {
                scene.getRoot().lookupAll(".table-row-cell").size(),
                (int) java.util.stream.Stream.of(CHROME, SECTIONS, List.of("#detailPane")).flatMap(List::stream)
                        .filter(id -> scene.lookup(id) != null).count()}));
        stage.setScene(scene);
        stage.show();
        credentials.reload();
    }

    /** Per layout pass: how many table rows the table has made, how many pieces of the window are in. */
    private final List<int[]> rowsAndPiecesPerPass = new ArrayList<>();

    /**
     * The table makes the rest of its first screenful of rows (a few a frame) before the rest of
     * the window comes, a piece a frame: no frame both makes rows and adds a piece. In a cold JVM
     * a frame with both took 60-98 ms of UI-thread CPU; one with either, 15-38 ms.
     */
    @Test
    void noFrameMakesRowsAndAddsAPieceOfTheWindow() throws Exception {
        window.whenDetailLaidOut().toCompletableFuture().get(20, TimeUnit.SECONDS);
        List<int[]> seen = WaitForAsyncUtils.asyncFx(() -> List.copyOf(rowsAndPiecesPerPass)).get(5, TimeUnit.SECONDS);
        int growingPasses = 0;
        for (int i = 1; i < seen.size(); i++) {
            boolean madeRows = seen.get(i)[0] > seen.get(i - 1)[0];
            boolean addedPiece = seen.get(i)[1] > seen.get(i - 1)[1];
            growingPasses += madeRows ? 1 : 0;
            assertThat(madeRows && addedPiece).as("pass %d made rows (%d -> %d) and added a piece (%d -> %d)", i,
                    seen.get(i - 1)[0], seen.get(i)[0], seen.get(i - 1)[1], seen.get(i)[1]).isFalse();
        }
        assertThat(growingPasses).as("the rows came over several frames").isGreaterThan(1);
        assertThat(seen.get(seen.size() - 1)[1]).as("every piece in at the end")
                .isEqualTo(CHROME.size() + SECTIONS.size() + 1);
    }

    @AfterEach
    void tearDown() throws Exception {
        TestHost.close(credentials, background, session);
    }

    @Test
    void rowsAreDrawnFirstThenTheDetailPaneFollowsWithTheFirstRow(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#product-auth-state").tryQuery()
                .filter(n -> n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()).isPresent());

        List<boolean[]> seen = WaitForAsyncUtils.asyncFx(() -> List.copyOf(passes)).get(5, TimeUnit.SECONDS);
        int firstRows = -1;
        int firstDetail = -1;
        for (int i = 0; i < seen.size(); i++) {
            if (firstRows < 0 && seen.get(i)[0]) {
                firstRows = i;
            }
            if (firstDetail < 0 && seen.get(i)[1]) {
                firstDetail = i;
            }
        }
        assertThat(firstRows).as("a pass with rows").isGreaterThanOrEqualTo(0);
        assertThat(firstDetail).as("the detail pane comes after the first drawn rows").isGreaterThan(firstRows);
        assertThat(seen).as("the action strip (shown or in the scene at all) only with the detail pane above it")
                .allMatch(p -> !p[2] || p[1]);
        assertThat(credentials.selectedProperty().get()).isNotNull();
        assertThat(window.detailView().root().isVisible()).isTrue();
        assertThat(window.whenDetailLaidOut().toCompletableFuture().get(5, TimeUnit.SECONDS))
                .as("the window is complete: a held load goes on").isNull();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#actionStrip").query().isVisible());
    }

    /**
     * The first frame with rows has the table alone; the menu bar, header, quick filters and
     * status bar come one a frame after it (together they took a frame of 190-260 ms of UI-thread
     * CPU in a cold JVM), before the detail pane, in places kept at their heights: the rows do
     * not move. The heights are remembered for the next start.
     */
    @Test
    void menusHeaderAndStatusBarComeAfterTheFirstRowsWithoutMovingThem() throws Exception {
        window.whenDetailLaidOut().toCompletableFuture().get(20, TimeUnit.SECONDS);
        List<boolean[]> seen = WaitForAsyncUtils.asyncFx(() -> List.copyOf(passes)).get(5, TimeUnit.SECONDS);
        List<Integer> chrome = WaitForAsyncUtils.asyncFx(() -> List.copyOf(chromePerPass)).get(5, TimeUnit.SECONDS);
        List<Double> tableTop = WaitForAsyncUtils.asyncFx(() -> List.copyOf(tableTopPerPass)).get(5, TimeUnit.SECONDS);
        int firstRows = seen.stream().map(p -> p[0]).toList().indexOf(true);
        int firstChrome = chrome.stream().map(n -> n > 0).toList().indexOf(true);
        int allChrome = chrome.indexOf(CHROME.size());
        int firstDetail = seen.stream().map(p -> p[1]).toList().indexOf(true);

        assertThat(firstRows).as("a pass with rows").isGreaterThanOrEqualTo(0);
        assertThat(firstChrome).as("menus, header and status bar after the first rows: %s", chrome).isGreaterThan(firstRows);
        assertThat(allChrome).as("all of them before the pane: %s", chrome).isGreaterThan(firstChrome).isLessThan(firstDetail);
        for (int i = 1; i < chrome.size(); i++) {
            assertThat(chrome.get(i) - chrome.get(i - 1)).as("added in layout pass %d: %s", i, chrome).isBetween(0, 1);
        }
        assertThat(tableTop.subList(firstRows, tableTop.size())).as("the table's top, from the first rows on")
                .containsOnly(tableTop.get(tableTop.size() - 1));

        io.flanks.console.settings.Settings remembered = new io.flanks.console.settings.Settings(dir.resolve("layout"));
        WaitForAsyncUtils.asyncFx(() -> window.saveLayout(remembered)).get(5, TimeUnit.SECONDS);
        assertThat(remembered.getDouble("window.topHeight", -1)).as("the top's height, for the next start")
                .isEqualTo(tableTop.get(tableTop.size() - 1));
        assertThat(remembered.getDouble("window.bottomHeight", -1)).isEqualTo(MainWindow.DEFAULT_BOTTOM_HEIGHT);
    }

    /** The next start keeps the places a window measured; a hand-edited absurd height falls back to the default. */
    @Test
    void theKeptPlacesAreTheRememberedHeightsWhenPlausible() throws Exception {
        io.flanks.console.settings.Settings remembered = new io.flanks.console.settings.Settings(dir.resolve("remembered"));
        remembered.put("window.topHeight", "131.0");
        remembered.put("window.bottomHeight", "9999");
        double[] kept = WaitForAsyncUtils.asyncFx(() -> {
            CredentialsViewModel vm = new CredentialsViewModel(session.client(), background, Clock.systemUTC());
            MainWindow unshown = new MainWindow(session, vm, new DetailViewModel(vm, Clock.systemUTC()), Clock.systemUTC(),
                    new TestHost(), true);
            unshown.restoreLayout(remembered);
            javafx.scene.layout.BorderPane root = (javafx.scene.layout.BorderPane) unshown.root();
            return new double[] {((javafx.scene.layout.Region) root.getTop()).getMinHeight(),
                    ((javafx.scene.layout.Region) root.getBottom()).getMinHeight()};
        }).get(5, TimeUnit.SECONDS);

        assertThat(kept[0]).as("the top's remembered height").isEqualTo(131.0);
        assertThat(kept[1]).as("an absurd bottom height: the default").isEqualTo(MainWindow.DEFAULT_BOTTOM_HEIGHT);
    }

    /**
     * The first window's detail pane comes a section a frame (in a cold JVM the whole pane in one
     * frame took 150-250 ms of UI-thread CPU), and the window is complete once the last is in.
     */
    @Test
    void theDetailPaneComesASectionAFrameAndIsCompleteWithTheLast() throws Exception {
        window.whenDetailLaidOut().toCompletableFuture().get(20, TimeUnit.SECONDS);
        List<Integer> counts = WaitForAsyncUtils.asyncFx(() -> List.copyOf(sectionsPerPass)).get(5, TimeUnit.SECONDS);

        assertThat(counts.get(counts.size() - 1)).as("all sections in when complete").isEqualTo(SECTIONS.size());
        for (int i = 1; i < counts.size(); i++) {
            assertThat(counts.get(i) - counts.get(i - 1)).as("sections added in layout pass %d: %s", i, counts)
                    .isBetween(0, 1);
        }
        assertThat(counts.get(0)).as("none before the first rows").isZero();
        List<boolean[]> seen = WaitForAsyncUtils.asyncFx(() -> List.copyOf(passes)).get(5, TimeUnit.SECONDS);
        for (int i = 0; i < Math.min(seen.size(), counts.size()); i++) {
            assertThat(!seen.get(i)[2] || counts.get(i) == SECTIONS.size())
                    .as("the action strip joins with the pane's last section (pass %d)", i).isTrue();
        }
    }
}
