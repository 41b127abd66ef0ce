package io.flanks.console.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/** The window icon in every size we ship (from /icons in the jar, rendered from icons/). */
final class Icons {
    static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private Icons() {
    }

    /** The icons, decoded; any thread once the toolkit runs. */
    static List<Image> load() {
        List<Image> icons = new ArrayList<>();
        for (int s : SIZES) {
            try (InputStream in = Icons.class.getResourceAsStream("/icons/app-" + s + ".png")) {
                if (in != null) {
                    icons.add(new Image(in));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return icons;
    }
}
