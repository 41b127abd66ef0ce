package io.flanks.console.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsThroughTheFile() {
        Settings s = new Settings(dir);
        s.put("window.width", "1234.0");
        s.put("env.clientId", "abc");
        s.save();
        Settings again = new Settings(dir);
        assertThat(again.getDouble("window.width", 0)).isEqualTo(1234.0);
        assertThat(again.get("env.clientId", null)).isEqualTo("abc");
        assertThat(dir.resolve("settings.properties.tmp")).doesNotExist();
    }

    @Test
    void refusesSecretKeys() {
        Settings s = new Settings(dir);
        assertThatThrownBy(() -> s.put("clientSecret", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void corruptFileFallsBackToDefaultsWithAWarning() throws Exception {
        Files.writeString(dir.resolve("settings.properties"), "window.width=\\u12");  // broken escape
        Settings s = new Settings(dir);
        assertThat(s.getDouble("window.width", 99)).isEqualTo(99);
        assertThat(s.loadWarning()).contains("defaults");
    }

    @Test
    void dataDirHoldsEverything() {
        AppDirs d = AppDirs.of(dir);
        assertThat(d.config()).isEqualTo(dir.toAbsolutePath());
        assertThat(d.data()).isEqualTo(dir.toAbsolutePath());
        assertThat(d.logs().startsWith(dir.toAbsolutePath())).isTrue();
    }

    @Test
    void connectionValidation() {
        assertThat(ConnectionDialog.validate("https://api.flanks.io", "id", "secret")).isNull();
        assertThat(ConnectionDialog.validate("http://api.flanks.io", "id", "secret")).isNotNull();
        assertThat(ConnectionDialog.validate("https://api.flanks.io", "", "secret")).isNotNull();
        assertThat(ConnectionDialog.validate("https://api.flanks.io", "id", " ")).isNotNull();
    }
}
