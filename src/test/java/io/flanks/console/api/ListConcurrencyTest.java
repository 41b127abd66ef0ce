package io.flanks.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.common.Background;
import io.flanks.console.common.CpuGate;
import io.flanks.console.credentials.CredentialsViewModel;
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

    /**
     * A load's heavy work, the sandbox making each page, the client reading it and the view-model
     * turning it into rows, goes through one gate: all of it together on at most cores-1 threads,
     * not cores-1 for each (three at once on two cores, beside the UI thread and the renderer).
     */
    @Test
    void pagesMadeParsedAndTurnedIntoRowsShareOneGate() throws Exception {
        int rows = 20_000;
        try (SandboxServer server = SandboxServer.start(SandboxConfig.defaults().withCredentials(rows).withLatencyMs(5));
             FlanksClient client = new FlanksClient(new Environment("test", server.baseUrl(), "sandbox-client", "sandbox-secret"),
                     FlanksClient.defaultHttp(), Backoff.standard(), Clock.systemUTC())) {
            client.accessToken();
            CredentialsViewModel vm = new CredentialsViewModel(client, Background.direct(), Clock.systemUTC());
            CpuGate.resetCounts();

            vm.reload(); // the direct background: the load is done when this returns

            assertThat(vm.allRows()).hasSize(rows);
            int pages = rows / 100;
            // each page: made by the sandbox, parsed by the client, turned into rows by the view-model
            assertThat(CpuGate.entries()).isGreaterThanOrEqualTo(3 * pages);
            assertThat(server.mostRequestsAtOnce()).as("requests overlapped").isGreaterThan(1);
            assertThat(CpuGate.mostAtOnce()).isBetween(1, CpuGate.AT_ONCE);
            assertThat(CpuGate.AT_ONCE).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        }
    }
}
