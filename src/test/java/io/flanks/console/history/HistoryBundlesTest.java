package io.flanks.console.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.api.ForceKind;
import io.flanks.console.credentials.Health;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every history string the console uses exists in English and Spanish, with the same arguments. */
class HistoryBundlesTest {
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java/io/flanks/console/history"),
            Path.of("src/main/java/io/flanks/console/detail"));
    private static final Pattern LITERAL_KEY = Pattern.compile("\"(history\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = HistoryBundlesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> usedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Path dir : SOURCES) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = LITERAL_KEY.matcher(Files.readString(f));
                    while (m.find()) {
                        keys.add(m.group(1));
                    }
                }
            }
        }
        assertThat(keys).as("the scan found the sources").contains("history.title", "history.firstSeen");
        for (Health h : Health.values()) {
            keys.add("history.since." + h.name().toLowerCase(Locale.ROOT));
            keys.add("history.became." + h.name().toLowerCase(Locale.ROOT));
        }
        for (ForceKind k : ForceKind.values()) {
            keys.add("history.opened." + k.wire());
        }
        return keys;
    }

    @Test
    void everyKeyExistsInBothLanguagesWithTheSameArguments() throws IOException {
        Properties en = load("/i18n/history.properties");
        Properties es = load("/i18n/history_es.properties");
        for (String key : usedKeys()) {
            assertThat(en.getProperty(key)).as("English " + key).isNotBlank();
            assertThat(es.getProperty(key)).as("Spanish " + key).isNotBlank();
        }
        assertThat(new TreeSet<>(es.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            assertThat(key).startsWith("history.");
            assertThat(placeholders(es.getProperty(key))).as(key).isEqualTo(placeholders(en.getProperty(key)));
            for (Properties p : List.of(en, es)) {
                String formatted = new MessageFormat(p.getProperty(key)).format(new Object[] {"ARG0", "ARG1"});
                for (String n : placeholders(p.getProperty(key))) {
                    assertThat(formatted).as(key).contains("ARG" + n);
                }
                assertThat(formatted).as(key).doesNotContain("{");
            }
        }
    }

    private static Set<String> placeholders(String s) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
