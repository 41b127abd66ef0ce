package io.flanks.console.detail;

import io.flanks.console.common.I18n;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One row of the products or transactions matrix: the item's created and errored flags as the
 * server sent them ({@code null} = unknown) and the state derived from them. A matrix keeps its
 * rows for good and updates them in place, so the view binds once and nothing jumps on refresh.
 */
public final class MatrixRowVM {

    /** Which matrix a row belongs to; also the prefix of the row's node ids and label keys. */
    public enum Group {
        PRODUCT("product"),
        TRANSACTION("transaction");

        private final String prefix;

        Group(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    private static final String AUTH = "auth";

    private final Group group;
    private final String key;
    private final String label;

    private final ReadOnlyObjectWrapper<Boolean> created = new ReadOnlyObjectWrapper<>(this, "created");
    private final ReadOnlyObjectWrapper<Boolean> errored = new ReadOnlyObjectWrapper<>(this, "errored");
    private final ReadOnlyObjectWrapper<MatrixState> state = new ReadOnlyObjectWrapper<>(this, "state", MatrixState.UNKNOWN);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper createdText = new ReadOnlyStringWrapper(this, "createdText");
    private final ReadOnlyStringWrapper erroredText = new ReadOnlyStringWrapper(this, "erroredText");
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper(this, "stateText");
    private final ReadOnlyStringWrapper tooltip = new ReadOnlyStringWrapper(this, "tooltip");
    private final ReadOnlyStringWrapper icon = new ReadOnlyStringWrapper(this, "icon");
    private final ReadOnlyStringWrapper styleClass = new ReadOnlyStringWrapper(this, "styleClass");

    MatrixRowVM(Group group, String key) {
        this.group = group;
        this.key = key;
        this.label = I18n.tr(labelKey(group, key));
        update(null, null, null);
    }

    /** Resource key of an item's display name, e.g. {@code matrix.product.auth}. */
    static String labelKey(Group group, String key) {
        return "matrix." + group.prefix() + "." + key;
    }

    /** Takes the flags of a new status; {@code pending} decides whether not started reads as running. */
    void update(Boolean createdFlag, Boolean erroredFlag, Boolean pending) {
        MatrixState s = MatrixState.of(createdFlag, erroredFlag);
        boolean isRunning = s == MatrixState.NOT_STARTED && Boolean.TRUE.equals(pending);
        created.set(createdFlag);
        errored.set(erroredFlag);
        createdText.set(flagText(createdFlag));
        erroredText.set(flagText(erroredFlag));
        state.set(s);
        running.set(isRunning);
        stateText.set(I18n.tr(isRunning ? MatrixState.RUNNING_KEY : s.key()));
        icon.set(isRunning ? MatrixState.RUNNING_ICON : s.icon());
        styleClass.set(isRunning ? MatrixState.RUNNING_STYLE_CLASS : s.styleClass());
        String tooltipKey;
        if (isRunning) {
            tooltipKey = MatrixState.RUNNING_TOOLTIP_KEY;
        } else if (s == MatrixState.ERROR && group == Group.PRODUCT && AUTH.equals(key)) {
            tooltipKey = "matrix.tooltip.error_auth"; // an auth error is the bank refusing the login
        } else {
            tooltipKey = s.tooltipKey();
        }
        tooltip.set(I18n.tr(tooltipKey, label));
    }

    private static String flagText(Boolean flag) {
        if (flag == null) {
            return I18n.tr("matrix.flag.unknown");
        }
        return I18n.tr(flag ? "matrix.flag.yes" : "matrix.flag.no");
    }

    // ---- Properties ----------------------------------------------------------------------

    public Group group() {
        return group;
    }

    /** The API's flag name: {@code auth}, {@code account}, ... */
    public String key() {
        return key;
    }

    /** Stable node id stem: {@code product-auth}, {@code transaction-card}. */
    public String id() {
        return group.prefix() + "-" + key;
    }

    /** The item's display name. */
    public String label() {
        return label;
    }

    public Boolean created() {
        return created.get();
    }

    public ReadOnlyObjectProperty<Boolean> createdProperty() {
        return created.getReadOnlyProperty();
    }

    public Boolean errored() {
        return errored.get();
    }

    public ReadOnlyObjectProperty<Boolean> erroredProperty() {
        return errored.getReadOnlyProperty();
    }

    public MatrixState state() {
        return state.get();
    }

    public ReadOnlyObjectProperty<MatrixState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Not started while the credential's first extraction is still going. */
    public boolean running() {
        return running.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** "yes", "no" or "unknown". */
    public ReadOnlyStringProperty createdTextProperty() {
        return createdText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty erroredTextProperty() {
        return erroredText.getReadOnlyProperty();
    }

    /** The state's word: "OK", "Error", "Not started", "Running", "Unknown". */
    public String stateText() {
        return stateText.get();
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    /** One sentence saying what the state means for this item. */
    public String tooltip() {
        return tooltip.get();
    }

    public ReadOnlyStringProperty tooltipProperty() {
        return tooltip.getReadOnlyProperty();
    }

    /** Ikonli literal of the state's icon. */
    public ReadOnlyStringProperty iconProperty() {
        return icon.getReadOnlyProperty();
    }

    /** CSS class of the state cell: {@code matrix-ok}, {@code matrix-error}, ... */
    public String styleClass() {
        return styleClass.get();
    }

    public ReadOnlyStringProperty styleClassProperty() {
        return styleClass.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return "MatrixRowVM[" + id() + ": " + created.get() + "/" + errored.get() + " -> " + stateText.get() + "]";
    }
}
