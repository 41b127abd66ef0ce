package io.flanks.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --smoke-test} end to end: the real launcher in a child JVM (headless Monocle, the
 * same class path as the tests), exactly as an installer check will run it.
 */
class SmokeModeTest {

    @TempDir
    Path dataDir;

    private record Run(int code, String out) {
    }

    private Run run(String... args) throws IOException, InterruptedException {
        // without the test classes: the console's own logging set-up, not the tests' console-only one
        List<String> cmd = ChildJvm.console();
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes(); // ends when the child exits
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void printsTheSmokeLineAndExitsZeroOnTheSandbox() throws Exception {
        Run r = run("--smoke-test", "--data-dir", dataDir.toString());
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).containsPattern(
                "(?m)^SMOKE \\{\"rows\": 300, \"firstRowsMs\": \\d+, \"firstScreenMs\": \\d+, \"allRowsMs\": \\d+, \"environment\": \"SANDBOX\"\\}$");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"firstRowsMs\": (\\d+), \"firstScreenMs\": (\\d+)").matcher(r.out());
        assertThat(m.find()).isTrue();
        assertThat(Long.parseLong(m.group(2))).as("a screenful of rows, not before the first rows").isGreaterThanOrEqualTo(Long.parseLong(m.group(1)));
        assertThat(dataDir.resolve("settings.properties")).exists();
        assertThat(dataDir.resolve("logs/console.log")).exists();
    }

    @Test
    void saysWhyAndExitsOneWhenTheApiCannotBeReached() throws Exception {
        Run r = run("--smoke-test", "--data-dir", dataDir.toString(), "--api-url", "http://127.0.0.1:9");
        assertThat(r.code()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("SMOKE FAILED: the load failed").doesNotContain("\tat ");
    }

    @Test
    void badArgumentsArePlainAndExitTwo() throws Exception {
        Run r = run("--no-such-option");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("Unknown option: --no-such-option").contains("Usage:").doesNotContain("Exception");
    }

    @Test
    void versionComesFromThePom() throws Exception {
        Run r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out().trim()).isEqualTo("flanks-console " + Version.get());
    }
}
