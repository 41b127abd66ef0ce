package io.flanks.console.app;

import io.flanks.console.api.Environment;
import io.flanks.console.api.FlanksClient;
import io.flanks.console.sandbox.SandboxConfig;
import io.flanks.console.sandbox.SandboxServer;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One connected environment: its client and, for the built-in sandbox, the server behind it. */
public final class Session implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    public static final String SANDBOX_NAME = "Sandbox";

    private final Environment environment;
    private final FlanksClient client;
    private final SandboxServer sandbox;

    private Session(Environment environment, SandboxServer sandbox) {
        this.environment = environment;
        this.sandbox = sandbox;
        this.client = new FlanksClient(environment);
    }

    /** Starts the embedded sandbox on a loopback port and connects to it. */
    public static Session sandbox() throws IOException {
        return sandbox(SandboxConfig.defaults());
    }

    public static Session sandbox(SandboxConfig config) throws IOException {
        SandboxServer server = SandboxServer.start(config);
        LOG.info("Built-in sandbox listening on {}", server.baseUrl());
        return new Session(new Environment(SANDBOX_NAME, server.baseUrl(), config.clientId(), config.clientSecret()), server);
    }

    public static Session remote(Environment env) {
        return new Session(env, null);
    }

    public Environment environment() {
        return environment;
    }

    public FlanksClient client() {
        return client;
    }

    public boolean isSandbox() {
        return sandbox != null;
    }

    public SandboxServer sandboxServer() {
        return sandbox;
    }

    /** What the badge and the title say: SANDBOX, or the API's host. */
    public String label() {
        return isSandbox() ? "SANDBOX" : environment.host();
    }

    @Override
    public void close() {
        client.close();
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
