package io.flanks.console.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.api.FlanksClient;
import io.flanks.console.api.SandboxClients;
import io.flanks.console.common.Background;
import io.flanks.console.common.I18n;
import io.flanks.console.sandbox.SandboxConfig;
import io.flanks.console.sandbox.SandboxServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A new sort order over many rows is sorted on a background thread; the table's rows change
 * once it is done, and are right whatever happened to the rows meanwhile.
 */
class BackgroundSortTest {
    private SandboxServer server;
    private FlanksClient client;
    private HeldSorts background;
    private CredentialsViewModel vm;
    private Thread uiThread;

    @BeforeEach
    void setUp() throws Exception {
        I18n.use(Locale.ENGLISH);
        server = SandboxServer.start(SandboxConfig.defaults());
        client = SandboxClients.of(server);
        background = new HeldSorts();
        vm = new CredentialsViewModel(client, background, Clock.systemUTC());
        vm.setSortInBackgroundFrom(100); // the sandbox's 300 rows count as many
        uiThread = Thread.currentThread(); // this test's thread stands for the FX thread
        vm.reload(); // loads run at once
        assertThat(vm.allRows()).hasSize(300);
        background.holding = true;
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    @Test
    void aNewSortOrderIsSortedOffTheUiThreadAndShownWhenDone() throws Exception {
        ByBank byBank = new ByBank();
        vm.comparatorProperty().set(byBank);
        assertThat(byBank.onUiThread).as("comparisons on the UI thread at the click").hasValue(0);
        assertThat(vm.shownRows()).as("the rows as they were until the sort is done")
                .containsExactlyElementsOf(vm.allRows());
        assertThat(background.held).hasSize(1);

        background.held.get(0).succeedOnOwnThread();
        assertThat(byBank.elsewhere.get()).as("comparisons on the sort's thread").isGreaterThan(300);
        assertThat(byBank.onUiThread).as("comparisons on the UI thread").hasValue(0);
        assertThat(vm.shownRows()).containsExactlyElementsOf(stableSorted(byBank));
    }

    @Test
    void aRowChangedWhileItsSortRanIsShownInItsNewPlace() throws Exception {
        Comparator<CredentialRow> byHealth = Comparator.comparingInt(r -> r.health().ordinal());
        vm.comparatorProperty().set(byHealth);
        HeldSort sort = background.held.get(0);
        sort.workOnOwnThread(); // sorted with the values as they were
        CredentialRow healthy = vm.allRows().stream().filter(r -> r.health() == Health.HEALTHY).findFirst().orElseThrow();
        CredentialRow blocked = vm.allRows().stream().filter(r -> r.health() == Health.BLOCKED).findFirst().orElseThrow();
        vm.applyStatus(healthy, blocked.status()); // now blocked, before the sort's result is taken
        sort.deliver();

        assertThat(vm.shownRows()).hasSize(300).isSortedAccordingTo(byHealth)
                .containsExactlyElementsOf(stableSorted(byHealth));
    }

    /**
     * A sort asked for during a load, whose copy of the rows is older than pages that came
     * meanwhile (the table's rows not yet made again with them: the load makes them at most
     * four times a second): its result is not taken, the rows are sorted here.
     */
    @Test
    void aSortOfRowsThatPagesCameAfterIsNotTaken() throws Exception {
        try (SandboxServer bigger = SandboxServer.start(SandboxConfig.defaults().withCredentials(500))) {
            FlanksClient c = SandboxClients.of(bigger);
            try {
                HeldSorts held = new HeldSorts();
                held.holdingFrames = true;
                CredentialsViewModel loading = new CredentialsViewModel(c, held, Clock.systemUTC());
                loading.setSortInBackgroundFrom(100);
                loading.setSliceNanos(0); // one page a slice
                loading.reload(); // five pages fetched, each waiting for its frame
                held.frames.runOne(); // page 1
                assertThat(loading.allRows()).hasSize(100);
                held.holding = true;
                Comparator<CredentialRow> byToken = Comparator.comparing(CredentialRow::token);
                loading.comparatorProperty().set(byToken); // sorted in the background from page 1's rows
                held.held.get(0).workOnOwnThread();
                held.frames.runOne(); // page 2: the table's rows made again, sorted here
                held.frames.runOne(); // page 3: within the quarter second, the table's rows wait
                assertThat(loading.allRows()).hasSize(300);
                held.held.get(0).deliver(); // the sort of page 1's rows ends now

                List<CredentialRow> expected = new ArrayList<>(loading.allRows());
                expected.sort(byToken);
                assertThat(loading.shownRows()).containsExactlyElementsOf(expected);
                while (held.frames.queued() > 0) {
                    held.frames.runOne();
                }
                assertThat(loading.shownRows()).hasSize(500).isSortedAccordingTo(byToken);
            } finally {
                c.close();
            }
        }
    }

    @Test
    void aSortThatFailedIsDoneOnTheUiThread() {
        Comparator<CredentialRow> byToken = Comparator.comparing(CredentialRow::token);
        vm.comparatorProperty().set(byToken);
        background.held.get(0).fail(new IllegalArgumentException("Comparison method violates its general contract!"));
        assertThat(vm.shownRows()).containsExactlyElementsOf(stableSorted(byToken));
    }

    @Test
    void onlyTheLastSortOrderAskedForIsShown() throws Exception {
        ByBank byBank = new ByBank();
        Comparator<CredentialRow> byToken = Comparator.comparing(CredentialRow::token);
        vm.comparatorProperty().set(byBank);
        vm.comparatorProperty().set(byToken); // a click on another header before the first sort ended
        assertThat(background.held).hasSize(2);
        assertThat(background.held.get(0).job.isCancelled()).as("the first sort called off").isTrue();

        background.held.get(1).succeedOnOwnThread();
        background.held.get(0).workOnOwnThread();
        background.held.get(0).deliver(); // even if its result came after all
        assertThat(vm.shownRows()).containsExactlyElementsOf(stableSorted(byToken));
    }

    @Test
    void whatWaitsForTheSortedRowsRunsOnceTheLastOrderAskedForIsShown() throws Exception {
        List<List<CredentialRow>> seen = new ArrayList<>();
        vm.whenOrdered(() -> seen.add(List.copyOf(vm.shownRows())));
        assertThat(seen).as("no sort running: at once").hasSize(1);

        Comparator<CredentialRow> byToken = Comparator.comparing(CredentialRow::token);
        vm.comparatorProperty().set(new ByBank());
        vm.whenOrdered(() -> seen.add(List.copyOf(vm.shownRows())));
        vm.comparatorProperty().set(byToken); // the first sort called off
        assertThat(seen).as("waiting for the sort").hasSize(1);
        background.held.get(1).succeedOnOwnThread();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1)).containsExactlyElementsOf(stableSorted(byToken));

        vm.comparatorProperty().set(Comparator.comparing(CredentialRow::bankId));
        vm.whenOrdered(() -> seen.add(List.copyOf(vm.shownRows())));
        background.held.get(2).fail(new IllegalStateException("sort failed"));
        assertThat(seen).as("a failed sort, done on the UI thread").hasSize(3);
        assertThat(seen.get(2)).containsExactlyElementsOf(stableSorted(Comparator.comparing(CredentialRow::bankId)));
    }

    @Test
    void fewRowsAreSortedAtOnce() {
        vm.setSortInBackgroundFrom(301);
        Comparator<CredentialRow> byToken = Comparator.comparing(CredentialRow::token);
        vm.comparatorProperty().set(byToken);
        assertThat(background.held).isEmpty();
        assertThat(vm.shownRows()).containsExactlyElementsOf(stableSorted(byToken));
    }

    private List<CredentialRow> stableSorted(Comparator<CredentialRow> c) {
        List<CredentialRow> expected = new ArrayList<>(vm.allRows());
        expected.sort(c);
        return expected;
    }

    /** By bank id, counting comparisons on the UI thread and elsewhere. */
    private final class ByBank implements Comparator<CredentialRow> {
        final AtomicInteger onUiThread = new AtomicInteger();
        final AtomicInteger elsewhere = new AtomicInteger();

        @Override
        public int compare(CredentialRow a, CredentialRow b) {
            (Thread.currentThread() == uiThread ? onUiThread : elsewhere).incrementAndGet();
            return a.bankId().compareTo(b.bankId());
        }
    }

    /**
     * Runs work at once until {@link #holding}; then holds it until the test runs it. With
     * {@link #holdingFrames}, what waits for a frame ({@code uiLater}) is held as
     * {@link io.flanks.console.common.HeldBackground} holds it, until the test runs {@link #frames}.
     */
    private static final class HeldSorts implements Background {
        private final Background direct = Background.direct();
        boolean holding;
        boolean holdingFrames;
        final List<HeldSort> held = new ArrayList<>();
        final io.flanks.console.common.HeldBackground frames = new io.flanks.console.common.HeldBackground();

        @Override
        public void uiLater(Runnable r) {
            if (holdingFrames) {
                frames.uiLater(r);
            } else {
                r.run();
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Job submit(String name, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            if (!holding) {
                return direct.submit(name, work, onSuccess, onFailure);
            }
            HeldSort sort = new HeldSort((Work<Object>) work, (Consumer<Object>) onSuccess, onFailure);
            held.add(sort);
            return sort.job;
        }

        @Override
        public void ui(Runnable r) {
            r.run();
        }
    }

    /** One held piece of work: its work runs on a thread of its own, its callback on the test's. */
    private static final class HeldSort {
        final Background.SimpleJob job = new Background.SimpleJob();
        private final Background.Work<Object> work;
        private final Consumer<Object> onSuccess;
        private final Consumer<Throwable> onFailure;
        private Object result;

        HeldSort(Background.Work<Object> work, Consumer<Object> onSuccess, Consumer<Throwable> onFailure) {
            this.work = work;
            this.onSuccess = onSuccess;
            this.onFailure = onFailure;
        }

        void workOnOwnThread() throws InterruptedException {
            Throwable[] failed = new Throwable[1];
            Thread t = new Thread(() -> {
                try {
                    result = work.call(job);
                } catch (Exception e) {
                    failed[0] = e;
                }
            }, "held-sort");
            t.start();
            t.join();
            assertThat(failed[0]).as("the sort's work").isNull();
        }

        /** Hands the result over as a background whose job ended before it was called off would. */
        void deliver() {
            onSuccess.accept(result);
        }

        void succeedOnOwnThread() throws InterruptedException {
            workOnOwnThread();
            deliver();
        }

        void fail(Throwable t) {
            onFailure.accept(t);
        }
    }
}
