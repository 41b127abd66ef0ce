package io.flanks.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.common.I18n;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Help > Keyboard shortcuts in Spanish: every key and every line shows whole, and it closes with "Cerrar". */
@ExtendWith(ApplicationExtension.class)
class ShortcutsDialogTest {
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        I18n.use(Locale.forLanguageTag("es"));
        Theme.apply(false);
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @AfterEach
    void english() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void everyShortcutShowsWholeInSpanish(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Dialogs.shortcuts(owner)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Node pane = robot.lookup("#shortcutsDialog").query();
        List<String[]> lines = WaitForAsyncUtils.asyncFx(() -> robot.from(pane).lookup(".label")
                .queryAllAs(Label.class).stream().filter(l -> l.getParent() instanceof javafx.scene.layout.GridPane).map(l -> {
                    Node t = l.lookup(".text");
                    return new String[] {l.getText(), t instanceof Text text ? text.getText() : null};
                }).toList()).get(5, TimeUnit.SECONDS);
        assertThat(lines).hasSizeGreaterThan(20).allSatisfy(l -> assertThat(l[1]).as("shown whole").isEqualTo(l[0]));
        assertThat(robot.from(pane).lookup(".button").queryAllAs(Button.class)).extracting(Button::getText).containsExactly("Cerrar");
        robot.clickOn("Cerrar");
    }
}
