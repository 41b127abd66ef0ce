package io.flanks.console.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.api.FlanksClient;
import io.flanks.console.api.SandboxClients;
import io.flanks.console.api.ForceKind;
import io.flanks.console.common.Background;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.CredentialRow;
import io.flanks.console.credentials.CredentialsViewModel;
import io.flanks.console.credentials.Health;
import io.flanks.console.sandbox.SandboxConfig;
import io.flanks.console.sandbox.SandboxServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Refresh selected" against the real sandbox over HTTP, with no JavaFX toolkit. */
class BulkRefreshViewModelTest {
    private static final String STATUS = "/v0/bank/credentials/status";
    private SandboxServer server;
    private FlanksClient client;
    private CredentialsViewModel credentials;

    @BeforeEach
    void setUp() throws Exception {
        I18n.use(Locale.ENGLISH);
        server = SandboxServer.start(SandboxConfig.defaults());
        client = SandboxClients.of(server);
        credentials = new CredentialsViewModel(client, Background.direct(), Clock.systemUTC());
        credentials.reload();
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    private long statusCalls() {
        return server.requestCount("POST", STATUS);
    }

    private List<CredentialRow> healthy(int n) {
        return credentials.allRows().stream().filter(r -> r.health() == Health.HEALTHY).limit(n).toList();
    }

    @Test
    void fetchesExactlyTheSelectedRowsUpdatesThemAndRemovesVanishedOnes() throws Exception {
        List<CredentialRow> rows = healthy(7);
        CredentialRow forced = rows.get(2);
        CredentialRow deleted = rows.get(5);
        client.force(forced.token(), ForceKind.SCA);
        client.delete(deleted.token());
        List<CredentialRow> observed = new ArrayList<>();
        credentials.addStatusObserver((row, before, after) -> observed.add(row));
        credentials.selectedRows().setAll(rows);
        BulkRefreshViewModel bulk = new BulkRefreshViewModel(credentials);
        long before = statusCalls();

        bulk.refreshSelected();

        assertThat(statusCalls()).isEqualTo(before + 7);
        assertThat(forced.health()).isEqualTo(Health.NEEDS_SCA);
        assertThat(forced.isChanged()).as("a bulk refresh marks health changes").isTrue();
        assertThat(credentials.allRows()).doesNotContain(deleted).contains(forced);
        assertThat(credentials.selectedRows()).doesNotContain(deleted).hasSize(6);
        assertThat(observed).as("every status goes through applyStatus's observers").hasSize(6).doesNotContain(deleted);
        assertThat(credentials.refreshing()).isEmpty();
        assertThat(bulk.runningProperty().get()).isFalse();
        assertThat(bulk.progressProperty().get()).isEqualTo(1.0);
        assertThat(bulk.summaryProperty().get())
                .isEqualTo("Refreshed 6 of 7; 1 no longer exists at the aggregator (removed from the list)");
        assertThat(credentials.statusMessageProperty().get()).isEqualTo(bulk.summaryProperty().get());
    }

    @Test
    void failuresAreSummedUpPlainly() {
        List<CredentialRow> rows = healthy(5);
        credentials.selectedRows().setAll(rows);
        BulkRefreshViewModel bulk = new BulkRefreshViewModel(credentials);
        server.setErrorRate(1.0);

        bulk.refreshSelected();

        assertThat(bulk.summaryProperty().get())
                .startsWith("Refreshed 0 of 5; 5 failed: " + BulkRefreshViewModel.name(rows.get(0)) + ", ")
                .contains(" and 2 more")
                .endsWith("(" + I18n.tr("error.server") + ")")
                .doesNotContain("Exception");
        assertThat(credentials.allRows()).containsAll(rows);
        assertThat(credentials.refreshing()).isEmpty();
    }

    @Test
    void nothingSelectedNothingFetched() {
        BulkRefreshViewModel bulk = new BulkRefreshViewModel(credentials);
        credentials.selectedRows().clear();
        long before = statusCalls();
        assertThat(bulk.canRefreshProperty().get()).isFalse();
        bulk.refreshSelected();
        assertThat(statusCalls()).isEqualTo(before);
        credentials.selectedRows().setAll(healthy(1));
        assertThat(bulk.canRefreshProperty().get()).isTrue();
    }

    @Test
    void cancelStopsTheRest() {
        List<CredentialRow> rows = healthy(10);
        credentials.selectedRows().setAll(rows);
        BulkRefreshViewModel bulk = new BulkRefreshViewModel(credentials);
        AtomicInteger seen = new AtomicInteger();
        credentials.addStatusObserver((row, before, after) -> {
            if (seen.incrementAndGet() == 3) {
                bulk.cancel(); // the person presses Cancel after the third answer
            }
        });
        long before = statusCalls();

        bulk.refreshSelected();

        assertThat(statusCalls()).isEqualTo(before + 3);
        assertThat(bulk.runningProperty().get()).isFalse();
        assertThat(bulk.summaryProperty().get()).isEqualTo("Stopped: refreshed 3 of 10, 7 not refreshed");
        assertThat(credentials.refreshing()).isEmpty();
    }

    @Test
    void noMoreThanTheBoundAreInFlightAndCancelAbandonsTheQueue() throws Exception {
        server.setLatencyMs(40);
        try (ThreadedBackground bg = new ThreadedBackground()) {
            List<CredentialRow> rows = healthy(24);
            BulkRefreshViewModel bulk = new BulkRefreshViewModel(client, bg, credentials, 4);
            CountDownLatch finished = new CountDownLatch(1);
            long before = statusCalls();
            bg.run(() -> {
                bulk.runningProperty().addListener((o, a, on) -> {
                    if (!on) {
                        finished.countDown();
                    }
                });
                credentials.selectedRows().setAll(rows);
                bulk.refreshSelected();
            });
            assertThat(finished.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(bg.maxInFlight.get()).as("most calls at once").isLessThanOrEqualTo(4).isGreaterThanOrEqualTo(2);
            assertThat(bg.get(() -> bulk.summaryProperty().get())).isEqualTo("Refreshed 24 of 24");
            assertThat(statusCalls()).isEqualTo(before + 24);

            // a second run, cancelled once a few answers are in: the queue is dropped
            server.setLatencyMs(150);
            CountDownLatch second = new CountDownLatch(1);
            CountDownLatch someDone = new CountDownLatch(5);
            long start = statusCalls();
            bg.run(() -> {
                bulk.runningProperty().addListener((o, a, on) -> {
                    if (!on) {
                        second.countDown();
                    }
                });
                bulk.completedProperty().addListener((o, a, n) -> {
                    if (n.intValue() > 0) {
                        someDone.countDown();
                    }
                });
                bulk.refreshSelected();
            });
            assertThat(someDone.await(30, TimeUnit.SECONDS)).isTrue();
            bg.run(bulk::cancel);
            assertThat(second.await(10, TimeUnit.SECONDS)).isTrue();
            bg.awaitIdle();
            long made = statusCalls() - start;
            assertThat(made).as("status calls of the cancelled run").isLessThan(24);
            assertThat(bg.get(() -> bulk.summaryProperty().get())).startsWith("Stopped: refreshed ");
            assertThat(bg.get(() -> credentials.refreshing().isEmpty())).isTrue();
            assertThat(bg.maxInFlight.get()).isLessThanOrEqualTo(4);
        }
    }

    /**
     * Work on a pool of 16 threads (more than the bound, so only the view-model limits it),
     * callbacks on one "UI" thread; counts the work in flight.
     */
    static final class ThreadedBackground implements Background, AutoCloseable {
        final ExecutorService workers = Executors.newFixedThreadPool(16);
        final ExecutorService ui = Executors.newSingleThreadExecutor();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();

        @Override
        public <T> Job submit(String name, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            FutureJob job = new FutureJob();
            job.future = workers.submit(() -> {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                T r = null;
                Exception failure = null;
                try {
                    r = work.call(job);
                } catch (Exception e) {
                    failure = e;
                } finally {
                    inFlight.decrementAndGet(); // before the UI hears of it and starts the next
                }
                T result = r;
                Exception error = failure;
                ui.execute(() -> {
                    if (job.isCancelled()) {
                        return;
                    }
                    if (error == null) {
                        onSuccess.accept(result);
                    } else {
                        onFailure.accept(error);
                    }
                });
            });
            return job;
        }

        @Override
        public void ui(Runnable r) {
            ui.execute(r);
        }

        void run(Runnable r) throws Exception {
            ui.submit(r).get(10, TimeUnit.SECONDS);
        }

        <T> T get(Callable<T> c) throws Exception {
            return ui.submit(c).get(10, TimeUnit.SECONDS);
        }

        /** Waits until every worker has given its thread back. */
        void awaitIdle() throws Exception {
            workers.shutdown();
            assertThat(workers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        @Override
        public void close() {
            workers.shutdownNow();
            ui.shutdownNow();
        }
    }

    /** Cancelling interrupts the worker, as a JavaFX Task's cancel does. */
    static final class FutureJob implements Background.Job {
        volatile boolean cancelled;
        volatile Future<?> future;

        @Override
        public boolean cancel() {
            cancelled = true;
            Future<?> f = future;
            if (f != null) {
                f.cancel(true);
            }
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
