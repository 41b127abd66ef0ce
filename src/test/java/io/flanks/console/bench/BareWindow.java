package io.flanks.console.bench;

import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The baseline for start-up: a bare JavaFX window with one Label. Prints
 * {@code FIRSTFRAME <ms since JVM start>} at its first frame, then exits.
 */
public final class BareWindow {

    public static void main(String[] args) {
        // launched through a plain main, as the console is, so the class path works
        Application.launch(App.class, args);
    }

    /** The window itself. */
    public static final class App extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("Hello"), 400, 200));
        stage.show();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("FIRSTFRAME " + ms);
                System.out.flush();
                Platform.exit();
            }
        }.start();
    }
    }
}
