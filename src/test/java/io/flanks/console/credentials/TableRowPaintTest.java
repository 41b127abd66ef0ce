package io.flanks.console.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.app.Theme;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Table rows are painted as plain rectangles: one background fill and a one-sided border, in the
 * theme's own colours. The theme gives a row two fills (the divider's colour, then the row's colour
 * inset 1 px at the bottom), and JavaFX paints a region of two or more fills from a cached image
 * in nine slices; the software renderer stretched its middle over every row of every frame that
 * changed them (half its CPU while typing in search over 100,000 rows).
 */
@ExtendWith(ApplicationExtension.class)
class TableRowPaintTest {
    private Stage consoleStage;
    private Stage themeStage;

    @Start
    void start(Stage stage) {
        // each test makes its own two windows, after choosing its theme
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            consoleStage.hide();
            themeStage.hide();
            Theme.apply(false);
        }).get(5, TimeUnit.SECONDS);
    }

    /** The same table twice: with the console's stylesheet on the theme, and with the theme alone. */
    @ParameterizedTest(name = "dark theme: {0}")
    @ValueSource(booleans = {false, true})
    void rowsHaveOneFillAndABottomBorderInTheThemesColours(boolean dark) throws Exception {
        TableView<String> console = table();
        TableView<String> theme = table();
        WaitForAsyncUtils.asyncFx(() -> {
            Theme.apply(dark);
            consoleStage = show(console, true, dark, 100);
            themeStage = show(theme, false, dark, 600);
        }).get(10, TimeUnit.SECONDS);

        WaitForAsyncUtils.asyncFx(() -> {
            console.getSelectionModel().select(1);
            theme.getSelectionModel().select(1);
        }).get(5, TimeUnit.SECONDS);
        compare(console, theme, "selected, table without focus");

        // a focused table's selected row has a colour of its own; one window has the focus at a time
        Color ours = focusedSelectedRow(console, TableRowPaintTest::onlyFill);
        Color theirs = focusedSelectedRow(theme, TableRowPaintTest::lastFill);
        assertThat(ours).as("a selected row of a focused table: the theme's colour").isEqualTo(theirs);
        assertThat(ours).as("which differs from an unselected row's")
                .isNotEqualTo(WaitForAsyncUtils.asyncFx(() -> lastFill(row(theme, 0))).get(5, TimeUnit.SECONDS));
    }

    /** Row 1's fill once its table has the focus. */
    private static Color focusedSelectedRow(TableView<String> t, java.util.function.Function<TableRow<?>, Color> fill) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            t.getScene().getWindow().requestFocus();
            t.requestFocus();
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, t::isFocused);
        return WaitForAsyncUtils.asyncFx(() -> {
            t.applyCss();
            t.layout();
            return fill.apply(row(t, 1));
        }).get(5, TimeUnit.SECONDS);
    }

    /** Rows 0 (not selected), 1 (selected) and the first empty one of both tables, as they stand. */
    private static void compare(TableView<String> console, TableView<String> theme, String state) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            for (TableView<String> t : List.of(console, theme)) {
                t.applyCss();
                t.layout();
            }
            for (int i : new int[] {0, 1}) {
                TableRow<?> ours = row(console, i);
                TableRow<?> theirs = row(theme, i);
                List<BackgroundFill> themeFills = theirs.getBackground().getFills();
                assertThat(themeFills).as("the theme's row %d (%s): the divider's colour, then the row's", i, state).hasSize(2);

                assertThat(ours.getBackground().getFills()).as("row %d (%s): one fill", i, state).hasSize(1);
                BackgroundFill fill = ours.getBackground().getFills().get(0);
                assertThat(fill.getInsets()).as("row %d (%s): the fill covers the row", i, state).isEqualTo(Insets.EMPTY);
                assertThat(fill.getFill()).as("row %d (%s): the theme's row colour", i, state).isEqualTo(themeFills.get(1).getFill());

                assertThat(ours.getBorder()).as("row %d (%s): a border", i, state).isNotNull();
                assertThat(ours.getBorder().getStrokes()).hasSize(1);
                BorderStroke stroke = ours.getBorder().getStrokes().get(0);
                assertThat(stroke.getWidths().getBottom()).as("row %d (%s): 1 px at the bottom", i, state).isEqualTo(1.0);
                assertThat(stroke.getBottomStyle()).isEqualTo(BorderStrokeStyle.SOLID);
                assertThat(stroke.getBottomStroke()).as("row %d (%s): the theme's divider colour", i, state)
                        .isEqualTo(themeFills.get(0).getFill());
                for (Paint side : List.of(stroke.getTopStroke(), stroke.getLeftStroke(), stroke.getRightStroke())) {
                    assertThat(((Color) side).getOpacity()).as("row %d (%s): no other side", i, state).isZero();
                }
            }
            TableRow<?> empty = row(console, 3);
            assertThat(empty.isEmpty()).isTrue();
            assertThat(visibleFills(empty.getBackground())).as("an empty row: no fill").isZero();
            assertThat(empty.getBorder() == null || empty.getBorder().getStrokes().stream()
                    .allMatch(s -> ((Color) s.getBottomStroke()).getOpacity() == 0)).as("an empty row: no divider").isTrue();
            return null;
        }).get(5, TimeUnit.SECONDS);
    }

    private static long visibleFills(Background background) {
        return background == null ? 0 : background.getFills().stream()
                .filter(f -> !(f.getFill() instanceof Color c && c.getOpacity() == 0)).count();
    }

    private static Color onlyFill(TableRow<?> row) {
        assertThat(row.getBackground().getFills()).hasSize(1);
        return (Color) row.getBackground().getFills().get(0).getFill();
    }

    private static Color lastFill(TableRow<?> row) {
        List<BackgroundFill> fills = row.getBackground().getFills();
        return (Color) fills.get(fills.size() - 1).getFill();
    }

    private static TableView<String> table() {
        TableView<String> t = new TableView<>(FXCollections.observableArrayList("first", "second", "third"));
        TableColumn<String, String> c = new TableColumn<>("Name");
        c.setCellValueFactory(d -> new javafx.beans.property.SimpleStringProperty(d.getValue()));
        t.getColumns().add(c);
        return t;
    }

    /** A window with the table, with the console's stylesheet as the console's window has it (or not). */
    private static Stage show(TableView<String> table, boolean consoleStylesheet, boolean dark, double x) {
        Scene scene = new Scene(table, 400, 300);
        if (consoleStylesheet) {
            scene.getStylesheets().add(Objects.requireNonNull(TableRowPaintTest.class.getResource("/css/app.css")).toExternalForm());
            if (dark) {
                table.getStyleClass().add("theme-dark");
            }
        }
        Stage stage = new Stage();
        stage.setX(x);
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    /** The table's row that shows item {@code index}, or the row after the items for an index past them. */
    private static TableRow<?> row(TableView<?> table, int index) {
        return table.lookupAll(".table-row-cell").stream()
                .map(n -> (TableRow<?>) n)
                .filter(r -> r.getIndex() == index)
                .findFirst().orElseThrow(() -> new AssertionError("no row " + index));
    }
}
