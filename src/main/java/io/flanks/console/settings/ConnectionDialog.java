package io.flanks.console.settings;

import io.flanks.console.api.Environment;
import io.flanks.console.api.FlanksClient;
import io.flanks.console.app.CommandLine;
import io.flanks.console.common.Background;
import io.flanks.console.common.Buttons;
import io.flanks.console.common.ErrorMessages;
import io.flanks.console.common.I18n;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Chooses the environment: the built-in sandbox, or a Flanks API with id and secret and a
 * "Test connection" that fetches a token off the FX thread and says plainly what happened.
 */
public final class ConnectionDialog {

    /** The person's choice: {@code environment == null} means the built-in sandbox. */
    public record Choice(Environment environment) {
        public boolean sandbox() {
            return environment == null;
        }
    }

    private ConnectionDialog() {
    }

    public static Optional<Choice> show(Window owner, Settings settings, Background background, String secretInMemory) {
        return show(owner, settings, background, secretInMemory, new SecretStore.MemoryStore());
    }

    public static Optional<Choice> show(Window owner, Settings settings, Background background, String secretInMemory,
                                        SecretStore store) {
        Dialog<Choice> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(I18n.tr("conn.title"));
        d.setHeaderText(I18n.tr("conn.title"));
        d.getDialogPane().setId("connectionDialog");

        ToggleGroup g = new ToggleGroup();
        RadioButton sandbox = new RadioButton(I18n.tr("conn.sandbox"));
        sandbox.setId("connSandbox");
        RadioButton api = new RadioButton(I18n.tr("conn.api"));
        api.setId("connApi");
        sandbox.setToggleGroup(g);
        api.setToggleGroup(g);
        boolean wasApi = "api".equals(settings.get("env.kind", "sandbox"));
        (wasApi ? api : sandbox).setSelected(true);

        TextField url = new TextField(settings.get("env.url", Environment.PRODUCTION_URL));
        url.setId("connUrl");
        TextField id = new TextField(settings.get("env.clientId", ""));
        id.setId("connClientId");
        PasswordField secret = new PasswordField();
        secret.setId("connSecret");
        if (secretInMemory != null) {
            secret.setText(secretInMemory);
        } else if (!id.getText().isBlank()) {
            store.load(SecretStore.account(url.getText().trim(), id.getText().trim())).ifPresent(secret::setText);
        }
        Label note = new Label(I18n.tr(store.descriptionKey()));
        note.setId("connSecretNote");
        note.setWrapText(true);
        note.getStyleClass().add("muted");
        Label result = new Label();
        result.setId("connResult");
        result.setWrapText(true);
        Button test = new Button(I18n.tr("conn.test"));
        test.setId("connTest");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, fieldLabel("conn.baseUrl"), url);
        grid.addRow(1, fieldLabel("conn.clientId"), id);
        grid.addRow(2, fieldLabel("conn.clientSecret"), secret);
        grid.add(note, 1, 3);
        grid.add(test, 1, 4);
        grid.add(result, 1, 5);
        url.setPrefColumnCount(30);
        grid.disableProperty().bind(sandbox.selectedProperty());
        VBox box = new VBox(10, sandbox, api, grid);
        box.setPadding(new Insets(10));
        box.setPrefWidth(560);
        d.getDialogPane().setContent(box);

        ButtonType connect = new ButtonType(I18n.tr("conn.apply"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(connect, Buttons.cancel());

        test.setOnAction(e -> {
            String problem = validate(url.getText(), id.getText(), secret.getText());
            if (problem != null) {
                result.setText(problem);
                return;
            }
            test.setDisable(true);
            result.setText(I18n.tr("conn.testing"));
            Environment env = new Environment(null, url.getText().trim(), id.getText().trim(), secret.getText());
            background.submit("test connection", job -> {
                try (FlanksClient c = new FlanksClient(env)) {
                    c.testConnection();
                    return Boolean.TRUE;
                }
            }, ok -> {
                test.setDisable(false);
                result.setText(I18n.tr("conn.testOk"));
            }, err -> {
                test.setDisable(false);
                result.setText(I18n.tr("conn.testFailed", ErrorMessages.of(err).summary()));
            });
        });

        Button ok = (Button) d.getDialogPane().lookupButton(connect);
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (api.isSelected()) {
                String problem = validate(url.getText(), id.getText(), secret.getText());
                if (problem != null) {
                    result.setText(problem);
                    e.consume();
                }
            }
        });
        d.setResultConverter(bt -> {
            if (bt != connect) {
                return null;
            }
            if (sandbox.isSelected()) {
                settings.put("env.kind", "sandbox");
                settings.save();
                return new Choice(null);
            }
            store.save(SecretStore.account(url.getText().trim(), id.getText().trim()), secret.getText());
            settings.put("env.kind", "api");
            settings.put("env.url", url.getText().trim());
            settings.put("env.clientId", id.getText().trim());
            settings.save();
            return new Choice(new Environment(null, url.getText().trim(), id.getText().trim(), secret.getText()));
        });
        return d.showAndWait();
    }

    /** A plain sentence when the fields cannot work, else {@code null}. */
    static String validate(String url, String id, String secret) {
        try {
            CommandLine.validateUrl(url == null ? "" : url.trim());
        } catch (CommandLine.UsageException e) {
            return I18n.tr("conn.invalidUrl");
        }
        if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
            return I18n.tr("conn.missing");
        }
        return null;
    }

    /** A field's name, never shortened: the fields give way instead (it was cut to "…" in Spanish). */
    private static Label fieldLabel(String key) {
        Label l = new Label(I18n.tr(key));
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }
}
