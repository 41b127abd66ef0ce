package io.flanks.console.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The single handler in front of every route: counts the request, injects faults into API
 * calls, enforces the body limit, and turns anything a route throws into a JSON answer so
 * that no request can take the server down.
 */
final class Dispatcher implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String SANDBOX_PREFIX = "/sandbox/";

    /**
     * Routes at work at once, at most: all cores but one, shared with the console's own heavy
     * work when it runs in the console ({@link io.flanks.console.common.CpuGate}). Many requests
     * may wait out their latency together, but making pages is CPU work; sixteen at once on two
     * cores would starve the console sharing the machine (its UI thread gets a core's fraction
     * per runnable thread).
     */
    static final int WORKERS = io.flanks.console.common.CpuGate.AT_ONCE;
    private final Router router;
    private final Faults faults;
    private final RequestCounter counter;

    Dispatcher(Router router, Faults faults, RequestCounter counter) {
        this.router = router;
        this.faults = faults;
        this.counter = counter;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        counter.busy(RequestCounter.REQUESTS, true);
        try {
            counter.count(method, path);
            Reply reply;
            try {
                reply = reply(exchange, method, path);
            } catch (ApiError e) {
                reply = e.toReply();
            } catch (IOException e) {
                LOG.debug("Could not read {} {}: {}", method, path, e.toString());
                return;
            } catch (RuntimeException | Error e) {
                // a sandbox bug must cost one request, never the server
                LOG.error("Sandbox failed on {} {}", method, path, e);
                reply = Reply.INTERNAL_ERROR;
            }
            send(exchange, method, reply);
        } catch (IOException e) {
            LOG.debug("Could not answer {} {}: {}", method, path, e.toString());
        } catch (RuntimeException | Error e) {
            LOG.error("Sandbox failed answering {} {}", method, path, e);
        } finally {
            counter.busy(RequestCounter.REQUESTS, false);
            exchange.close();
        }
    }

    private Reply reply(HttpExchange exchange, String method, String path) throws IOException {
        if (!path.startsWith(SANDBOX_PREFIX)) {
            faults.delay();
            if (faults.shouldFail()) {
                return Reply.INTERNAL_ERROR;
            }
        }
        Router.Route route = router.resolve(method, path);
        byte[] body = readBody(exchange);
        io.flanks.console.common.CpuGate.enter();
        counter.busy(RequestCounter.ROUTES, true);
        try {
            return route.handle(new Request(method, path, exchange.getRequestHeaders(), body));
        } finally {
            counter.busy(RequestCounter.ROUTES, false);
            io.flanks.console.common.CpuGate.leave();
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new ApiError(413, "Request body too large");
            }
            return body;
        }
    }

    private static void send(HttpExchange exchange, String method, Reply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        for (Map.Entry<String, String> header : reply.headers().entrySet()) {
            exchange.getResponseHeaders().set(header.getKey(), header.getValue());
        }
        if ("HEAD".equals(method)) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(reply.status(), reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
        }
    }
}
