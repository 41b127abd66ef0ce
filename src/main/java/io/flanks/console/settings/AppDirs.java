package io.flanks.console.settings;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the console keeps its files: {@code --data-dir} when given (settings, logs, audit all
 * there), else the OS's per-user config and data dirs. Never the install dir.
 */
public record AppDirs(Path config, Path data, Path logs) {
    static final String APP = "flanks-console";

    public static AppDirs of(Path dataDirOrNull) {
        if (dataDirOrNull != null) {
            Path d = dataDirOrNull.toAbsolutePath();
            return new AppDirs(d, d, d.resolve("logs"));
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        Path config;
        Path data;
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            String local = System.getenv("LOCALAPPDATA");
            config = appData != null ? Path.of(appData, APP) : home.resolve("AppData/Roaming/" + APP);
            data = local != null ? Path.of(local, APP) : home.resolve("AppData/Local/" + APP);
        } else if (os.contains("mac")) {
            config = home.resolve("Library/Application Support/" + APP);
            data = config;
        } else {
            String xc = System.getenv("XDG_CONFIG_HOME");
            String xd = System.getenv("XDG_DATA_HOME");
            config = (xc != null && !xc.isBlank() ? Path.of(xc) : home.resolve(".config")).resolve(APP);
            data = (xd != null && !xd.isBlank() ? Path.of(xd) : home.resolve(".local/share")).resolve(APP);
        }
        return new AppDirs(config, data, data.resolve("logs"));
    }
}
