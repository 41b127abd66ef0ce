package io.flanks.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.common.FxBackground;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.CredentialsViewModel;
import io.flanks.console.sandbox.SandboxConfig;
import java.time.Clock;
import java.util.Locale;
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
 * The first window's load: page 1 while the window is being built, a big account's other pages
 * only once it is up and complete; a window shown already (a later one) loads everything at once.
 */
@ExtendWith(ApplicationExtension.class)
class FirstShowTest {
    private static final String LIST = "/v0/bank/credentials/list";
    private Session session;
    private FxBackground background;
    private CredentialsViewModel credentials;
    private Stage primary;

    @Start
    void start(Stage stage) {
        primary = stage;
        stage.setScene(new Scene(new Label("shown already"), 300, 200)); // a Stage without a scene hangs Monocle
        stage.show();
    }

    @BeforeEach
    void setUp() throws Exception {
        I18n.use(Locale.ENGLISH);
        session = Session.sandbox(SandboxConfig.defaults().withCredentials(1000)); // 10 pages
        background = new FxBackground(2);
        credentials = new CredentialsViewModel(session.client(), background, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() throws Exception {
        TestHost.close(credentials, background, session);
    }

    private long listRequests() {
        return session.sandboxServer().requestCount("POST", LIST);
    }

    @Test
    void aWindowNotYetShownGetsPageOneAndTheRestOnceItIsUpAndComplete() throws Exception {
        Stage stage = WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new Label("the console"), 300, 200));
            return s;
        }).get(5, TimeUnit.SECONDS);
        FirstShow first = WaitForAsyncUtils.asyncFx(() -> FirstShow.load(stage, credentials)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> credentials.totalCountProperty().get() == 100);
        WaitForAsyncUtils.waitForFxEvents();
        // unheld, the other nine pages are asked for the moment page 1 is delivered
        assertThat(listRequests()).as("list requests before the window is up").isEqualTo(1);
        assertThat(credentials.loadingProperty().get()).isTrue();

        // shown, but not complete yet (the console's detail pane not laid out): still held
        java.util.concurrent.CompletableFuture<Void> complete = new java.util.concurrent.CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> first.show(complete)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, stage::isShowing);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(listRequests()).as("list requests once shown, before the window is complete").isEqualTo(1);

        WaitForAsyncUtils.asyncFx(() -> complete.complete(null)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !credentials.loadingProperty().get());
        assertThat(credentials.totalCountProperty().get()).isEqualTo(1000);
        assertThat(listRequests()).isEqualTo(10);
        WaitForAsyncUtils.asyncFx(stage::hide).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aWindowShownAlreadyLoadsEveryPageAtOnce() throws Exception {
        FirstShow first = WaitForAsyncUtils.asyncFx(() -> FirstShow.load(primary, credentials)).get(5, TimeUnit.SECONDS);
        // no show(): nothing to wait for (held, the rest would wait 10 s)
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !credentials.loadingProperty().get()
                && credentials.totalCountProperty().get() == 1000);
        WaitForAsyncUtils.asyncFx(() -> first.show(new java.util.concurrent.CompletableFuture<>())).get(5, TimeUnit.SECONDS); // showing already: does nothing
        assertThat(primary.isShowing()).isTrue();
        assertThat(listRequests()).isEqualTo(10);
    }
}
