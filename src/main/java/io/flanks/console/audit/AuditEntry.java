package io.flanks.console.audit;

import java.time.Instant;

/**
 * One line of {@code audit.jsonl}: who did what to which credential, where, and how it ended.
 * {@code flowToken} is already masked to its last 4 characters.
 */
public record AuditEntry(Instant time, String osUser, String environment, String baseUrl, String action,
                         String credentialsToken, String bank, String externalId, String outcome,
                         String message, String flowToken) {

    public static final String OK = "ok";
    public static final String ERROR = "error";
    public static final String ATTEMPT = "attempt";

    public boolean ok() {
        return OK.equals(outcome);
    }

    /** "****a1b2": only the last 4 characters of a flow token are ever written. */
    public static String mask(String token) {
        if (token == null) {
            return null;
        }
        return token.length() <= 4 ? "****" : "****" + token.substring(token.length() - 4);
    }
}
