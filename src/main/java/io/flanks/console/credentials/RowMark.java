package io.flanks.console.credentials;

/** Quick filters that are not a health class: rows marked for another reason. */
public enum RowMark {
    /** Likely duplicates: same bank and same external id as another loaded credential. */
    DUPLICATE("mdi2c-content-duplicate", "mark-duplicate"),
    /** Health changed at a reload and the person has not looked at the row since. */
    CHANGED("mdi2c-circle-medium", "mark-changed");

    private final String icon;
    private final String styleClass;

    RowMark(String icon, String styleClass) {
        this.icon = icon;
        this.styleClass = styleClass;
    }

    public String icon() {
        return icon;
    }

    public String styleClass() {
        return styleClass;
    }

    /** Resource-bundle key of the chip's word. */
    public String key() {
        return "mark." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
