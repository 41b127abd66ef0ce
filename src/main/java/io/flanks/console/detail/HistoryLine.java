package io.flanks.console.detail;

import io.flanks.console.credentials.Health;
import java.time.Instant;

/**
 * One line of the detail pane's History section, ready to show.
 *
 * @param health  the icon and colour of the line
 * @param text    "Blocked since 2 d ago", "Reset opened 10 min ago by you"
 * @param tooltip the exact time, UTC and local, and who forced it when it was you
 */
public record HistoryLine(Health health, String text, String tooltip, boolean byYou, Instant time) {
}
