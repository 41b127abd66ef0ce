package io.flanks.console.api;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Capped exponential back-off with full jitter; the sleeper is swappable so tests never wait. */
public final class Backoff {

    /** How the client waits between tries. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public static final Sleeper REAL = d -> Thread.sleep(d.toMillis());

    private final Duration base;
    private final Duration cap;
    private final Sleeper sleeper;

    public Backoff(Duration base, Duration cap, Sleeper sleeper) {
        this.base = base;
        this.cap = cap;
        this.sleeper = sleeper;
    }

    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(300), Duration.ofSeconds(5), REAL);
    }

    /**
     * Waits before try number {@code nextTry} (2 = the first retry). A server's Retry-After wins
     * over the computed delay but is still capped, so a hostile header cannot freeze a load.
     */
    public void pause(int nextTry, long retryAfterSeconds) throws InterruptedException {
        Duration d;
        if (retryAfterSeconds >= 0) {
            d = Duration.ofSeconds(Math.min(retryAfterSeconds, cap.toSeconds()));
        } else {
            long max = Math.min(cap.toMillis(), base.toMillis() << Math.min(nextTry - 2, 10));
            d = Duration.ofMillis(max / 2 + ThreadLocalRandom.current().nextLong(max / 2 + 1));
        }
        sleeper.sleep(d);
    }
}
