package io.flanks.console.app;

import io.flanks.console.credentials.CredentialsViewModel;
import io.flanks.console.detail.DetailViewModel;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.function.IntConsumer;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.util.Duration;

/**
 * {@code --smoke-test}: watches the real window until the table shows rows, then a screenful of
 * them, and the detail pane shows the first row's matrices, then prints one SMOKE line and exits 0; prints why and
 * exits 1 after 60 s (or at once when the load failed with nothing to show).
 */
public final class SmokeMonitor {
    static final Duration LIMIT = Duration.seconds(60);

    private final Scene scene;
    private final CredentialsViewModel credentials;
    private final DetailViewModel detail;
    private final String environment;
    private final PrintStream out;
    private final IntConsumer exit;
    private final java.util.function.BooleanSupplier tableStillMakingRows;
    private long firstRowsMs = -1;
    private long firstScreenMs = -1;
    private boolean done;

    /**
     * {@code tableStillMakingRows}: whether the table still makes the rest of a screenful of
     * rows, a few a frame ({@code CredentialsView.stillMakingRows}).
     */
    public SmokeMonitor(Scene scene, CredentialsViewModel credentials, DetailViewModel detail,
                        java.util.function.BooleanSupplier tableStillMakingRows,
                        String environment, PrintStream out, IntConsumer exit) {
        this.scene = scene;
        this.tableStillMakingRows = tableStillMakingRows;
        this.credentials = credentials;
        this.detail = detail;
        this.environment = environment;
        this.out = out;
        this.exit = exit;
    }

    /** Milliseconds since the JVM started. */
    public static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    public void start() {
        // checked once per frame: what counts is what has been drawn, not what was added
        AnimationTimer frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                check(this);
            }
        };
        frames.start();
        PauseTransition limit = new PauseTransition(LIMIT);
        limit.setOnFinished(e -> fail("no rows and detail within " + (long) LIMIT.toSeconds() + " s; status: "
                + credentials.statusMessageProperty().get(), frames));
        limit.play();
    }

    private void check(AnimationTimer frames) {
        if (done) {
            return;
        }
        if (firstRowsMs < 0 && tableShowsRows()) {
            firstRowsMs = sinceJvmStart();
            StartupTrace.mark("first rows drawn");
        }
        if (firstRowsMs >= 0 && firstScreenMs < 0 && !tableStillMakingRows.getAsBoolean()) {
            firstScreenMs = sinceJvmStart();
            StartupTrace.mark("first screen of rows drawn");
        }
        if (!credentials.loadingProperty().get() && credentials.errorProperty().get() != null
                && credentials.totalCountProperty().get() == 0) {
            fail("the load failed: " + credentials.errorProperty().get().summary()
                    + " | " + credentials.errorProperty().get().details().replace('\n', ' '), frames);
            return;
        }
        boolean allLoaded = !credentials.loadingProperty().get() && credentials.lastLoadedProperty().get() != null;
        if (firstScreenMs >= 0 && allLoaded && detailShowsMatrices()) {
            done = true;
            frames.stop();
            out.printf("SMOKE {\"rows\": %d, \"firstRowsMs\": %d, \"firstScreenMs\": %d, \"allRowsMs\": %d, \"environment\": \"%s\"}%n",
                    credentials.totalCountProperty().get(), firstRowsMs, firstScreenMs, sinceJvmStart(),
                    environment.replace("\"", "'"));
            out.flush();
            exit.accept(0);
        }
    }

    private boolean tableShowsRows() {
        // a TableRow with an item is a row actually laid out on screen
        return scene.getRoot().lookupAll(".table-row-cell").stream()
                .anyMatch(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getItem() != null && r.isVisible());
    }

    private boolean detailShowsMatrices() {
        Node cell = scene.lookup("#product-auth-state");
        return detail.hasSelectionProperty().get() && cell instanceof Labeled l && l.getText() != null
                && !l.getText().isBlank() && cell.isVisible();
    }

    private void fail(String why, AnimationTimer frames) {
        if (done) {
            return;
        }
        done = true;
        frames.stop();
        out.println("SMOKE FAILED: " + why);
        out.flush();
        exit.accept(1);
    }
}
