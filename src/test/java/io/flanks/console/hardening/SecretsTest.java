package io.flanks.console.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flanks.console.api.Environment;
import io.flanks.console.api.FlanksClient;
import io.flanks.console.api.Secrets;
import io.flanks.console.app.CrashHandler;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void knownSecretsAreBlankedInAnyText() {
        Secrets.register("Zq9-unique-secret-value-1");
        assertThat(Secrets.redact("x Zq9-unique-secret-value-1 y")).isEqualTo("x *** y");
        Secrets.register("abcdefg"); // too short to mask safely: ignored
        assertThat(Secrets.redact("abcdefg")).isEqualTo("abcdefg");
    }

    @Test
    void plainHttpIsRefusedExceptForThisMachine() {
        assertThatThrownBy(() -> new FlanksClient(new Environment("x", "http://api.flanks.io", "id", "secret123")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https://");
        new FlanksClient(new Environment("x", "http://127.0.0.1:1", "id", "secret123")).close();
        new FlanksClient(new Environment("x", "http://localhost:1", "id", "secret123")).close();
        new FlanksClient(new Environment("x", "https://api.flanks.io", "id", "secret123")).close();
    }

    @Test
    void crashReportsCarryNoSecret() {
        Secrets.register("client-secret-for-crash-test");
        String r = CrashHandler.report(Thread.currentThread(),
                new IllegalStateException("failed with client-secret-for-crash-test in it"));
        assertThat(r).doesNotContain("client-secret-for-crash-test").contains("IllegalStateException").contains("***");
    }
}
