package io.flanks.console.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer dispatcher that routes by "METHOD path" (the approach of the api package's
 * ClientTestBase, copied so these tests do not depend on its package-private internals). Each
 * route answers from a queue (the last response repeats) or from a handler; {@code POST /v0/token}
 * answers by default with "access-1", "access-2", ... Every request is recorded, so tests count
 * sends at the server. {@link #reset()} makes one server reusable across the cases of a class.
 */
public final class ApiScript extends Dispatcher {
    public static final String TOKEN = "/v0/token";
    public static final String STATUS = "/v0/bank/credentials/status";
    public static final String LIST = "/v0/bank/credentials/list";
    public static final String CREDENTIALS = "/v0/bank/credentials";
    public static final String BANKS = "/v0/bank/available";

    private final Map<String, Deque<MockResponse>> queues = new HashMap<>();
    private final Map<String, Function<RecordedRequest, MockResponse>> handlers = new HashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();

    public ApiScript() {
        reset();
    }

    /** Forgets every route and recorded request; the default token route comes back. */
    public synchronized void reset() {
        queues.clear();
        handlers.clear();
        requests.clear();
        tokensIssued.set(0);
        handlers.put("POST " + TOKEN, r -> tokenResponse("access-" + tokensIssued.incrementAndGet()));
    }

    /** Answers {@code method path} with these responses in turn; the last one repeats. */
    public synchronized ApiScript on(String method, String path, MockResponse... responses) {
        handlers.remove(method + " " + path);
        queues.put(method + " " + path, new ArrayDeque<>(List.of(responses)));
        return this;
    }

    public synchronized ApiScript handle(String method, String path, Function<RecordedRequest, MockResponse> handler) {
        queues.remove(method + " " + path);
        handlers.put(method + " " + path, handler);
        return this;
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public long count(String method, String path) {
        return count(r -> r.getMethod().equals(method) && path(r).equals(path));
    }

    public long count(Predicate<RecordedRequest> p) {
        return requests.stream().filter(p).count();
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
            return handler.apply(request);
        }
        return json(404, "{\"error\": \"no route for " + key + "\"}");
    }

    /**
     * A MockWebServer on 127.0.0.1 answering through {@code script}. Its sockets set TCP_NODELAY:
     * MockWebServer writes headers and body separately, and with Nagle on, every request after
     * the first on a kept-alive connection waits ~40 ms for the client's delayed ACK.
     */
    public static MockWebServer serve(ApiScript script) throws IOException {
        MockWebServer server = new MockWebServer();
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.setDispatcher(script);
        server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
        return server;
    }

    private static final class NoDelayServerSockets extends ServerSocketFactory {
        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new ServerSocket() {
                @Override
                public Socket accept() throws IOException {
                    Socket s = super.accept();
                    s.setTcpNoDelay(true);
                    return s;
                }
            };
        }

        @Override
        public ServerSocket createServerSocket(int port) {
            throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) {
            throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
            throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
        }
    }

    // ---- helpers -------------------------------------------------------------------------

    public static String path(RecordedRequest r) {
        return r.getUrl().encodedPath();
    }

    public static String bodyOf(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().utf8();
    }

    public static String bearer(RecordedRequest r) {
        String h = r.getHeaders().get("Authorization");
        return h == null ? "" : h;
    }

    public static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    public static MockResponse ok(String body) {
        return json(200, body);
    }

    public static MockResponse typed(int code, String contentType, String body) {
        MockResponse.Builder b = new MockResponse.Builder().code(code);
        if (contentType != null) {
            b.addHeader("Content-Type", contentType);
        }
        return b.body(body).build();
    }

    public static MockResponse tokenResponse(String accessToken) {
        return ok("{\"access_token\": \"" + accessToken + "\", \"expires_in\": 3600,"
                + " \"token_type\": \"Bearer\", \"scope\": \"credentials\"}");
    }
}
