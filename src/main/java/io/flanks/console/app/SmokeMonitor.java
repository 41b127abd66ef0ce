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
    private long firstRowsMs = -1;
    private long firstScreenMs = -1;
    private boolean done;

    public SmokeMonitor(Scene scene, CredentialsViewModel credentials, DetailViewModel detail,
                        String environment, PrintStream out, IntConsumer exit) {
        this.scene = scene;
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
        if (firstRowsMs >= 0 && firstScreenMs < 0 && tableScreenFull()) {
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

    /**
     * The table's first screen is drawn: as many rows as its viewport holds (or all of them,
     * when fewer) are laid out, not only the first few the table makes in the first frame.
     */
    private boolean tableScreenFull() {
        if (!(scene.lookup("#credentialsTable") instanceof javafx.scene.control.TableView<?> table)
                || !(table.lookup(".column-header-background") instanceof javafx.scene.layout.Region header)
                || table.getFixedCellSize() <= 0) {
            return false;
        }
        long drawn = table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getItem() != null && r.isVisible())
                .count();
        // the table's own height, not its flow's: the flow takes less while it makes its first rows;
        // one row less in case a horizontal scroll bar takes its place
        double rowsArea = table.getHeight() - table.snappedTopInset() - table.snappedBottomInset() - header.getHeight();
        long fit = Math.max(1, (long) Math.floor(rowsArea / table.getFixedCellSize()) - 1);
        return drawn >= Math.min(fit, table.getItems().size());
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
