package io.flanks.console.audit;

import io.flanks.console.common.Background;
import io.flanks.console.common.Formats;
import io.flanks.console.common.I18n;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** "Audit log": every force and delete, newest first, filterable by token and action. */
public final class AuditWindow {
    static final String ALL = "*";

    private final Stage stage = new Stage();
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<AuditEntry> filtered = new FilteredList<>(entries);
    private final TextField token = new TextField();
    private final ComboBox<String> action = new ComboBox<>();
    private final TableView<AuditEntry> table = new TableView<>(filtered);

    public AuditWindow(Window owner, AuditLog log, Background background, List<String> stylesheets) {
        stage.initOwner(owner);
        stage.setTitle(I18n.tr("audit.title"));
        token.setId("auditToken");
        token.setPromptText(I18n.tr("audit.filterToken"));
        token.setPrefColumnCount(24);
        action.setId("auditAction");
        action.getItems().setAll(ALL, "force_sca", "force_reset", "force_transaction", "delete");
        action.setValue(ALL);
        action.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String s) {
                return ALL.equals(s) ? I18n.tr("audit.allActions") : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        token.textProperty().addListener((o, a, b) -> refilter());
        action.valueProperty().addListener((o, a, b) -> refilter());

        table.setId("auditTable");
        table.setPlaceholder(new Label(I18n.tr("audit.empty")));
        // the widths fit the window's 1200 px with every header whole in English and Spanish (none
        // is the default 80, which JavaFX would shrink to the content); the time is shown whole,
        // a token by its two ends (the end is what people compare)
        TableColumn<AuditEntry, String> tokenCol = col("audit.col.token", AuditEntry::credentialsToken, 215);
        var plainCells = tokenCol.getCellFactory(); // JavaFX's default cell, shortened in the middle
        tokenCol.setCellFactory(c -> {
            javafx.scene.control.TableCell<AuditEntry, String> cell = plainCells.call(c);
            cell.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
            return cell;
        });
        table.getColumns().setAll(List.of(
                col("audit.col.time", e -> Formats.utc(e.time()), 185),
                col("audit.col.action", AuditEntry::action, 110),
                col("audit.col.outcome", e -> e.outcome() + (e.message() == null ? "" : ": " + e.message()), 130),
                tokenCol,
                col("audit.col.bank", AuditEntry::bank, 90),
                col("audit.col.external", AuditEntry::externalId, 110),
                col("audit.col.flowToken", AuditEntry::flowToken, 140),
                col("audit.col.user", AuditEntry::osUser, 85),
                col("audit.col.environment", e -> e.environment() + " " + e.baseUrl(), 120)));

        HBox filters = new HBox(10, token, action);
        filters.setPadding(new Insets(8));
        BorderPane root = new BorderPane(table, filters, null, null, null);
        root.setId("auditWindow");
        Scene scene = new Scene(root, 1200, 520);
        scene.getStylesheets().setAll(stylesheets);
        stage.setScene(scene);
        background.submit("read audit log", job -> log.readAll(), list -> {
            entries.setAll(list);
            entries.sort(Comparator.comparing(AuditEntry::time).reversed());
        }, e -> table.setPlaceholder(new Label(I18n.tr("audit.readFailed"))));
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
    }

    private void refilter() {
        String t = token.getText() == null ? "" : token.getText().trim().toLowerCase(Locale.ROOT);
        String a = action.getValue();
        filtered.setPredicate(e -> (t.isEmpty() || (e.credentialsToken() != null
                && e.credentialsToken().toLowerCase(Locale.ROOT).contains(t)))
                && (a == null || ALL.equals(a) || a.equals(e.action())));
    }

    private static TableColumn<AuditEntry, String> col(String key, Function<AuditEntry, String> f, double w) {
        TableColumn<AuditEntry, String> c = new TableColumn<>(I18n.tr(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setPrefWidth(w);
        return c;
    }
}
