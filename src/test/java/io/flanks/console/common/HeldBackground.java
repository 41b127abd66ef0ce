package io.flanks.console.common;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * For view-model tests: background work runs at once on the caller's thread, as with
 * {@link Background#direct()}, but what is queued for later on the UI thread ({@link #uiLater})
 * and what waits for a delay ({@link #uiAfter}) is held until the test runs it, as if that
 * frame had come or that time had passed.
 */
public final class HeldBackground implements Background {
    private final Background direct = Background.direct();
    private final Deque<Runnable> later = new ArrayDeque<>();
    private final List<Runnable> afterDelay = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();

    @Override
    public <T> Job submit(String name, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        return direct.submit(name, work, onSuccess, onFailure);
    }

    @Override
    public void ui(Runnable r) {
        r.run();
    }

    @Override
    public void uiLater(Runnable r) {
        later.add(r);
    }

    @Override
    public void uiAfter(Duration delay, Runnable r) {
        delays.add(delay);
        afterDelay.add(r);
    }

    /** How many {@link #uiLater} runnables wait. */
    public int queued() {
        return later.size();
    }

    /** Runs the oldest {@link #uiLater} runnable. */
    public void runOne() {
        later.remove().run();
    }

    /** The delays asked for so far, in order. */
    public List<Duration> delays() {
        return List.copyOf(delays);
    }

    /** Runs what waited for a delay, in order, as if the time had passed. */
    public void runDelayed() {
        List<Runnable> due = new ArrayList<>(afterDelay);
        afterDelay.clear();
        due.forEach(Runnable::run);
    }
}
