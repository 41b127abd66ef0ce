package io.flanks.console.history;

import static io.flanks.console.history.Statuses.NO_ERRORS;
import static io.flanks.console.history.Statuses.TWO_ERRORS;
import static io.flanks.console.history.Statuses.blocked;
import static io.flanks.console.history.Statuses.healthy;
import static io.flanks.console.history.Statuses.row;
import static io.flanks.console.history.Statuses.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.api.CredentialStatus;
import io.flanks.console.audit.AuditEntry;
import io.flanks.console.audit.AuditLog;
import io.flanks.console.credentials.CredentialRow;
import io.flanks.console.credentials.Health;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The observer: what reaches the file, when, and when it says "by you". Writes run inline. */
class StatusRecorderTest {
    private static final String URL = "https://api.flanks.io";
    private static final String ME = System.getProperty("user.name", "unknown");

    @TempDir
    Path dataDir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final Executor inline = Runnable::run;
    private final List<Set<String>> written = new ArrayList<>();
    private AuditLog audit;
    private StatusRecorder recorder;

    @BeforeEach
    void setUp() {
        audit = new AuditLog(dataDir);
        recorder = newRecorder();
    }

    @AfterEach
    void tearDown() {
        recorder.close();
    }

    private StatusRecorder newRecorder() {
        StatusRecorder r = new StatusRecorder(new StatusHistory(dataDir, URL), audit, URL, clock, inline);
        r.addWrittenListener(written::add);
        return r;
    }

    private List<String> lines() throws IOException {
        Path f = recorder.store().file();
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    private void auditEntry(String user, String url, String action, String token, String outcome, Instant at)
            throws IOException {
        audit.append(new AuditEntry(at, user, "api.flanks.io", url, action, token, "testbank", null, outcome, null,
                "****beef"));
    }

    @Test
    void theSameStatusTwiceMakesOneSnapshot() throws IOException {
        CredentialRow row = row("tok-a");
        recorder.statusFetched(row, null, healthy());
        clock.advance(Duration.ofMinutes(1));
        recorder.statusFetched(row, healthy(), healthy());
        // a new status object with the same health and flags, after a restart (the row is new again)
        recorder.close();
        recorder = newRecorder();
        recorder.statusFetched(row("tok-a"), null, healthy());
        assertThat(lines()).hasSize(1);
        assertThat(written).containsExactly(Set.of("tok-a"));

        clock.advance(Duration.ofMinutes(1));
        recorder.statusFetched(row, healthy(), blocked("reset-1"));
        assertThat(recorder.read("tok-a")).extracting(Snapshot::health).containsExactly(Health.HEALTHY, Health.BLOCKED);
    }

    @Test
    void flagsCountAsChangesEvenWhenTheHealthStaysTheSame() throws IOException {
        CredentialRow row = row("tok-a");
        CredentialStatus errors = status(false, false, null, null, null, TWO_ERRORS);
        recorder.statusFetched(row, null, errors);
        recorder.statusFetched(row, errors, status(false, false, null, null, null,
                new io.flanks.console.api.FlagGroups(new io.flanks.console.api.Flags(java.util.Map.of("auth", true)), null)));
        recorder.statusFetched(row, blocked("r"), status(null, true, "r", "sca", null, NO_ERRORS));
        recorder.statusFetched(row, blocked("r"), status(null, true, "r", "sca", null, NO_ERRORS));
        List<Snapshot> s = recorder.read("tok-a");
        assertThat(s).extracting(Snapshot::health).containsExactly(Health.ERRORS, Health.ERRORS, Health.BLOCKED);
        assertThat(s).extracting(Snapshot::erroredCount).containsExactly(2, 1, 0);
        assertThat(s.get(2).pending()).isNull();
        assertThat(s.get(2).scaOpen()).isTrue();
        assertThat(s.get(2).resetOpen()).isTrue();
        assertThat(s.get(2).transactionOpen()).isFalse();
    }

    @Test
    void neverWritesFlowTokenValues() throws IOException {
        String reset = "RESET-a1b2c3d4e5f6a7b8c9d0";
        String sca = "SCA-0f9e8d7c6b5a4f3e2d1c";
        String tx = "TX-1234567890abcdef1234";
        recorder.statusFetched(row("tok-secretive"), null, status(true, true, reset, sca, tx, TWO_ERRORS));
        String file = Files.readString(recorder.store().file());
        assertThat(file).contains("tok-secretive", "\"reset_token_set\":true", "\"sca_token_set\":true",
                "\"transaction_token_set\":true");
        for (String secret : List.of(reset, sca, tx, "a1b2c3d4", "0f9e8d7c", "12345678")) {
            assertThat(file).doesNotContain(secret);
        }
    }

    @Test
    void byYouWhenThisUserForcedThatFlowShortlyBefore() throws IOException {
        Instant forcedAt = clock.instant().minusSeconds(2);
        auditEntry(ME, URL + "/", "force_reset", "tok-mine", AuditEntry.OK, forcedAt);
        recorder.statusFetched(row("tok-mine"), healthy(), status(false, false, "reset-x", null, null, NO_ERRORS));
        assertThat(recorder.read("tok-mine")).singleElement().satisfies(s -> {
            assertThat(s.health()).isEqualTo(Health.RESET_OPEN);
            assertThat(s.byYou()).isTrue();
        });
        assertThat(Files.readString(recorder.store().file())).contains("\"by_you\":true");
    }

    @Test
    void notByYouWhenTheAuditSaysOtherwise() throws IOException {
        Instant now = clock.instant();
        CredentialStatus resetOpen = status(false, false, "reset-x", null, null, NO_ERRORS);
        // one near miss each: another user, another environment, another flow, another token,
        // a failed call, too long ago, after the status arrived
        auditEntry("someone-else", URL, "force_reset", "tok-1", AuditEntry.OK, now.minusSeconds(5));
        auditEntry(ME, "https://staging.example.com", "force_reset", "tok-2", AuditEntry.OK, now.minusSeconds(5));
        auditEntry(ME, URL, "force_sca", "tok-3", AuditEntry.OK, now.minusSeconds(5));
        auditEntry(ME, URL, "force_reset", "tok-other", AuditEntry.OK, now.minusSeconds(5));
        auditEntry(ME, URL, "force_reset", "tok-5", AuditEntry.ERROR, now.minusSeconds(5));
        auditEntry(ME, URL, "force_reset", "tok-6", AuditEntry.OK, now.minus(StatusRecorder.BY_YOU_WINDOW).minusSeconds(1));
        auditEntry(ME, URL, "force_reset", "tok-7", AuditEntry.OK, now.plusSeconds(60));
        for (String t : List.of("tok-1", "tok-2", "tok-3", "tok-4", "tok-5", "tok-6", "tok-7")) {
            recorder.statusFetched(row(t), null, resetOpen);
            assertThat(recorder.read(t)).as(t).singleElement().extracting(Snapshot::byYou).isEqualTo(false);
        }
    }

    @Test
    void anOldForceDoesNotClaimAFlowOpenedAfterTheLastSnapshot() throws IOException {
        CredentialRow row = row("tok-a");
        CredentialStatus resetOpen = status(false, false, "reset-1", null, null, NO_ERRORS);
        auditEntry(ME, URL, "force_reset", "tok-a", AuditEntry.OK, clock.instant());
        clock.advance(Duration.ofSeconds(1));
        recorder.statusFetched(row, healthy(), resetOpen); // yours
        clock.advance(Duration.ofMinutes(2));
        recorder.statusFetched(row, resetOpen, healthy()); // the end user finished the flow
        clock.advance(Duration.ofMinutes(2));
        recorder.statusFetched(row, healthy(), resetOpen); // someone else opened it again
        assertThat(recorder.read("tok-a")).extracting(Snapshot::byYou).containsExactly(true, false, false);
    }

    @Test
    void afterCloseNothingMoreIsRecorded() throws IOException {
        recorder.close();
        recorder.statusFetched(row("tok-a"), null, healthy());
        assertThat(lines()).isEmpty();
    }

    @Test
    void aQueuedBatchIsWrittenInOneAppend() throws IOException {
        List<Runnable> held = new ArrayList<>();
        recorder = new StatusRecorder(new StatusHistory(dataDir, URL), audit, URL, clock, held::add);
        recorder.addWrittenListener(written::add);
        for (int i = 0; i < 1000; i++) {
            recorder.statusFetched(row("tok-" + i), null, i % 2 == 0 ? healthy() : blocked("r" + i));
        }
        recorder.statusFetched(row("tok-0"), healthy(), healthy()); // unchanged: not even queued
        assertThat(held).as("one drain scheduled for the whole burst").hasSize(1);
        assertThat(lines()).isEmpty();
        held.remove(0).run();
        assertThat(lines()).hasSize(1000);
        assertThat(written).singleElement().satisfies(t -> assertThat(t).hasSize(1000));
    }

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
