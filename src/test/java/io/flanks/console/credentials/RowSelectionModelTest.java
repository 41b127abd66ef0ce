package io.flanks.console.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The table's row selection as a bit set: JavaFX's semantics for rows, one change per step
 * however many rows it selects or clears, and the selection following rows that move.
 */
@ExtendWith(ApplicationExtension.class)
class RowSelectionModelTest {
    private TableView<String> table;
    private RowSelectionModel<String> sm;
    private final ObservableList<String> items = FXCollections.observableArrayList();

    @Start
    void start(Stage stage) {
        for (char c = 'a'; c <= 'j'; c++) {
            items.add(String.valueOf(c));
        }
        table = new TableView<>(items);
        TableColumn<String, String> col = new TableColumn<>("letter");
        col.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue()));
        table.getColumns().add(col);
        sm = new RowSelectionModel<>(table);
        table.setSelectionModel(sm);
        stage.setScene(new Scene(table, 300, 400));
        stage.show();
    }

    private void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(10, TimeUnit.SECONDS);
    }

    /** Every change of the three lists, as "list: removed -> list now". */
    private List<String> recordChanges() throws Exception {
        List<String> changes = new ArrayList<>();
        fx(() -> {
            sm.getSelectedIndices().addListener((ListChangeListener<Integer>) c -> changes.add("indices " + c));
            sm.getSelectedItems().addListener((ListChangeListener<String>) c -> changes.add("items " + c));
            sm.getSelectedCells().addListener((ListChangeListener<Object>) c -> changes.add("cells " + c));
        });
        return changes;
    }

    @Test
    void selectingAndClearingManyRowsIsOneChangeOfEachList() throws Exception {
        fx(() -> {
            List<String> many = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                many.add("row " + i);
            }
            items.setAll(many);
            sm.clearAndSelect(7);
        });
        List<String> changes = recordChanges();

        fx(() -> sm.selectAll());
        assertThat(changes).hasSize(3);
        assertThat(sm.getSelectedIndices()).hasSize(20_000).isSorted().startsWith(0, 1, 2).endsWith(19_999);
        assertThat(sm.getSelectedItems()).hasSize(20_000).startsWith("row 0");
        assertThat(sm.getSelectedCells()).hasSize(20_000);
        assertThat(sm.getSelectedIndex()).as("the current row stays current").isEqualTo(7);
        assertThat(table.getFocusModel().getFocusedIndex()).isEqualTo(7);

        changes.clear();
        fx(() -> sm.clearAndSelect(3));
        assertThat(changes).hasSize(3);
        assertThat(sm.getSelectedIndices()).containsExactly(3);
        assertThat(sm.getSelectedItem()).isEqualTo("row 3");

        changes.clear();
        fx(() -> sm.clearSelection());
        assertThat(changes).hasSize(3);
        assertThat(sm.isEmpty()).isTrue();
        assertThat(sm.getSelectedIndex()).isEqualTo(-1);
        assertThat(sm.getSelectedItem()).isNull();
    }

    @Test
    void aChangeTellsWhatWasSelectedBefore() throws Exception {
        fx(() -> sm.selectIndices(1, 3));
        List<ListChangeListener.Change<? extends String>> seen = new ArrayList<>();
        List<List<String>> removed = new ArrayList<>();
        List<List<String>> added = new ArrayList<>();
        fx(() -> sm.getSelectedItems().addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                removed.add(List.copyOf(c.getRemoved()));
                added.add(List.copyOf(c.getAddedSubList()));
            }
            seen.add(c);
        }));

        fx(() -> sm.select(5));
        assertThat(seen).hasSize(1);
        assertThat(removed).containsExactly(List.of("b", "d"));
        assertThat(added).containsExactly(List.of("b", "d", "f"));

        fx(() -> sm.select(5)); // already selected: no change
        assertThat(seen).hasSize(1);
    }

    @Test
    void rowsKeyboardAndRangesFollowJavaFxsRowSelection() throws Exception {
        fx(() -> sm.clearAndSelect(5));
        fx(() -> sm.select(8));
        assertThat(sm.getSelectedIndices()).containsExactly(5, 8);
        assertThat(sm.getSelectedIndex()).isEqualTo(8);
        assertThat(table.getFocusModel().getFocusedIndex()).isEqualTo(8);

        fx(() -> sm.selectRange(2, table.getColumns().get(0), 3, table.getColumns().get(0)));
        assertThat(sm.getSelectedIndices()).as("both ends included").containsExactly(2, 3, 5, 8);
        assertThat(sm.getSelectedItem()).isEqualTo("d");

        fx(() -> sm.clearSelection(3));
        assertThat(sm.getSelectedIndices()).containsExactly(2, 5, 8);
        assertThat(sm.isSelected(3)).isFalse();
        assertThat(sm.isSelected(5, table.getColumns().get(0))).isTrue();

        fx(() -> sm.selectIndices(0, 7, 42, -1)); // out of range ignored
        assertThat(sm.getSelectedIndices()).containsExactly(0, 2, 5, 7, 8);
        assertThat(sm.getSelectedIndex()).as("the last valid row given").isEqualTo(7);

        fx(() -> sm.selectNext());
        assertThat(sm.getSelectedIndices()).containsExactly(0, 2, 5, 7, 8);
        assertThat(sm.getSelectedIndex()).isEqualTo(8);
        fx(() -> sm.clearAndSelect(9));
        fx(() -> sm.selectNext()); // at the last row
        assertThat(sm.getSelectedIndices()).containsExactly(9);
        fx(() -> sm.selectPrevious());
        assertThat(sm.getSelectedIndices()).containsExactly(8, 9);

        fx(() -> {
            sm.setSelectionMode(SelectionMode.SINGLE);
            sm.select(1);
            sm.select(2);
        });
        assertThat(sm.getSelectedIndices()).containsExactly(2);
        fx(() -> sm.selectAll());
        assertThat(sm.getSelectedIndices()).as("single mode: select all does nothing").containsExactly(2);
    }

    @Test
    void theSelectionMovesWithRowsAddedRemovedAndSorted() throws Exception {
        fx(() -> sm.selectIndices(2, 5)); // c, f (current)
        fx(() -> items.add(0, "x"));
        assertThat(sm.getSelectedItems()).containsExactly("c", "f");
        assertThat(sm.getSelectedIndices()).containsExactly(3, 6);
        assertThat(sm.getSelectedIndex()).isEqualTo(6);
        assertThat(sm.getSelectedItem()).isEqualTo("f");

        fx(() -> items.remove("d"));
        assertThat(sm.getSelectedIndices()).containsExactly(3, 5);
        assertThat(sm.getSelectedItems()).containsExactly("c", "f");

        fx(() -> FXCollections.sort(items, java.util.Comparator.reverseOrder())); // a permutation
        assertThat(sm.getSelectedItems()).containsExactlyInAnyOrder("c", "f");
        assertThat(sm.getSelectedItem()).isEqualTo("f");
        assertThat(items.get(sm.getSelectedIndex())).isEqualTo("f");

        fx(() -> items.remove("f")); // the current row goes
        assertThat(sm.getSelectedItems()).containsExactly("c");
        assertThat(sm.getSelectedIndex()).isEqualTo(-1);

        fx(() -> items.setAll("p", "q")); // every row replaced
        assertThat(sm.getSelectedIndices()).isEmpty();

        fx(() -> table.setItems(FXCollections.observableArrayList("new")));
        fx(() -> sm.select(0));
        fx(() -> table.getItems().add(0, "first"));
        assertThat(sm.getSelectedItems()).as("follows the table's new list").containsExactly("new");
    }
}
