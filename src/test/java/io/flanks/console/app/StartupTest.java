package io.flanks.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.common.I18n;
import io.flanks.console.sandbox.SandboxConfig;
import io.flanks.console.settings.AppDirs;
import io.flanks.console.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a start does before the JavaFX toolkit is up, with no toolkit at all: the settings, the
 * initial session (the sandbox started) and the request for its first page.
 */
class StartupTest {
    private static final CommandLine PLAIN = new CommandLine(null, null, false, false, false, false, null, null, false);

    @TempDir
    Path dir;

    private Session session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void opensTheSandboxAndAsksForTheFirstPageWithoutTheToolkit() throws Exception {
        Files.writeString(dir.resolve("settings.properties"), "language=es\n");
        Startup s = Startup.begin(PLAIN, AppDirs.of(dir), () -> Session.sandbox(SandboxConfig.defaults()));

        Startup.Initial init = s.initial().get(30, TimeUnit.SECONDS);
        session = init.session();

        assertThat(init.settings().get("language", null)).isEqualTo("es");
        assertThat(I18n.current().locale().getLanguage()).as("strings loaded in the settings' language").isEqualTo("es");
        assertThat(session.isSandbox()).isTrue();
        assertThat(init.askForSecret()).isFalse();
        // the token and page 1 go out on the start-up thread, before any window asks
        s.firstPageAskedFor().get(30, TimeUnit.SECONDS);
        assertThat(session.sandboxServer().requestCount("POST", "/v0/token")).isEqualTo(1);
        assertThat(session.sandboxServer().requestCount("POST", "/v0/bank/credentials/list")).isEqualTo(1);
        // and the first listing takes that page rather than asking again
        assertThat(session.client().listAll(null)).hasSize(300);
        assertThat(session.sandboxServer().requestCount("POST", "/v0/bank/credentials/list")).isEqualTo(3);
    }

    @Test
    void theSettingsAreReadyWhileTheSandboxIsStillStarting() throws Exception {
        Files.writeString(dir.resolve("settings.properties"), "theme.dark=true\n");
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Startup s = Startup.begin(PLAIN, AppDirs.of(dir), () -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Session.sandbox(SandboxConfig.defaults());
        });

        // the theme and the stage need only these: they go ahead while the sandbox starts
        assertThat(s.settings().get(30, TimeUnit.SECONDS).getBoolean("theme.dark", false)).isTrue();
        assertThat(s.initial()).isNotDone();

        release.countDown();
        session = s.initial().get(30, TimeUnit.SECONDS).session();
        assertThat(session.isSandbox()).isTrue();
    }

    @Test
    void theCommandLinesApiComesFirst() throws Exception {
        CommandLine cl = new CommandLine("https://api.example.com", null, false, false, false, false, "cid", "startup-secret-1", false);

        Startup.Initial init = Startup.open(cl, new Settings(dir), () -> {
            throw new AssertionError("no sandbox");
        });
        session = init.session();

        assertThat(session.isSandbox()).isFalse();
        assertThat(session.environment().baseUrl()).isEqualTo("https://api.example.com");
        assertThat(init.secretInMemory()).isEqualTo("startup-secret-1");
        assertThat(init.askForSecret()).isFalse();
    }

    @Test
    void aFailedSandboxFailsTheStartWithItsReason() {
        Startup s = Startup.begin(PLAIN, AppDirs.of(dir), () -> {
            throw new IOException("port taken");
        });

        assertThat(s.initial()).failsWithin(Duration.ofSeconds(30)).withThrowableOfType(ExecutionException.class)
                .havingCause().withMessageContaining("port taken");
    }
}
