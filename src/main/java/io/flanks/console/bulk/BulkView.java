package io.flanks.console.bulk;

import io.flanks.console.common.Buttons;
import io.flanks.console.common.ErrorDialog;
import io.flanks.console.common.I18n;
import io.flanks.console.common.LazyTooltip;
import io.flanks.console.credentials.CredentialsViewModel;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The controls of "refresh selected" and "export view": status-bar buttons with their own
 * progress and cancel, menu items with shortcuts (Ctrl+Shift+F5, Ctrl+E), and the file chooser.
 * Presentation only; the work is in {@link BulkRefreshViewModel} and {@link ExportViewModel}.
 */
public final class BulkView {
    /** Where the last export went, for the next chooser (this session only). */
    private static volatile File lastDirectory;

    private final BulkRefreshViewModel refresh;
    private final ExportViewModel export;
    private final Button refreshButton = new Button();
    private final Button exportButton = new Button();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button();
    private final MenuItem refreshItem = new MenuItem();
    private final MenuItem exportItem = new MenuItem();
    private final MenuItem markSeenItem = new MenuItem();
    /** Asks where to write (owner window, suggested name); {@code null} when the person cancels. */
    private BiFunction<Window, String, File> chooser = BulkView::choose;

    public BulkView(CredentialsViewModel credentials, Clock clock) {
        this(new BulkRefreshViewModel(credentials), new ExportViewModel(credentials, clock), credentials);
    }

    public BulkView(BulkRefreshViewModel refresh, ExportViewModel export, CredentialsViewModel credentials) {
        this.refresh = refresh;
        this.export = export;

        refreshButton.setId("refreshSelected");
        refreshButton.setGraphic(new FontIcon("mdi2r-refresh"));
        refreshButton.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.tr("bulk.refresh.button", credentials.selectedRows().size()), credentials.selectedRows()));
        LazyTooltip.install(refreshButton, I18n.tr("bulk.refresh.tip"));
        refreshButton.disableProperty().bind(Bindings.not(refresh.canRefreshProperty()));
        refreshButton.setOnAction(e -> refreshSelected(credentials));
        refreshButton.getStyleClass().add("small");

        progress.setId("bulkProgress");
        progress.progressProperty().bind(refresh.progressProperty());
        progress.setPrefWidth(120);
        cancel.setId("cancelBulk");
        cancel.setText(I18n.tr("button.cancel"));
        cancel.getStyleClass().add("small");
        cancel.setOnAction(e -> refresh.cancel());
        for (Node n : List.of(progress, cancel)) {
            n.visibleProperty().bind(refresh.runningProperty());
            n.managedProperty().bind(n.visibleProperty());
        }

        exportButton.setId("exportView");
        exportButton.setText(I18n.tr("export.button"));
        exportButton.setGraphic(new FontIcon("mdi2f-file-delimited-outline"));
        LazyTooltip.install(exportButton, I18n.tr("export.tip"));
        exportButton.getStyleClass().add("small");
        exportButton.disableProperty().bind(export.runningProperty());
        exportButton.setOnAction(e -> exportView());

        refreshItem.setId("menuRefreshSelected");
        refreshItem.setText(I18n.tr("bulk.refresh.menu"));
        refreshItem.setGraphic(new FontIcon("mdi2r-refresh"));
        refreshItem.setAccelerator(new KeyCodeCombination(KeyCode.F5, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        refreshItem.disableProperty().bind(Bindings.not(refresh.canRefreshProperty()));
        refreshItem.setOnAction(e -> refreshSelected(credentials));

        exportItem.setId("menuExport");
        exportItem.setText(I18n.tr("export.menu"));
        exportItem.setGraphic(new FontIcon("mdi2f-file-delimited-outline"));
        exportItem.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        exportItem.disableProperty().bind(export.runningProperty());
        exportItem.setOnAction(e -> exportView());

        markSeenItem.setId("menuMarkAllSeen");
        markSeenItem.setText(I18n.tr("mark.allSeen"));
        markSeenItem.setGraphic(new FontIcon("mdi2e-eye-check-outline"));
        markSeenItem.setOnAction(e -> credentials.markAllSeen());

        export.errorProperty().addListener((o, a, m) -> {
            if (m != null && exportButton.getScene() != null) {
                ErrorDialog.show(exportButton.getScene().getWindow(), m);
            }
        });
    }

    /** For the status bar's right side: export, refresh selected, and that run's progress and cancel. */
    public List<Node> statusItems() {
        return List.of(exportButton, refreshButton, progress, cancel);
    }

    /** "Export view…" (Ctrl+E), for the File menu. */
    public MenuItem exportMenuItem() {
        return exportItem;
    }

    /** "Refresh selected" (Ctrl+Shift+F5) and "Mark all seen", for a menu. */
    public List<MenuItem> viewMenuItems() {
        return List.of(refreshItem, markSeenItem);
    }

    public BulkRefreshViewModel refreshViewModel() {
        return refresh;
    }

    public ExportViewModel exportViewModel() {
        return export;
    }

    /**
     * Refreshes the selected rows; from {@link BulkRefreshViewModel#ASK_FROM} of them, only once
     * the person confirms how many calls that sends (Enter confirms, Escape cancels).
     */
    private void refreshSelected(CredentialsViewModel credentials) {
        int n = credentials.selectedRows().size();
        if (BulkRefreshViewModel.asksFirst(n)) {
            Window owner = refreshButton.getScene() == null ? null : refreshButton.getScene().getWindow();
            if (!confirmRefresh(owner, n, refresh.concurrency()).showAndWait().filter(Boolean.TRUE::equals).isPresent()) {
                return;
            }
        }
        refresh.refreshSelected();
    }

    /** Builds (does not show) the question asked before refreshing {@code n} rows. */
    static Dialog<Boolean> confirmRefresh(Window owner, int n, int atOnce) {
        Dialog<Boolean> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle(I18n.tr("bulk.refresh.ask.title", n));
        d.setHeaderText(I18n.tr("bulk.refresh.ask.title", n));
        d.getDialogPane().setId("bulkRefreshDialog");
        d.getDialogPane().setPrefWidth(540);
        Label body = new Label(I18n.tr("bulk.refresh.ask.body", n, atOnce));
        body.setId("bulkRefreshBody");
        body.setWrapText(true);
        d.getDialogPane().setContent(body);
        ButtonType go = new ButtonType(I18n.tr("bulk.refresh.ask.confirm", n), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(go, Buttons.cancel());
        Button ok = (Button) d.getDialogPane().lookupButton(go);
        ok.setId("bulkRefreshConfirm");
        ok.setDefaultButton(true);
        d.setResultConverter(bt -> bt == go);
        return d;
    }

    /** Asks for a file, then exports the rows shown to it. */
    public void exportView() {
        Window owner = exportButton.getScene() == null ? null : exportButton.getScene().getWindow();
        File f = chooser.apply(owner, export.defaultFileName());
        if (f != null) {
            lastDirectory = f.getAbsoluteFile().getParentFile();
            Path p = f.toPath();
            if (!p.getFileName().toString().contains(".")) {
                p = p.resolveSibling(p.getFileName() + ".csv");
            }
            export.export(p);
        }
    }

    /** Tests put a chooser here that answers without a native dialog. */
    void setChooser(BiFunction<Window, String, File> chooser) {
        this.chooser = chooser;
    }

    private static File choose(Window owner, String suggested) {
        FileChooser fc = new FileChooser();
        fc.setTitle(I18n.tr("export.title"));
        fc.setInitialFileName(suggested);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.tr("export.filter"), "*.csv"));
        File dir = lastDirectory != null && lastDirectory.isDirectory() ? lastDirectory : new File(System.getProperty("user.home"));
        if (dir.isDirectory()) {
            fc.setInitialDirectory(dir);
        }
        return fc.showSaveDialog(owner);
    }
}
