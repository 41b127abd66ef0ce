package io.flanks.console.app;

import io.flanks.console.common.FxBackground;
import io.flanks.console.credentials.CredentialsViewModel;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** A {@link MainWindow.Host} for tests: menus that would replace the whole window do nothing. */
public final class TestHost implements MainWindow.Host {
    @Override
    public void openConnectionDialog() {
    }

    @Override
    public void setDarkTheme(boolean dark) {
    }

    @Override
    public boolean isDarkTheme() {
        return false;
    }

    @Override
    public void setLanguage(Locale locale) {
    }

    @Override
    public void exit() {
    }

    /** The console's session, background, credentials view-model and main window, as {@link #open} made them. */
    public record Opened(Session session, FxBackground background, CredentialsViewModel credentials, MainWindow window)
            implements AutoCloseable {
        /** As {@link TestHost#close}: the load stopped, then the executor, then the session. */
        @Override
        public void close() throws Exception {
            TestHost.close(credentials, background, session);
        }
    }

    /**
     * A main window on a fresh embedded sandbox, in English with the light theme, as window tests
     * open it (not shown, no load started). {@code firstWindow}: as a start's first window, whose
     * menus, header and detail pane come after its first rows.
     */
    public static Opened open(io.flanks.console.sandbox.SandboxConfig sandbox, int threads, boolean firstWindow) throws Exception {
        io.flanks.console.common.I18n.use(Locale.ENGLISH);
        Theme.apply(false);
        Session session = Session.sandbox(sandbox);
        FxBackground background = new FxBackground(threads);
        CredentialsViewModel credentials = new CredentialsViewModel(session.client(), background, java.time.Clock.systemUTC());
        MainWindow window = new MainWindow(session, credentials,
                new io.flanks.console.detail.DetailViewModel(credentials, java.time.Clock.systemUTC()), java.time.Clock.systemUTC(),
                new TestHost(), firstWindow);
        return new Opened(session, background, credentials, window);
    }

    /** The end of a window test: the load stopped, then the executor, then whatever else is open (a session, a client). */
    public static void close(CredentialsViewModel credentials, FxBackground background, AutoCloseable... more) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> credentials.cancelLoad()).get(5, TimeUnit.SECONDS);
        background.close();
        for (AutoCloseable c : more) {
            c.close();
        }
    }
}
