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

    /** The end of a window test: the load stopped, then the executor, then whatever else is open (a session, a client). */
    public static void close(CredentialsViewModel credentials, FxBackground background, AutoCloseable... more) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> credentials.cancelLoad()).get(5, TimeUnit.SECONDS);
        background.close();
        for (AutoCloseable c : more) {
            c.close();
        }
    }
}
