package io.flanks.console.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JavaFX {@link Task}s on one bounded, named executor; callbacks on the FX thread. */
public final class FxBackground implements Background, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FxBackground.class);

    private final ExecutorService executor;

    public FxBackground(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor ex = BackgroundPriority.pool(threads, 30, TimeUnit.SECONDS, r -> {
            Thread t = new Thread(r, "console-bg-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ex.allowCoreThreadTimeOut(true);
        this.executor = ex;
    }

    @Override
    public <T> Job submit(String name, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        TaskJob<T> task = new TaskJob<>(work);
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> {
            Throwable t = task.getException();
            LOG.debug("Background work '{}' failed: {}", name, String.valueOf(t));
            onFailure.accept(t);
        });
        executor.execute(task);
        return task;
    }

    @Override
    public void ui(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    @Override
    public void uiLater(Runnable r) {
        Platform.runLater(r);
    }

    @Override
    public void uiAfter(java.time.Duration delay, Runnable r) {
        ui(() -> {
            javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
            wait.setOnFinished(e -> r.run());
            wait.play();
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static final class TaskJob<T> extends Task<T> implements Job {
        private final Work<T> work;

        TaskJob(Work<T> work) {
            this.work = work;
        }

        @Override
        protected T call() throws Exception {
            return work.call(this);
        }
    }
}
