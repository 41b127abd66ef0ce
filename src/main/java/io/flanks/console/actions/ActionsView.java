package io.flanks.console.actions;

import io.flanks.console.api.ForceKind;
import io.flanks.console.common.ErrorDialog;
import io.flanks.console.common.ErrorMessages;
import io.flanks.console.common.Formats;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.CredentialRow;
import io.flanks.console.credentials.CredentialsViewModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Buttons (detail pane), context menu (table), shortcuts and dialogs for force and delete.
 * Every path ends in {@link ActionsViewModel#execute}, which refuses a second request for a
 * credential already in flight.
 */
public final class ActionsView {
    private final ActionsViewModel vm;
    private final CredentialsViewModel credentials;
    private final Supplier<Window> owner;
    private final Map<ActionKind, Button> buttons = new EnumMap<>(ActionKind.class);
    private final MenuButton linkMenu = new MenuButton();
    /** Called with every outcome after it is reported (tests wait on it). */
    private Consumer<ActionsViewModel.Outcome> outcomeListener = o -> { };

    public ActionsView(ActionsViewModel vm, CredentialsViewModel credentials, Supplier<Window> owner) {
        this.vm = vm;
        this.credentials = credentials;
        this.owner = owner;
        for (ActionKind k : ActionKind.values()) {
            Button b = new Button(I18n.tr(k.key() + ".button"), new FontIcon(k.icon()));
            b.setId("action-" + k.auditName());
            b.disableProperty().bind(vm.canActProperty().not());
            b.visibleProperty().bind(vm.readOnlyProperty().not());
            b.managedProperty().bind(b.visibleProperty());
            b.setOnAction(e -> run(k));
            b.setFocusTraversable(true);
            if (k.isDelete()) {
                b.getStyleClass().addAll("danger", "delete-button");
            }
            buttons.put(k, b);
        }
        linkMenu.setId("endUserLinks");
        linkMenu.setText(I18n.tr("link.menu"));
        linkMenu.setGraphic(new FontIcon("mdi2l-link-variant"));
        linkMenu.setOnShowing(e -> rebuildLinks());
        linkMenu.visibleProperty().bind(Bindings.createBooleanBinding(this::anyLink,
                credentials.selectedProperty(), statusOfSelected()));
        linkMenu.managedProperty().bind(linkMenu.visibleProperty());
    }

    private javafx.beans.value.ObservableValue<?> statusOfSelected() {
        return Bindings.select(credentials.selectedProperty(), "status");
    }

    public Button button(ActionKind k) {
        return buttons.get(k);
    }

    public void setOutcomeListener(Consumer<ActionsViewModel.Outcome> l) {
        this.outcomeListener = l;
    }

    /** The force buttons and the link menu for the detail pane's action bar. */
    public List<Node> forceControls() {
        List<Node> out = new ArrayList<>();
        out.add(buttons.get(ActionKind.FORCE_SCA));
        out.add(buttons.get(ActionKind.FORCE_RESET));
        out.add(buttons.get(ActionKind.FORCE_TRANSACTION));
        out.add(linkMenu);
        return out;
    }

    /** Delete, for the pane's separate danger zone. */
    public Button deleteButton() {
        return buttons.get(ActionKind.DELETE);
    }

    /** Context menu on the table and the keyboard: Ctrl+Shift+S/R/T anywhere, Delete in the table. */
    public void install(TableView<CredentialRow> table, Scene scene) {
        ContextMenu menu = new ContextMenu();
        for (ActionKind k : ActionKind.values()) {
            if (k.isDelete()) {
                menu.getItems().add(new SeparatorMenuItem());
            }
            MenuItem item = new MenuItem(I18n.tr(k.key() + ".button"), new FontIcon(k.icon()));
            item.setId("menu-" + k.auditName());
            item.disableProperty().bind(vm.canActProperty().not());
            item.visibleProperty().bind(vm.readOnlyProperty().not());
            item.setOnAction(e -> run(k));
            menu.getItems().add(item);
        }
        table.setContextMenu(menu);
        table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DELETE && !e.isShortcutDown()) {
                run(ActionKind.DELETE);
                e.consume();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> run(ActionKind.FORCE_SCA));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> run(ActionKind.FORCE_RESET));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> run(ActionKind.FORCE_TRANSACTION));
    }

    /** Confirms, then runs {@code kind} on the selected credential. */
    public void run(ActionKind kind) {
        CredentialRow row = credentials.selectedProperty().get();
        if (row == null || !vm.canActProperty().get()) {
            return;
        }
        ActionsViewModel.Confirmation c = vm.confirmation(kind, row);
        Dialog<Boolean> d = kind.isDelete() ? ActionDialogs.delete(owner.get(), row, c)
                : ActionDialogs.force(owner.get(), kind, c);
        d.showAndWait().filter(Boolean.TRUE::equals).ifPresent(ok -> vm.execute(kind, row, this::report));
    }

    private void report(ActionsViewModel.Outcome o) {
        if (o.ok()) {
            notifySuccess(o);
        } else {
            ErrorDialog.show(owner.get(), new ErrorMessages.Message(
                    I18n.tr("action.failed", I18n.tr(o.kind().key() + ".button")) + " " + o.error().summary(),
                    o.error().details()));
        }
        if (o.auditFailed()) {
            ErrorDialog.show(owner.get(), new ErrorMessages.Message(I18n.tr("audit.writeFailed"), ""));
        }
        outcomeListener.accept(o);
    }

    private void notifySuccess(ActionsViewModel.Outcome o) {
        String who = o.row().externalId() == null ? Formats.shortToken(o.row().token()) : o.row().externalId();
        VBox content = new VBox(6);
        content.setId("actionNotification");
        if (o.kind().isDelete()) {
            content.getChildren().add(new Label(I18n.tr("action.delete.done", who)));
        } else {
            content.getChildren().add(new Label(I18n.tr(o.kind().key() + ".done", who)));
            Label token = new Label(o.flowToken());
            token.setId("notifiedToken");
            token.getStyleClass().add("mono");
            Button copy = new Button(I18n.tr("action.copyToken"), new FontIcon("mdi2c-content-copy"));
            copy.setId("copyNotifiedToken");
            copy.setOnAction(e -> copy(o.flowToken()));
            HBox row = new HBox(8, token, copy);
            row.setAlignment(Pos.CENTER_LEFT);
            content.getChildren().add(row);
            if (o.endUserLink() != null) {
                Button link = new Button(I18n.tr("link.copyEndUser"), new FontIcon("mdi2l-link-variant"));
                link.setId("notifiedLink");
                link.setOnAction(e -> ActionDialogs.link(owner.get(), o.endUserLink()).show());
                content.getChildren().add(link);
            }
        }
        Notifications.create().owner(owner.get()).title(I18n.tr(o.kind().key() + ".title"))
                .graphic(content).hideAfter(Duration.seconds(20)).position(Pos.BOTTOM_LEFT) /* never over the action strip */.show();
    }

    private static void copy(String s) {
        ClipboardContent cc = new ClipboardContent();
        cc.putString(s);
        Clipboard.getSystemClipboard().setContent(cc);
    }

    private boolean anyLink() {
        CredentialRow r = credentials.selectedProperty().get();
        for (ForceKind k : ForceKind.values()) {
            if (vm.endUserLink(k, r) != null) {
                return true;
            }
        }
        return false;
    }

    private void rebuildLinks() {
        linkMenu.getItems().clear();
        CredentialRow r = credentials.selectedProperty().get();
        for (ForceKind k : ForceKind.values()) {
            String url = vm.endUserLink(k, r);
            if (url != null) {
                MenuItem item = new MenuItem(I18n.tr("link.for." + k.wire()));
                item.setOnAction(e -> ActionDialogs.link(owner.get(), url).show());
                linkMenu.getItems().add(item);
            }
        }
    }
}
