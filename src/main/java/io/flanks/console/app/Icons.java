package io.flanks.console.app;

import java.io.InputStream;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The window icon in every size we ship (from /icons in the jar, rendered from icons/). */
final class Icons {
    static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private Icons() {
    }

    static void apply(Stage stage) {
        for (int s : SIZES) {
            InputStream in = Icons.class.getResourceAsStream("/icons/app-" + s + ".png");
            if (in != null) {
                stage.getIcons().add(new Image(in));
            }
        }
    }
}
