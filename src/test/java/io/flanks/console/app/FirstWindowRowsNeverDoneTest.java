package io.flanks.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.sandbox.SandboxConfig;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first window's menus, header, status bar and detail pane wait for the table's first
 * screenful of rows, but not forever: a table that never finishes making them (no width to lay
 * them out in) still gets a complete window, and the load that waits for it still ends.
 */
@ExtendWith(ApplicationExtension.class)
class FirstWindowRowsNeverDoneTest {
    private TestHost.Opened opened;

    @Start
    void start(Stage stage) throws Exception {
        opened = TestHost.open(SandboxConfig.defaults(), 4, true);
        opened.window().tableMakingRows = () -> true;
        stage.setScene(new Scene(opened.window().root(), 1400, 850));
        FirstShow.load(stage, opened.credentials()).show(opened.window().whenDetailLaidOut());
    }

    @AfterEach
    void tearDown() throws Exception {
        opened.close();
    }

    @Test
    void theWindowCompletesAndTheLoadEndsAfterAWait() throws Exception {
        assertThat(opened.window().whenDetailLaidOut().toCompletableFuture().get(20, TimeUnit.SECONDS))
                .as("the window is complete").isNull();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !opened.credentials().loadingProperty().get()
                && opened.credentials().lastLoadedProperty().get() != null);
        assertThat(opened.credentials().totalCountProperty().get()).as("every row, past page 1").isEqualTo(300);
    }
}
