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
 * {@code FIRSTFRAME <ms since JVM start>} at its first frame, then exits. With the argument
 * {@code table}, a bare window with a plain {@code TableView} instead (eight text columns, two
 * rows, JavaFX's own theme): what the toolkit's table costs a cold start before any of the
 * console's own work, as a reference beside the target.
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
        if (getParameters().getRaw().contains("table")) {
            stage.setScene(new Scene(table(), 1400, 850));
        } else {
            stage.setScene(new Scene(new Label("Hello"), 400, 200));
        }
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

    private static javafx.scene.control.TableView<String[]> table() {
        javafx.scene.control.TableView<String[]> table = new javafx.scene.control.TableView<>();
        for (int i = 0; i < 8; i++) {
            int column = i;
            javafx.scene.control.TableColumn<String[], String> c = new javafx.scene.control.TableColumn<>("Column " + i);
            c.setCellValueFactory(f -> new javafx.beans.property.SimpleStringProperty(f.getValue()[column]));
            table.getColumns().add(c);
        }
        String[] row = {"Healthy", "BBVA", "user-2224", "888082…e37e", "2025-11-07", "9 min ago", "2026-11-30", "0"};
        table.getItems().setAll(java.util.List.of(row, row.clone()));
        return table;
    }
    }
}
