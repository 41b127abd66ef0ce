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
 * that very hover; a shared cell tooltip goes only to the cells that want it, with the text of
 * the cell the pointer is over.
 */
@ExtendWith(ApplicationExtension.class)
class LazyTooltipTest {
    private Button button;
    private Cell<String> wants;
    private Cell<String> doesNot;
    private final LazyTooltip.Shared shared = new LazyTooltip.Shared(item -> "whole " + item);
    private final javafx.beans.property.StringProperty meaning = new javafx.beans.property.SimpleStringProperty("Not started yet");
    private javafx.scene.control.Label name;
    private javafx.scene.control.Label state;

    @Start
    void start(Stage stage) {
        button = new Button("Refresh");
        wants = new Cell<>();
        doesNot = new Cell<>();
        LazyTooltip.install(button, "Refreshes the selected rows");
        for (Cell<String> c : java.util.List.of(wants, doesNot)) {
            c.setMinSize(120, 40); // a bare Cell is otherwise laid out 0 x 0 here
            shared.attach(c);
        }
        wants.setItem("tok-1");
        wants.setText("tok-1");
        shared.want(wants, true);
        doesNot.setItem("tok-2");
        doesNot.setText("tok-2");
        shared.want(doesNot, false);
        name = new javafx.scene.control.Label("Accounts");
        state = new javafx.scene.control.Label("Not started");
        LazyTooltip.installWrapping(meaning, name, state); // a matrix row: one explanation over its cells
        stage.setScene(new Scene(new HBox(40, button, wants, doesNot, name, state), 700, 100));
        stage.show();
    }

    /** A screen reader finds the tooltip's text as the control's help before anyone hovers it. */
    @Test
    void theTextIsTheControlsAccessibleHelpBeforeTheTooltipIsMade() throws Exception {
        Object[] seen = WaitForAsyncUtils.asyncFx(() -> new Object[] {button.getTooltip(),
                button.queryAccessibleAttribute(javafx.scene.AccessibleAttribute.HELP)}).get(5, TimeUnit.SECONDS);
        assertThat(seen[0]).as("no tooltip yet").isNull();
        assertThat(seen[1]).isEqualTo("Refreshes the selected rows");
    }

    @Test
    void aTooltipIsMadeOnTheFirstHoverAndShowsThenAndACellsOnlyIfItsItemWantsIt(FxRobot robot) throws Exception {
        assertThat(button.getTooltip()).isNull();
        robot.moveTo(button).moveBy(2, 1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> button.getTooltip() != null && button.getTooltip().isShowing());
        assertThat(button.getTooltip().getText()).isEqualTo("Refreshes the selected rows");
        leave(robot, button.getTooltip());

        // in the same window, as a person goes on to the table
        assertThat(wants.getTooltip()).isNull();
        robot.moveTo(doesNot);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(doesNot.getTooltip()).isNull();

        robot.moveTo(wants).moveBy(2, 1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> wants.getTooltip() != null && wants.getTooltip().isShowing());
        assertThat(wants.getTooltip().getText()).as("the text for the cell it shows over").isEqualTo("whole tok-1");
        leave(robot, wants.getTooltip());

        // once made, a cell that comes to want it has it at once, and one that stops loses it
        WaitForAsyncUtils.asyncFx(() -> {
            shared.want(doesNot, true);
            shared.want(wants, false);
        }).get(5, TimeUnit.SECONDS);
        assertThat(doesNot.getTooltip()).isSameAs(shared.tooltip());
        assertThat(wants.getTooltip()).isNull();
    }

    @Test
    void oneWrappingTooltipOverSeveralControlsFollowsItsTextAndIsMadeOnTheFirstHoverOfAny(FxRobot robot) throws Exception {
        assertThat(name.getTooltip()).isNull();
        assertThat(state.getTooltip()).isNull();
        WaitForAsyncUtils.asyncFx(() -> meaning.set("Started, not finished")).get(5, TimeUnit.SECONDS);
        assertThat(name.getAccessibleHelp()).as("help follows the text before any hover").isEqualTo("Started, not finished");
        assertThat(state.getAccessibleHelp()).isEqualTo("Started, not finished");

        robot.moveTo(state).moveBy(2, 1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> state.getTooltip() != null && state.getTooltip().isShowing());
        javafx.scene.control.Tooltip tip = state.getTooltip();
        assertThat(tip.getText()).isEqualTo("Started, not finished");
        assertThat(tip.isWrapText()).isTrue();
        assertThat(tip.getMaxWidth()).isEqualTo(LazyTooltip.WRAP_WIDTH);
        leave(robot, tip);
        robot.moveTo(name);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> name.getTooltip() != null);
        assertThat(name.getTooltip()).as("one tooltip for the row").isSameAs(tip);
        leave(robot, tip);
        WaitForAsyncUtils.asyncFx(() -> meaning.set("Finished")).get(5, TimeUnit.SECONDS);
        assertThat(tip.getText()).isEqualTo("Finished");
        assertThat(name.getAccessibleHelp()).isEqualTo("Finished");
    }

    /** Moves the pointer off the controls and waits for the tooltip to go, as it goes for a person. */
    private void leave(FxRobot robot, javafx.scene.control.Tooltip tip) throws Exception {
        javafx.geometry.Bounds b = button.getScene().getRoot().localToScreen(button.getScene().getRoot().getBoundsInLocal());
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + 20, b.getMaxY() - 5));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !tip.isShowing());
    }
}
