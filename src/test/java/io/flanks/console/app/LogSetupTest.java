package io.flanks.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import io.flanks.console.api.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/** The console's logging, set up in code: the same files, levels and redaction as the XML it replaced. */
class LogSetupTest {
    static final String SECRET = "log-setup-secret-4d1e";

    @TempDir
    Path dir;

    @Test
    void writesConsoleLogWithSecretsBlankedAndOnlyWarningsOnStderr() throws Exception {
        Secrets.register(SECRET);
        LoggerContext ctx = new LoggerContext();
        ctx.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        PrintStream stderr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            LogSetup.install(ctx, dir.toString()); // the stderr appender binds System.err here
            Logger log = ctx.getLogger("io.flanks.console.Some");
            log.info("info with " + SECRET);
            log.warn("warning with " + SECRET, new IllegalStateException("cause with " + SECRET));
            ctx.getLogger("okhttp3.Internal").info("okhttp chatter");
            ctx.getLogger("io.flanks.console.Some").debug("debug line");
        } finally {
            ctx.stop();
            System.setErr(stderr);
        }

        String file = Files.readString(dir.resolve("console.log"));
        assertThat(file).contains("INFO  [" + Thread.currentThread().getName() + "] io.flanks.console.Some - info with ***")
                .contains("WARN ").contains("cause with ***").contains("\tat ")
                .doesNotContain(SECRET).doesNotContain("okhttp chatter").doesNotContain("debug line");
        assertThat(file.lines().findFirst().orElseThrow()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO .*");
        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("WARN  i.f.console.Some - warning with ***").contains("cause with ***")
                .doesNotContain("info with").doesNotContain(SECRET);
    }

    @Test
    void yieldsToTheTestsLogbackXml() {
        // logback-test.xml is on the tests' class path: the console's set-up steps aside for it
        LoggerContext ctx = new LoggerContext();
        assertThat(new LogSetup().configure(ctx)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(ctx.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }
}
