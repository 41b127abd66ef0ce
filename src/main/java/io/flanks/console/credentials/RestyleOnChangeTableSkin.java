package io.flanks.console.credentials;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;

/**
 * The credentials table's skin: when a row cell is reused for another row (a keystroke in the
 * search, a scroll, a page arriving), only the nodes whose style inputs changed are styled again.
 *
 * <p>JavaFX's flow calls {@code applyCss()} on every reused row whose text changed, which styles
 * the row and all its ~20 nodes again whether anything that CSS reads changed or not: about
 * 600 nodes per keystroke over 100,000 rows, the largest part of a keystroke's UI work. What CSS
 * reads is the tree, ids, style classes, inline styles and pseudo-class states; a node's look
 * cannot change unless one of those changed on it or an ancestor. So a reused row is compared
 * with itself before it took the new index: where a node's inputs changed, that node (with its
 * subtree) is styled now, in the same frame, exactly as JavaFX would have; new rows go the
 * JavaFX way.
 *
 * <p>Rows the flow has never made are made at most {@value #NEW_ROWS_PER_FRAME} a frame: when a
 * page arrives in an empty table (or the window grows a lot), the flow gets the height of the rows
 * it already has plus that many, and the full height over the next frames. Making and styling a
 * row costs several milliseconds the first time (far more in a cold JVM); all rows of a tall
 * window at once held the first frame with rows for over half a second. The rows appear top down
 * instead, a few frames apart.
 */
final class RestyleOnChangeTableSkin extends TableViewSkin<CredentialRow> {

    /**
     * The most rows the flow makes in one frame. Two rather than six: loading 100,000 rows into
     * an empty table in a cold JVM, the longest frame gap had a median of 203 ms against 372 ms
     * (five alternating list-only benchmark runs each); at start-up the first rows came 5% sooner
     * and a screenful of them 2% later (eight alternating starts).
     */
    static final int NEW_ROWS_PER_FRAME = 2;

    /** Told how many nodes each reused row had styled again (for tests). */
    private final IntConsumer restyled;

    RestyleOnChangeTableSkin(TableView<CredentialRow> table) {
        this(table, n -> { });
    }

    RestyleOnChangeTableSkin(TableView<CredentialRow> table, IntConsumer restyled) {
        super(table);
        this.restyled = restyled;
    }

    /** The flow is still making rows for the height it was given (a few a frame). */
    boolean stillMakingRows() {
        return getVirtualFlow() instanceof Flow f && f.getHeight() < f.givenHeight;
    }

    /** Where row {@code index} is among the rows in view (0: the top one), or -1 if it is not in view. */
    int placeInView(int index) {
        VirtualFlow<TableRow<CredentialRow>> flow = getVirtualFlow();
        TableRow<CredentialRow> first = flow == null ? null : flow.getFirstVisibleCell();
        TableRow<CredentialRow> last = flow == null ? null : flow.getLastVisibleCell();
        if (first == null || last == null || index < first.getIndex() || index > last.getIndex()) {
            return -1;
        }
        return index - first.getIndex();
    }

    /** Scrolls so that row {@code index} is at {@code place} among the rows in view (as near as the ends allow). */
    void showAt(int index, int place) {
        getVirtualFlow().scrollToTop(Math.max(0, index - place));
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        super.layoutChildren(x, y, w, h);
        // the table centres its flow in the space under the header: while the flow takes less
        // height than it was given (making its first rows), that put the rows in the middle of
        // an empty table; they belong right under the header, growing down
        if (stillMakingRows()) {
            // the top of the area the table gives its flow: the bottom of its header row, as laid out just now
            javafx.scene.layout.Region header = getTableHeaderRow();
            getVirtualFlow().setLayoutY(header.getLayoutY() + header.getHeight());
        }
    }

    @Override
    protected VirtualFlow<TableRow<CredentialRow>> createVirtualFlow() {
        return new Flow();
    }

    private final class Flow extends VirtualFlow<TableRow<CredentialRow>> {
        /** VirtualFlow's own mark for a row it has just made (its CSS has never been applied). */
        private static final String NEW_CELL = "newcell";
        /** Our mark for a row counted in {@link #madeRows}. */
        private static final Object MADE = new Object();
        /** How many rows this flow has made (in use or kept for reuse). */
        private int madeRows;
        /** A layout of the flow is asked for the next frame, to make the next rows. */
        private boolean nextFrameAsked;
        /** The height the table gives the flow; it may take less while it makes its rows. */
        private double givenHeight;

        @Override
        protected TableRow<CredentialRow> getAvailableCell(int prefIndex) {
            TableRow<CredentialRow> row = super.getAvailableCell(prefIndex);
            if (row.getProperties().putIfAbsent(MADE, Boolean.TRUE) == null) {
                madeRows++;
            }
            return row;
        }

        @Override
        protected void setHeight(double height) {
            givenHeight = height;
            super.setHeight(revealedHeight());
        }

        @Override
        protected void layoutChildren() {
            double h = revealedHeight(); // rows may have arrived since the table gave its height
            if (h != getHeight()) {
                super.setHeight(h);
            }
            super.layoutChildren();
            if (getHeight() < givenHeight && !nextFrameAsked) {
                nextFrameAsked = true; // the next rows in the next frame
                javafx.application.Platform.runLater(() -> {
                    nextFrameAsked = false;
                    requestLayout();
                });
            }
        }

        /**
         * The given height, or less: as much as the rows made so far fill plus
         * {@value #NEW_ROWS_PER_FRAME} more.
         */
        private double revealedHeight() {
            double rowHeight = getFixedCellSize();
            if (rowHeight <= 0) {
                return givenHeight;
            }
            int rowsToShow = Math.min(getCellCount(), (int) Math.ceil(givenHeight / rowHeight) + 1);
            int allowed = madeRows + NEW_ROWS_PER_FRAME;
            return rowsToShow > allowed ? allowed * rowHeight : givenHeight;
        }

        @Override
        protected void setCellIndex(TableRow<CredentialRow> row, int index) {
            if (row.getScene() == null || row.getProperties().containsKey(NEW_CELL)) {
                super.setCellIndex(row, index);
                return;
            }
            if (row.getIndex() == index && index < getSkinnable().getItems().size()
                    && row.getItem() == getSkinnable().getItems().get(index)) {
                // the same row again (rows were added below it, a page arrived): nothing that CSS
                // reads changes here, and what changed before this frame its CSS pass has styled
                row.updateIndex(index);
                return;
            }
            StyleInputs before = StyleInputs.of(row);
            row.updateIndex(index);
            if (row.isNeedsLayout()) { // when JavaFX would style the row again
                restyled.accept(before.restyleChanged());
            }
        }
    }

    /**
     * What CSS reads of a row and of its cells (ids, style classes, inline style, pseudo-class
     * states, children), compared to find what must be styled again. Nodes inside a cell are
     * compared by identity only: the cells never change the style inputs of a node inside them
     * after making it; they swap or add nodes (a new child list), or change their own classes.
     */
    static final class StyleInputs {
        private static final PseudoClass[] NO_STATES = new PseudoClass[0];
        private static final String[] NO_CLASSES = new String[0];
        private final Node node;
        private final String id;
        private final String[] styleClasses;
        private final String style;
        private final PseudoClass[] states;
        private final Node[] children;
        /** For the row: its cells' inputs; for a cell: empty. */
        private final StyleInputs[] childInputs;

        private StyleInputs(Node node, boolean withChildren) {
            this.node = node;
            this.id = node.getId();
            this.styleClasses = node.getStyleClass().toArray(NO_CLASSES);
            this.style = node.getStyle();
            this.states = node.getPseudoClassStates().toArray(NO_STATES);
            List<Node> kids = node instanceof Parent p ? p.getChildrenUnmodifiable() : List.of();
            this.children = kids.toArray(new Node[0]);
            this.childInputs = new StyleInputs[withChildren ? children.length : 0];
            for (int i = 0; i < childInputs.length; i++) {
                childInputs[i] = new StyleInputs(children[i], false);
            }
        }

        /** The row's inputs and its cells'. */
        static StyleInputs of(Node row) {
            return new StyleInputs(row, true);
        }

        /** Styles again each topmost node whose inputs differ from when this was taken; returns how many. */
        int restyleChanged() {
            if (!sameAsNow()) {
                node.applyCss(); // this node and its subtree, as JavaFX would have done for the row
                return 1;
            }
            int restyled = 0;
            for (StyleInputs child : childInputs) {
                restyled += child.restyleChanged();
            }
            return restyled;
        }

        private boolean sameAsNow() {
            if (!Objects.equals(id, node.getId()) || !Objects.equals(style, node.getStyle())) {
                return false;
            }
            List<String> classes = node.getStyleClass();
            if (classes.size() != styleClasses.length) {
                return false;
            }
            for (int i = 0; i < styleClasses.length; i++) {
                if (!styleClasses[i].equals(classes.get(i))) {
                    return false;
                }
            }
            Set<PseudoClass> now = node.getPseudoClassStates();
            if (now.size() != states.length) {
                return false;
            }
            for (PseudoClass state : states) {
                if (!now.contains(state)) {
                    return false;
                }
            }
            List<Node> kids = node instanceof Parent p ? p.getChildrenUnmodifiable() : List.of();
            if (kids.size() != children.length) {
                return false;
            }
            for (int i = 0; i < children.length; i++) {
                if (kids.get(i) != children[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
