package io.flanks.console.credentials;

import io.flanks.console.api.CredentialStatus;
import io.flanks.console.common.Formats;
import io.flanks.console.common.I18n;
import io.flanks.console.common.LazyTooltip;
import io.flanks.console.settings.Settings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The credentials table, its search field, quick-filter chips and bank filter. Binds to a
 * {@link CredentialsViewModel}; holds no logic beyond presentation.
 */
public final class CredentialsView {
    private final CredentialsViewModel vm;
    private final Clock clock;
    private final TableView<CredentialRow> table = new TableView<>() {
        @Override
        protected javafx.scene.control.Skin<?> createDefaultSkin() {
            return new RestyleOnChangeTableSkin(this); // a reused row is styled again only where its look can change
        }
    };
    private final CustomTextField search = (CustomTextField) TextFields.createClearableTextField();
    private final HBox chips = new HBox();
    /** The chips themselves: they wrap to a second line rather than clip (Spanish, narrow windows). */
    private final FlowPane chipFlow = new FlowPane(3, 4);
    private final MenuButton banks = new MenuButton();
    private final ToggleGroup chipGroup = new ToggleGroup();
    private final ToggleButton autoRefresh = new ToggleButton();
    private final Button markAllSeen = new Button();
    private Timeline autoRefreshTimer;

    public CredentialsView(CredentialsViewModel vm, Clock clock) {
        this.vm = vm;
        this.clock = clock;
        buildSearch();
        buildChips();
        buildBanks();
        buildTable();
        buildAutoRefresh();
        vm.deferFirstSelectionWith(this::afterNextFrame);
    }

    /**
     * Runs {@code r} once the table's window has drawn its next frame (from the event queue, so
     * after that pulse), or at once while the table is on no window that is showing: the first
     * window selects before its first show, as its detail pane comes frames later anyway.
     */
    private void afterNextFrame(Runnable r) {
        javafx.scene.Scene scene = table.getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            r.run();
            return;
        }
        io.flanks.console.common.LayoutPasses.afterLayoutWhen(table, () -> true, () -> javafx.application.Platform.runLater(r));
        javafx.application.Platform.requestNextPulse();
    }

    public TableView<CredentialRow> table() {
        return table;
    }

    /** The table shows its first rows and is still making the rest of a screenful, a few a frame. */
    public boolean stillMakingRows() {
        return table.getSkin() instanceof RestyleOnChangeTableSkin s && s.stillMakingRows();
    }

    public TextField search() {
        return search;
    }

    public HBox chips() {
        return chips;
    }

    public MenuButton banks() {
        return banks;
    }

    /** The header's "Auto-refresh: off / 60 s" toggle. */
    public ToggleButton autoRefresh() {
        return autoRefresh;
    }

    /**
     * Ctrl+F lands here. Asked before the search field is in the window (the first window draws
     * its first rows with the table alone; the quick filters come once a screenful of rows is in), it is
     * focused as soon as it is there: a Ctrl+F pressed at once is not lost.
     */
    public void focusSearch() {
        if (search.getScene() != null) {
            search.requestFocus();
            search.selectAll();
        } else if (!searchFocusAsked) {
            searchFocusAsked = true;
            search.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o,
                                    javafx.scene.Scene old, javafx.scene.Scene scene) {
                    if (scene != null) {
                        search.sceneProperty().removeListener(this);
                        searchFocusAsked = false;
                        focusSearch();
                    }
                }
            });
        }
    }

    /** Ctrl+F was pressed before the search field was in the window. */
    private boolean searchFocusAsked;

    // ---- search --------------------------------------------------------------------------

    private void buildSearch() {
        search.setId("search");
        search.setPromptText(I18n.tr("search.prompt"));
        search.setLeft(new FontIcon("mdi2m-magnify"));
        search.setPrefWidth(360);
        search.setMinWidth(220);
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (!table.getItems().isEmpty()) {
                    table.getSelectionModel().clearAndSelect(0);
                    table.scrollTo(0);
                    table.requestFocus();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
                e.consume();
            }
        });
    }

    // ---- quick filters -------------------------------------------------------------------

    private void buildChips() {
        chips.setId("chips");
        chips.setAlignment(Pos.CENTER_LEFT);
        chipFlow.setId("chipFlow");
        chipFlow.setAlignment(Pos.CENTER_LEFT);
        chipFlow.setPrefWrapLength(400); // only a fallback: the flow takes the width it is given
        HBox.setHgrow(chipFlow, Priority.ALWAYS);
        chips.getChildren().add(chipFlow);
        ToggleButton all = chip("chip-all", null, null);
        all.textProperty().bind(Bindings.format("%s %d", I18n.tr("filter.all"), vm.matchingCountProperty()));
        chipFlow.getChildren().add(all);
        for (Health h : Health.values()) {
            ToggleButton b = chip("chip-" + h.name().toLowerCase(java.util.Locale.ROOT), h, HealthCells.icon(h));
            b.textProperty().bind(Bindings.format("%s %d", I18n.tr(h.key()), vm.countProperty(h)));
            b.getStyleClass().add(h.styleClass());
            chipFlow.getChildren().add(b);
        }
        for (RowMark m : RowMark.values()) {
            FontIcon icon = new FontIcon(m.icon());
            icon.getStyleClass().addAll("mark-icon", m.styleClass());
            ToggleButton b = chip("chip-" + m.name().toLowerCase(java.util.Locale.ROOT), m, icon);
            b.textProperty().bind(Bindings.format("%s %d", I18n.tr(m.key()), vm.markCountProperty(m)));
            LazyTooltip.install(b, I18n.tr(m.key() + ".tip"));
            b.getStyleClass().add("mark-chip");
            if (m == RowMark.values()[0]) {
                FlowPane.setMargin(b, new javafx.geometry.Insets(0, 0, 0, 10)); // marks apart from health classes
            }
            chipFlow.getChildren().add(b);
        }
        markAllSeen.setId("markAllSeen");
        // icon only: the chip row is full in Spanish; the tooltip and the View menu say it in words
        markAllSeen.setGraphic(new FontIcon("mdi2e-eye-check-outline"));
        markAllSeen.setAccessibleText(I18n.tr("mark.allSeen"));
        LazyTooltip.install(markAllSeen, I18n.tr("mark.allSeen") + ": " + I18n.tr("mark.allSeen.tip"));
        markAllSeen.getStyleClass().addAll("small", "flat", "mark-all-seen");
        markAllSeen.setFocusTraversable(false);
        markAllSeen.setOnAction(e -> vm.markAllSeen());
        markAllSeen.visibleProperty().bind(vm.markCountProperty(RowMark.CHANGED).greaterThan(0));
        markAllSeen.managedProperty().bind(markAllSeen.visibleProperty());
        chipFlow.getChildren().add(markAllSeen);

        all.setSelected(true);
        // exactly one chip is always on: clicking the active one keeps it
        chipGroup.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                chipGroup.selectToggle(old);
            } else if (now.getUserData() instanceof RowMark m) {
                vm.markFilterProperty().set(m);
            } else if (now.getUserData() instanceof Health h) {
                vm.healthFilterProperty().set(h);
            } else {
                vm.healthFilterProperty().set(null);
                vm.markFilterProperty().set(null);
            }
        });
        vm.healthFilterProperty().addListener((o, a, h) -> syncChip());
        vm.markFilterProperty().addListener((o, a, m) -> syncChip());
    }

    /** Selects the chip of whatever filter the view-model has (it may be set from elsewhere). */
    private void syncChip() {
        Object want = vm.markFilterProperty().get() != null ? vm.markFilterProperty().get() : vm.healthFilterProperty().get();
        chipFlow.getChildren().stream().filter(ToggleButton.class::isInstance).map(ToggleButton.class::cast)
                .filter(t -> t.getUserData() == want).findFirst().ifPresent(t -> t.setSelected(true));
    }

    private ToggleButton chip(String id, Object filter, FontIcon icon) {
        ToggleButton b = new ToggleButton(null, icon);
        b.setId(id);
        b.setUserData(filter);
        b.setToggleGroup(chipGroup);
        b.getStyleClass().add("chip");
        b.setFocusTraversable(false);
        return b;
    }

    // ---- bank filter ---------------------------------------------------------------------

    private void buildBanks() {
        banks.setId("bankFilter");
        banks.setGraphic(new FontIcon("mdi2b-bank"));
        banks.textProperty().bind(Bindings.createStringBinding(() -> vm.bankFilter().isEmpty()
                ? I18n.tr("banks.all") : I18n.tr("banks.some", vm.bankFilter().size()), vm.bankFilter()));
        vm.bankIds().addListener((ListChangeListener<String>) c -> rebuildBankItems());
        vm.bankFilter().addListener((javafx.collections.SetChangeListener<String>) c -> banks.getItems().stream()
                .filter(CheckMenuItem.class::isInstance).map(CheckMenuItem.class::cast)
                .forEach(i -> i.setSelected(vm.bankFilter().contains((String) i.getUserData()))));
        rebuildBankItems();
    }

    private void rebuildBankItems() {
        List<MenuItem> items = new ArrayList<>();
        MenuItem clear = new MenuItem(I18n.tr("banks.clear"));
        clear.setOnAction(e -> vm.bankFilter().clear());
        items.add(clear);
        items.add(new SeparatorMenuItem());
        for (String id : vm.bankIds()) {
            String name = vm.bankName(id);
            CheckMenuItem item = new CheckMenuItem(name.equals(id) ? id : name + "  (" + id + ")");
            item.setUserData(id);
            item.setSelected(vm.bankFilter().contains(id));
            item.selectedProperty().addListener((o, a, on) -> {
                if (on) {
                    vm.bankFilter().add(id);
                } else {
                    vm.bankFilter().remove(id);
                }
            });
            items.add(item);
        }
        banks.getItems().setAll(items);
    }

    // ---- table ---------------------------------------------------------------------------

    private void buildTable() {
        table.setId("credentialsTable");
        // a replacement (search, filter, sort) may put other rows at every index: the selection
        // is put back from the view-model afterwards, and the table's own reaction in between
        // (dropping or shifting selected indices) must not reach the view-model
        vm.shownRows().addListener((ListChangeListener<CredentialRow>) c -> {
            if (TableRows.isReplacement(c)) {
                resyncing = true;
            }
        });
        // rows selected by the thousand cost JavaFX's own selection model time in proportion
        // to their square; this one is a bit set (see RowSelectionModel)
        table.setSelectionModel(new RowSelectionModel<>(table));
        table.setItems(vm.shownRows());
        vm.shownRows().addListener((ListChangeListener<CredentialRow>) c -> {
            if (TableRows.isReplacement(c)) {
                restoreSelection();
            }
        });
        // the view-model sorts (once per change, not per cell): a header click hands it the
        // sort order as one comparator over rows, never one that reads cell values; the current
        // row, if in view, stays where it was in the window: the eye need not look for it
        table.setSortPolicy(t -> {
            CredentialRow current = table.getSelectionModel().getSelectedItem();
            int place = current == null || !(table.getSkin() instanceof RestyleOnChangeTableSkin s)
                    ? -1 : s.placeInView(table.getSelectionModel().getSelectedIndex());
            vm.comparatorProperty().set(rowComparator(t.getSortOrder()));
            if (place >= 0) {
                vm.whenOrdered(() -> keepInPlace(current, place));
            }
            return true;
        });
        // one height for every row: the table need not measure rows to size its scroll bar
        table.setFixedCellSize(ROW_HEIGHT);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setRowFactory(t -> new MarkedRow(vm));
        table.setTableMenuButtonVisible(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(I18n.tr("table.empty")));
        vm.totalCountProperty().addListener((o, a, n) -> updatePlaceholder());
        vm.shownCountProperty().addListener((o, a, n) -> updatePlaceholder());

        TableColumn<CredentialRow, HealthMark> health = new TableColumn<>(I18n.tr("col.health"));
        health.setId("col-health");
        health.setCellValueFactory(c -> {
            CredentialRow r = c.getValue();
            return Bindings.createObjectBinding(() -> new HealthMark(r.health(), r.isChanged()),
                    r.healthProperty(), r.changedProperty());
        });
        LazyTooltip.Shared changedTip = new LazyTooltip.Shared(v -> I18n.tr("mark.changed.cell"));
        health.setCellFactory(c -> new HealthCell(changedTip));
        sortBy(health, Comparator.comparingInt(r -> r.health().ordinal()));
        health.setPrefWidth(160);

        TableColumn<CredentialRow, String> bank = textColumn("col-bank", "col.bank", r -> r.bankNameProperty(), 125);
        TableColumn<CredentialRow, ExternalId> ext = new TableColumn<>(I18n.tr("col.externalId"));
        ext.setId("col-external");
        ext.setCellValueFactory(c -> {
            CredentialRow r = c.getValue();
            return Bindings.createObjectBinding(() -> new ExternalId(r.externalId(), r.duplicates()),
                    r.externalIdProperty(), r.duplicatesProperty());
        });
        LazyTooltip.Shared duplicateTip = new LazyTooltip.Shared(v -> I18n.tr("mark.duplicate.cell", ((ExternalId) v).duplicates()));
        ext.setCellFactory(c -> new ExternalIdCell(duplicateTip));
        sortBy(ext, CredentialRow::compareExternalIds); // ignoring case, unknown last
        ext.setPrefWidth(120); // room for the duplicate marker

        TableColumn<CredentialRow, String> token = new TableColumn<>(I18n.tr("col.token"));
        token.setId("col-token");
        token.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().token()));
        LazyTooltip.Shared tokenTip = new LazyTooltip.Shared(String::valueOf);
        token.setCellFactory(c -> new TokenCell(tokenTip));
        token.setPrefWidth(100);
        sortBy(token, Comparator.comparing(CredentialRow::token));

        TableColumn<CredentialRow, CredentialStatus> created = instantColumn("col-created", "col.created", CredentialStatus::createdAt, false);
        TableColumn<CredentialRow, CredentialStatus> updated = instantColumn("col-updated", "col.updated",
                CredentialStatus::lastUpdateInstant, true);

        TableColumn<CredentialRow, CredentialStatus> lastTx = statusColumn("col-lastTx", "col.lastTransaction");
        lastTx.setCellFactory(c -> new StatusCell() {
            @Override
            protected void show(CredentialStatus s) {
                LocalDate d = s == null ? null : s.lastTransactionDate();
                setText(d == null ? null : d.toString());
            }
        });
        lastTx.setPrefWidth(88);
        sortBy(lastTx, Comparator.comparing(CredentialRow::lastTransactionDate, Comparator.nullsFirst(Comparator.naturalOrder())));

        TableColumn<CredentialRow, CredentialStatus> errored = statusColumn("col-errored", "col.errored");
        errored.setCellFactory(c -> new StatusCell() {
            {
                setAlignment(Pos.CENTER_RIGHT);
            }

            @Override
            protected void show(CredentialStatus s) {
                int n = CredentialRow.erroredCount(s);
                setText(n < 0 ? "?" : String.valueOf(n));
            }
        });
        errored.setPrefWidth(62);
        errored.setMinWidth(62); // the header word whole, in both languages ("Errors", "Err.")
        sortBy(errored, Comparator.comparingInt(CredentialRow::erroredCount));
        sortBy(bank, Comparator.comparing(CredentialRow::bankName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)));
        sortBy(created, Comparator.comparing(CredentialRow::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        sortBy(updated, CredentialRow::compareLastUpdates); // unknown first

        table.getColumns().setAll(List.of(health, bank, ext, token, created, updated, lastTx, errored));

        // relative times drift: repaint them once a minute, while the table is on screen (a playing
        // Timeline is held by the toolkit's timer: a replaced window's would keep it, its rows and
        // its view-model for good)
        Timeline tick = new Timeline(new KeyFrame(Duration.minutes(1), e -> table.refresh()));
        tick.setCycleCount(Timeline.INDEFINITE);
        table.sceneProperty().addListener((o, was, scene) -> {
            if (scene == null) {
                tick.stop();
            } else {
                tick.play();
            }
        });

        // the table drives the view-model's selection, and follows it (e.g. a row removed);
        // the current row is the focused, last selected one, the others are in selectedRows
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (!resyncing) {
                vm.selectedProperty().set(row);
            }
        });
        vm.selectedProperty().addListener((o, a, row) -> {
            if (table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().clearSelection();
                if (row != null) {
                    table.getSelectionModel().select(row);
                }
            }
        });
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<CredentialRow>) c -> {
            if (!resyncing) {
                syncSelectedRows();
            }
        });
    }

    /** After a sort: the current row back at its place among the rows in view, unless another was chosen meanwhile. */
    private void keepInPlace(CredentialRow row, int place) {
        var sm = table.getSelectionModel();
        if (sm.getSelectedItem() == row && table.getSkin() instanceof RestyleOnChangeTableSkin s) {
            s.showAt(sm.getSelectedIndex(), place);
        }
    }

    /** Selects again, at their new indices, the rows the view-model had selected that are still shown. */
    private void restoreSelection() {
        var sm = table.getSelectionModel();
        CredentialRow current = vm.selectedProperty().get();
        List<CredentialRow> others = new ArrayList<>(vm.selectedRows());
        others.remove(current);
        try {
            sm.clearSelection();
            Map<CredentialRow, Integer> at = indexOf(others.size() + 1);
            int[] indices = new int[others.size()];
            int n = 0;
            for (CredentialRow r : others) {
                Integer i = at == null ? indexIn(r) : at.get(r);
                if (i != null) {
                    indices[n++] = i;
                }
            }
            if (n > 0) {
                // in one change: a select per row is a change each, and each change of the
                // selection is a pass over the rows selected
                sm.selectIndices(indices[0], java.util.Arrays.copyOfRange(indices, 1, n));
            }
            if (current != null) {
                Integer i = at == null ? indexIn(current) : at.get(current);
                if (i != null) {
                    sm.select(i); // last: the current row is the selected item
                }
            }
        } finally {
            resyncing = false;
        }
        vm.selectedProperty().set(sm.getSelectedItem());
        syncSelectedRows();
    }

    /** Row to index for many rows at once; {@code null} when a few linear searches are cheaper. */
    private Map<CredentialRow, Integer> indexOf(int wanted) {
        if (wanted <= 8) {
            return null;
        }
        Map<CredentialRow, Integer> at = new java.util.IdentityHashMap<>();
        List<CredentialRow> shown = vm.shownRows();
        for (int i = 0; i < shown.size(); i++) {
            at.put(shown.get(i), i);
        }
        return at;
    }

    private Integer indexIn(CredentialRow r) {
        int i = vm.shownRows().indexOf(r);
        return i < 0 ? null : i;
    }

    /** Rows are 28 px in both themes; the CSS gives cells the same height. */
    static final double ROW_HEIGHT = 28;
    private static final String ROW_COMPARATOR = "rowComparator";

    /**
     * How a header click sorts rows by this column. The table's sort policy uses only these
     * (see buildTable); a column's own cell-value comparator is never consulted.
     */
    private static void sortBy(TableColumn<CredentialRow, ?> col, Comparator<CredentialRow> byRow) {
        col.getProperties().put(ROW_COMPARATOR, byRow);
    }

    /** The table's sort order as one comparator over rows; {@code null} when unsorted. */
    @SuppressWarnings("unchecked")
    static Comparator<CredentialRow> rowComparator(List<TableColumn<CredentialRow, ?>> sortOrder) {
        Comparator<CredentialRow> all = null;
        for (TableColumn<CredentialRow, ?> col : sortOrder) {
            Comparator<CredentialRow> c = (Comparator<CredentialRow>) col.getProperties().get(ROW_COMPARATOR);
            if (c == null) {
                continue;
            }
            if (col.getSortType() == TableColumn.SortType.DESCENDING) {
                c = c.reversed();
            }
            all = all == null ? c : all.thenComparing(c);
        }
        return all;
    }

    private boolean resyncing;

    private void syncSelectedRows() {
        List<CredentialRow> now = new ArrayList<>(table.getSelectionModel().getSelectedItems());
        now.removeIf(java.util.Objects::isNull);
        if (!now.equals(vm.selectedRows())) {
            vm.selectedRows().setAll(now);
        }
    }

    // ---- auto-refresh --------------------------------------------------------------------

    private void buildAutoRefresh() {
        autoRefresh.setId("autoRefresh");
        autoRefresh.setGraphic(new FontIcon("mdi2t-timer-sync-outline"));
        autoRefresh.getStyleClass().add("auto-refresh");
        autoRefresh.selectedProperty().bindBidirectional(vm.autoRefreshProperty());
        autoRefresh.textProperty().bind(Bindings.createStringBinding(() -> vm.autoRefreshProperty().get()
                ? I18n.tr("autoRefresh.on", intervalSeconds()) : I18n.tr("autoRefresh.off"),
                vm.autoRefreshProperty(), vm.autoRefreshIntervalProperty()));
        // the tooltip's text is the toggle's accessible help from the start (LazyTooltip)
        autoRefresh.accessibleHelpProperty().bind(Bindings.createStringBinding(() -> I18n.tr("autoRefresh.tip", intervalSeconds()),
                vm.autoRefreshIntervalProperty()));
        LazyTooltip.install(autoRefresh, () -> {
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(autoRefresh.accessibleHelpProperty());
            return tip;
        });
        vm.autoRefreshProperty().addListener((o, a, b) -> scheduleAutoRefresh());
        vm.autoRefreshIntervalProperty().addListener((o, a, b) -> scheduleAutoRefresh());
        // runs only while the table is on screen: a replaced window must stop polling
        table.sceneProperty().addListener((o, a, b) -> scheduleAutoRefresh());
    }

    private long intervalSeconds() {
        java.time.Duration d = vm.autoRefreshIntervalProperty().get();
        return d == null ? CredentialsViewModel.DEFAULT_AUTO_REFRESH.toSeconds() : Math.max(1, d.toSeconds());
    }

    private void scheduleAutoRefresh() {
        if (autoRefreshTimer != null) {
            autoRefreshTimer.stop();
            autoRefreshTimer = null;
        }
        java.time.Duration d = vm.autoRefreshIntervalProperty().get();
        if (!vm.autoRefreshProperty().get() || table.getScene() == null || d == null) {
            return;
        }
        // a Timeline ticks on the FX thread; the tick only starts the (background) reload
        autoRefreshTimer = new Timeline(new KeyFrame(Duration.millis(Math.max(200, d.toMillis())), e -> vm.autoRefreshTick()));
        autoRefreshTimer.setCycleCount(Timeline.INDEFINITE);
        autoRefreshTimer.play();
    }

    /** Auto-refresh's state and interval ({@code autoRefresh.on}, {@code autoRefresh.seconds}). */
    public void restoreAutoRefresh(Settings s) {
        long seconds = (long) s.getDouble("autoRefresh.seconds", CredentialsViewModel.DEFAULT_AUTO_REFRESH.toSeconds());
        // polite polling: never more often than every 5 s, whatever the file says
        vm.autoRefreshIntervalProperty().set(java.time.Duration.ofSeconds(Math.max(MIN_AUTO_REFRESH_SECONDS,
                Math.min(24 * 3600, seconds))));
        vm.autoRefreshProperty().set(s.getBoolean("autoRefresh.on", false));
    }

    public void saveAutoRefresh(Settings s) {
        s.put("autoRefresh.on", String.valueOf(vm.autoRefreshProperty().get()));
        s.put("autoRefresh.seconds", String.valueOf(intervalSeconds()));
    }

    static final long MIN_AUTO_REFRESH_SECONDS = 5;

    private void updatePlaceholder() {
        ((Label) table.getPlaceholder()).setText(vm.totalCountProperty().get() == 0
                ? I18n.tr("table.empty") : I18n.tr("table.emptyFiltered"));
    }

    /**
     * A column that shows something of a row's status: its cells take the row's status property
     * itself, and each shows what it needs of the status. Before, each cell made a binding of its
     * own value every time it took another row (four columns, dozens of rows a keystroke), and
     * each such binding listened to the row's status until it was collected.
     */
    private static TableColumn<CredentialRow, CredentialStatus> statusColumn(String id, String key) {
        TableColumn<CredentialRow, CredentialStatus> col = new TableColumn<>(I18n.tr(key));
        col.setId(id);
        col.setCellValueFactory(c -> c.getValue().statusProperty());
        return col;
    }

    /** A cell of a {@link #statusColumn}: shows its status, or nothing on an empty row. */
    private abstract static class StatusCell extends TableCell<CredentialRow, CredentialStatus> {
        @Override
        protected void updateItem(CredentialStatus s, boolean empty) {
            super.updateItem(s, empty);
            if (empty) {
                setText(null);
            } else {
                show(s);
            }
        }

        /** Shows {@code s} (null: no status yet) on a row that is not empty. */
        protected abstract void show(CredentialStatus s);

        /** Another status object is another item, even when equal: no field-by-field comparison per cell. */
        @Override
        protected boolean isItemChanged(CredentialStatus oldItem, CredentialStatus newItem) {
            return oldItem != newItem;
        }
    }

    private static TableColumn<CredentialRow, String> textColumn(String id, String key,
            Function<CredentialRow, ObservableValue<String>> value, double width) {
        TableColumn<CredentialRow, String> col = new TableColumn<>(I18n.tr(key));
        col.setId(id);
        col.setCellValueFactory(c -> value.apply(c.getValue()));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s == null ? "–" : s);
                muted(this, !empty && s == null);
            }
        });
        col.setPrefWidth(width);
        return col;
    }

    private TableColumn<CredentialRow, CredentialStatus> instantColumn(String id, String key,
            Function<CredentialStatus, Instant> value, boolean relative) {
        TableColumn<CredentialRow, CredentialStatus> col = statusColumn(id, key);
        LazyTooltip.Shared tip = new LazyTooltip.Shared(s -> Formats.exact(value.apply((CredentialStatus) s)).replace(" / ", "\n"));
        col.setCellFactory(c -> new StatusCell() {
            {
                tip.attach(this);
            }

            @Override
            protected void updateItem(CredentialStatus s, boolean empty) {
                super.updateItem(s, empty);
                if (empty) {
                    tip.want(this, false);
                }
            }

            @Override
            protected void show(CredentialStatus s) {
                Instant t = s == null ? null : value.apply(s);
                setText(t == null ? "–" : relative ? Formats.relative(t, clock.instant()) : Formats.utcDate(t));
                tip.want(this, t != null);
            }
        });
        col.setPrefWidth(relative ? 95 : 88);
        return col;
    }

    /** Greys a cell out; changes its style classes only when the state changes (each change costs a CSS pass). */
    private static void muted(TableCell<?, ?> cell, boolean on) {
        if (cell.getStyleClass().contains("muted") != on) {
            if (on) {
                cell.getStyleClass().add("muted");
            } else {
                cell.getStyleClass().remove("muted");
            }
        }
    }

    /** What the health column shows: the class, and whether it changed unseen. */
    record HealthMark(Health health, boolean changed) {
    }

    /** What the external id column shows: the id, and how many other rows share it at that bank. */
    record ExternalId(String id, int duplicates) {
    }

    /**
     * The health badge; a row whose health changed unseen gets a dot on the badge's icon (like an
     * unread badge: no width taken, nothing shifts) and a tooltip saying so.
     */
    private static final class HealthCell extends TableCell<CredentialRow, HealthMark> {
        // the cell itself is the badge (its text, its icon graphic, a pseudo class for the
        // colour): showing another row changes text, glyph and pseudo class, never the node tree
        // or style classes (either would restyle the cell from scratch). Fewer nodes per row
        // also make the table's first fill cheaper.
        private final FontIcon icon = new FontIcon();
        private final LazyTooltip.Shared changedTip;
        /** Icon plus the "changed" dot, made for the first changed row this cell shows. */
        private StackPane iconWithDot;

        HealthCell(LazyTooltip.Shared changedTip) {
            this.changedTip = changedTip;
            changedTip.attach(this);
            getStyleClass().add("health-badge");
            icon.getStyleClass().add("health-icon");
            icon.setVisible(false);
            setGraphic(icon);
        }

        @Override
        protected void updateItem(HealthMark m, boolean empty) {
            super.updateItem(m, empty);
            boolean show = !empty && m != null;
            icon.setVisible(show);
            if (!show) {
                setText(null);
                changedTip.want(this, false);
                return;
            }
            HealthCells.apply(this, icon, m.health());
            if (m.changed()) {
                if (iconWithDot == null) {
                    iconWithDot = dotted();
                }
                if (getGraphic() != iconWithDot) {
                    iconWithDot.getChildren().add(0, icon);
                    setGraphic(iconWithDot);
                }
                changedTip.want(this, true);
            } else {
                if (getGraphic() != icon) {
                    setGraphic(icon);
                }
                changedTip.want(this, false);
            }
        }

        private StackPane dotted() {
            StackPane box = new StackPane();
            Circle dot = new Circle(4);
            dot.getStyleClass().addAll(RowMark.CHANGED.styleClass(), "changed-marker");
            dot.setManaged(false); // drawn over the icon's top-right corner, not beside it
            dot.centerXProperty().bind(box.widthProperty().subtract(1));
            dot.setCenterY(1);
            box.getChildren().add(dot);
            box.getStyleClass().add("health-icon-box");
            return box;
        }
    }

    private static final class ExternalIdCell extends TableCell<CredentialRow, ExternalId> {
        /** The duplicate marker, made when this cell first shows a duplicate; then only shown or hidden. */
        private FontIcon icon;
        private final LazyTooltip.Shared tip;

        ExternalIdCell(LazyTooltip.Shared tip) {
            this.tip = tip;
            tip.attach(this);
            setContentDisplay(ContentDisplay.RIGHT);
            setGraphicTextGap(4);
        }

        private void marker(boolean on) {
            if (icon == null) {
                if (!on) {
                    return;
                }
                icon = new FontIcon(RowMark.DUPLICATE.icon());
                icon.getStyleClass().addAll("mark-icon", RowMark.DUPLICATE.styleClass(), "duplicate-marker");
                setGraphic(icon);
            }
            icon.setVisible(on);
        }

        @Override
        protected void updateItem(ExternalId v, boolean empty) {
            super.updateItem(v, empty);
            muted(this, !empty && v != null && v.id() == null);
            if (empty || v == null) {
                setText(null);
                marker(false);
                tip.want(this, false);
                return;
            }
            setText(v.id() == null ? "–" : v.id());
            // the icon stays in place and is only shown or hidden: adding and removing it would
            // restyle the cell each time it shows another row
            marker(v.duplicates() > 0);
            tip.want(this, v.duplicates() > 0);
        }
    }

    /**
     * Rows whose health changed unseen carry the {@code changed-row} style class. The listener on
     * the item is weak and moved on every update, so recycled rows leak nothing.
     */
    private static final class MarkedRow extends TableRow<CredentialRow> {
        private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
        private final ChangeListener<Boolean> onChanged = (o, a, on) -> show(on);
        private final WeakChangeListener<Boolean> weak = new WeakChangeListener<>(onChanged);
        private CredentialRow watched;

        MarkedRow(CredentialsViewModel vm) {
            // clicking a row counts as seeing it, even when it was already the current one
            setOnMouseClicked(e -> vm.markSeen(getItem()));
        }

        @Override
        protected void updateItem(CredentialRow item, boolean empty) {
            super.updateItem(item, empty);
            if (watched != null) {
                watched.changedProperty().removeListener(weak);
            }
            watched = empty ? null : item;
            if (watched != null) {
                watched.changedProperty().addListener(weak);
            }
            show(watched != null && watched.isChanged());
        }

        private void show(boolean on) {
            pseudoClassStateChanged(CHANGED, on);
            if (getStyleClass().contains("changed-row") != on) { // a class change costs a CSS pass
                if (on) {
                    getStyleClass().add("changed-row");
                } else {
                    getStyleClass().remove("changed-row");
                }
            }
        }
    }

    private static final class TokenCell extends TableCell<CredentialRow, String> {
        private final LazyTooltip.Shared tip;

        TokenCell(LazyTooltip.Shared tip) {
            this.tip = tip;
            tip.attach(this);
            getStyleClass().add("mono");
        }

        @Override
        protected void updateItem(String t, boolean empty) {
            super.updateItem(t, empty);
            if (empty || t == null) {
                setText(null);
                tip.want(this, false);
            } else {
                setText(Formats.shortToken(t));
                tip.want(this, true);
            }
        }
    }

    // ---- column layout, remembered -------------------------------------------------------

    /** Restores column order, widths and visibility saved by {@link #saveColumns}. */
    public void restoreColumns(Settings s) {
        String saved = s.get("table.columns", "");
        if (saved.isBlank()) {
            return;
        }
        Map<String, TableColumn<CredentialRow, ?>> byId = new HashMap<>();
        table.getColumns().forEach(c -> byId.put(c.getId(), c));
        List<TableColumn<CredentialRow, ?>> order = new ArrayList<>();
        for (String part : saved.split(",")) {
            String[] f = part.split(":");
            TableColumn<CredentialRow, ?> c = byId.remove(f[0]);
            if (c == null) {
                continue;
            }
            if (f.length > 1) {
                try {
                    c.setPrefWidth(Math.max(40, Double.parseDouble(f[1])));
                } catch (NumberFormatException e) {
                    // keep the default width
                }
            }
            if (f.length > 2) {
                c.setVisible(!"hidden".equals(f[2]));
            }
            order.add(c);
        }
        order.addAll(byId.values()); // columns added since the layout was saved
        table.getColumns().setAll(order);
    }

    public void saveColumns(Settings s) {
        StringBuilder sb = new StringBuilder();
        for (TableColumn<CredentialRow, ?> c : table.getColumns()) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(c.getId()).append(':').append(Math.round(c.getWidth())).append(':')
                    .append(c.isVisible() ? "shown" : "hidden");
        }
        s.put("table.columns", sb.toString());
    }
}
