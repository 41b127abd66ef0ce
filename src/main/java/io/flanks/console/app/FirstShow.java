package io.flanks.console.app;

import io.flanks.console.credentials.CredentialsViewModel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * How the console's first window meets its rows. The load starts before the window is built,
 * so page 1 arrives while it is; the rest of the pages are asked for once the window is up and
 * complete (its detail pane built and laid out, in the frames after the first rows). A big
 * account's hundreds of pages would otherwise take both cores while the window is built and
 * first laid out: opened on 100,000 credentials (2 cores, a cold JVM) the window was up after
 * 4.6-4.8 s, against 1.4-2.1 s held until the show (eight runs). Held until the detail pane is
 * laid out too, the longest frame gap after the show was a median of 320 ms (249-414) against
 * 544 ms (289-817) held only until the show, with twice the frames (130 against 69) and the
 * whole load 4% longer (5.1 against 4.9 s); medians of eight alternating runs each.
 * Later windows (a language or environment change) load at once.
 */
public final class FirstShow {
    private final CompletableFuture<Void> windowUp = new CompletableFuture<>();
    private final Stage stage;

    private FirstShow(Stage stage) {
        this.stage = stage;
    }

    /**
     * Starts {@code credentials}' load for a window about to be shown on {@code stage}: held
     * after page 1 until {@link #show} if the stage is not showing yet.
     */
    public static FirstShow load(Stage stage, CredentialsViewModel credentials) {
        FirstShow first = new FirstShow(stage);
        if (stage.isShowing()) {
            first.windowUp.complete(null);
        } else {
            credentials.holdRestOfNextLoadUntil(first.windowUp);
        }
        credentials.reload();
        return first;
    }

    /**
     * Shows the stage if it is not showing, queued behind the pages already on hand (prefetched
     * at start-up): its first layout and frame then have the rows instead of an empty table.
     * The rest of the load goes once {@code complete} is done (or failed).
     */
    public void show(CompletionStage<?> complete) {
        if (stage.isShowing()) {
            return;
        }
        Platform.runLater(() -> {
            StartupTrace.mark("before show");
            stage.show();
            StartupTrace.mark("shown");
            complete.whenComplete((done, failed) -> windowUp.complete(null));
        });
    }
}
