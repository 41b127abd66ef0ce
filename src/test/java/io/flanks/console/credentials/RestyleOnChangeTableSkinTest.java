package io.flanks.console.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.api.CredentialItem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The table skin styles a reused row again only where its style inputs changed, and does so in
 * the frame that shows the new row: a cell whose pseudo class or style class changed has its new
 * look when the frame is laid out, and a row whose cells only changed text is not styled again.
 */
@ExtendWith(ApplicationExtension.class)
class RestyleOnChangeTableSkinTest {
    private static final PseudoClass HOT = PseudoClass.getPseudoClass("hot");
    private final List<Integer> restyled = new ArrayList<>();
    private TableView<CredentialRow> table;
    /** The view-model's list: a new search's rows come as one change of constant size. */
    private final TableRows items = new TableRows();

    @Start
    void start(Stage stage) {
        table = newTable();
        items.replace(rows("a", ""));
        table.setItems(items);
        Scene scene = new Scene(table, 400, 300);
        scene.getStylesheets().add("data:text/css,"
                + ".table-cell:hot { -fx-text-fill: red; } .table-cell.cold { -fx-text-fill: blue; }");
        stage.setScene(scene);
        stage.show();
    }

    private TableView<CredentialRow> newTable() {
        TableView<CredentialRow> table = new TableView<>() {
            @Override
            protected javafx.scene.control.Skin<?> createDefaultSkin() {
                return new RestyleOnChangeTableSkin(this, restyled::add);
            }
        };
        table.setFixedCellSize(24);
        TableColumn<CredentialRow, String> token = new TableColumn<>("token");
        token.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().token()));
        TableColumn<CredentialRow, String> ext = new TableColumn<>("external id");
        ext.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().externalId()));
        // "hot" rows (external id ending in !) colour the cell by a pseudo class, "-" ones by a style class
        ext.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                pseudoClassStateChanged(HOT, !empty && s != null && s.endsWith("!"));
                boolean cold = !empty && s != null && s.endsWith("-");
                if (getStyleClass().contains("cold") != cold) {
                    if (cold) {
                        getStyleClass().add("cold");
                    } else {
                        getStyleClass().remove("cold");
                    }
                }
            }
        });
        table.getColumns().add(token);
        table.getColumns().add(ext);
        return table;
    }

    private static List<CredentialRow> rows(String prefix, String suffixEveryThird) {
        List<CredentialRow> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String ext = "user-" + prefix + i + (i % 3 == 0 ? suffixEveryThird : "");
            rows.add(new CredentialRow(new CredentialItem(prefix + "-token-" + i, ext, "bbva", null, null)));
        }
        return rows;
    }

    /** The external id cells as the frame that first showed the last rows laid them out. */
    private List<Object[]> firstFrame;

    /** Shows {@code next}, then waits for the frame; returns how many nodes that frame styled again by the skin. */
    private int show(List<CredentialRow> next) throws Exception {
        // the table has made its rows (a few a frame after it first showed): the next frame reuses them
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> table.getSkin() instanceof RestyleOnChangeTableSkin s && !s.stillMakingRows()).get());
        java.util.concurrent.CountDownLatch laidOut = new java.util.concurrent.CountDownLatch(1);
        WaitForAsyncUtils.asyncFx(() -> {
            restyled.clear();
            items.replace(next);
            Scene scene = table.getScene();
            scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    scene.removePostLayoutPulseListener(this);
                    firstFrame = visibleExternalIds();
                    laidOut.countDown();
                }
            });
        }).get(5, TimeUnit.SECONDS);
        assertThat(laidOut.await(5, TimeUnit.SECONDS)).isTrue();
        return WaitForAsyncUtils.asyncFx(() -> restyled.stream().mapToInt(Integer::intValue).sum()).get(5, TimeUnit.SECONDS);
    }

    /** The external id cells on screen, with the colour each shows (FX thread). */
    private List<Object[]> visibleExternalIds() {
        {
            List<Object[]> cells = new ArrayList<>();
            VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
            for (int i = flow.getFirstVisibleCell().getIndex(); i <= flow.getLastVisibleCell().getIndex(); i++) {
                TableRow<?> row = (TableRow<?>) flow.getCell(i);
                for (Node n : row.getChildrenUnmodifiable()) {
                    if (n instanceof TableCell<?, ?> c && c.getTableColumn() == table.getColumns().get(1) && c.getText() != null) {
                        cells.add(new Object[] {c.getText(), c.getTextFill()});
                    }
                }
            }
            return cells;
        }
    }

    @Test
    void rowsThatOnlyChangeTextAreNotStyledAgain() throws Exception {
        assertThat(show(rows("b", ""))).isZero();
        assertThat(firstFrame).isNotEmpty().allSatisfy(c -> assertThat((String) c[0]).startsWith("user-b"));
    }

    @Test
    void aCellWhoseLookChangesHasItInTheFrameThatShowsIt() throws Exception {
        int restyledCells = show(rows("c", "!"));
        List<Object[]> cells = firstFrame;
        long hot = cells.stream().filter(c -> ((String) c[0]).endsWith("!")).count();
        assertThat(hot).isPositive();
        // only the cells that turned hot, not their rows or the other cells
        assertThat(restyledCells).isEqualTo((int) hot);
        for (Object[] c : cells) {
            assertThat(isRed((Paint) c[1])).as((String) c[0]).isEqualTo(((String) c[0]).endsWith("!"));
        }

        show(rows("d", "-")); // the hot ones cool down, every third turns blue by a style class
        for (Object[] c : firstFrame) {
            assertThat(isRed((Paint) c[1])).as((String) c[0]).isFalse();
            assertThat(Color.BLUE.equals(c[1])).as((String) c[0]).isEqualTo(((String) c[0]).endsWith("-"));
        }
    }

    /**
     * Rows the flow never made come at most {@value RestyleOnChangeTableSkin#NEW_ROWS_PER_FRAME}
     * a frame, top down from right under the header, until they fill the table: a first page in
     * an empty, tall table.
     */
    @Test
    void newRowsAreMadeAFewPerFrameUntilTheTableIsFull() throws Exception {
        List<Integer> shownPerFrame = new java.util.concurrent.CopyOnWriteArrayList<>();
        TableView<CredentialRow> tall = WaitForAsyncUtils.asyncFx(() -> {
            TableView<CredentialRow> t = newTable();
            Stage stage = new Stage();
            stage.setScene(new Scene(t, 400, 24 * 30 + 30));
            stage.show();
            return t;
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        List<Double> flowTop = new java.util.concurrent.CopyOnWriteArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            Runnable count = () -> {
                shownPerFrame.add(shownRows(tall));
                if (((RestyleOnChangeTableSkin) tall.getSkin()).stillMakingRows()) { // once full, JavaFX's own layout
                    javafx.scene.layout.Region header = (javafx.scene.layout.Region) tall.lookup(".column-header-background");
                    flowTop.add(tall.lookup(".virtual-flow").getLayoutY() - header.getLayoutY() - header.getHeight());
                }
            };
            tall.getScene().addPostLayoutPulseListener(count);
            List<CredentialRow> page = new ArrayList<>(rows("e", ""));
            page.addAll(rows("f", ""));
            tall.getItems().setAll(page); // 80 rows, 30 fit
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !shownPerFrame.isEmpty() && shownPerFrame.get(shownPerFrame.size() - 1) >= 30);
        WaitForAsyncUtils.asyncFx(() -> tall.getScene().getWindow().hide()).get(5, TimeUnit.SECONDS);

        assertThat(flowTop).as("the rows start right under the header in every frame, never centred in the table")
                .isNotEmpty().allMatch(gap -> Math.abs(gap) < 0.5);
        List<Integer> growing = shownPerFrame.stream().distinct().toList();
        assertThat(growing.get(0)).isPositive();
        assertThat(growing.size()).as("frames that added rows: %s", growing).isGreaterThanOrEqualTo(5);
        int before = 0;
        for (int shown : growing) {
            assertThat(shown - before).as("rows added in one frame: %s", growing)
                    .isLessThanOrEqualTo(RestyleOnChangeTableSkin.NEW_ROWS_PER_FRAME + 1);
            before = shown;
        }
    }

    /** How many rows the table shows with an item in them (FX thread). */
    private static int shownRows(TableView<?> t) {
        VirtualFlow<?> flow = (VirtualFlow<?>) t.lookup(".virtual-flow");
        if (flow == null || flow.getLastVisibleCell() == null || flow.getLastVisibleCell().isEmpty()) {
            return 0;
        }
        return flow.getLastVisibleCell().getIndex() + 1;
    }

    private static boolean isRed(Paint p) {
        return Color.RED.equals(p);
    }
}
