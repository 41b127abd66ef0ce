package io.flanks.console.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class I18nTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyBundleHasTheSameKeysInEnglishAndSpanish() throws IOException {
        for (String b : I18n.BUNDLES) {
            Properties en = load(b + ".properties");
            Properties es = load(b + "_es.properties");
            assertThat(es.keySet()).as(b).containsExactlyInAnyOrderElementsOf(en.keySet());
        }
    }

    /** Patterns are parsed once and shared: every call still formats its own arguments, from any thread. */
    @Test
    void aSharedPatternFormatsEachCallsOwnArgumentsEvenAtOnce() throws Exception {
        I18n en = new I18n(Locale.ENGLISH);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t * 200; // under 1,000: no grouping separator
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 199; i++) {
                        int n = offset + i;
                        if (!en.get("status.shown", n, n + 1).equals(n + " of " + (n + 1) + " shown")) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(new I18n(new Locale("es")).get("status.shown", 1, 2)).isNotEqualTo(en.get("status.shown", 1, 2));
    }

    @Test
    void spanishIsReallyUsedAndFormatsArguments() {
        I18n es = new I18n(new Locale("es"));
        I18n en = new I18n(Locale.ENGLISH);
        assertThat(es.get("health.blocked")).isEqualTo("Bloqueada");
        // one second, not "1 seconds", in both languages
        assertThat(es.get("autoRefresh.tip", 1L)).contains("cada segundo en segundo plano");
        assertThat(es.get("autoRefresh.tip", 60L)).contains("cada 60 segundos en segundo plano");
        assertThat(en.get("autoRefresh.tip", 60L)).startsWith("Reload the list every 60 seconds in");
        assertThat(en.get("status.shown", 42, 300)).isEqualTo("42 of 300 shown");
        assertThat(en.get("no.such.key")).isEqualTo("!no.such.key!");
    }

    @Test
    void everyHealthAndMatrixStateHasAWord() {
        I18n en = new I18n(Locale.ENGLISH);
        for (var h : io.flanks.console.credentials.Health.values()) {
            assertThat(en.has(h.key())).as(h.key()).isTrue();
        }
        for (var m : io.flanks.console.detail.MatrixState.values()) {
            assertThat(en.has(m.key())).as(m.key()).isTrue();
        }
    }

    @Test
    void relativeTimes() {
        I18n.use(Locale.ENGLISH);
        java.time.Instant now = java.time.Instant.parse("2026-11-24T12:00:00Z");
        assertThat(Formats.relative(now.minusSeconds(10), now)).isEqualTo("just now");
        assertThat(Formats.relative(now.minusSeconds(3 * 3600 + 5), now)).isEqualTo("3 h ago");
        assertThat(Formats.relative(now.minusSeconds(2 * 86400), now)).isEqualTo("2 d ago");
        assertThat(Formats.relative(null, now)).isEqualTo("-");
        assertThat(Formats.shortToken("0123456789abcdef0123")).isEqualTo("012345…0123");
    }
}
