package io.flanks.console.history;

import io.flanks.console.api.ForceKind;
import io.flanks.console.credentials.Health;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a credential's timeline, derived from its snapshots: when it was first seen, when
 * its health changed, and when a flow opened that its health did not show (a blocked credential
 * asked for SCA stays "Blocked").
 *
 * @param health  what the line's icon and word show
 * @param flow    the flow that opened, for {@link Kind#FLOW_OPENED}; else {@code null}
 * @param current the health has not changed since: "Blocked since ..." rather than "Blocked ..."
 */
public record HistoryEvent(Kind kind, Health health, ForceKind flow, Instant time, boolean byYou, boolean current) {

    public enum Kind {
        /** The oldest snapshot kept for the credential. */
        FIRST_SEEN,
        /** The health differs from the snapshot before. */
        HEALTH_CHANGED,
        /** Same health, but a flow token appeared. */
        FLOW_OPENED
    }

    /**
     * The timeline of {@code snapshots} (oldest first, as read), newest event first. Snapshots
     * that changed nothing shown here (a count of errors, a flow that closed while still blocked)
     * make no line.
     */
    public static List<HistoryEvent> timeline(List<Snapshot> snapshots) {
        List<HistoryEvent> events = new ArrayList<>();
        Snapshot prev = null;
        for (Snapshot s : snapshots) {
            if (prev == null) {
                events.add(new HistoryEvent(Kind.FIRST_SEEN, s.health(), null, s.time(), s.byYou(), false));
            } else if (s.health() != prev.health()) {
                events.add(new HistoryEvent(Kind.HEALTH_CHANGED, s.health(), null, s.time(), s.byYou(), false));
            } else {
                ForceKind opened = openedFlow(prev, s);
                if (opened != null) {
                    events.add(new HistoryEvent(Kind.FLOW_OPENED, healthOf(opened), opened, s.time(), s.byYou(), false));
                }
            }
            prev = s;
        }
        List<HistoryEvent> newestFirst = new ArrayList<>(events.size());
        boolean currentFound = false;
        for (int i = events.size() - 1; i >= 0; i--) {
            HistoryEvent e = events.get(i);
            if (!currentFound && e.kind() != Kind.FLOW_OPENED) {
                currentFound = true; // the newest health line: nothing changed the health after it
                if (e.kind() == Kind.HEALTH_CHANGED) {
                    e = new HistoryEvent(e.kind(), e.health(), e.flow(), e.time(), e.byYou(), true);
                }
            }
            newestFirst.add(e);
        }
        return newestFirst;
    }

    /** The first flow (in the order health ranks them) open in {@code s} but not in {@code prev}. */
    private static ForceKind openedFlow(Snapshot prev, Snapshot s) {
        for (ForceKind k : new ForceKind[] {ForceKind.SCA, ForceKind.RESET, ForceKind.TRANSACTION}) {
            if (s.flowOpen(k) && !prev.flowOpen(k)) {
                return k;
            }
        }
        return null;
    }

    /** The health a credential has when only this flow is open. */
    public static Health healthOf(ForceKind k) {
        return switch (k) {
            case SCA -> Health.NEEDS_SCA;
            case RESET -> Health.RESET_OPEN;
            case TRANSACTION -> Health.TRANSACTION_OPEN;
        };
    }
}
