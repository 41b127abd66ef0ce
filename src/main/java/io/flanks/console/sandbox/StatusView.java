package io.flanks.console.sandbox;

import java.time.LocalDate;

/**
 * One consistent snapshot of a credential's status, taken under its lock and serialized after.
 *
 * @param lastUpdate      epoch seconds, or null before the first extraction finished
 * @param createdAt       epoch seconds
 * @param errored         bit mask of {@link Flag}
 * @param created         bit mask of {@link Flag}
 */
record StatusView(boolean pending, boolean blocked, String resetToken, LocalDate lastTransactionDate,
                  String scaToken, String transactionToken, String name, Long lastUpdate, long createdAt,
                  int errored, int created) {
}
