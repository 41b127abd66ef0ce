package io.flanks.console.api;

import io.flanks.console.sandbox.SandboxServer;
import java.time.Clock;
import java.time.Duration;

/** For view-model tests: a client of a running sandbox with its credentials, retrying after 1-2 ms. */
public final class SandboxClients {
    private SandboxClients() {
    }

    public static FlanksClient of(SandboxServer server) {
        return new FlanksClient(new Environment("Sandbox", server.baseUrl(), "sandbox-client", "sandbox-secret"),
                FlanksClient.defaultHttp(), new Backoff(Duration.ofMillis(1), Duration.ofMillis(2), Backoff.REAL), Clock.systemUTC());
    }
}
