package io.flanks.console.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code -XX} JVM options the installed launcher passes, read from the jpackage argument files. */
public final class LauncherOptions {
    private static final Pattern XX = Pattern.compile("(?m)^--java-options (-XX:\\S+)$");

    private LauncherOptions() {
    }

    /**
     * The {@code --java-options -XX:...} lines of {@code packaging/<folder>jpackage.txt} for each
     * folder given ({@code ""} for every system's, {@code "linux/"}, ...; a missing file has none),
     * but for those naming {@code $APPDIR}, which only an installed console has.
     */
    public static List<String> jvmOptions(String... folders) throws IOException {
        List<String> options = new ArrayList<>();
        for (String folder : folders) {
            Path file = Path.of("packaging", folder + "jpackage.txt");
            if (!Files.exists(file)) {
                continue;
            }
            Matcher m = XX.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                if (!m.group(1).contains("$APPDIR")) {
                    options.add(m.group(1));
                }
            }
        }
        return options;
    }
}
