package io.flanks.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.settings.Settings;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window opens at its saved size, or the default, but never larger than the screen's usable area. */
@ExtendWith(ApplicationExtension.class)
class WindowSizeTest {
    /** A 1366 x 768 laptop's usable area under a 40 px panel. */
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 728);
    private static final Rectangle2D BIG = new Rectangle2D(0, 0, 2560, 1400);

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        // the toolkit is all these tests need
    }

    @Test
    void theDefaultSizeFitsASmallLaptop() throws Exception {
        assertThat(sized(new Settings(dir), LAPTOP)).containsExactly(1366.0, 728.0, 900.0, 560.0);
        assertThat(sized(new Settings(dir), BIG)).as("a screen with room: the default").containsExactly(1400.0, 850.0, 900.0, 560.0);
    }

    @Test
    void aSizeSavedOnABiggerScreenIsCutToThisOne() throws Exception {
        Settings s = saved("2400", "1300");
        assertThat(sized(s, LAPTOP)).containsExactly(1366.0, 728.0, 900.0, 560.0);
        assertThat(sized(s, BIG)).as("where it fits, as saved").containsExactly(2400.0, 1300.0, 900.0, 560.0);
    }

    @Test
    void aScreenSmallerThanTheMinimumShrinksTheMinimumToo() throws Exception {
        assertThat(sized(new Settings(dir), new Rectangle2D(0, 0, 800, 500))).containsExactly(800.0, 500.0, 800.0, 500.0);
    }

    @Test
    void anUnusableSavedSizeGivesTheDefault() throws Exception {
        assertThat(sized(saved("NaN", "-3"), BIG)).containsExactly(1400.0, 850.0, 900.0, 560.0);
    }

    /** Settings with this saved window size, as a closed window leaves them. */
    private Settings saved(String width, String height) {
        Settings s = new Settings(dir);
        s.put("window.width", width);
        s.put("window.height", height);
        return s;
    }

    /** Width, height, minimum width and minimum height of a new stage sized as a start sizes the console's. */
    private static double[] sized(Settings settings, Rectangle2D screen) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = new Stage();
            ConsoleApp.size(stage, settings, screen);
            return new double[] {stage.getWidth(), stage.getHeight(), stage.getMinWidth(), stage.getMinHeight()};
        }).get(5, TimeUnit.SECONDS);
    }
}
