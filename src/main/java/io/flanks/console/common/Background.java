package io.flanks.console.common;

import java.util.function.Consumer;

/**
 * How view-models run work off the FX thread and come back to it. The console uses
 * {@link FxBackground} (JavaFX Tasks on one bounded executor); view-model tests use
 * {@link #direct()}, which runs everything at once on the calling thread and needs no toolkit.
 */
public interface Background {

    /** Work that may check {@link Job#isCancelled()}. */
    @FunctionalInterface
    interface Work<T> {
        T call(Job job) throws Exception;
    }

    /** A handle on submitted work. */
    interface Job {
        boolean cancel();

        boolean isCancelled();
    }

    /**
     * Runs {@code work} in the background; exactly one of the callbacks then runs on the UI
     * thread, unless the job was cancelled first (then neither runs).
     */
    <T> Job submit(String name, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code r} on the UI thread (later, when called from elsewhere). */
    void ui(Runnable r);

    /**
     * Runs {@code r} on the UI thread after what is already queued there, even when called on
     * it: frames waiting meanwhile come first. {@link #direct()} runs it at once.
     */
    default void uiLater(Runnable r) {
        ui(r);
    }

    /**
     * Runs {@code r} on the UI thread once {@code delay} has passed (called on the UI thread).
     * {@link #direct()} runs it at once.
     */
    default void uiAfter(java.time.Duration delay, Runnable r) {
        ui(r);
    }

    /** Everything inline on the caller's thread: for tests without a toolkit. */
    static Background direct() {
        return new Background() {
            @Override
            public <T> Job submit(String name, Work<T> work, Consumer<? super T> onSuccess,
                                  Consumer<Throwable> onFailure) {
                SimpleJob job = new SimpleJob();
                T result;
                try {
                    result = work.call(job);
                } catch (Exception e) {
                    if (!job.isCancelled()) {
                        onFailure.accept(e);
                    }
                    return job;
                }
                if (!job.isCancelled()) {
                    onSuccess.accept(result);
                }
                return job;
            }

            @Override
            public void ui(Runnable r) {
                r.run();
            }
        };
    }

    /** A job that is only a cancelled flag. */
    class SimpleJob implements Job {
        private volatile boolean cancelled;

        @Override
        public boolean cancel() {
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
