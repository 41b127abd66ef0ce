package io.flanks.console.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Non-secret settings in {@code settings.properties} of the config dir: window, theme,
 * language, columns, the chosen environment (URL and client id). The client secret is never
 * stored here. Saved atomically (temp file + move); a corrupt file falls back to defaults.
 */
public final class Settings {
    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);
    static final String FILE = "settings.properties";
    /** Keys that must never reach the file, whatever a caller does. */
    private static final java.util.Set<String> FORBIDDEN = java.util.Set.of("clientSecret", "client_secret", "secret", "accessToken");

    private final Path file;
    private final Properties props = new Properties();
    private String loadWarning;

    public Settings(Path configDir) {
        this.file = configDir.resolve(FILE);
        load();
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        } catch (IOException | IllegalArgumentException e) {
            props.clear();
            loadWarning = "Settings file " + file + " could not be read (" + e.getMessage() + "); defaults are used.";
            LOG.warn(loadWarning);
        }
    }

    /** A warning to show when the settings file was unreadable, else {@code null}. */
    public String loadWarning() {
        return loadWarning;
    }

    public Path file() {
        return file;
    }

    public String get(String key, String def) {
        return props.getProperty(key, def);
    }

    public double getDouble(String key, double def) {
        try {
            return Double.parseDouble(props.getProperty(key, ""));
        } catch (NumberFormatException e) {
            return def;
        }
    }

    public boolean getBoolean(String key, boolean def) {
        String v = props.getProperty(key);
        return v == null ? def : Boolean.parseBoolean(v);
    }

    public void put(String key, String value) {
        if (FORBIDDEN.contains(key)) {
            throw new IllegalArgumentException("Secrets are never written to the settings file");
        }
        if (value == null) {
            props.remove(key);
        } else {
            props.setProperty(key, value);
        }
    }

    /** Writes the file atomically; failures are logged, never thrown at the UI. */
    public void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                props.store(out, "Flanks Credentials Console settings (no secrets)");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("Could not save settings to {}: {}", file, e.toString());
        }
    }
}
