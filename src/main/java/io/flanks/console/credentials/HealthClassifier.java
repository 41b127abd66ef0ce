package io.flanks.console.credentials;

import io.flanks.console.api.CredentialStatus;

/** The one place that decides a credential's {@link Health}. */
public final class HealthClassifier {

    private HealthClassifier() {
    }

    /**
     * Blocked > Needs SCA > Reset open > Transaction flow open > Pending > Errors > Healthy.
     * Healthy needs the server to have said {@code blocked: false} and {@code pending: false};
     * a status that does not say is {@link Health#UNKNOWN}, never assumed healthy.
     */
    public static Health classify(CredentialStatus s) {
        if (s == null) {
            return Health.UNKNOWN;
        }
        if (Boolean.TRUE.equals(s.blocked())) {
            return Health.BLOCKED;
        }
        if (s.scaToken() != null) {
            return Health.NEEDS_SCA;
        }
        if (s.resetToken() != null) {
            return Health.RESET_OPEN;
        }
        if (s.transactionToken() != null) {
            return Health.TRANSACTION_OPEN;
        }
        if (Boolean.TRUE.equals(s.pending())) {
            return Health.PENDING;
        }
        if (s.errored().anyTrue()) {
            return Health.ERRORS;
        }
        if (Boolean.FALSE.equals(s.blocked()) && Boolean.FALSE.equals(s.pending())) {
            return Health.HEALTHY;
        }
        return Health.UNKNOWN;
    }
}
