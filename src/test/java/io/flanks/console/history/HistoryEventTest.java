package io.flanks.console.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.api.ForceKind;
import io.flanks.console.credentials.Health;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Snapshots to timeline events: which make a line, in which order, which one is "since". */
class HistoryEventTest {
    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    private static Snapshot s(int minute, Health h, boolean blocked, boolean reset, boolean sca, int errored, boolean byYou) {
        return new Snapshot(T.plusSeconds(60L * minute), "tok", h, blocked, h == Health.PENDING, reset, sca, false,
                errored, byYou);
    }

    @Test
    void healthChangesAndMaskedFlowsNewestFirst() {
        List<HistoryEvent> events = HistoryEvent.timeline(List.of(
                s(0, Health.PENDING, false, false, false, 0, false),
                s(1, Health.HEALTHY, false, false, false, 0, false),
                s(2, Health.HEALTHY, false, false, false, 0, false),   // same again: no line
                s(3, Health.ERRORS, false, false, false, 1, false),
                s(4, Health.ERRORS, false, false, false, 2, false),    // only a count: no line
                s(5, Health.BLOCKED, true, true, false, 2, false),
                s(6, Health.BLOCKED, true, true, true, 2, true),       // SCA under blocked: a flow line
                s(7, Health.BLOCKED, true, false, true, 2, false)));   // reset closed, still blocked: no line
        assertThat(events).extracting(HistoryEvent::kind).containsExactly(
                HistoryEvent.Kind.FLOW_OPENED, HistoryEvent.Kind.HEALTH_CHANGED, HistoryEvent.Kind.HEALTH_CHANGED,
                HistoryEvent.Kind.HEALTH_CHANGED, HistoryEvent.Kind.FIRST_SEEN);
        assertThat(events).extracting(HistoryEvent::health).containsExactly(
                Health.NEEDS_SCA, Health.BLOCKED, Health.ERRORS, Health.HEALTHY, Health.PENDING);
        assertThat(events).extracting(HistoryEvent::current).containsExactly(false, true, false, false, false);
        assertThat(events).extracting(HistoryEvent::byYou).containsExactly(true, false, false, false, false);
        assertThat(events.get(0).flow()).isEqualTo(ForceKind.SCA);
        assertThat(events.get(0).time()).isEqualTo(T.plusSeconds(360));
    }

    @Test
    void aSingleSnapshotIsFirstSeenAndNothingIsEmpty() {
        assertThat(HistoryEvent.timeline(List.of())).isEmpty();
        assertThat(HistoryEvent.timeline(List.of(s(0, Health.RESET_OPEN, false, true, false, 0, true))))
                .singleElement().satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(HistoryEvent.Kind.FIRST_SEEN);
                    assertThat(e.current()).isFalse();
                    assertThat(e.byYou()).isTrue();
                });
    }
}
