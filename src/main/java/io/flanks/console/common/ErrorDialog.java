package io.flanks.console.common;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** One plain sentence, the details expandable and copyable; never a bare stack trace. */
public final class ErrorDialog {

    private ErrorDialog() {
    }

    public static Alert show(Window owner, ErrorMessages.Message m) {
        Alert a = new Alert(Alert.AlertType.ERROR, m.summary(), Buttons.close());
        a.initOwner(owner);
        a.setHeaderText(null);
        a.getDialogPane().setId("errorDialog");
        if (!m.details().isBlank()) {
            TextArea details = new TextArea(m.details());
            details.setEditable(false);
            details.setWrapText(true);
            details.getStyleClass().add("mono");
            a.getDialogPane().setExpandableContent(details);
        }
        a.show();
        return a;
    }
}
