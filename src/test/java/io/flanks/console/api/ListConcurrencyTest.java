package io.flanks.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.sandbox.SandboxConfig;
import io.flanks.console.sandbox.SandboxServer;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * Listing keeps many requests in flight (to hide latency) but parses on at most all cores but
 * one, and the sandbox makes pages on at most as many: on two cores, the UI thread and the
 * renderer must not be one runnable thread among twenty while 100,000 credentials load.
 */
class ListConcurrencyTest {

    @Test
    void manyRequestsInFlightFewParsesAndPagesMadeAtOnce() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxConfig.defaults().withCredentials(20_000).withLatencyMs(5));
             FlanksClient client = new FlanksClient(new Environment("test", server.baseUrl(), "sandbox-client", "sandbox-secret"),
                     FlanksClient.defaultHttp(), Backoff.standard(), Clock.systemUTC())) {
            assertThat(client.listAll(null)).hasSize(20_000);

            assertThat(server.mostRequestsAtOnce()).as("requests overlapped").isGreaterThan(1);
            assertThat(client.mostParsesAtOnce()).isBetween(1, FlanksClient.PARSE_CONCURRENCY);
            assertThat(server.mostRoutesAtOnce()).isBetween(1, SandboxServer.routeWorkers());
            assertThat(FlanksClient.PARSE_CONCURRENCY).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
            assertThat(SandboxServer.routeWorkers()).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        }
    }
}
