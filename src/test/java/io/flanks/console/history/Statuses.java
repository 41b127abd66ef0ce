package io.flanks.console.history;

import io.flanks.console.api.CredentialItem;
import io.flanks.console.api.CredentialStatus;
import io.flanks.console.api.FlagGroups;
import io.flanks.console.api.Flags;
import io.flanks.console.credentials.CredentialRow;
import io.flanks.console.credentials.Health;
import java.time.Instant;
import java.util.Map;

/** Statuses and snapshots for the history tests. */
final class Statuses {
    static final FlagGroups NO_ERRORS = new FlagGroups(new Flags(Map.of("auth", false, "account", false)),
            new Flags(Map.of("account", false)));
    static final FlagGroups TWO_ERRORS = new FlagGroups(new Flags(Map.of("auth", true, "account", false)),
            new Flags(Map.of("account", true)));

    private Statuses() {
    }

    static CredentialStatus status(Boolean pending, Boolean blocked, String reset, String sca, String tx,
                                   FlagGroups errored) {
        return new CredentialStatus(pending, blocked, reset, sca, tx, "testbank", null, null, null, null, null,
                errored, NO_ERRORS, "{\"reset_token\":" + (reset == null ? "null" : "\"" + reset + "\"") + "}");
    }

    static CredentialStatus healthy() {
        return status(false, false, null, null, null, NO_ERRORS);
    }

    static CredentialStatus blocked(String resetToken) {
        return status(false, true, resetToken, null, null, NO_ERRORS);
    }

    static CredentialRow row(String token) {
        return new CredentialRow(new CredentialItem(token, "ext-" + token, "testbank", null, null));
    }

    static Snapshot snap(String token, Instant time, Health h) {
        return new Snapshot(time, token, h, h == Health.BLOCKED, h == Health.PENDING, h == Health.RESET_OPEN,
                h == Health.NEEDS_SCA, h == Health.TRANSACTION_OPEN, h == Health.ERRORS ? 1 : 0, false);
    }
}
