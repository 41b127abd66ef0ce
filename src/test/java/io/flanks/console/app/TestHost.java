package io.flanks.console.app;

import java.util.Locale;

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
}
