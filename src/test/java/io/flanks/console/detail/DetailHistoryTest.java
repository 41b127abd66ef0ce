package io.flanks.console.detail;

import static io.flanks.console.detail.FakeHistory.snap;
import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.api.CredentialItem;
import io.flanks.console.api.CredentialStatus;
import io.flanks.console.api.Environment;
import io.flanks.console.api.FlanksClient;
import io.flanks.console.common.Background;
import io.flanks.console.common.Formats;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.CredentialRow;
import io.flanks.console.credentials.CredentialsViewModel;
import io.flanks.console.credentials.Health;
import io.flanks.console.history.Snapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The detail pane's History section, view-model only: prepared histories, reads run inline. */
class DetailHistoryTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final String ME = System.getProperty("user.name", "unknown");
    private static FlanksClient unusedClient;

    private CredentialsViewModel credentials;
    private DetailViewModel vm;
    private FakeHistory history;

    @BeforeAll
    static void client() {
        unusedClient = new FlanksClient(new Environment("Nowhere", "http://127.0.0.1:9", "id", "secret"));
    }

    @AfterAll
    static void closeClient() {
        unusedClient.close();
    }

    @BeforeEach
    void setUp() {
        I18n.use(Locale.ENGLISH);
        credentials = new CredentialsViewModel(unusedClient, Background.direct(), Clock.systemUTC());
        vm = new DetailViewModel(credentials, Clock.fixed(NOW, ZoneOffset.UTC), text -> { });
        history = new FakeHistory();
    }

    @AfterEach
    void tearDown() {
        I18n.use(Locale.ENGLISH);
    }

    private static CredentialRow row(String token) {
        CredentialStatus s = new CredentialStatus(false, true, "reset-value", "sca-value", null, "testbank", null,
                null, null, null, null, null, null, "{}");
        return new CredentialRow(new CredentialItem(token, "ext", "testbank", s, null));
    }

    private List<String> texts() {
        return vm.historyLines().stream().map(HistoryLine::text).toList();
    }

    /** Pending 5 d ago, healthy 4 d ago, blocked 2 d ago (seen again 1 d ago), SCA asked by you 10 min ago. */
    private void prepareBlockedHistory(String token) {
        history.byToken.put(token, new ArrayList<>(List.of(
                snap(token, NOW.minus(Duration.ofDays(5)), Health.PENDING, false),
                snap(token, NOW.minus(Duration.ofDays(4)), Health.HEALTHY, false),
                snap(token, NOW.minus(Duration.ofDays(2)), Health.BLOCKED, false),
                snap(token, NOW.minus(Duration.ofDays(1)), Health.BLOCKED, false),
                snap(token, NOW.minus(Duration.ofMinutes(10)), Health.BLOCKED, true, true))));
    }

    @Test
    void withoutAHistorySourceTheSectionIsHiddenAndEmpty() {
        credentials.selectedProperty().set(row("tok-a"));
        assertThat(vm.historyShownProperty().get()).isFalse();
        assertThat(vm.historyLines()).isEmpty();
        assertThat(vm.historyMessageProperty().get()).isEmpty();
    }

    @Test
    void linesOfAPreparedHistoryNewestFirst() {
        prepareBlockedHistory("tok-a");
        vm.useHistory(history, Background.direct());
        credentials.selectedProperty().set(row("tok-a"));

        assertThat(vm.historyShownProperty().get()).isTrue();
        assertThat(texts()).containsExactly(
                "SCA requested 10 min ago by you",
                "Blocked since 2 d ago",
                "Healthy again 4 d ago",
                "First seen Pending 5 d ago");
        assertThat(vm.historyLines()).extracting(HistoryLine::health)
                .containsExactly(Health.NEEDS_SCA, Health.BLOCKED, Health.HEALTHY, Health.PENDING);
        assertThat(vm.historyLines()).extracting(HistoryLine::byYou).containsExactly(true, false, false, false);
        HistoryLine newest = vm.historyLines().get(0);
        assertThat(newest.tooltip()).startsWith(Formats.exact(NOW.minus(Duration.ofMinutes(10)))).contains(ME);
        assertThat(vm.historyLines().get(1).tooltip()).isEqualTo(Formats.exact(NOW.minus(Duration.ofDays(2))));
        assertThat(vm.historyMessageProperty().get()).isEmpty();
    }

    @Test
    void aResetYouOpenedAndTheCalmEmptyState() {
        history.byToken.put("tok-reset", List.of(
                snap("tok-reset", NOW.minus(Duration.ofHours(3)), Health.HEALTHY, false),
                snap("tok-reset", NOW.minus(Duration.ofMinutes(10)), Health.RESET_OPEN, true)));
        vm.useHistory(history, Background.direct());
        credentials.selectedProperty().set(row("tok-reset"));
        assertThat(texts()).containsExactly("Reset opened 10 min ago by you", "First seen Healthy 3 h ago");

        credentials.selectedProperty().set(row("tok-nothing"));
        assertThat(vm.historyLines()).isEmpty();
        assertThat(vm.historyMessageProperty().get()).isEqualTo("No changes recorded yet");
    }

    @Test
    void spanishLines() {
        I18n.use(new Locale("es"));
        prepareBlockedHistory("tok-a");
        vm.useHistory(history, Background.direct());
        credentials.selectedProperty().set(row("tok-a"));
        assertThat(texts()).containsExactly(
                "SCA solicitada hace 10 min, por usted",
                "Bloqueada desde hace 2 d",
                "Correcta de nuevo hace 4 d",
                "Vista por primera vez: Pendiente, hace 5 d");
        credentials.selectedProperty().set(row("tok-nothing"));
        assertThat(vm.historyMessageProperty().get()).isEqualTo("Aún no hay cambios registrados");
    }

    @Test
    void atMostEightLinesAndTheRestCounted() {
        List<Snapshot> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(snap("tok-a", NOW.minus(Duration.ofHours(12 - i)), i % 2 == 0 ? Health.HEALTHY : Health.ERRORS, false));
        }
        history.byToken.put("tok-a", many);
        vm.useHistory(history, Background.direct());
        credentials.selectedProperty().set(row("tok-a"));
        assertThat(vm.historyLines()).hasSize(DetailViewModel.HISTORY_LINES);
        assertThat(texts().get(0)).isEqualTo("Errors since 1 h ago");
        assertThat(texts().get(7)).isEqualTo("Healthy again 8 h ago");
        assertThat(vm.historyMessageProperty().get()).isEqualTo("Earlier changes not shown: 4");
    }

    @Test
    void aNewSnapshotOfTheShownCredentialShowsAtOnceOthersAreIgnored() {
        prepareBlockedHistory("tok-a");
        vm.useHistory(history, Background.direct());
        CredentialRow shown = row("tok-a");
        credentials.selectedProperty().set(shown);
        int reads = history.reads;

        history.write(snap("tok-other", NOW, Health.HEALTHY, false));
        assertThat(history.reads).as("not the shown credential: no read").isEqualTo(reads);

        history.write(snap("tok-a", NOW.minusSeconds(5), Health.HEALTHY, false));
        assertThat(texts()).first().isEqualTo("Healthy again just now");
        assertThat(texts()).hasSize(5);
    }

    @Test
    void aFailedReadSaysSoAndSwitchingShowsNothingOfTheOldCredential() {
        prepareBlockedHistory("tok-a");
        vm.useHistory(history, Background.direct());
        credentials.selectedProperty().set(row("tok-a"));
        assertThat(vm.historyLines()).isNotEmpty();

        history.failing = true;
        credentials.selectedProperty().set(row("tok-b"));
        assertThat(vm.historyLines()).isEmpty();
        assertThat(vm.historyMessageProperty().get()).isEqualTo("The history of this credential could not be read.");

        credentials.selectedProperty().set(null);
        assertThat(vm.historyLines()).isEmpty();
        assertThat(vm.historyMessageProperty().get()).isEmpty();
    }

    @Test
    void aSlowReadForAnEarlierSelectionNeverShows() {
        prepareBlockedHistory("tok-a");
        HeldBackground held = new HeldBackground();
        vm.useHistory(history, held);
        credentials.selectedProperty().set(row("tok-a"));
        credentials.selectedProperty().set(row("tok-b"));
        held.runAll(); // tok-a's read was cancelled; tok-b has no history
        assertThat(vm.historyLines()).isEmpty();
        assertThat(vm.historyMessageProperty().get()).isEqualTo("No changes recorded yet");
    }

    @Test
    void aNewStatusOfTheShownRowMovesTheRelativeTimesOnWithoutReading() {
        MovingClock clock = new MovingClock(NOW);
        vm = new DetailViewModel(credentials, clock, text -> { });
        prepareBlockedHistory("tok-a");
        vm.useHistory(history, Background.direct());
        CredentialRow shown = row("tok-a");
        credentials.selectedProperty().set(shown);
        assertThat(texts()).first().isEqualTo("SCA requested 10 min ago by you");
        int reads = history.reads;

        clock.now = NOW.plus(Duration.ofHours(2));
        shown.setStatus(otherStatus());
        assertThat(texts()).first().isEqualTo("SCA requested 2 h ago by you");
        assertThat(history.reads).isEqualTo(reads);

        // a failed read keeps saying so when the status changes
        history.failing = true;
        history.write(snap("tok-a", clock.now, Health.HEALTHY, false));
        assertThat(vm.historyMessageProperty().get()).isEqualTo("The history of this credential could not be read.");
        shown.setStatus(row("tok-a").status());
        assertThat(vm.historyMessageProperty().get()).isEqualTo("The history of this credential could not be read.");
        assertThat(vm.historyLines()).isEmpty();
    }

    /** A status that differs from {@link #row}'s (a status equal to the old one is no change). */
    private static CredentialStatus otherStatus() {
        return new CredentialStatus(false, true, "reset-value", "sca-value", null, "testbank", null,
                null, null, null, null, null, null, "{\"changed\": true}");
    }

    @Test
    void disposeClosesTheSourceAndStopsListening() {
        vm.useHistory(history, Background.direct());
        assertThat(history.listeners).hasSize(1);
        vm.dispose();
        assertThat(history.closed).isTrue();
        assertThat(history.listeners).isEmpty();
    }

    private static final class MovingClock extends Clock {
        volatile Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Holds submitted work; a cancelled job's callbacks never run, as with the real executor. */
    private static final class HeldBackground implements Background {
        private final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> Job submit(String name, Work<T> work, java.util.function.Consumer<? super T> onSuccess,
                              java.util.function.Consumer<Throwable> onFailure) {
            SimpleJob job = new SimpleJob();
            held.add(() -> {
                if (job.isCancelled()) {
                    return;
                }
                try {
                    onSuccess.accept(work.call(job));
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
            return job;
        }

        @Override
        public void ui(Runnable r) {
            r.run();
        }

        void runAll() {
            new ArrayList<>(held).forEach(Runnable::run);
            held.clear();
        }
    }
}
