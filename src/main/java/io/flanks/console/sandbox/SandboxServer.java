package io.flanks.console.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpServer;

/**
 * A running sandbox: an HTTP server on 127.0.0.1 that speaks the Flanks Credentials API over a
 * generated data set. Start it with {@link #start(SandboxConfig)}, stop it with {@link #close()}.
 */
public final class SandboxServer implements AutoCloseable {

    static {
        // The JDK server writes headers and body in separate small packets; with Nagle on, a
        // keep-alive client waits for a delayed ACK (~40 ms) on every request. Read once, at
        // the server classes' first use, so it is set here, before any server exists.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);

    /** Enough for 8+ clients in parallel even while latency injection holds threads asleep. */
    private static final int THREADS = 16;
    private static final int BACKLOG = 64;

    private final SandboxConfig config;
    private final HttpServer http;
    private final ExecutorService executor;
    private final CredentialStore store;
    private final TokenStore tokens;
    private final Faults faults;
    private final RequestCounter counter;
    private final InetSocketAddress address;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SandboxServer(SandboxConfig config, HttpServer http, ExecutorService executor, CredentialStore store,
                          TokenStore tokens, Faults faults, RequestCounter counter) {
        this.config = config;
        this.http = http;
        this.executor = executor;
        this.store = store;
        this.tokens = tokens;
        this.faults = faults;
        this.counter = counter;
        // kept: the server forgets its address once stopped
        this.address = http.getAddress();
    }

    /** Generates the data set, binds 127.0.0.1:{@code config.port()} and starts serving. */
    public static SandboxServer start(SandboxConfig config) throws IOException {
        Objects.requireNonNull(config, "config");
        long startedAt = Math.floorDiv(config.clock().millis(), 1_000L);
        CredentialStore store = new CredentialStore(
                DataSetGenerator.generate(config.credentials(), config.seed(), startedAt));
        TokenStore tokens = new TokenStore(config.clock(), config.tokenTtlSeconds());
        Faults faults = new Faults(config.latencyMs(), config.errorRate());
        RequestCounter counter = new RequestCounter();

        Router router = new Router();
        new ApiRoutes(config, tokens, store).register(router);
        new SandboxRoutes(store, faults, config.clock()).register(router);

        // loopback by address, not by name: "localhost" may resolve to ::1 or to the LAN
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        HttpServer http = HttpServer.create(new InetSocketAddress(loopback, config.port()), BACKLOG);
        ExecutorService executor = newExecutor();
        http.setExecutor(executor);
        http.createContext("/", new Dispatcher(router, faults, counter));
        http.start();

        SandboxServer server = new SandboxServer(config, http, executor, store, tokens, faults, counter);
        LOG.info("Flanks sandbox on {} with {} credentials (seed {})", server.baseUrl(), config.credentials(), config.seed());
        return server;
    }

    private static ExecutorService newExecutor() {
        AtomicInteger number = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "sandbox-http-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // the embedded sandbox shares the machine with the console's window: below the UI thread's priority
        ThreadPoolExecutor executor = io.flanks.console.common.BackgroundPriority.pool(THREADS, 30, TimeUnit.SECONDS, factory);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return address.getPort();
    }

    /** The configuration the server started with; runtime fault changes are not reflected here. */
    public SandboxConfig config() {
        return config;
    }

    InetSocketAddress address() {
        return address;
    }

    public void setLatencyMs(int ms) {
        faults.setLatencyMs(ms);
    }

    /** Fraction of API requests (not /sandbox/*) answered 500 {"error": "Internal Error"}. */
    public void setErrorRate(double rate) {
        faults.setErrorRate(rate);
    }

    /** Every issued access token stops working, as if revoked elsewhere. */
    public void revokeAllTokens() {
        tokens.revokeAll();
    }

    /** Access tokens issued so far (until revoked or swept), for secret-leak tests. */
    public java.util.Set<String> issuedTokens() {
        return tokens.issued();
    }

    /** Requests received for this method and exact path, whatever the answer was. */
    public long requestCount(String method, String path) {
        return counter.get(method, path);
    }

    /** The most requests this server handled at once (waiting out latency included). */
    public int mostRequestsAtOnce() {
        return counter.mostAtOnce(RequestCounter.REQUESTS);
    }

    /** The most routes at work at once: never more than {@link #routeWorkers()}. */
    public int mostRoutesAtOnce() {
        return counter.mostAtOnce(RequestCounter.ROUTES);
    }

    /** Routes allowed at work at once: all cores but one. */
    public static int routeWorkers() {
        return Dispatcher.WORKERS;
    }

    /** Credentials still present (generated minus deleted). */
    public int credentialCount() {
        return store.size();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        http.stop(0);
        // interrupts handlers asleep in latency injection
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("Sandbox handler threads still busy after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Flanks sandbox on port {} stopped", port());
    }
}
