package io.flanks.console.settings;

import com.github.javakeyring.Keyring;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the client secret lives: the OS keychain when one answers (macOS Keychain, Windows
 * Credential Manager, the Secret Service on Linux), else memory for this session only. Never
 * the settings file.
 */
public interface SecretStore {
    String SERVICE = "flanks-credentials-console";

    /** True when the secret survives a restart (a keychain). */
    boolean persistent();

    /** Bundle key of the sentence the connection dialog shows about where the secret is kept. */
    String descriptionKey();

    Optional<String> load(String account);

    void save(String account, String secret);

    void delete(String account);

    /** The keychain when it works right now, else memory. Probes the keychain: call off the FX thread. */
    static SecretStore detect() {
        return KeyringStore.open().map(SecretStore.class::cast).orElseGet(MemoryStore::new);
    }

    /** Account name: which API and which application the secret belongs to. */
    static String account(String baseUrl, String clientId) {
        return baseUrl + "|" + clientId;
    }

    /** Memory only: gone when the console closes. */
    final class MemoryStore implements SecretStore {
        private final Map<String, String> secrets = new ConcurrentHashMap<>();

        @Override
        public boolean persistent() {
            return false;
        }

        @Override
        public String descriptionKey() {
            return "conn.secret.memory";
        }

        @Override
        public Optional<String> load(String account) {
            return Optional.ofNullable(secrets.get(account));
        }

        @Override
        public void save(String account, String secret) {
            secrets.put(account, secret);
        }

        @Override
        public void delete(String account) {
            secrets.remove(account);
        }
    }

    /** java-keyring over the platform's keychain; any failure there falls back to memory. */
    final class KeyringStore implements SecretStore {
        private static final Logger LOG = LoggerFactory.getLogger(KeyringStore.class);
        private final Keyring keyring;
        private final MemoryStore fallback = new MemoryStore();

        private KeyringStore(Keyring keyring) {
            this.keyring = keyring;
        }

        static Optional<KeyringStore> open() {
            try {
                Keyring k = Keyring.create();
                // a keychain that cannot answer a read (no daemon, locked, no D-Bus) is no keychain
                try {
                    k.getPassword(SERVICE, "probe");
                } catch (com.github.javakeyring.PasswordAccessException notFound) {
                    // "not found" is a working keychain
                    if (String.valueOf(notFound.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("dbus")) {
                        throw notFound;
                    }
                }
                return Optional.of(new KeyringStore(k));
            } catch (Exception | LinkageError e) {
                LOG.info("No usable OS keychain ({}); the client secret stays in memory", e.toString());
                return Optional.empty();
            }
        }

        @Override
        public boolean persistent() {
            return true;
        }

        @Override
        public String descriptionKey() {
            return "conn.secret.keychain";
        }

        @Override
        public Optional<String> load(String account) {
            try {
                return Optional.ofNullable(keyring.getPassword(SERVICE, account));
            } catch (Exception e) {
                return fallback.load(account);
            }
        }

        @Override
        public void save(String account, String secret) {
            try {
                keyring.setPassword(SERVICE, account, secret);
            } catch (Exception e) {
                LOG.warn("The keychain refused the secret ({}); kept in memory for this session", e.getClass().getSimpleName());
                fallback.save(account, secret);
            }
        }

        @Override
        public void delete(String account) {
            try {
                keyring.deletePassword(SERVICE, account);
            } catch (Exception e) {
                fallback.delete(account);
            }
        }
    }
}
