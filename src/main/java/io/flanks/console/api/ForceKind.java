package io.flanks.console.api;

/** The flows {@code PUT /v0/bank/credentials/status} can force. */
public enum ForceKind {
    SCA("sca", "sca_token"),
    RESET("reset", "reset_token"),
    TRANSACTION("transaction", "transaction_token");

    private final String wire;
    private final String tokenField;

    ForceKind(String wire, String tokenField) {
        this.wire = wire;
        this.tokenField = tokenField;
    }

    /** The value sent as {@code force}. */
    public String wire() {
        return wire;
    }

    /** The key of the returned token. */
    public String tokenField() {
        return tokenField;
    }

    public static ForceKind fromWire(String value) {
        for (ForceKind k : values()) {
            if (k.wire.equals(value)) {
                return k;
            }
        }
        return null;
    }
}
