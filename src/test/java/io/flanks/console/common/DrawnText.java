package io.flanks.console.common;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/** For window tests: what a labeled really draws, which JavaFX shortens with "…" when it does not fit. */
public final class DrawnText {

    private DrawnText() {
    }

    /** The drawn text of {@code l} (FX thread, after layout); null when it draws none. */
    public static String of(Labeled l) {
        Node text = l.lookup(".text");
        return text instanceof Text t ? t.getText() : null;
    }
}
