package io.flanks.console.app;

import io.flanks.console.common.Buttons;
import io.flanks.console.common.I18n;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Small modal dialogs: shortcuts and about (errors: {@link io.flanks.console.common.ErrorDialog}). */
public final class Dialogs {

    /** Shortcut, description key: one table so the dialog and the README cannot drift far. */
    static final String[][] SHORTCUTS = {
            {"Ctrl+F", "shortcuts.search"},
            {"Enter", "shortcuts.searchEnter"},
            {"Escape", "shortcuts.clear"},
            {"F5", "shortcuts.refresh"},
            {"Ctrl+R", "shortcuts.reload"},
            {"Shift/Ctrl+click", "shortcuts.multiSelect"},
            {"Ctrl+Shift+F5", "shortcuts.refreshSelected"},
            {"Ctrl+E", "shortcuts.export"},
            {"Ctrl+Shift+S", "shortcuts.forceSca"},
            {"Ctrl+Shift+R", "shortcuts.forceReset"},
            {"Ctrl+Shift+T", "shortcuts.forceTransaction"},
            {"Delete", "shortcuts.delete"},
    };

    private Dialogs() {
    }

    public static void shortcuts(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        for (int i = 0; i < SHORTCUTS.length; i++) {
            Label key = new Label(SHORTCUTS[i][0]);
            key.getStyleClass().add("kbd");
            Label what = new Label(I18n.tr(SHORTCUTS[i][1]));
            // never shortened: the dialog is as wide as its longest line (it cut both in Spanish)
            key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            what.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.addRow(i, key, what);
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION, null, Buttons.close());
        a.initOwner(owner);
        a.setTitle(I18n.tr("shortcuts.title"));
        a.setHeaderText(I18n.tr("shortcuts.title"));
        a.getDialogPane().setContent(grid);
        a.getDialogPane().setId("shortcutsDialog");
        a.show();
    }

    public static void about(Window owner, Session session) {
        Alert a = new Alert(Alert.AlertType.INFORMATION,
                I18n.tr("about.text", Version.get(), session.label(), session.environment().baseUrl()), Buttons.close());
        a.initOwner(owner);
        a.setTitle(I18n.tr("menu.about"));
        a.setHeaderText(I18n.tr("app.title"));
        a.show();
    }
}
