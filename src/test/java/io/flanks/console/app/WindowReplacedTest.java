package io.flanks.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.common.FxBackground;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.CredentialsViewModel;
import io.flanks.console.detail.DetailViewModel;
import io.flanks.console.sandbox.SandboxConfig;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window replaced by another (a language, environment or read-only change, as
 * {@code ConsoleApp.show} does it): the old one's load stops, and nothing keeps the old window,
 * its rows and view-models alive.
 */
@ExtendWith(ApplicationExtension.class)
class WindowReplacedTest {
    private static final String LIST = "/v0/bank/credentials/list";
    private Session session;
    private FxBackground background;
    private Stage stage;
    private CredentialsViewModel current;

    @Start
    void start(Stage primary) {
        stage = primary;
        primary.setScene(new Scene(new Label("before the console"), 1400, 850));
        primary.getScene().getStylesheets().add(getClass().getResource("/css/app.css").toExternalForm());
        primary.show();
    }

    @BeforeEach
    void setUp() throws Exception {
        I18n.use(Locale.ENGLISH);
        WaitForAsyncUtils.asyncFx(() -> Theme.apply(false)).get(5, TimeUnit.SECONDS);
        session = Session.sandbox(SandboxConfig.defaults()); // 300 credentials, 3 pages
        background = new FxBackground(1); // one thread: a load stuck waiting holds up the next
    }

    @AfterEach
    void tearDown() throws Exception {
        TestHost.close(current, background, session);
    }

    /** A window on a fresh view-model, put in the stage's scene in place of {@code old} (which closes), as the console does. */
    private MainWindow replace(MainWindow old, CredentialsViewModel vm, boolean first) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> replaceOnFx(old, vm, first)).get(10, TimeUnit.SECONDS);
    }

    private MainWindow replaceOnFx(MainWindow old, CredentialsViewModel vm, boolean first) {
        if (old != null) {
            old.close();
        }
        MainWindow w = new MainWindow(session, vm, new DetailViewModel(vm, Clock.systemUTC()), Clock.systemUTC(),
                new TestHost(), first);
        stage.getScene().setRoot(w.root());
        current = vm;
        return w;
    }

    private long listRequests() {
        return session.sandboxServer().requestCount("POST", LIST);
    }

    @Test
    void aFirstWindowReplacedBeforeItIsCompleteStopsItsHeldLoad() throws Exception {
        CredentialsViewModel first = new CredentialsViewModel(session.client(), background, Clock.systemUTC());
        // the first window's load waits after page 1 until the window is complete; this one never will be
        first.holdRestOfNextLoadUntil(new CompletableFuture<>());
        MainWindow firstWindow = replace(null, first, true);
        WaitForAsyncUtils.asyncFx(first::reload).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> first.totalCountProperty().get() == 100);

        CredentialsViewModel second = new CredentialsViewModel(session.client(), background, Clock.systemUTC());
        replace(firstWindow, second, false);
        WaitForAsyncUtils.asyncFx(second::reload).get(5, TimeUnit.SECONDS);
        // the old load no longer holds the only background thread for the hold's ten seconds
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> !second.loadingProperty().get() && second.totalCountProperty().get() == 300);
        assertThat(first.loadingProperty().get()).isFalse();
        assertThat(first.totalCountProperty().get()).as("the old window's rows").isEqualTo(100);
        assertThat(listRequests()).as("page 1 for the old window, three pages for the new").isEqualTo(4);
    }

    @Test
    void aReplacedWindowsRefreshOfSelectedRowsStops() throws Exception {
        CredentialsViewModel first = new CredentialsViewModel(session.client(), background, Clock.systemUTC());
        MainWindow firstWindow = replace(null, first, false);
        WaitForAsyncUtils.asyncFx(first::reload).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !first.loadingProperty().get() && first.totalCountProperty().get() == 300);
        var bulk = firstWindow.bulkView().refreshViewModel();
        long statusBefore = statusRequests();
        CredentialsViewModel second = new CredentialsViewModel(session.client(), background, Clock.systemUTC());
        // the only background thread is kept busy meanwhile: no call of the run can start before
        // the window is replaced (it did once, the UI thread preempted between the two steps)
        java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
        background.submit("keeps the thread", job -> busy.await(10, TimeUnit.SECONDS), ok -> { }, failed -> { });
        // 300 status calls asked for, then the window is replaced (a language change, say) before any has run
        MainWindow secondWindow = WaitForAsyncUtils.asyncFx(() -> {
            first.selectedRows().setAll(first.allRows());
            bulk.refreshSelected();
            return replaceOnFx(firstWindow, second, false);
        }).get(10, TimeUnit.SECONDS);
        busy.countDown();
        WaitForAsyncUtils.asyncFx(second::reload).get(5, TimeUnit.SECONDS);
        // the only background thread takes jobs in order: the old run's first calls were queued before the new load
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !second.loadingProperty().get() && second.totalCountProperty().get() == 300);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bulk.runningProperty().get()).as("the old window's refresh still running").isFalse();
        assertThat(statusRequests() - statusBefore).as("status calls made for the old window").isZero();
        assertThat(secondWindow.bulkView().refreshViewModel().runningProperty().get()).isFalse();
    }

    private long statusRequests() {
        return session.sandboxServer().requestCount("POST", "/v0/bank/credentials/status");
    }

    @Test
    void nothingKeepsAReplacedWindowAlive() throws Exception {
        WeakReference<CredentialsViewModel> old = loadedWindowThenReplaced();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            System.gc();
            WaitForAsyncUtils.waitForFxEvents();
            return old.get() == null;
        });
    }

    /** Loads a window, replaces it; what is left of the old one is only a weak reference to its view-model. */
    private WeakReference<CredentialsViewModel> loadedWindowThenReplaced() throws Exception {
        CredentialsViewModel vm = new CredentialsViewModel(session.client(), background, Clock.systemUTC());
        MainWindow window = replace(null, vm, true);
        WaitForAsyncUtils.asyncFx(vm::reload).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.loadingProperty().get() && vm.totalCountProperty().get() == 300);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.whenDetailLaidOut().toCompletableFuture().isDone());
        CredentialsViewModel next = new CredentialsViewModel(session.client(), background, Clock.systemUTC());
        replace(window, next, false);
        WaitForAsyncUtils.asyncFx(next::reload).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return new WeakReference<>(vm);
    }
}
