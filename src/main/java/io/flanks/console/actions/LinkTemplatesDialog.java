package io.flanks.console.actions;

import io.flanks.console.api.ForceKind;
import io.flanks.console.common.Buttons;
import io.flanks.console.common.I18n;
import java.util.EnumMap;
import java.util.Map;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Settings for the optional end-user URL templates, one per flow. */
public final class LinkTemplatesDialog {

    private LinkTemplatesDialog() {
    }

    public static void show(Window owner, LinkTemplates links) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(I18n.tr("link.settings.title"));
        d.setHeaderText(I18n.tr("link.settings.title"));
        d.getDialogPane().setId("linkTemplatesDialog");
        Label help = new Label(I18n.tr("link.settings.help"));
        help.setWrapText(true);
        Label problem = new Label();
        problem.setId("linkProblem");
        problem.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        Map<ForceKind, TextField> fields = new EnumMap<>(ForceKind.class);
        int row = 0;
        for (ForceKind k : ForceKind.values()) {
            TextField f = new TextField(links.template(k) == null ? "" : links.template(k));
            f.setId("linkTemplate-" + k.wire());
            f.setPrefColumnCount(48);
            f.setPromptText("https://…{" + k.tokenField() + "}");
            Label name = new Label(I18n.tr("link.for." + k.wire()));
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never cut to "…" (it was, in Spanish)
            grid.addRow(row++, name, f);
            fields.put(k, f);
        }
        VBox box = new VBox(10, help, grid, problem);
        box.setPrefWidth(640);
        d.getDialogPane().setContent(box);
        ButtonType save = Buttons.ok();
        d.getDialogPane().getButtonTypes().setAll(save, Buttons.cancel());
        Button ok = (Button) d.getDialogPane().lookupButton(save);
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            for (TextField f : fields.values()) {
                String key = LinkTemplates.validate(f.getText());
                if (key != null) {
                    problem.setText(I18n.tr(key));
                    e.consume();
                    return;
                }
            }
        });
        d.showAndWait().filter(save::equals)
                .ifPresent(b -> fields.forEach((k, f) -> links.setTemplate(k, f.getText())));
    }
}
