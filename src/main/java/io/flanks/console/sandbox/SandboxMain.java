package io.flanks.console.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code flanks-console --sandbox-server ...}: runs the sandbox on its own until the process is
 * killed, for training and for trying the console against something that answers.
 */
public final class SandboxMain {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxMain.class);

    static final int OK = 0;
    static final int CANNOT_START = 1;
    static final int BAD_USAGE = 2;

    /** What {@link #launch} did: a running server, or why there is none. */
    record Launch(int code, SandboxServer server) {
    }

    private SandboxMain() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != OK) {
            System.exit(code);
        }
    }

    /**
     * Starts the server and serves until the JVM shuts down (the server is closed by a shutdown
     * hook) or this thread is interrupted. Returns at once, with the exit code, when the command
     * line is bad (2) or the port cannot be bound (1).
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Launch launch = launch(args, out, err);
        if (launch.server() == null) {
            return launch.code();
        }
        SandboxServer server = launch.server();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                LOG.debug("JVM already shutting down");
            }
            server.close();
        }
        return OK;
    }

    /** Parses, starts and prints the banner without blocking; the caller owns the server. */
    static Launch launch(String[] args, PrintStream out, PrintStream err) {
        if (SandboxArgs.wantsHelp(args)) {
            out.println(SandboxArgs.USAGE);
            out.flush();
            return new Launch(OK, null);
        }
        SandboxConfig config;
        try {
            config = SandboxArgs.parse(args);
        } catch (SandboxArgs.UsageException e) {
            err.println(e.getMessage());
            err.println(SandboxArgs.USAGE);
            err.flush();
            return new Launch(BAD_USAGE, null);
        }
        SandboxServer server;
        try {
            server = SandboxServer.start(config);
        } catch (IOException e) {
            err.println("Cannot listen on 127.0.0.1:" + config.port() + ": " + e.getMessage());
            err.flush();
            return new Launch(CANNOT_START, null);
        }
        out.println("Flanks sandbox listening on " + server.baseUrl());
        out.println("client_id=" + config.clientId());
        out.println("client_secret=" + config.clientSecret());
        out.println("credentials=" + config.credentials() + " seed=" + config.seed());
        out.flush();
        return new Launch(OK, server);
    }
}
