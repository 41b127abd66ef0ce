package io.flanks.console.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A credential's status as read from the API. Booleans are boxed: {@code null} means the
 * server did not say (unknown), never {@code false}. {@code rawJson} is the object exactly
 * as received, for the detail pane's raw view.
 */
public record CredentialStatus(
        Boolean pending,
        Boolean blocked,
        String resetToken,
        String scaToken,
        String transactionToken,
        String name,
        LocalDate lastUpdate,
        LocalTime time,
        Instant lastUpdateTimestamp,
        Instant createdAt,
        LocalDate lastTransactionDate,
        FlagGroups errored,
        FlagGroups created,
        String rawJson) {

    public CredentialStatus {
        errored = errored == null ? FlagGroups.UNKNOWN : errored;
        created = created == null ? FlagGroups.UNKNOWN : created;
    }

    /** Last update as an instant: the timestamp when given, else date + time (UTC). */
    public Instant lastUpdateInstant() {
        if (lastUpdateTimestamp != null) {
            return lastUpdateTimestamp;
        }
        if (lastUpdate == null) {
            return null;
        }
        LocalTime t = time == null ? LocalTime.MIDNIGHT : time;
        return lastUpdate.atTime(t).toInstant(java.time.ZoneOffset.UTC);
    }

    /** The open flow token of the given kind, or {@code null}. */
    public String flowToken(ForceKind kind) {
        return switch (kind) {
            case SCA -> scaToken;
            case RESET -> resetToken;
            case TRANSACTION -> transactionToken;
        };
    }
}
