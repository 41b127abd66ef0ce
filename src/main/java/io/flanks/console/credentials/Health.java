package io.flanks.console.credentials;

/**
 * A credential's health class, in precedence order: when several apply, the first wins.
 * Each has an icon, a style class and a word, so colour is never the only signal.
 */
public enum Health {
    BLOCKED("mdi2l-lock", "health-blocked"),
    NEEDS_SCA("mdi2c-cellphone-key", "health-sca"),
    RESET_OPEN("mdi2l-link-variant", "health-reset"),
    TRANSACTION_OPEN("mdi2c-calendar-clock", "health-transaction"),
    PENDING("mdi2t-timer-sand", "health-pending"),
    ERRORS("mdi2a-alert", "health-errors"),
    HEALTHY("mdi2c-check-circle", "health-healthy"),
    UNKNOWN("mdi2h-help-circle", "health-unknown");

    private final String icon;
    private final String styleClass;

    Health(String icon, String styleClass) {
        this.icon = icon;
        this.styleClass = styleClass;
    }

    public String icon() {
        return icon;
    }

    public String styleClass() {
        return styleClass;
    }

    /** Resource-bundle key of the word shown beside the icon. */
    public String key() {
        return "health." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
