package io.flanks.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Shared set-up for the client tests: a MockWebServer with a routing {@link Script}, a recording
 * no-op sleeper (no test ever really waits for a back-off), a mutable clock, and a client whose
 * read timeout is 500 ms.
 */
abstract class ClientTestBase {
    static final String CLIENT_ID = "id";
    static final String CLIENT_SECRET = "secret";
    static final Duration READ_TIMEOUT = Duration.ofMillis(500);

    static final String TOKEN = "/v0/token";
    static final String STATUS = "/v0/bank/credentials/status";
    static final String LIST = "/v0/bank/credentials/list";
    static final String CREDENTIALS = "/v0/bank/credentials";
    static final String BANKS = "/v0/bank/available";

    static final String NOT_ALLOWED_BODY = "{\"error\": \"You are not allowed to access to this credentials\"}";
    static final String STATUS_BODY = "{\"pending\": false, \"blocked\": false, \"name\": \"testbank\"}";

    static final ObjectMapper JSON = new ObjectMapper();

    protected MockWebServer server;
    protected Script script;
    protected RecordingSleeper sleeper;
    protected MutableClock clock;
    protected FlanksClient client;
    private final List<FlanksClient> clients = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        script = new Script();
        server.setDispatcher(script);
        server.start();
        sleeper = new RecordingSleeper();
        clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        client = newClient(new Backoff(Duration.ofMillis(1), Duration.ofMillis(5), sleeper));
    }

    @AfterEach
    void stopServer() {
        clients.forEach(FlanksClient::close);
        server.close();
    }

    /** A client on the test server with the given back-off; closed after the test. */
    FlanksClient newClient(Backoff backoff) {
        return newClient(server.url("/").toString(), backoff);
    }

    FlanksClient newClient(String baseUrl, Backoff backoff) {
        FlanksClient c = new FlanksClient(new Environment("test", baseUrl, CLIENT_ID, CLIENT_SECRET),
                FlanksClient.defaultHttp().newBuilder().readTimeout(READ_TIMEOUT).build(), backoff, clock);
        clients.add(c);
        return c;
    }

    // ---- responses ---------------------------------------------------------------------------

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse ok(String body) {
        return json(200, body);
    }

    static MockResponse tokenResponse(String accessToken, long expiresIn) {
        return ok("{\"access_token\": \"" + accessToken + "\", \"expires_in\": " + expiresIn
                + ", \"token_type\": \"Bearer\", \"scope\": \"credentials\"}");
    }

    // ---- recorded requests -------------------------------------------------------------------

    static String path(RecordedRequest r) {
        return r.getUrl().encodedPath();
    }

    static String bodyOf(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().utf8();
    }

    static JsonNode jsonBody(RecordedRequest r) throws IOException {
        return JSON.readTree(bodyOf(r));
    }

    static JsonNode tree(String json) throws IOException {
        return JSON.readTree(json);
    }

    static String bearer(RecordedRequest r) {
        return r.getHeaders().get("Authorization");
    }

    /** Requests to {@code path} with {@code method}, in arrival order. */
    List<RecordedRequest> requests(String method, String path) {
        return script.requests().stream()
                .filter(r -> r.getMethod().equals(method) && path(r).equals(path))
                .toList();
    }

    List<RecordedRequest> tokenRequests() {
        return requests("POST", TOKEN);
    }

    /** "METHOD path" of every request, in arrival order. */
    List<String> calls() {
        return script.requests().stream().map(r -> r.getMethod() + " " + path(r)).toList();
    }

    // ---- doubles -----------------------------------------------------------------------------

    /**
     * Routes by "METHOD path". Each route has a queue of responses (the last one repeats) or a
     * handler. POST /v0/token answers by default with a fresh token "access-1", "access-2", ...
     * valid for 3600 s. Every request is recorded in arrival order.
     */
    static final class Script extends Dispatcher {
        private final Map<String, Deque<MockResponse>> queues = new HashMap<>();
        private final Map<String, Function<RecordedRequest, MockResponse>> handlers = new HashMap<>();
        private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
        final AtomicInteger tokensIssued = new AtomicInteger();
        volatile long tokenTtlSeconds = 3600;

        Script() {
            handlers.put("POST " + TOKEN,
                    r -> tokenResponse("access-" + tokensIssued.incrementAndGet(), tokenTtlSeconds));
        }

        /** Answers {@code method path} with these responses in turn; the last one repeats. */
        synchronized Script on(String method, String path, MockResponse... responses) {
            handlers.remove(method + " " + path);
            queues.put(method + " " + path, new ArrayDeque<>(List.of(responses)));
            return this;
        }

        synchronized Script handle(String method, String path, Function<RecordedRequest, MockResponse> handler) {
            queues.remove(method + " " + path);
            handlers.put(method + " " + path, handler);
            return this;
        }

        List<RecordedRequest> requests() {
            return List.copyOf(requests);
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            String key = request.getMethod() + " " + path(request);
            Function<RecordedRequest, MockResponse> handler;
            synchronized (this) {
                Deque<MockResponse> q = queues.get(key);
                if (q != null && !q.isEmpty()) {
                    return q.size() > 1 ? q.poll() : q.peek();
                }
                handler = handlers.get(key);
            }
            if (handler != null) {
                return handler.apply(request); // outside the lock: handlers may block
            }
            return json(404, "{\"error\": \"no route for " + key + "\"}");
        }
    }

    /** Records every requested pause and returns at once. */
    static final class RecordingSleeper implements Backoff.Sleeper {
        final List<Duration> sleeps = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration d) {
            sleeps.add(d);
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
