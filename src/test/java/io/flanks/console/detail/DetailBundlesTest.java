package io.flanks.console.detail;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.api.Flags;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.Health;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every key the detail pane uses exists in English and Spanish, and the two bundles agree. */
class DetailBundlesTest {
    private static final Path SOURCES = Path.of("src/main/java/io/flanks/console/detail");
    /** A complete key in a string literal ("detail.refresh"), not a prefix ("detail.flow."). */
    private static final Pattern LITERAL_KEY = Pattern.compile("\"((?:detail|matrix)\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final Locale SPANISH = new Locale("es");

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = DetailBundlesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** Keys written out in the detail sources. */
    private static Set<String> literalKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    /** Keys the code builds from a prefix and a name. */
    private static Set<String> builtKeys() {
        Set<String> keys = new TreeSet<>();
        for (MatrixState s : MatrixState.values()) {
            keys.add(s.key());
            keys.add(s.tooltipKey());
            keys.add("matrix.meaning." + s.name().toLowerCase(Locale.ROOT));
        }
        keys.add(MatrixState.RUNNING_KEY);
        keys.add(MatrixState.RUNNING_TOOLTIP_KEY);
        keys.add("matrix.meaning.running");
        for (String k : Flags.PRODUCT_KEYS) {
            keys.add(MatrixRowVM.labelKey(MatrixRowVM.Group.PRODUCT, k));
        }
        for (String k : Flags.TRANSACTION_KEYS) {
            keys.add(MatrixRowVM.labelKey(MatrixRowVM.Group.TRANSACTION, k));
        }
        for (Health h : Health.values()) {
            keys.add("detail.healthHint." + h.name().toLowerCase(Locale.ROOT));
        }
        for (String flow : new String[] {"reset", "sca", "transaction"}) {
            keys.add("detail.flow." + flow);
            keys.add("detail.flow." + flow + ".hint");
            keys.add("detail.copy." + flow);
        }
        return keys;
    }

    @Test
    void everyKeyUsedExistsInBothDetailBundles() throws IOException {
        Properties en = load("/i18n/detail.properties");
        Properties es = load("/i18n/detail_es.properties");
        Set<String> used = new TreeSet<>(literalKeys());
        assertThat(used).as("the scan found the sources").contains("detail.placeholder", "detail.refresh");
        used.addAll(builtKeys());
        for (String key : used) {
            assertThat(en.getProperty(key)).as("English " + key).isNotBlank();
            assertThat(es.getProperty(key)).as("Spanish " + key).isNotBlank();
        }
    }

    @Test
    void bothBundlesHaveTheSameKeysAndPlaceholders() throws IOException {
        Properties en = load("/i18n/detail.properties");
        Properties es = load("/i18n/detail_es.properties");
        assertThat(new TreeSet<>(es.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            assertThat(key).matches("(detail|matrix)\\..+");
            assertThat(placeholders(es.getProperty(key))).as(key).isEqualTo(placeholders(en.getProperty(key)));
        }
    }

    @Test
    void patternsWithArgumentsShowTheirArguments() throws IOException {
        for (String resource : new String[] {"/i18n/detail.properties", "/i18n/detail_es.properties"}) {
            Properties p = load(resource);
            for (String key : p.stringPropertyNames()) {
                String pattern = p.getProperty(key);
                if (PLACEHOLDER.matcher(pattern).find()) {
                    // a lone apostrophe would swallow the placeholder
                    assertThat(new MessageFormat(pattern).format(new Object[] {"ARG0"}))
                            .as(resource + " " + key).contains("ARG0").doesNotContain("{");
                }
            }
        }
    }

    @Test
    void javaReadsTheSpanishBundleAsUtf8AndI18nFindsIt() {
        ResourceBundle es = ResourceBundle.getBundle("i18n/detail", SPANISH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        assertThat(es.getString("matrix.product.auth")).isEqualTo("Autenticación");
        assertThat(es.getString("detail.lastUpdate")).isEqualTo("Última actualización");

        I18n spanish = new I18n(SPANISH);
        I18n english = new I18n(Locale.ENGLISH);
        for (String key : builtKeys()) {
            assertThat(spanish.has(key)).as(key).isTrue();
            assertThat(english.has(key)).as(key).isTrue();
        }
        assertThat(spanish.get(MatrixState.NOT_STARTED.key())).isEqualTo("Sin empezar");
        assertThat(english.get(MatrixState.NOT_STARTED.key())).isEqualTo("Not started");
        // the health words the badge shows come from the main bundle
        for (Health h : Health.values()) {
            assertThat(spanish.has(h.key())).as(h.key()).isTrue();
            assertThat(english.has(h.key())).as(h.key()).isTrue();
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
