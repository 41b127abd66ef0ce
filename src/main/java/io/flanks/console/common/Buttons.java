package io.flanks.console.common;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/**
 * Dialog buttons in the console's language. JavaFX's own {@code ButtonType.OK}, {@code CANCEL}
 * and {@code CLOSE} speak the language of the machine, not the one chosen in the console (a
 * Spanish window said "Cancel" and "Close"). Each call makes a new button type: a dialog is
 * asked about the very instance it was given.
 */
public final class Buttons {

    private Buttons() {
    }

    public static ButtonType ok() {
        return new ButtonType(I18n.tr("button.ok"), ButtonBar.ButtonData.OK_DONE);
    }

    public static ButtonType cancel() {
        return new ButtonType(I18n.tr("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    public static ButtonType close() {
        return new ButtonType(I18n.tr("button.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }
}
