package io.flanks.console.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version from the pom (a Maven-filtered resource). */
public final class Version {
    private static final String VALUE = read();

    private Version() {
    }

    public static String get() {
        return VALUE;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
