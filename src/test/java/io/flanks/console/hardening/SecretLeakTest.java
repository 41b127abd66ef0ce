package io.flanks.console.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.ChildJvm;
import io.flanks.console.sandbox.SandboxConfig;
import io.flanks.console.sandbox.SandboxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole console, in a child JVM, against an API with a known secret: afterwards no file
 * it wrote (settings, logs, audit, history) and nothing it printed contains the secret or an
 * access token.
 */
class SecretLeakTest {
    static final String SECRET = "K7#leak-test-secret-9f2c41";

    @TempDir
    Path dataDir;

    @Test
    void noSecretOrTokenInAnyFileOrOutput() throws Exception {
        try (SandboxServer api = SandboxServer.start(SandboxConfig.defaults().withClientSecret(SECRET))) {
            // the console's own logging set-up (its log file is among the files checked)
            List<String> cmd = ChildJvm.console();
            cmd.addAll(List.of("--smoke-test", "--data-dir", dataDir.toString(), "--api-url", api.baseUrl()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("FLANKS_CLIENT_ID", "sandbox-client");
            pb.environment().put("FLANKS_CLIENT_SECRET", SECRET);
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("SMOKE {");

            List<String> secrets = new ArrayList<>(api.issuedTokens());
            assertThat(secrets).isNotEmpty();
            secrets.add(SECRET);
            List<Path> files;
            try (Stream<Path> s = Files.walk(dataDir)) {
                files = s.filter(Files::isRegularFile).toList();
            }
            assertThat(files).extracting(f -> f.getFileName().toString()).contains("settings.properties", "console.log");
            for (String secret : secrets) {
                assertThat(out).doesNotContain(secret);
                for (Path f : files) {
                    assertThat(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)).as(f.toString())
                            .doesNotContain(secret);
                }
            }
        }
    }
}
