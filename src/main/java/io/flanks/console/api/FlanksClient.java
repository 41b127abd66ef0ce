package io.flanks.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.ConnectionSpec;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Flanks Credentials API, one object per environment. Thread-safe. Reads (token, list,
 * status, banks) are retried on 5xx, 429 and network faults, at most {@value #MAX_TRIES} tries;
 * force and delete are never re-sent once they may have reached the server. A 401 renews the
 * token once and retries once. Interrupting the calling thread cancels the call with a
 * {@link CancellationException}.
 */
public final class FlanksClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlanksClient.class);
    private static final MediaType JSON = MediaType.get("application/json");

    public static final int MAX_TRIES = 3;
    /** Largest response body accepted; a page of 100 credentials is about 100 KB. */
    public static final long MAX_BODY_BYTES = 32L * 1024 * 1024;
    /** Pages in flight while listing: 16 keeps a 20 ms-latency API busy enough to beat sequential fetching 8x. */
    public static final int LIST_CONCURRENCY = 16;
    /**
     * Pages parsed at the same time, at most: all cores but one, shared with the rest of a load's
     * heavy work ({@link io.flanks.console.common.CpuGate}). Sixteen requests in flight hide the
     * network's latency; sixteen parses at once would only take the CPU from the UI thread and
     * the renderer (on two cores, a frame then waits seconds for its turn).
     */
    static final int PARSE_CONCURRENCY = io.flanks.console.common.CpuGate.AT_ONCE;
    private final java.util.concurrent.atomic.AtomicInteger parsingNow = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger mostParsing = new java.util.concurrent.atomic.AtomicInteger();

    /** The most list pages this client parsed at once (tests: never more than {@link #PARSE_CONCURRENCY}). */
    int mostParsesAtOnce() {
        return mostParsing.get();
    }

    private static final String NOT_ALLOWED = "You are not allowed to access to this credentials";

    /** Receives list pages in list order as soon as each and all before it have arrived. */
    @FunctionalInterface
    public interface PageListener {
        void onPage(List<CredentialItem> items, int page, int pages);
    }

    private final Environment env;
    private final OkHttpClient http;
    private final Backoff backoff;
    private final Clock clock;
    private final ApiParser parser = new ApiParser();
    private final ExecutorService listPool;
    private final Object tokenLock = new Object();
    private AccessToken token; // guarded by tokenLock
    /** Page 1 asked for ahead of time (start-up), taken by the next listEach (or listAll) only. */
    private final AtomicReference<Prefetch> prefetched = new AtomicReference<>();

    private record AccessToken(String value, Instant renewAt) {
    }

    /** A response as read: its body kept as the bytes that came, decoded when asked for. */
    private record Reply(int code, byte[] bytes, String retryAfter) {
        String body() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private record Prefetch(CompletableFuture<ListPage> page, Instant askedAt) {
    }

    /** A prefetched first page older than this is not used: the list asks again. */
    static final Duration PREFETCH_FRESH_FOR = Duration.ofSeconds(10);

    public FlanksClient(Environment env) {
        this(env, defaultHttp(env), Backoff.standard(), Clock.systemUTC());
    }

    public FlanksClient(Environment env, OkHttpClient http, Backoff backoff, Clock clock) {
        this.env = env;
        requireSafeUrl(env);
        Secrets.register(env.clientSecret());
        // never follow a redirect, whatever client was passed in: OkHttp would re-send a write (307/308),
        // turn it into a GET that "succeeds" on a sign-in page (301/302/303), or carry the token call's
        // body, client secret included, to wherever Location points (even plain http)
        this.http = http.newBuilder().followRedirects(false).followSslRedirects(false)
                .addInterceptor(new RedactingLogInterceptor()).build();
        this.backoff = backoff;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        // below the UI thread's priority: a long load must not take the CPU the window draws with
        this.listPool = io.flanks.console.common.BackgroundPriority.pool(LIST_CONCURRENCY, 0, TimeUnit.MILLISECONDS, r -> {
            Thread t = new Thread(r, "flanks-list-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Plain http only to this machine: anything else would send the secret in clear text. */
    static void requireSafeUrl(Environment env) {
        String url = env.baseUrl().toLowerCase(java.util.Locale.ROOT);
        if (url.startsWith("https://") || (url.startsWith("http://") && env.isLoopback())) {
            return;
        }
        throw new IllegalArgumentException("Refusing " + env.baseUrl()
                + ": use https:// (plain http:// only for localhost)");
    }

    public static OkHttpClient defaultHttp() {
        return defaultHttpBuilder().build();
    }

    private static OkHttpClient.Builder defaultHttpBuilder() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(60))
                .retryOnConnectionFailure(false) // we decide what may be re-sent
                .followRedirects(false)
                .followSslRedirects(false);
    }

    /**
     * {@link #defaultHttp()}, without TLS for a plain-http (hence loopback) environment: with no
     * TLS connection spec OkHttp skips the trust store and SSL context, ~0.1 s of a sandbox start.
     */
    static OkHttpClient defaultHttp(Environment env) {
        if (!env.baseUrl().toLowerCase(java.util.Locale.ROOT).startsWith("http://")) {
            return defaultHttp();
        }
        return defaultHttpBuilder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
    }

    /** The OkHttp client in use (tests). */
    OkHttpClient http() {
        return http;
    }

    public Environment environment() {
        return env;
    }

    public ApiParser parser() {
        return parser;
    }

    // ---- token -------------------------------------------------------------------------

    /** A valid access token, fetched or renewed when needed. Concurrent callers share one renewal. */
    public String accessToken() throws ApiException {
        return token(null);
    }

    /** Fetches a fresh token whatever is cached: the settings screen's "Test connection". */
    public void testConnection() throws ApiException {
        synchronized (tokenLock) {
            token = null;
        }
        accessToken();
    }

    private String token(String stale) throws ApiException {
        synchronized (tokenLock) {
            if (token != null && !token.value().equals(stale) && clock.instant().isBefore(token.renewAt())) {
                return token.value();
            }
            token = fetchToken();
            return token.value();
        }
    }

    private AccessToken fetchToken() throws ApiException {
        ObjectNode body = parser.mapper().createObjectNode()
                .put("client_id", env.clientId())
                .put("client_secret", env.clientSecret())
                .put("grant_type", "client_credentials");
        Request.Builder rb = new Request.Builder().url(env.baseUrl() + "/v0/token")
                .post(RequestBody.create(body.toString(), JSON));
        Reply r = sendWithRetries(rb, null, true);
        if (r.code() == 403) {
            throw new ApiException.AccessDenied("The client id or secret was refused.", bodyDetails(r, r.body()));
        }
        if (r.code() != 200) {
            throw map(r);
        }
        JsonNode n = parser.tree(r.body(), 200);
        String value = ApiParser.text(n.get("access_token"));
        if (value == null || value.isBlank()) {
            throw ApiParser.malformed("The token response has no access_token.", 200, r.body());
        }
        Secrets.register(value);
        Long expires = ApiParser.integer(n.get("expires_in"));
        // capped at a day: a huge expires_in (Long.MAX_VALUE) overflowed Instant.plusSeconds and escaped as
        // an ArithmeticException from every call; renewing daily is harmless
        long ttl = expires == null || expires <= 0 ? 3600 : Math.min(expires, 86_400);
        // renew shortly before expiry: a minute early, or a tenth of a short lifetime
        long margin = Math.min(60, Math.max(1, ttl / 10));
        return new AccessToken(value, clock.instant().plusSeconds(ttl - margin));
    }

    // ---- reads -------------------------------------------------------------------------

    public CredentialStatus status(String credentialsToken) throws ApiException {
        Reply r = authed("POST", "/v0/bank/credentials/status", tokenBody(credentialsToken), true);
        return parser.status(r.body());
    }

    public ListPage listPage(int page) throws ApiException {
        ObjectNode body = parser.mapper().createObjectNode().put("page", page);
        Reply r = authed("POST", "/v0/bank/credentials/list", body.toString(), true);
        io.flanks.console.common.CpuGate.enter();
        mostParsing.accumulateAndGet(parsingNow.incrementAndGet(), Math::max);
        try {
            return parser.listPage(r.bytes(), page);
        } finally {
            parsingNow.decrementAndGet();
            io.flanks.console.common.CpuGate.leave();
        }
    }

    public List<Bank> banks() throws ApiException {
        Reply r = authed("GET", "/v0/bank/available", null, true);
        return parser.banks(r.body());
    }

    /**
     * Every credential: page 1, then the rest with at most {@value #LIST_CONCURRENCY} in flight,
     * delivered to {@code listener} in list order. A token seen twice is kept once.
     */
    public List<CredentialItem> listAll(PageListener listener) throws ApiException {
        List<CredentialItem> all = new ArrayList<>();
        listEach((items, page, pages) -> {
            all.addAll(items);
            if (listener != null) {
                listener.onPage(items, page, pages);
            }
        });
        return all;
    }

    /**
     * As {@link #listAll}, but keeps nothing: each page goes to {@code listener} and is then
     * forgotten. A reload of 100,000 credentials that collected them all kept every page alive
     * to the end, and the garbage collector copied 15-30 MB of them out of the young generation
     * in each pause. Returns how many credentials were delivered.
     */
    public int listEach(PageListener listener) throws ApiException {
        java.util.Objects.requireNonNull(listener, "listener");
        ListPage first = takePrefetchedFirstPage();
        if (first == null) {
            first = listPage(1);
        }
        int pages = first.pages();
        Set<String> seen = new HashSet<>();
        deliver(first.items(), 1, pages, seen, listener);
        first = null; // page 1 is the listener's now
        if (pages <= 1) {
            return seen.size();
        }
        // pages are queued a bounded window ahead of delivery, not all at once: a server claiming
        // millions of pages must not fill the heap with tasks (the pool still bounds what is in flight)
        Deque<Future<ListPage>> window = new ArrayDeque<>();
        int next = 2;
        try {
            for (int page = 2; page <= pages; page++) {
                while (next <= pages && window.size() < 2 * LIST_CONCURRENCY) {
                    int p = next++;
                    window.add(listPool.submit(() -> listPage(p)));
                }
                deliver(await(window.poll()).items(), page, pages, seen, listener);
            }
            return seen.size();
        } finally {
            window.forEach(f -> f.cancel(true));
        }
    }

    /**
     * Asks for the token and page 1 now, on the calling thread, for the next {@link #listEach} to
     * use instead of asking again: at start-up the request goes out while the window is still
     * being built. It is asked for as listEach would (same retries), so a failure is what that
     * listEach reports, without asking again. Unused after {@link #PREFETCH_FRESH_FOR}.
     */
    public void prefetchFirstPage() {
        CompletableFuture<ListPage> page = new CompletableFuture<>();
        prefetched.set(new Prefetch(page, clock.instant()));
        try {
            page.complete(listPage(1));
        } catch (ApiException | RuntimeException e) {
            LOG.debug("Prefetching page 1 failed; the first load reports it: {}", e.toString());
            page.completeExceptionally(e);
        }
    }

    /** The prefetched page 1 (waiting for it if still on its way), or null to ask again. */
    private ListPage takePrefetchedFirstPage() throws ApiException {
        Prefetch p = prefetched.getAndSet(null);
        if (p == null || clock.instant().isAfter(p.askedAt().plus(PREFETCH_FRESH_FOR))) {
            return null;
        }
        try {
            return p.page().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Listing cancelled");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException ae) {
                throw ae; // already tried as often as the list would
            }
            return null;
        }
    }

    private static void deliver(List<CredentialItem> items, int page, int pages, Set<String> seen, PageListener listener) {
        List<CredentialItem> fresh = new ArrayList<>(items.size());
        for (CredentialItem it : items) {
            if (seen.add(it.credentialsToken())) {
                fresh.add(it);
            } else {
                LOG.warn("Credential {} listed twice; kept the first", shortToken(it.credentialsToken()));
            }
        }
        listener.onPage(fresh, page, pages);
    }

    private static ListPage await(Future<ListPage> f) throws ApiException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Listing cancelled");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException ae) {
                throw ae;
            }
            if (e.getCause() instanceof CancellationException ce) {
                throw ce;
            }
            throw new ApiException.Network("Listing failed: " + e.getCause(), e.getCause());
        }
    }

    // ---- writes ------------------------------------------------------------------------

    public ForceResult force(String credentialsToken, ForceKind kind) throws ApiException {
        ObjectNode body = parser.mapper().createObjectNode()
                .put("force", kind.wire())
                .put("credentials_token", credentialsToken);
        Reply r = authed("PUT", "/v0/bank/credentials/status", body.toString(), false);
        return parser.forceResult(kind, r.body());
    }

    public void delete(String credentialsToken) throws ApiException {
        authed("DELETE", "/v0/bank/credentials", tokenBody(credentialsToken), false);
    }

    // ---- plumbing ----------------------------------------------------------------------

    private String tokenBody(String credentialsToken) {
        return parser.mapper().createObjectNode().put("credentials_token", credentialsToken).toString();
    }

    /** An authorised call: 2xx returns, 401 renews once, anything else maps to an ApiException. */
    private Reply authed(String method, String path, String json, boolean read) throws ApiException {
        String bearer = token(null);
        boolean renewed = false;
        while (true) {
            Request.Builder rb = new Request.Builder().url(env.baseUrl() + path)
                    .method(method, json == null ? null : RequestBody.create(json, JSON));
            if (json == null) {
                // the vendor's page asks for Content-Type on every call; OkHttp only derives it from a body
                rb.header("Content-Type", JSON.toString());
            }
            // a write is sent once; only a 401 (refused before anything happened) allows a second send
            Reply r = read ? sendWithRetries(rb, bearer, true) : send(rb, bearer);
            if (r.code() == 401 && !renewed) {
                renewed = true;
                LOG.info("401 on {} {}: renewing the access token once", method, path);
                bearer = token(bearer);
                continue;
            }
            if (r.code() >= 200 && r.code() < 300) {
                return r;
            }
            throw map(r);
        }
    }

    /** Sends, retrying retryable outcomes (5xx, 429, network) with back-off, at most MAX_TRIES. */
    private Reply sendWithRetries(Request.Builder rb, String bearer, boolean read) throws ApiException {
        for (int attempt = 1; ; attempt++) {
            long retryAfter = -1;
            ApiException failure;
            try {
                Reply r = send(rb, bearer);
                if (!(r.code() == 429 || r.code() >= 500) || !read || attempt >= MAX_TRIES) {
                    return r;
                }
                failure = map(r);
                if (failure instanceof ApiException.RateLimited rl) {
                    retryAfter = rl.retryAfterSeconds();
                }
            } catch (ApiException.Network e) {
                if (!read || attempt >= MAX_TRIES) {
                    throw e;
                }
                failure = e;
            }
            LOG.info("Try {} of {} failed ({}); retrying", attempt, MAX_TRIES, failure.getMessage());
            try {
                backoff.pause(attempt + 1, retryAfter);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Cancelled while waiting to retry");
            }
        }
    }

    /** One HTTP exchange; reads the whole body (capped) or throws Network. */
    private Reply send(Request.Builder rb, String bearer) throws ApiException {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Cancelled");
        }
        if (bearer != null) {
            rb.header("Authorization", "Bearer " + bearer);
        }
        Request req = rb.header("Accept", "application/json").build();
        try (Response resp = http.newCall(req).execute()) {
            return new Reply(resp.code(), readCapped(resp.body()), resp.header("Retry-After"));
        } catch (SocketTimeoutException e) {
            throw new ApiException.Network("The server did not answer in time.", e);
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("Cancelled");
            }
            throw new ApiException.Network("The request timed out.", e);
        } catch (ConnectException e) {
            throw new ApiException.Network("Could not connect to " + env.host() + ".", e);
        } catch (UnknownHostException e) {
            throw new ApiException.Network("Unknown host " + env.host() + ".", e);
        } catch (IOException e) {
            throw new ApiException.Network("The connection failed or was cut.", e);
        }
    }

    private static byte[] readCapped(ResponseBody body) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        BufferedSource src = body.source();
        if (src.request(MAX_BODY_BYTES + 1)) {
            throw new IOException("Response larger than " + MAX_BODY_BYTES + " bytes");
        }
        return src.getBuffer().readByteArray();
    }

    private ApiException map(Reply r) {
        int c = r.code();
        String body = r.body(); // decoded once: the message and the details both read it
        String msg = parser.errorMessage(body);
        String details = bodyDetails(r, body);
        if (c == 400 && NOT_ALLOWED.equals(msg)) {
            return new ApiException.NotFound("This credential does not exist or was deleted.", details);
        }
        if (c == 401) {
            return new ApiException.Unauthorized("The access token was refused, even after renewing it.", details);
        }
        if (c == 403) {
            return new ApiException.AccessDenied("Access denied" + (msg == null ? "." : ": " + msg), details);
        }
        if (c == 429) {
            return new ApiException.RateLimited("The server asks us to slow down.", retryAfter(r.retryAfter()), details);
        }
        if (c >= 500) {
            return new ApiException.ServerError("The server had a problem (HTTP " + c + ").", c, details);
        }
        if (c >= 400) {
            return new ApiException.Rejected("The server refused the request (HTTP " + c + ")"
                    + (msg == null ? "." : ": " + msg), c, details);
        }
        return new ApiException.Malformed("Unexpected HTTP status " + c + ".", c, details);
    }

    private static String bodyDetails(Reply r, String body) {
        return "HTTP " + r.code() + (r.bytes().length == 0 ? " (empty body)" : "\n" + ApiParser.snippet(body));
    }

    static long retryAfter(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Math.max(0, Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return -1; // an HTTP date: fall back to our own back-off
        }
    }

    /** First 4 and last 4 characters, for logs and messages. */
    public static String shortToken(String t) {
        if (t == null) {
            return "-";
        }
        return t.length() <= 10 ? t : t.substring(0, 4) + "…" + t.substring(t.length() - 4);
    }

    @Override
    public void close() {
        listPool.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
