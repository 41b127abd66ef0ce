package io.flanks.console.actions;

import io.flanks.console.api.ForceKind;
import java.util.Locale;

/** What a person can do to a credential. Each force needs the end user; delete destroys data. */
public enum ActionKind {
    FORCE_SCA(ForceKind.SCA, "mdi2c-cellphone-key"),
    FORCE_RESET(ForceKind.RESET, "mdi2l-lock-reset"),
    FORCE_TRANSACTION(ForceKind.TRANSACTION, "mdi2c-calendar-clock"),
    DELETE(null, "mdi2d-delete-forever");

    private final ForceKind force;
    private final String icon;

    ActionKind(ForceKind force, String icon) {
        this.force = force;
        this.icon = icon;
    }

    /** The flow forced, or {@code null} for delete. */
    public ForceKind force() {
        return force;
    }

    public boolean isDelete() {
        return force == null;
    }

    public String icon() {
        return icon;
    }

    /** The audit log's name for it: force_sca, force_reset, force_transaction, delete. */
    public String auditName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Prefix of this action's strings in the actions bundle. */
    public String key() {
        return "action." + name().toLowerCase(Locale.ROOT);
    }

    public static ActionKind of(ForceKind k) {
        return switch (k) {
            case SCA -> FORCE_SCA;
            case RESET -> FORCE_RESET;
            case TRANSACTION -> FORCE_TRANSACTION;
        };
    }
}
