package io.flanks.console.actions;

import io.flanks.console.common.Buttons;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.CredentialRow;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/** The confirmations: plain words first, the dangerous button never where a hurried Enter lands. */
public final class ActionDialogs {

    private ActionDialogs() {
    }

    /** Builds (does not show) the confirmation of a force. Enter confirms, Escape cancels. */
    public static Dialog<Boolean> force(Window owner, ActionKind kind, ActionsViewModel.Confirmation c) {
        Dialog<Boolean> d = base(owner, c.title(), "forceDialog");
        Label target = new Label(c.target());
        target.setId("confirmTarget");
        target.getStyleClass().add("confirm-target");
        target.setWrapText(true);
        Label body = new Label(c.body());
        body.setId("confirmBody");
        body.setWrapText(true);
        VBox box = new VBox(10, target, body);
        ButtonType confirm = new ButtonType(I18n.tr(kind.key() + ".confirm"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(confirm, Buttons.cancel());
        Button ok = (Button) d.getDialogPane().lookupButton(confirm);
        ok.setId("confirmButton");
        ok.setDefaultButton(true);
        if (c.alreadyOpen() != null) {
            // a flow of this kind is open already: a new one is allowed, but only deliberately
            Label warn = new Label(c.alreadyOpen(), new FontIcon("mdi2a-alert"));
            warn.setId("confirmAlreadyOpen");
            warn.setWrapText(true);
            warn.getStyleClass().add("confirm-warning");
            CheckBox again = new CheckBox(I18n.tr("action.openAgain"));
            again.setId("confirmAgain");
            ok.disableProperty().bind(again.selectedProperty().not());
            Platform.runLater(again::requestFocus);
            box.getChildren().addAll(0, java.util.List.of(warn, again));
        }
        d.getDialogPane().setContent(box);
        d.setResultConverter(bt -> bt == confirm);
        return d;
    }

    /** Builds the delete confirmation: danger-styled, enabled only after typing the token's last 6 characters. */
    public static Dialog<Boolean> delete(Window owner, CredentialRow row, ActionsViewModel.Confirmation c) {
        Dialog<Boolean> d = base(owner, c.title(), "deleteDialog");
        d.getDialogPane().getStyleClass().add("danger-dialog");
        d.setGraphic(new FontIcon("mdi2d-delete-forever"));
        Label target = new Label(c.target());
        target.setId("confirmTarget");
        target.getStyleClass().add("confirm-target");
        target.setWrapText(true);
        Label body = new Label(c.body());
        body.setId("confirmBody");
        body.setWrapText(true);
        String tail = row.token().substring(Math.max(0, row.token().length() - 6));
        Label prompt = new Label(I18n.tr("action.delete.type", tail));
        prompt.setWrapText(true);
        TextField typed = new TextField();
        typed.setId("deleteTyped");
        typed.setPromptText(I18n.tr("action.delete.typePrompt"));
        typed.getStyleClass().add("mono");
        VBox box = new VBox(10, target, body, prompt, typed);
        d.getDialogPane().setContent(box);
        ButtonType confirm = new ButtonType(I18n.tr("action.delete.confirm"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(Buttons.cancel(), confirm);
        Button ok = (Button) d.getDialogPane().lookupButton(confirm);
        ok.setId("confirmButton");
        ok.getStyleClass().add("danger");
        ok.setDefaultButton(true); // only ever enabled after the token's tail is typed
        ok.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !ActionsViewModel.deleteUnlocked(row, typed.getText()), typed.textProperty()));
        Platform.runLater(typed::requestFocus);
        d.setResultConverter(bt -> bt == confirm);
        return d;
    }

    /** Shows a built end-user link for checking, with a copy button. */
    public static Dialog<Void> link(Window owner, String url) {
        Dialog<Void> d = base(owner, I18n.tr("link.title"), "linkDialog");
        TextField field = new TextField(url);
        field.setId("linkUrl");
        field.setEditable(false);
        field.getStyleClass().add("mono");
        field.setPrefColumnCount(50);
        Label note = new Label(I18n.tr("link.check"));
        note.setWrapText(true);
        ButtonType copy = new ButtonType(I18n.tr("link.copy"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(copy, Buttons.close());
        d.getDialogPane().setContent(new VBox(10, note, field));
        d.setResultConverter(bt -> {
            if (bt == copy) {
                ClipboardContent cc = new ClipboardContent();
                cc.putString(url);
                Clipboard.getSystemClipboard().setContent(cc);
            }
            return null;
        });
        return d;
    }

    private static <T> Dialog<T> base(Window owner, String title, String id) {
        Dialog<T> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(title);
        d.getDialogPane().setId(id);
        d.getDialogPane().setPadding(new Insets(4));
        d.getDialogPane().setPrefWidth(540);
        return d;
    }
}
