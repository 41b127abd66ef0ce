package io.flanks.console.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.api.Secrets;
import io.flanks.console.app.CrashHandler;
import io.flanks.console.app.Theme;
import io.flanks.console.common.I18n;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An uncaught error: one plain dialog with a copyable report (no secrets), and the console keeps running. */
@ExtendWith(ApplicationExtension.class)
class CrashHandlerTest {
    private Label alive;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        alive = new Label("before");
        I18n.use(Locale.ENGLISH);
        Theme.apply(false);
        stage.setScene(new Scene(new StackPane(alive), 400, 300));
        stage.setX(500);
        stage.setY(300);
        stage.show();
    }

    @Test
    void showsOneDialogAndKeepsRunning(FxRobot robot) throws Exception {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.UncaughtExceptionHandler fxPrevious = WaitForAsyncUtils.asyncFx(
                () -> Thread.currentThread().getUncaughtExceptionHandler()).get(5, TimeUnit.SECONDS);
        try {
            Secrets.register("secret-in-a-crash-123");
            WaitForAsyncUtils.asyncFx(() -> CrashHandler.install(() -> stage)).get(5, TimeUnit.SECONDS);
            // TestFX collects FX-thread exceptions to fail the test; this one is expected
            WaitForAsyncUtils.autoCheckException = false;
            for (int i = 0; i < 3; i++) {
                Platform.runLater(() -> {
                    throw new IllegalStateException("boom with secret-in-a-crash-123");
                });
            }
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#crashDialog").tryQuery().isPresent());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#crashDialog").queryAll()).hasSize(1); // not one per error
            Node dialog = robot.lookup("#crashDialog").query();
            assertThat(robot.from(dialog).lookup(".content").queryAs(Label.class).getText())
                    .isEqualTo(I18n.tr("crash.message"));
            TextArea report = robot.lookup("#crashReport").queryAs(TextArea.class);
            assertThat(report.getText()).contains("IllegalStateException").doesNotContain("secret-in-a-crash-123");

            robot.interact(() -> alive.setText("after")); // the FX thread still works
            assertThat(alive.getText()).isEqualTo("after");
        } finally {
            WaitForAsyncUtils.clearExceptions();
            WaitForAsyncUtils.autoCheckException = true;
            Thread.setDefaultUncaughtExceptionHandler(previous);
            WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().setUncaughtExceptionHandler(fxPrevious)).get(5, TimeUnit.SECONDS);
        }
    }
}
