package io.flanks.console.sandbox;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Requests seen per method and path, so tests can assert that a client did not re-send. */
final class RequestCounter {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

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
