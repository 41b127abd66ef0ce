package io.flanks.console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretStoreTest {

    @Test
    void memoryStoreKeepsSecretsForTheSessionOnly() {
        SecretStore s = new SecretStore.MemoryStore();
        String account = SecretStore.account("https://api.flanks.io", "app-1");
        assertThat(s.load(account)).isEmpty();
        s.save(account, "s3cret-value");
        assertThat(s.load(account)).contains("s3cret-value");
        assertThat(s.load(SecretStore.account("https://api.flanks.io", "app-2"))).isEmpty();
        s.delete(account);
        assertThat(s.load(account)).isEmpty();
        assertThat(s.persistent()).isFalse();
    }

    @Test
    void detectionNeverFailsAndSaysWhereSecretsGo() {
        SecretStore s = SecretStore.detect(); // no keychain daemon on CI: memory; on a desktop: the keychain
        assertThat(s.descriptionKey()).isEqualTo(s.persistent() ? "conn.secret.keychain" : "conn.secret.memory");
    }
}
