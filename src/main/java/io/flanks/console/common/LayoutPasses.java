package io.flanks.console.common;

import java.util.function.BooleanSupplier;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;

/** Work tied to the layout passes of the scene a node is in. FX thread only. */
public final class LayoutPasses {
    private LayoutPasses() {
    }

    /**
     * Runs {@code then} once, inside the first layout pass of {@code node}'s scene (whichever scene
     * it is in by then) after which {@code ready} holds; {@code ready} is asked after every pass
     * until then.
     */
    public static void afterLayoutWhen(Node node, BooleanSupplier ready, Runnable then) {
        Runnable[] check = new Runnable[1];
        ChangeListener<Scene> follow = (o, old, scene) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(check[0]);
            }
            if (scene != null) {
                scene.addPostLayoutPulseListener(check[0]);
            }
        };
        check[0] = () -> {
            if (ready.getAsBoolean()) {
                node.getScene().removePostLayoutPulseListener(check[0]);
                node.sceneProperty().removeListener(follow);
                then.run();
            }
        };
        node.sceneProperty().addListener(follow);
        follow.changed(node.sceneProperty(), null, node.getScene());
    }
}
