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
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Dialogs in Spanish, the longer language: every label shows whole (none cut to "…") and the
 * buttons speak Spanish.
 */
@ExtendWith(ApplicationExtension.class)
class SpanishDialogsTest {
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
        assertThat(gridLabels(robot, pane)).hasSizeGreaterThan(20).allSatisfy(l -> assertThat(l[1]).as("shown whole").isEqualTo(l[0]));
        assertThat(robot.from(pane).lookup(".button").queryAllAs(Button.class)).extracting(Button::getText).containsExactly("Cerrar");
        robot.clickOn("Cerrar");
    }

    @Test
    void everyLinkTemplateNameShowsWholeInSpanish(FxRobot robot) throws Exception {
        io.flanks.console.settings.Settings settings = new io.flanks.console.settings.Settings(java.nio.file.Files.createTempDirectory("links"));
        javafx.application.Platform.runLater(() -> io.flanks.console.actions.LinkTemplatesDialog.show(owner,
                new io.flanks.console.actions.LinkTemplates(settings)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#linkTemplatesDialog").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Node pane = robot.lookup("#linkTemplatesDialog").query();
        assertThat(gridLabels(robot, pane)).hasSizeGreaterThanOrEqualTo(3).allSatisfy(l -> assertThat(l[1]).as("shown whole").isEqualTo(l[0]));
        assertThat(robot.from(pane).lookup(".button").queryAllAs(Button.class)).extracting(Button::getText)
                .containsExactlyInAnyOrder("Aceptar", "Cancelar");
        assertThat(((javafx.stage.Stage) pane.getScene().getWindow()).getTitle()).as("a title, not a menu item").doesNotEndWith("…");
        robot.clickOn("Cancelar");
    }

    /** {text, text as drawn} of the labels laid out in the dialog's grid (FX thread). */
    private static List<String[]> gridLabels(FxRobot robot, Node pane) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.from(pane).lookup(".label")
                .queryAllAs(Label.class).stream().filter(l -> l.getParent() instanceof javafx.scene.layout.GridPane).map(l -> new String[] {l.getText(), io.flanks.console.common.DrawnText.of(l)}).toList()).get(5, TimeUnit.SECONDS);
    }
}
