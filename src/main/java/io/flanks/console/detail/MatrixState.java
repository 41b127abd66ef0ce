package io.flanks.console.detail;

/** The derived state of one row of a products or transactions matrix (NOTES.md). */
public enum MatrixState {
    /** created: false (running while the credential is pending). */
    NOT_STARTED("mdi2m-minus-circle-outline", "matrix-not-started"),
    /** created: true, errored: false. */
    OK("mdi2c-check-circle", "matrix-ok"),
    /** errored: true. */
    ERROR("mdi2c-close-circle", "matrix-error"),
    /** a flag the server did not send, or created without a readable errored flag. */
    UNKNOWN("mdi2h-help-circle", "matrix-unknown");

    private final String icon;
    private final String styleClass;

    MatrixState(String icon, String styleClass) {
        this.icon = icon;
        this.styleClass = styleClass;
    }

    public String icon() {
        return icon;
    }

    public String styleClass() {
        return styleClass;
    }

    public String key() {
        return "matrix.state." + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Key of the one-sentence explanation shown in a cell's tooltip; takes the item's name as {0}. */
    public String tooltipKey() {
        return "matrix.tooltip." + name().toLowerCase(java.util.Locale.ROOT);
    }

    // A not-started row of a pending credential is shown as running: same data, different words.
    public static final String RUNNING_ICON = "mdi2t-timer-sand";
    public static final String RUNNING_STYLE_CLASS = "matrix-running";
    public static final String RUNNING_KEY = "matrix.state.running";
    public static final String RUNNING_TOOLTIP_KEY = "matrix.tooltip.running";

    public static MatrixState of(Boolean created, Boolean errored) {
        if (Boolean.TRUE.equals(errored)) {
            return ERROR;
        }
        if (Boolean.TRUE.equals(created)) {
            return Boolean.FALSE.equals(errored) ? OK : UNKNOWN;
        }
        if (Boolean.FALSE.equals(created)) {
            return NOT_STARTED;
        }
        return UNKNOWN;
    }
}
