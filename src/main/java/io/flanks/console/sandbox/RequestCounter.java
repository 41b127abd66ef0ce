package io.flanks.console.sandbox;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests seen per method and path, so tests can assert that a client did not re-send; and
 * how many requests and routes were at work at once at most (the sandbox limits the latter).
 */
final class RequestCounter {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger[] now = {new java.util.concurrent.atomic.AtomicInteger(),
            new java.util.concurrent.atomic.AtomicInteger()};
    private final java.util.concurrent.atomic.AtomicInteger[] most = {new java.util.concurrent.atomic.AtomicInteger(),
            new java.util.concurrent.atomic.AtomicInteger()};
    static final int REQUESTS = 0;
    static final int ROUTES = 1;

    /** A request ({@link #REQUESTS}) or a route's work ({@link #ROUTES}) starts or ends. */
    void busy(int what, boolean start) {
        if (start) {
            most[what].accumulateAndGet(now[what].incrementAndGet(), Math::max);
        } else {
            now[what].decrementAndGet();
        }
    }

    int mostAtOnce(int what) {
        return most[what].get();
    }

    void count(String method, String path) {
        counts.computeIfAbsent(key(method, path), k -> new LongAdder()).increment();
    }

    long get(String method, String path) {
        LongAdder adder = counts.get(key(method, path));
        return adder == null ? 0 : adder.sum();
    }

    private static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + ' ' + path;
    }
}
