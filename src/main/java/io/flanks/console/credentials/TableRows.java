package io.flanks.console.credentials;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableListBase;

/**
 * The rows the table shows, read-only to everyone but the view-model, with changes shaped so
 * a 100,000-row table stays cheap:
 * <ul>
 * <li>{@link #append} (a page arrived, no sorting) is one addition at the end;</li>
 * <li>{@link #replace} (a keystroke in the search, a filter, a new sort order) is one change of
 * constant size: the positions both lists have are "updated", the difference is added or
 * removed at the end. A JavaFX list would report a replacement of every row instead, and a
 * table answers that by discarding and re-creating every cell (hundreds of nodes, each styled
 * again), which cost 30-150 ms per keystroke here. Listeners that keep per-row state must
 * treat a replacement as new contents (the view re-applies its selection).</li>
 * </ul>
 */
public final class TableRows extends ObservableListBase<CredentialRow> {
    private CredentialRow[] items = new CredentialRow[0];
    private int size;

    @Override
    public CredentialRow get(int index) {
        Objects.checkIndex(index, size);
        return items[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** Adds rows at the end. */
    void append(List<CredentialRow> more) {
        if (more.isEmpty()) {
            return;
        }
        int from = size;
        if (size + more.size() > items.length) {
            items = Arrays.copyOf(items, Math.max(size + more.size(), items.length * 3 / 2 + 16));
        }
        for (CredentialRow r : more) {
            items[size++] = r;
        }
        beginChange();
        nextAdd(from, size);
        endChange();
    }

    /** New contents, reported as one {@link Replacement}. */
    void replace(List<CredentialRow> next) {
        int old = size;
        List<CredentialRow> removedTail = old > next.size()
                ? List.of(Arrays.copyOfRange(items, next.size(), old)) : List.of();
        items = next.toArray(new CredentialRow[0]);
        size = items.length;
        fireChange(new Replacement(Math.min(old, size), size, removedTail));
    }

    /** True for the change {@link #replace} fires: every row may be another one now. */
    public static boolean isReplacement(ListChangeListener.Change<?> c) {
        return c instanceof Replacement;
    }

    /** Positions 0..common "updated"; then rows added after them, or the old tail removed. */
    private final class Replacement extends ListChangeListener.Change<CredentialRow> {
        private final int common;
        private final int newSize;
        private final List<CredentialRow> removedTail;
        /** -1 before the first {@link #next}; 0 = the update part, 1 = the tail part. */
        private int step = -1;

        Replacement(int common, int newSize, List<CredentialRow> removedTail) {
            super(TableRows.this);
            this.common = common;
            this.newSize = newSize;
            this.removedTail = removedTail;
        }

        private boolean hasUpdate() {
            return common > 0;
        }

        private boolean hasTail() {
            return newSize != common || !removedTail.isEmpty();
        }

        @Override
        public boolean next() {
            if (step < 0) {
                step = hasUpdate() ? 0 : 1;
            } else {
                step++;
            }
            return step == 0 ? hasUpdate() : step == 1 && hasTail();
        }

        @Override
        public void reset() {
            step = -1;
        }

        @Override
        public int getFrom() {
            checkState();
            return step == 0 ? 0 : common;
        }

        @Override
        public int getTo() {
            checkState();
            return step == 0 ? common : newSize;
        }

        @Override
        public List<CredentialRow> getRemoved() {
            checkState();
            return step == 0 ? List.of() : removedTail;
        }

        @Override
        public boolean wasUpdated() {
            checkState();
            return step == 0;
        }

        @Override
        protected int[] getPermutation() {
            return new int[0];
        }

        private void checkState() {
            if (step < 0 || step > 1) {
                throw new IllegalStateException("Invalid Change state: next() must be called before inspecting the Change.");
            }
        }
    }
}
