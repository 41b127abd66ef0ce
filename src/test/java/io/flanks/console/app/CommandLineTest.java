package io.flanks.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void noArgumentsMeansSandboxWithDefaults() throws Exception {
        CommandLine cl = CommandLine.parse(new String[0], Map.of());
        assertThat(cl.apiUrl()).isNull();
        assertThat(cl.dataDir()).isNull();
        assertThat(cl.smokeTest()).isFalse();
    }

    @Test
    void readsApiUrlDataDirSmokeAndCredentialsFromEnvironment() throws Exception {
        CommandLine cl = CommandLine.parse(new String[] {"--api-url", "https://api.flanks.io", "--data-dir", "/tmp/x", "--smoke-test"},
                Map.of("FLANKS_CLIENT_ID", "id", "FLANKS_CLIENT_SECRET", "s3cret"));
        assertThat(cl.apiUrl()).isEqualTo("https://api.flanks.io");
        assertThat(cl.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(cl.smokeTest()).isTrue();
        assertThat(cl.clientId()).isEqualTo("id");
        assertThat(cl.clientSecret()).isEqualTo("s3cret");
    }

    @Test
    void plainHttpOnlyForLoopback() throws Exception {
        assertThat(CommandLine.parse(new String[] {"--api-url", "http://127.0.0.1:8080"}, Map.of()).apiUrl())
                .isEqualTo("http://127.0.0.1:8080");
        assertThat(CommandLine.parse(new String[] {"--api-url=http://localhost:1"}, Map.of()).apiUrl())
                .isEqualTo("http://localhost:1");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--api-url", "http://api.flanks.io"}, Map.of()))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("https://");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--api-url", "ftp://x"}, Map.of()))
                .isInstanceOf(CommandLine.UsageException.class);
    }

    @Test
    void unknownOptionsAndMissingValuesArePlainErrors() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--bogus"}, Map.of()))
                .isInstanceOf(CommandLine.UsageException.class).hasMessage("Unknown option: --bogus");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--api-url"}, Map.of()))
                .isInstanceOf(CommandLine.UsageException.class).hasMessage("--api-url needs a value");
    }

    @Test
    void sandboxServerIsRoutedWhateverFollows() throws Exception {
        assertThat(CommandLine.parse(new String[] {"--sandbox-server", "--port", "0"}, Map.of()).sandboxServer()).isTrue();
    }

    @Test
    void helpAndVersion() throws Exception {
        assertThat(CommandLine.parse(new String[] {"--help"}, Map.of()).help()).isTrue();
        assertThat(CommandLine.parse(new String[] {"--version"}, Map.of()).version()).isTrue();
        assertThat(Version.get()).matches("\\d+\\.\\d+\\.\\d+.*");
    }
}
