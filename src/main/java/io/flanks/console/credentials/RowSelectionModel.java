package io.flanks.console.credentials;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;
import javafx.collections.WeakListChangeListener;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;

/**
 * The credentials table's selection: whole rows, kept as a bit set of row indices, with one
 * change per selection step whatever the number of rows in it.
 *
 * <p>JavaFX's own table selection takes time in proportion to the square of the rows selected
 * in several everyday steps. With all 100,000 rows selected (Ctrl+A), clearing the selection
 * (a click on one row) took 3.9 s, a header click 15.9 s and the first keystroke in the search
 * 4.5 s, the window frozen meanwhile. Here each step is one pass over the rows at most. The
 * table's sort also skips its own comparison of the selection before and after for any model
 * but JavaFX's: the view selects the rows again after each new order itself.
 *
 * <p>Rows only: the table never selects single cells. The semantics follow JavaFX's model for
 * row selection (the selected index is the last row selected, selecting focuses the row, a
 * range includes both ends), so the table's own keyboard and mouse handling work unchanged.
 */
final class RowSelectionModel<S> extends TableView.TableViewSelectionModel<S> {
    private final BitSet rows = new BitSet();
    /** {@link #rows} in ascending order; {@code null} when it must be made again. */
    private int[] ascending = new int[0];
    /** The selected items when the lists last changed: the removed part of their next change. */
    private List<S> itemsBefore = List.of();
    private final SelectionList<Integer> indices = new SelectionList<>() {
        @Override
        Integer at(int row) {
            return row;
        }

        @Override
        public boolean contains(Object o) {
            return o instanceof Integer i && i >= 0 && rows.get(i);
        }
    };
    private final SelectionList<S> items = new SelectionList<>() {
        @Override
        S at(int row) {
            return getModelItem(row);
        }
    };
    private final SelectionList<TablePosition<S, ?>> cells = new SelectionList<>() {
        @Override
        TablePosition<S, ?> at(int row) {
            return new TablePosition<>(getTableView(), row, null);
        }
    };

    private final ListChangeListener<S> itemsChanged = this::itemsChanged;
    private final WeakListChangeListener<S> weakItemsChanged = new WeakListChangeListener<>(itemsChanged);
    private final InvalidationListener itemsReplaced = o -> listenTo(getTableView().getItems(), true);
    private ObservableList<S> listened;

    RowSelectionModel(TableView<S> table) {
        super(table);
        setSelectionMode(SelectionMode.MULTIPLE);
        table.itemsProperty().addListener(new WeakInvalidationListener(itemsReplaced));
        listenTo(table.getItems(), false);
    }

    private void listenTo(ObservableList<S> list, boolean clear) {
        if (listened != null) {
            listened.removeListener(weakItemsChanged);
        }
        listened = list;
        if (list != null) {
            list.addListener(weakItemsChanged);
        }
        if (clear) {
            clearSelection();
        }
    }

    // ---- the lists -----------------------------------------------------------------------

    @Override
    public ObservableList<Integer> getSelectedIndices() {
        return indices;
    }

    @Override
    public ObservableList<S> getSelectedItems() {
        return items;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public ObservableList<TablePosition> getSelectedCells() {
        return (ObservableList) cells;
    }

    private int[] ascending() {
        if (ascending == null) {
            ascending = rows.stream().toArray();
        }
        return ascending;
    }

    /** A read-only list over the selected rows in ascending order. */
    private abstract class SelectionList<E> extends ObservableListBase<E> {
        abstract E at(int row);

        @Override
        public E get(int i) {
            return at(ascending()[i]);
        }

        @Override
        public int size() {
            return ascending().length;
        }

        /** One change: every element before removed, every element now added. */
        void changed(List<? extends E> before) {
            beginChange();
            if (!before.isEmpty()) {
                nextRemove(0, before);
            }
            if (size() > 0) {
                nextAdd(0, size());
            }
            endChange();
        }

        List<E> of(int[] before) {
            return new AbstractList<>() {
                @Override
                public E get(int i) {
                    return at(before[i]);
                }

                @Override
                public int size() {
                    return before.length;
                }
            };
        }
    }

    // ---- one step ------------------------------------------------------------------------

    /** Runs {@code step} on the rows; if they changed, each list reports one change. */
    private void step(Runnable step) {
        int[] before = ascending();
        BitSet was = (BitSet) rows.clone();
        step.run();
        if (rows.equals(was)) {
            return;
        }
        ascending = null;
        List<S> itemsBeforeNow = itemsBefore;
        int[] now = ascending();
        List<S> selectedItems = new ArrayList<>(now.length);
        for (int row : now) {
            selectedItems.add(getModelItem(row));
        }
        itemsBefore = selectedItems;
        indices.changed(indices.of(before));
        cells.changed(cells.of(before));
        items.changed(itemsBeforeNow);
    }

    /** The current row: the selected index and item, and the focus. */
    private void current(int row) {
        setSelectedIndex(row);
        setSelectedItem(row < 0 ? null : getModelItem(row));
        if (row >= 0) {
            focus(row);
        }
    }

    private boolean valid(int row) {
        return row >= 0 && row < getItemCount();
    }

    // ---- selecting -----------------------------------------------------------------------

    @Override
    public void select(int row) {
        select(row, (TableColumn<S, ?>) null);
    }

    @Override
    public void select(int row, TableColumn<S, ?> column) {
        if (!valid(row)) {
            return;
        }
        step(() -> {
            if (getSelectionMode() == SelectionMode.SINGLE) {
                rows.clear();
            }
            rows.set(row);
        });
        current(row);
    }

    @Override
    public void select(S item) {
        if (item == null) {
            return;
        }
        List<S> model = getTableModel();
        int row = model == null ? -1 : model.indexOf(item);
        if (row >= 0) {
            select(row);
        }
    }

    @Override
    public void clearAndSelect(int row) {
        clearAndSelect(row, null);
    }

    @Override
    public void clearAndSelect(int row, TableColumn<S, ?> column) {
        if (!valid(row)) {
            return;
        }
        step(() -> {
            rows.clear();
            rows.set(row);
        });
        current(row);
    }

    @Override
    public void selectIndices(int row, int... more) {
        int[] rest = more == null ? new int[0] : more;
        int last = valid(row) ? row : -1;
        for (int r : rest) {
            last = valid(r) ? r : last;
        }
        if (getSelectionMode() == SelectionMode.SINGLE) {
            if (last >= 0) {
                select(last);
            }
            return;
        }
        step(() -> {
            if (valid(row)) {
                rows.set(row);
            }
            for (int r : rest) {
                if (valid(r)) {
                    rows.set(r);
                }
            }
        });
        if (last >= 0) {
            current(last);
        }
    }

    @Override
    public void selectAll() {
        if (getSelectionMode() == SelectionMode.SINGLE || getItemCount() == 0) {
            return;
        }
        int count = getItemCount();
        int focused = getFocusedIndex();
        step(() -> rows.set(0, count));
        current(focused >= 0 && focused < count ? focused : count - 1); // the current row stays current
    }

    @Override
    public void selectRange(int minRow, javafx.scene.control.TableColumnBase<S, ?> minColumn,
            int maxRow, javafx.scene.control.TableColumnBase<S, ?> maxColumn) {
        if (getSelectionMode() == SelectionMode.SINGLE) {
            clearAndSelect(maxRow);
            return;
        }
        int from = Math.max(0, Math.min(minRow, maxRow));
        int to = Math.min(getItemCount() - 1, Math.max(minRow, maxRow));
        if (from > to) {
            return;
        }
        step(() -> rows.set(from, to + 1));
        current(valid(maxRow) ? maxRow : to);
    }

    @Override
    public void selectFirst() {
        if (getItemCount() == 0) {
            return;
        }
        if (getSelectionMode() == SelectionMode.SINGLE) {
            clearAndSelect(0);
        } else {
            select(0);
        }
    }

    @Override
    public void selectLast() {
        int count = getItemCount();
        if (count == 0) {
            return;
        }
        if (getSelectionMode() == SelectionMode.SINGLE) {
            clearAndSelect(count - 1);
        } else {
            select(count - 1);
        }
    }

    @Override
    public void selectPrevious() {
        int focused = getFocusedIndex();
        if (focused == -1) {
            select(getItemCount() - 1);
        } else if (focused > 0) {
            select(focused - 1);
        }
    }

    @Override
    public void selectNext() {
        int focused = getFocusedIndex();
        if (focused == -1) {
            select(0);
        } else if (focused < getItemCount() - 1) {
            select(focused + 1);
        }
    }

    @Override
    public void selectAboveCell() {
        selectPrevious();
    }

    @Override
    public void selectBelowCell() {
        selectNext();
    }

    @Override
    public void selectLeftCell() {
        // rows only: there is no cell to the left to select
    }

    @Override
    public void selectRightCell() {
        // rows only
    }

    // ---- clearing ------------------------------------------------------------------------

    @Override
    public void clearSelection(int row) {
        clearSelection(row, null);
    }

    @Override
    public void clearSelection(int row, TableColumn<S, ?> column) {
        if (row < 0 || !rows.get(row)) {
            return;
        }
        step(() -> rows.clear(row));
        if (rows.isEmpty()) {
            setSelectedIndex(-1);
            setSelectedItem(null);
        }
    }

    @Override
    public void clearSelection() {
        step(rows::clear);
        setSelectedIndex(-1);
        setSelectedItem(null);
    }

    @Override
    public boolean isSelected(int row) {
        return row >= 0 && rows.get(row);
    }

    @Override
    public boolean isSelected(int row, TableColumn<S, ?> column) {
        return isSelected(row);
    }

    @Override
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    // ---- the table's rows change ---------------------------------------------------------

    /**
     * Rows added or removed move the selected rows with them; rows permuted take their
     * selection along; rows whose contents changed in place keep their indices (the view
     * selects the right rows again after a new search, filter or order).
     */
    private void itemsChanged(ListChangeListener.Change<? extends S> c) {
        int count = getItemCount();
        int[] current = {getSelectedIndex()};
        step(() -> {
            while (c.next()) {
                int from = c.getFrom();
                if (c.wasPermutated()) {
                    BitSet moved = new BitSet();
                    for (int row = rows.nextSetBit(0); row >= 0; row = rows.nextSetBit(row + 1)) {
                        moved.set(row >= from && row < c.getTo() ? c.getPermutation(row) : row);
                    }
                    rows.clear();
                    rows.or(moved);
                    if (current[0] >= from && current[0] < c.getTo()) {
                        current[0] = c.getPermutation(current[0]);
                    }
                } else if (!c.wasUpdated()) {
                    if (c.wasRemoved()) {
                        int removed = c.getRemovedSize();
                        shift(from + removed, -removed);
                        current[0] = current[0] < from ? current[0] : current[0] < from + removed ? -1 : current[0] - removed;
                    }
                    if (c.wasAdded()) {
                        shift(from, c.getAddedSize());
                        current[0] = current[0] < from ? current[0] : current[0] + c.getAddedSize();
                    }
                }
            }
            if (rows.length() > count) {
                rows.clear(count, rows.length());
            }
        });
        int row = current[0] < count ? current[0] : -1;
        if (row != getSelectedIndex() || (row >= 0 && getSelectedItem() != getModelItem(row))) {
            setSelectedIndex(row);
            setSelectedItem(row < 0 ? null : getModelItem(row));
        }
    }

    /** Moves the selected rows from {@code from} on by {@code by} (rows before {@code from + by} dropped when negative). */
    private void shift(int from, int by) {
        BitSet tail = rows.get(from, Math.max(from, rows.length()));
        rows.clear(Math.max(0, from + Math.min(0, by)), Math.max(from, rows.length()));
        for (int i = tail.nextSetBit(0); i >= 0; i = tail.nextSetBit(i + 1)) {
            rows.set(from + i + by);
        }
    }
}
