package io.flanks.console.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Cell;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A lazy tooltip does not exist before the pointer first enters its control, and then shows on
 * that very hover; a shared cell tooltip goes only to the cells that want it.
 */
@ExtendWith(ApplicationExtension.class)
class LazyTooltipTest {
    private Button button;
    private Cell<String> wants;
    private Cell<String> doesNot;
    private final LazyTooltip.Shared shared = new LazyTooltip.Shared(item -> "whole " + item);

    @Start
    void start(Stage stage) {
        button = new Button("Refresh");
        wants = new Cell<>();
        doesNot = new Cell<>();
        LazyTooltip.install(button, "Refreshes the selected rows");
        for (Cell<String> c : java.util.List.of(wants, doesNot)) {
            c.setPrefSize(120, 40);
            shared.attach(c);
        }
        wants.setItem("tok-1");
        wants.setText("tok-1");
        shared.want(wants, true);
        doesNot.setItem("tok-2");
        doesNot.setText("tok-2");
        shared.want(doesNot, false);
        stage.setScene(new Scene(new HBox(40, button, wants, doesNot), 500, 100));
        stage.show();
    }

    @Test
    void aControlsTooltipIsMadeOnItsFirstHoverAndShowsThen(FxRobot robot) throws Exception {
        assertThat(button.getTooltip()).isNull();
        robot.moveTo(button).moveBy(2, 1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> button.getTooltip() != null && button.getTooltip().isShowing());
        assertThat(button.getTooltip().getText()).isEqualTo("Refreshes the selected rows");
    }

    @Test
    void aSharedTooltipGoesOnlyToCellsThatWantIt(FxRobot robot) throws Exception {
        assertThat(wants.getTooltip()).isNull();
        robot.moveTo(doesNot);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(doesNot.getTooltip()).isNull();

        robot.moveTo(wants);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wants.getTooltip()).isNotNull();
        String shown = WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.control.Tooltip tip = wants.getTooltip();
            javafx.geometry.Point2D at = wants.localToScreen(0, 0);
            tip.show(wants, at.getX(), at.getY());
            String text = tip.getText();
            tip.hide();
            return text;
        }).get(5, TimeUnit.SECONDS);
        assertThat(shown).as("the text for the cell it shows over").isEqualTo("whole tok-1");

        // once made, a cell that comes to want it has it at once, and one that stops loses it
        WaitForAsyncUtils.asyncFx(() -> {
            shared.want(doesNot, true);
            shared.want(wants, false);
        }).get(5, TimeUnit.SECONDS);
        assertThat(doesNot.getTooltip()).isSameAs(shared.tooltip());
        assertThat(wants.getTooltip()).isNull();
    }
}
