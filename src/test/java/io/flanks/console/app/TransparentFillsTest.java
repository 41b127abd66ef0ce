package io.flanks.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.sandbox.SandboxConfig;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * No large part of the main window has a background of transparent fills alone. The software
 * renderer fills a transparent fill pixel by pixel like any other: the theme's transparent split
 * pane, under the table and the detail pane, was a fifth of its work in every frame that changed
 * rows; the detail pane's scroll pane and its viewport, two more passes over the pane whenever it
 * changed. Those regions have no fill at all instead (app.css).
 */
@ExtendWith(ApplicationExtension.class)
class TransparentFillsTest {
    /** The share of the window a region must cover to count: the row-sized ones are left alone. */
    private static final double LARGE = 0.02;
    private TestHost.Opened opened;

    @Start
    void start(Stage stage) throws Exception {
        opened = TestHost.open(SandboxConfig.defaults(), 4, false);
        stage.setScene(new Scene(opened.window().root(), 1400, 850));
        stage.getScene().getStylesheets().add(getClass().getResource("/css/app.css").toExternalForm());
        stage.show();
        opened.credentials().reload();
    }

    @AfterEach
    void tearDown() throws Exception {
        opened.close();
    }

    @Test
    void noLargeRegionPaintsOnlyTransparentFills() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> opened.credentials().selectedProperty().get() != null);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> opened.window().detailView().root().getScene() != null);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> transparent = WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = opened.window().root().getScene();
            double window = scene.getWidth() * scene.getHeight();
            List<String> found = new ArrayList<>();
            int regions = 0;
            ArrayDeque<Node> todo = new ArrayDeque<>(List.of(scene.getRoot()));
            while (!todo.isEmpty()) {
                Node n = todo.poll();
                if (!n.isVisible()) {
                    continue;
                }
                if (n instanceof Region r && r.getWidth() * r.getHeight() >= LARGE * window) {
                    regions++;
                    if (onlyTransparent(r.getBackground())) {
                        found.add(r + " " + Math.round(r.getWidth()) + "x" + Math.round(r.getHeight()));
                    }
                }
                if (n instanceof Parent p) {
                    todo.addAll(p.getChildrenUnmodifiable());
                }
            }
            assertThat(regions).as("large regions looked at: the table, the detail pane, ...").isGreaterThan(10);
            return found;
        }).get(10, TimeUnit.SECONDS);

        assertThat(transparent).as("large regions whose fills are all transparent").isEmpty();
    }

    private static boolean onlyTransparent(Background background) {
        return background != null && !background.getFills().isEmpty() && background.getFills().stream()
                .allMatch(f -> f.getFill() instanceof Color c && c.getOpacity() == 0);
    }
}
