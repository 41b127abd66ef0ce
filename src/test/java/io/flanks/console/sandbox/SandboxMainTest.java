package io.flanks.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxMainTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "--port=abc", "--port 70000", "--credentials -1", "--error-rate 1.5",
            "--seed x", "--page-size 0", "stray", "--port"})
    void aBadCommandLineReturnsTwoWithOneLineAndUsage(String args) {
        int code = SandboxMain.run(("--sandbox-server " + args).split(" "), out, err);

        assertThat(code).isEqualTo(2);
        String[] lines = stderr().split("\\R");
        assertThat(lines[0]).isNotBlank().doesNotContain("Exception");
        assertThat(lines[1]).startsWith("Usage:");
        assertThat(stderr()).doesNotContain("\tat ");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void namesTheBadArgument() {
        SandboxMain.run(new String[] {"--sandbox-server", "--port", "eighty"}, out, err);

        assertThat(stderr()).startsWith("Not a whole number for --port: eighty");
    }

    @Test
    void helpGoesToStdout() {
        assertThat(SandboxMain.run(new String[] {"--sandbox-server", "--help"}, out, err)).isZero();

        assertThat(stdout()).startsWith("Usage:").contains("--client-secret");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void startsAndPrintsWhereAndWho() throws Exception {
        SandboxMain.Launch launch = SandboxMain.launch(new String[] {"--sandbox-server", "--credentials", "12",
                "--seed=7", "--client-id", "acme", "--client-secret", "s3cret", "--page-size", "5"}, out, err);

        try (SandboxServer server = launch.server()) {
            assertThat(launch.code()).isZero();
            assertThat(stdout().split("\\R")).containsExactly(
                    "Flanks sandbox listening on http://127.0.0.1:" + server.port(),
                    "client_id=acme",
                    "client_secret=s3cret",
                    "credentials=12 seed=7");
            SandboxClient client = new SandboxClient(server);
            assertThat(client.tokenResponse("acme", "s3cret", "client_credentials").status()).isEqualTo(200);
            assertThat(server.config().pageSize()).isEqualTo(5);
        }
    }

    @Test
    void aPortInUseReturnsOneWithoutBlocking() throws Exception {
        try (SandboxServer taken = SandboxServer.start(SandboxConfig.defaults().withCredentials(1))) {
            int code = SandboxMain.run(new String[] {"--sandbox-server", "--port", String.valueOf(taken.port())}, out, err);

            assertThat(code).isEqualTo(1);
            assertThat(stderr()).startsWith("Cannot listen on 127.0.0.1:" + taken.port());
        }
    }

    private String stdout() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }
}
