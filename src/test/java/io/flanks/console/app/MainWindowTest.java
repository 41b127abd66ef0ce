package io.flanks.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.common.FxBackground;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.CredentialRow;
import io.flanks.console.credentials.CredentialsViewModel;
import io.flanks.console.credentials.Health;
import io.flanks.console.detail.DetailViewModel;
import io.flanks.console.sandbox.SandboxConfig;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window headless (TestFX + Monocle) on the real sandbox over HTTP. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private Session session;
    private FxBackground background;
    private CredentialsViewModel credentials;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        TestHost.Opened opened = TestHost.open(SandboxConfig.defaults(), 4, false);
        session = opened.session();
        background = opened.background();
        credentials = opened.credentials();
        window = opened.window();
        stage.setScene(new Scene(window.root(), 1400, 850));
        stage.getScene().getStylesheets().add(getClass().getResource("/css/app.css").toExternalForm());
        stage.show();
        credentials.reload();
    }

    @AfterEach
    void tearDown() throws Exception {
        TestHost.close(credentials, background, session);
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

    /** The drawn row showing item {@code index} (the flow also keeps spare, hidden cells). */
    private static javafx.scene.Node rowAt(FxRobot robot, int index) {
        return robot.lookup(".table-row-cell").match(n -> n instanceof javafx.scene.control.TableRow<?> r
                && r.getIndex() == index && r.isVisible() && r.getItem() != null).query();
    }

    @Test
    void loadsEveryCredentialIntoTheTable(FxRobot robot) throws Exception {
        awaitLoaded();
        assertThat(table(robot).getItems()).hasSize(300);
        assertThat(robot.lookup("#shownCount").queryAs(Label.class).getText()).isEqualTo("300 of 300 shown");
        assertThat(robot.lookup("#envBadge").queryAs(Label.class).getText()).isEqualTo("SANDBOX");
        // rows are really drawn, health shown as a word (never colour alone)
        assertThat(robot.lookup(".table-row-cell").queryAll()).isNotEmpty();
        assertThat(robot.lookup(".health-badge").queryAllAs(javafx.scene.control.Labeled.class))
                .anyMatch(l -> l.getText().equals("Healthy"));
        // each badge is coloured by its health (a pseudo class), the same colour for the same word
        java.util.Map<String, javafx.scene.paint.Paint> fills = new java.util.HashMap<>();
        // the cells of drawn rows: the flow also keeps spare rows, hidden, and makes new ones two a frame
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> !window.credentialsView().stillMakingRows()).get());
        for (javafx.scene.control.Labeled badge : robot.lookup(".health-badge").queryAllAs(javafx.scene.control.Labeled.class)) {
            if (badge.isVisible() && badge.getText() != null && badge.getParent() instanceof javafx.scene.control.TableRow<?> row
                    && row.isVisible() && row.getItem() != null) {
                assertThat(fills.computeIfAbsent(badge.getText(), k -> badge.getTextFill())).as(badge.getText())
                        .isEqualTo(badge.getTextFill());
            }
        }
        assertThat(fills.get("Healthy")).isNotNull()
                .isNotEqualTo(robot.lookup("#shownCount").queryAs(Label.class).getTextFill());
        assertThat(new java.util.HashSet<>(fills.values())).as("different healths, different colours").hasSizeGreaterThan(1);
    }

    /** In Spanish, the longer language, every quick filter still fits on one line at the default width. */
    @Test
    void inSpanishTheQuickFiltersFitOnOneLineAtTheDefaultWidth(FxRobot robot) throws Exception {
        awaitLoaded();
        CredentialsViewModel es = WaitForAsyncUtils.asyncFx(() -> {
            I18n.use(Locale.forLanguageTag("es"));
            CredentialsViewModel vm = new CredentialsViewModel(session.client(), background, Clock.systemUTC());
            MainWindow spanish = new MainWindow(session, vm, new DetailViewModel(vm, Clock.systemUTC()), Clock.systemUTC(),
                    new io.flanks.console.app.TestHost());
            Stage stage = new Stage();
            stage.setScene(new Scene(spanish.root(), 1400, 850)); // the window's size on a first start
            stage.getScene().getStylesheets().add(getClass().getResource("/css/app.css").toExternalForm());
            stage.show();
            vm.reload();
            return vm;
        }).get(10, TimeUnit.SECONDS);
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !es.loadingProperty().get() && es.lastLoadedProperty().get() != null);
            WaitForAsyncUtils.waitForFxEvents();
            java.util.List<javafx.scene.Node> chips = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#chipFlow")
                    .queryAllAs(javafx.scene.layout.FlowPane.class).stream()
                    .filter(f -> ((javafx.scene.control.Labeled) f.getChildren().get(0)).getText().startsWith("Todas"))
                    .findFirst().map(f -> java.util.List.copyOf(f.getChildren())).orElseThrow())
                    .get(5, TimeUnit.SECONDS);
            assertThat(chips).hasSizeGreaterThan(10);
            // one line: chips of a second line would sit a whole chip lower (within a line they
            // differ by a pixel or so, centred on the line)
            double firstY = chips.get(0).getLayoutY();
            double lineHeight = chips.get(0).getLayoutBounds().getHeight();
            assertThat(chips).filteredOn(javafx.scene.Node::isVisible).allSatisfy(c -> assertThat(c.getLayoutY())
                    .as(((javafx.scene.control.Labeled) c).getText()).isCloseTo(firstY, org.assertj.core.data.Offset.offset(lineHeight / 2)));
        } finally {
            WaitForAsyncUtils.asyncFx(() -> {
                I18n.use(Locale.ENGLISH);
                robot.listWindows().stream().filter(w -> w != window.root().getScene().getWindow()).forEach(javafx.stage.Window::hide);
            }).get(5, TimeUnit.SECONDS);
        }
    }

    /** Background work keeps the normal priority while the console starts and yields to the window once it shows. */
    @Test
    void showingTheWindowMakesBackgroundWorkYieldToIt(FxRobot robot) throws Exception {
        Stage stage = (Stage) window.root().getScene().getWindow();
        WaitForAsyncUtils.asyncFx(() -> {
            stage.hide();
            io.flanks.console.common.BackgroundPriority.startingUp();
        }).get(5, TimeUnit.SECONDS);
        assertThat(io.flanks.console.common.BackgroundPriority.isYieldingToUi()).isFalse();
        WaitForAsyncUtils.asyncFx(stage::show).get(5, TimeUnit.SECONDS);
        assertThat(io.flanks.console.common.BackgroundPriority.isYieldingToUi()).isTrue();
    }

    @Test
    void headerClicksSortTheRowsAndRowsAreNotClipped(FxRobot robot) throws Exception {
        awaitLoaded();
        TableView<CredentialRow> t = table(robot);
        robot.clickOn(robot.lookup("#col-token").query().lookup(".label"));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> tokens = t.getItems().stream().map(CredentialRow::token).toList();
        assertThat(tokens).hasSize(300).isSorted();
        robot.clickOn(robot.lookup("#col-token").query().lookup(".label"));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> descending = new java.util.ArrayList<>(tokens);
        java.util.Collections.reverse(descending);
        assertThat(t.getItems().stream().map(CredentialRow::token).toList()).isEqualTo(descending);
        // the bank column sorts by name, ignoring case, unknown names last
        robot.clickOn(robot.lookup("#col-bank").query().lookup(".label"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(t.getItems()).hasSize(300).isSortedAccordingTo(java.util.Comparator.comparing(CredentialRow::bankName,
                java.util.Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)));
        // sorted by health, a status change moves its row (the view-model re-sorts)
        WaitForAsyncUtils.asyncFx(() -> {
            t.getSortOrder().setAll(List.of(t.getColumns().get(0)));
            t.getColumns().get(0).setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
        }).get(5, TimeUnit.SECONDS);
        assertThat(t.getItems()).isSortedAccordingTo(java.util.Comparator.comparingInt(r -> r.health().ordinal()));

        // every row has the same fixed height, and it fits what its cells want to draw (measured
        // on the FX thread: text layout is not thread-safe)
        assertThat(t.getFixedCellSize()).isPositive();
        java.util.Map<String, Double> tallest = WaitForAsyncUtils.asyncFx(() -> {
            java.util.Map<String, Double> most = new java.util.HashMap<>();
            for (javafx.scene.Node n : t.lookupAll(".table-row-cell .table-cell")) {
                javafx.scene.control.TableCell<?, ?> c = (javafx.scene.control.TableCell<?, ?>) n;
                if (c.isVisible() && c.getTableRow() != null && c.getTableRow().getItem() != null) {
                    most.merge(c.getTableColumn().getId(), c.prefHeight(c.getWidth()), Math::max);
                }
            }
            return most;
        }).get(5, TimeUnit.SECONDS);
        assertThat(tallest).hasSize(t.getColumns().size())
                .allSatisfy((col, h) -> assertThat(h).as(col).isLessThanOrEqualTo(t.getFixedCellSize()));
    }

    @Test
    void aHeaderClickKeepsTheCurrentRowWhereItWasInTheWindow(FxRobot robot) throws Exception {
        awaitLoaded();
        TableView<CredentialRow> t = table(robot);
        List<CredentialRow> byToken = t.getItems().stream().sorted(java.util.Comparator.comparing(CredentialRow::token)).toList();
        // a row near the top that sorting by token takes far down (not to the very end)
        int index = java.util.stream.IntStream.range(3, 12)
                .filter(i -> byToken.indexOf(t.getItems().get(i)) >= 60 && byToken.indexOf(t.getItems().get(i)) <= 240)
                .findFirst().orElseThrow();
        CredentialRow target = t.getItems().get(index);
        WaitForAsyncUtils.asyncFx(() -> t.getSelectionModel().clearAndSelect(index)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        // rows are made two a frame at first: measure once the screenful is complete, and from
        // the top of the rows area (the header may change its height with a sort arrow)
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> !window.credentialsView().stillMakingRows()).get());
        javafx.scene.Node rowsArea = robot.lookup(".virtual-flow").query();
        double before = rowAt(robot, index).localToScene(0, 0).getY() - rowsArea.localToScene(0, 0).getY();

        robot.clickOn(robot.lookup("#col-token").query().lookup(".label"));
        WaitForAsyncUtils.waitForFxEvents();

        int now = t.getItems().indexOf(target);
        assertThat(now).as("sorted far from where it was").isEqualTo(byToken.indexOf(target));
        assertThat(t.getSelectionModel().getSelectedItem()).isSameAs(target);
        javafx.scene.Node row = robot.lookup(".table-row-cell").match(n -> n instanceof javafx.scene.control.TableRow<?> r
                && r.getIndex() == now && r.isVisible() && r.getItem() == target).tryQuery()
                .orElseThrow(() -> new AssertionError("the current row is not in view after the sort"));
        assertThat(row.localToScene(0, 0).getY() - rowsArea.localToScene(0, 0).getY()).as("at the same place among the rows")
                .isCloseTo(before, org.assertj.core.data.Offset.offset(1.0));
    }

    /**
     * Many selected rows are selected again in one change after a sort, not one change per
     * row: each change of the selection is a pass over the rows selected.
     */
    @Test
    void aSortSelectsTheSelectedRowsAgainInOneChange(FxRobot robot) throws Exception {
        awaitLoaded();
        TableView<CredentialRow> t = table(robot);
        WaitForAsyncUtils.asyncFx(() -> t.getSelectionModel().selectRange(0, 120)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        List<CredentialRow> selected = List.copyOf(credentials.selectedRows());
        assertThat(selected).hasSize(120);
        int[] changes = new int[1];
        javafx.collections.ListChangeListener<Integer> counter = c -> changes[0]++;
        WaitForAsyncUtils.asyncFx(() -> t.getSelectionModel().getSelectedIndices().addListener(counter)).get(5, TimeUnit.SECONDS);

        robot.clickOn(robot.lookup("#col-token").query().lookup(".label"));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> t.getSelectionModel().getSelectedIndices().removeListener(counter)).get(5, TimeUnit.SECONDS);

        assertThat(t.getItems()).isSortedAccordingTo(java.util.Comparator.comparing(CredentialRow::token));
        assertThat(t.getSelectionModel().getSelectedItems()).as("the same rows, at their new indices")
                .containsExactlyInAnyOrderElementsOf(selected);
        assertThat(credentials.selectedRows()).containsExactlyInAnyOrderElementsOf(selected);
        assertThat(changes[0]).as("changes of the selected indices for one sort").isLessThanOrEqualTo(6);
    }

    @Test
    void ctrlASelectsEveryRowShownAndTheyStaySelectedThroughASort(FxRobot robot) throws Exception {
        awaitLoaded();
        TableView<CredentialRow> t = table(robot);
        CredentialRow current = t.getItems().get(4);
        robot.clickOn(rowAt(robot, 4)); // the current row, and the table focused for Ctrl+A
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(credentials.selectedRows()).hasSize(300).containsExactlyInAnyOrderElementsOf(credentials.allRows());
        assertThat(credentials.selectedProperty().get()).as("the current row stays current").isSameAs(current);

        robot.clickOn(robot.lookup("#col-token").query().lookup(".label"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(t.getItems()).isSortedAccordingTo(java.util.Comparator.comparing(CredentialRow::token));
        assertThat(t.getSelectionModel().getSelectedIndices()).hasSize(300);
        assertThat(credentials.selectedRows()).hasSize(300);
        assertThat(credentials.selectedProperty().get()).isSameAs(current);

        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        int below = t.getItems().indexOf(current) + 1;
        assertThat(credentials.selectedRows()).as("Down selects the next row alone").containsExactly(t.getItems().get(below));
        assertThat(credentials.selectedProperty().get()).isSameAs(t.getItems().get(below));
    }

    @Test
    void cellsShareOneTooltipPerColumnThatSaysWhatItsOwnCellHolds(FxRobot robot) throws Exception {
        awaitLoaded();
        List<javafx.scene.control.TableCell<?, ?>> tokens = robot.lookup(".table-row-cell .table-cell").queryAll().stream()
                .<javafx.scene.control.TableCell<?, ?>>map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> "col-token".equals(c.getTableColumn().getId()) && c.getItem() != null && c.isVisible())
                .limit(2).toList();
        assertThat(tokens).hasSize(2);
        assertThat(tokens.get(0).getTooltip()).as("made when first hovered, not with the window").isNull();
        for (javafx.scene.control.TableCell<?, ?> cell : tokens) {
            robot.moveTo(cell);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tokens.get(0).getTooltip()).isNotNull().isSameAs(tokens.get(1).getTooltip());
        for (javafx.scene.control.TableCell<?, ?> cell : tokens) {
            robot.moveTo(cell).moveBy(3, 1); // rests there: the tooltip shows as it does for a person
            javafx.scene.control.Tooltip tip = cell.getTooltip();
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, tip::isShowing);
            assertThat(tip.getText()).as("the whole token of the row under it").isEqualTo(cell.getItem());
        }
        // the pointer leaves, the tooltip goes (a tooltip left showing would keep later tests' from showing)
        javafx.scene.control.Tooltip tip = tokens.get(0).getTooltip();
        robot.moveTo((javafx.scene.Node) robot.lookup("#statusBar").query());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !tip.isShowing());
    }

    @Test
    void aRowWhoseHealthChangedShowsTheDotOnItsBadgeUntilSeen(FxRobot robot) throws Exception {
        awaitLoaded();
        TableView<CredentialRow> t = table(robot);
        CredentialRow row = t.getItems().get(3);
        CredentialRow blocked = credentials.allRows().stream().filter(r -> r.health() == Health.BLOCKED).findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> {
            if (row.health() != Health.BLOCKED) {
                credentials.applyRefreshedStatus(row, blocked.status());
            }
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Labeled badge = (javafx.scene.control.Labeled) rowAt(robot, t.getItems().indexOf(row))
                .lookup(".health-badge");
        assertThat(badge.getText()).isEqualTo("Blocked");
        assertThat(badge.getGraphic().lookup(".changed-marker")).as("the dot on the icon").isNotNull();
        robot.moveTo(badge);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(badge.getTooltip()).isNotNull();

        robot.clickOn(badge); // seeing the row clears the mark
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(row.isChanged()).isFalse();
        javafx.scene.control.Labeled after = (javafx.scene.control.Labeled) rowAt(robot, t.getItems().indexOf(row))
                .lookup(".health-badge");
        assertThat(after.getGraphic().lookup(".changed-marker")).isNull();
        assertThat(after.getTooltip()).isNull();
        assertThat(after.getText()).isEqualTo("Blocked");
    }

    @Test
    void searchKeepsTheSelectedRowAtItsNewIndex(FxRobot robot) throws Exception {
        awaitLoaded();
        TableView<CredentialRow> t = table(robot);
        CredentialRow target = credentials.allRows().stream().filter(r -> r.externalId() != null).skip(5).findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> t.getSelectionModel().select(target)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#search").write(target.externalId());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(t.getItems()).contains(target).allMatch(r -> r.matches(target.externalId().toLowerCase(Locale.ROOT)));
        assertThat(t.getSelectionModel().getSelectedItem()).as("still selected, at its new index").isSameAs(target);
        assertThat(credentials.selectedProperty().get()).isSameAs(target);
        assertThat(rowAt(robot, t.getItems().indexOf(target))).isNotNull();

        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(t.getItems()).hasSize(300);
        assertThat(t.getSelectionModel().getSelectedItem()).isSameAs(target);
    }

    @Test
    void searchFiltersEnterSelectsFirstMatchEscapeClears(FxRobot robot) throws Exception {
        awaitLoaded();
        CredentialRow target = credentials.allRows().get(42);
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        TextField search = robot.lookup("#search").queryAs(TextField.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, search::isFocused);
        robot.interact(() -> search.setText(target.token().substring(0, 10)));
        assertThat(table(robot).getItems()).containsExactly(target);
        assertThat(robot.lookup("#shownCount").queryAs(Label.class).getText()).isEqualTo("1 of 300 shown");

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getSelectionModel().getSelectedItem()).isSameAs(target);
        assertThat(table(robot).isFocused()).isTrue();
        assertThat(credentials.selectedProperty().get()).isSameAs(target);

        robot.clickOn(search).type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(search.getText()).isEmpty();
        assertThat(table(robot).getItems()).hasSize(300);
    }

    @Test
    void quickFilterChipsCountAndFilter(FxRobot robot) throws Exception {
        awaitLoaded();
        long blocked = credentials.allRows().stream().filter(r -> r.health() == Health.BLOCKED).count();
        assertThat(blocked).isPositive();
        ToggleButton chip = robot.lookup("#chip-blocked").queryAs(ToggleButton.class);
        assertThat(chip.getText()).isEqualTo("Blocked " + blocked);
        robot.clickOn(chip);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getItems()).hasSize((int) blocked).allMatch(r -> r.health() == Health.BLOCKED);
        assertThat(robot.lookup("#chip-all").queryAs(ToggleButton.class).getText()).isEqualTo("All 300");

        // counts follow the search text
        robot.interact(() -> robot.lookup("#search").queryAs(TextField.class).setText("zzzz-nothing"));
        assertThat(chip.getText()).isEqualTo("Blocked 0");
        assertThat(table(robot).getPlaceholder()).isInstanceOf(Label.class);
        assertThat(((Label) table(robot).getPlaceholder()).getText()).isEqualTo("No credential matches the filters");
    }

    @Test
    void selectingABlockedCredentialShowsErroredCellsAndResetToken(FxRobot robot) throws Exception {
        awaitLoaded();
        robot.clickOn("#chip-blocked");
        WaitForAsyncUtils.waitForFxEvents();
        CredentialRow blocked = table(robot).getItems().get(0);
        robot.clickOn(rowAt(robot, 0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(credentials.selectedProperty().get()).isSameAs(blocked);
        assertThat(robot.lookup("#product-auth-state").queryAs(javafx.scene.control.Labeled.class).getText())
                .isEqualTo(I18n.tr("matrix.state.error"));
        assertThat(robot.lookup("#resetToken").queryAs(javafx.scene.control.Labeled.class).getText())
                .isEqualTo(blocked.status().resetToken());
    }

    @Test
    void failedReloadShowsAPlainMessageAndKeepsTheRows(FxRobot robot) throws Exception {
        awaitLoaded();
        session.sandboxServer().setErrorRate(1.0);
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> credentials.errorProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#errorBanner").query().isVisible()).isTrue();
        assertThat(robot.lookup("#errorSummary").queryAs(Label.class).getText()).isEqualTo(I18n.tr("error.server"))
                .doesNotContain("Exception");
        assertThat(robot.lookup("#staleMarker").query().isVisible()).isTrue();
        assertThat(table(robot).getItems()).hasSize(300);
    }

    @Test
    void tableRespondsToClicksWhileASlowLoadIsInFlight(FxRobot robot) throws Exception {
        awaitLoaded();
        session.sandboxServer().setLatencyMs(2000);
        robot.interact(credentials::reload);
        assertThat(credentials.loadingProperty().get()).isTrue();
        robot.clickOn(rowAt(robot, 3));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(credentials.loadingProperty().get()).as("the load is still in flight").isTrue();
        assertThat(table(robot).getSelectionModel().getSelectedIndex()).isEqualTo(3);
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getSelectionModel().getSelectedIndex()).isEqualTo(4);
        assertThat(credentials.loadingProperty().get()).isTrue();
    }

    @Test
    void f5RefreshesTheSelectedCredentialsStatus(FxRobot robot) throws Exception {
        awaitLoaded();
        long before = session.sandboxServer().requestCount("POST", "/v0/bank/credentials/status");
        robot.clickOn(rowAt(robot, 2));
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> session.sandboxServer().requestCount("POST", "/v0/bank/credentials/status") == before + 1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> credentials.refreshing().isEmpty());
        assertThat(credentials.statusMessageProperty().get()).contains("refreshed");
    }

    @Test
    void columnLayoutIsRememberedAcrossWindows(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        awaitLoaded();
        io.flanks.console.settings.Settings settings = new io.flanks.console.settings.Settings(dir);
        robot.interact(() -> {
            TableView<CredentialRow> t = table(robot);
            var token = t.getColumns().remove(3); // move the token column first, hide "errors"
            t.getColumns().add(0, token);
            t.getColumns().get(t.getColumns().size() - 1).setVisible(false);
            window.saveLayout(settings);
        });
        settings.save();
        io.flanks.console.settings.Settings reread = new io.flanks.console.settings.Settings(dir);
        robot.interact(() -> {
            MainWindow other = new MainWindow(session, credentials, new DetailViewModel(credentials, Clock.systemUTC()),
                    Clock.systemUTC(), new io.flanks.console.app.TestHost());
            other.restoreLayout(reread);
            TableView<CredentialRow> t = other.credentialsView().table();
            assertThat(t.getColumns().get(0).getId()).isEqualTo("col-token");
            assertThat(t.getColumns().stream().filter(c -> c.getId().equals("col-errored")).findFirst().orElseThrow()
                    .isVisible()).isFalse();
        });
    }

    @Test
    void shortcutsDialogListsTheKeys(FxRobot robot) throws Exception {
        awaitLoaded();
        robot.clickOn("Help").clickOn("Keyboard shortcuts");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node dialog = robot.lookup("#shortcutsDialog").query();
        assertThat(robot.from(dialog).lookup(".kbd").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Ctrl+F", "Enter", "Escape", "F5", "Ctrl+R");
        robot.type(KeyCode.ESCAPE);
    }

}
