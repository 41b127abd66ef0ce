package io.flanks.console.sandbox;

import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Latency and error injection, changeable while the server runs. */
final class Faults {

    private static final Logger LOG = LoggerFactory.getLogger(Faults.class);

    static final int MAX_LATENCY_MS = 600_000;

    private volatile int latencyMs;
    private volatile double errorRate;

    Faults(int latencyMs, double errorRate) {
        setLatencyMs(latencyMs);
        setErrorRate(errorRate);
    }

    static void checkLatency(int ms) {
        if (ms < 0 || ms > MAX_LATENCY_MS) {
            throw new IllegalArgumentException("latency must be between 0 and " + MAX_LATENCY_MS + " ms, got " + ms);
        }
    }

    static void checkErrorRate(double rate) {
        // written this way round so NaN fails too
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException("error rate must be between 0.0 and 1.0, got " + rate);
        }
    }

    int latencyMs() {
        return latencyMs;
    }

    double errorRate() {
        return errorRate;
    }

    void setLatencyMs(int ms) {
        checkLatency(ms);
        latencyMs = ms;
    }

    void setErrorRate(double rate) {
        checkErrorRate(rate);
        errorRate = rate;
    }

    /** Sleeps in the handler thread, as a slow upstream would hold the connection. */
    void delay() {
        int ms = latencyMs;
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            // the server is closing: answer at once
            Thread.currentThread().interrupt();
            LOG.debug("Latency sleep interrupted");
        }
    }

    boolean shouldFail() {
        double rate = errorRate;
        return rate > 0.0 && ThreadLocalRandom.current().nextDouble() < rate;
    }
}
