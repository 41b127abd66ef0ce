package io.flanks.console.credentials;

import io.flanks.console.common.Formats;
import io.flanks.console.common.I18n;
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
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
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
    private final TableView<CredentialRow> table = new TableView<>();
    private final CustomTextField search = (CustomTextField) TextFields.createClearableTextField();
    private final HBox chips = new HBox(6);
    private final MenuButton banks = new MenuButton();
    private final ToggleGroup chipGroup = new ToggleGroup();

    public CredentialsView(CredentialsViewModel vm, Clock clock) {
        this.vm = vm;
        this.clock = clock;
        buildSearch();
        buildChips();
        buildBanks();
        buildTable();
    }

    public TableView<CredentialRow> table() {
        return table;
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

    /** Ctrl+F lands here. */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

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
        ToggleButton all = chip("chip-all", null, null);
        all.textProperty().bind(Bindings.format("%s %d", I18n.tr("filter.all"), vm.matchingCountProperty()));
        chips.getChildren().add(all);
        for (Health h : Health.values()) {
            ToggleButton b = chip("chip-" + h.name().toLowerCase(java.util.Locale.ROOT), h, HealthCells.icon(h));
            b.textProperty().bind(Bindings.format("%s %d", I18n.tr(h.key()), vm.countProperty(h)));
            b.getStyleClass().add(h.styleClass());
            chips.getChildren().add(b);
        }
        all.setSelected(true);
        // exactly one chip is always on: clicking the active one keeps it
        chipGroup.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                chipGroup.selectToggle(old);
            } else {
                vm.healthFilterProperty().set((Health) now.getUserData());
            }
        });
        vm.healthFilterProperty().addListener((o, a, h) -> chips.getChildren().stream()
                .map(ToggleButton.class::cast).filter(t -> t.getUserData() == h).findFirst()
                .ifPresent(t -> t.setSelected(true)));
    }

    private ToggleButton chip(String id, Health h, FontIcon icon) {
        ToggleButton b = new ToggleButton(null, icon);
        b.setId(id);
        b.setUserData(h);
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
        table.setItems(vm.sortedRows());
        vm.sortedRows().comparatorProperty().bind(table.comparatorProperty());
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setTableMenuButtonVisible(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(I18n.tr("table.empty")));
        vm.totalCountProperty().addListener((o, a, n) -> updatePlaceholder());
        vm.shownCountProperty().addListener((o, a, n) -> updatePlaceholder());

        TableColumn<CredentialRow, Health> health = new TableColumn<>(I18n.tr("col.health"));
        health.setId("col-health");
        health.setCellValueFactory(c -> c.getValue().healthProperty());
        health.setCellFactory(c -> new HealthCell());
        health.setComparator(Comparator.comparingInt(Health::ordinal));
        health.setPrefWidth(160);

        TableColumn<CredentialRow, String> bank = textColumn("col-bank", "col.bank", r -> r.bankNameProperty(), 130);
        TableColumn<CredentialRow, String> ext = textColumn("col-external", "col.externalId", r -> r.externalIdProperty(), 105);

        TableColumn<CredentialRow, String> token = new TableColumn<>(I18n.tr("col.token"));
        token.setId("col-token");
        token.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().token()));
        token.setCellFactory(c -> new TokenCell());
        token.setPrefWidth(115);

        TableColumn<CredentialRow, Instant> created = instantColumn("col-created", "col.created", CredentialRow::createdAt, false);
        TableColumn<CredentialRow, Instant> updated = instantColumn("col-updated", "col.updated", CredentialRow::lastUpdate, true);

        TableColumn<CredentialRow, LocalDate> lastTx = new TableColumn<>(I18n.tr("col.lastTransaction"));
        lastTx.setId("col-lastTx");
        lastTx.setCellValueFactory(c -> statusDerived(c.getValue(), CredentialRow::lastTransactionDate));
        lastTx.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        lastTx.setPrefWidth(95);

        TableColumn<CredentialRow, Integer> errored = new TableColumn<>(I18n.tr("col.errored"));
        errored.setId("col-errored");
        errored.setCellValueFactory(c -> statusDerived(c.getValue(), CredentialRow::erroredCount));
        errored.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Integer n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : n < 0 ? "?" : String.valueOf(n));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        errored.setPrefWidth(55);

        table.getColumns().setAll(List.of(health, bank, ext, token, created, updated, lastTx, errored));

        // relative times drift: repaint them once a minute
        Timeline tick = new Timeline(new KeyFrame(Duration.minutes(1), e -> table.refresh()));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();

        // the table drives the view-model's selection, and follows it (e.g. a row removed)
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> vm.selectedProperty().set(row));
        vm.selectedProperty().addListener((o, a, row) -> {
            if (table.getSelectionModel().getSelectedItem() != row) {
                if (row == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(row);
                }
            }
        });
    }

    private void updatePlaceholder() {
        ((Label) table.getPlaceholder()).setText(vm.totalCountProperty().get() == 0
                ? I18n.tr("table.empty") : I18n.tr("table.emptyFiltered"));
    }

    private static <T> ObservableValue<T> statusDerived(CredentialRow r, Function<CredentialRow, T> f) {
        return Bindings.createObjectBinding(() -> f.apply(r), r.statusProperty());
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
                getStyleClass().remove("muted");
                if (!empty && s == null) {
                    getStyleClass().add("muted");
                }
            }
        });
        col.setComparator(Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
        col.setPrefWidth(width);
        return col;
    }

    private TableColumn<CredentialRow, Instant> instantColumn(String id, String key,
            Function<CredentialRow, Instant> value, boolean relative) {
        TableColumn<CredentialRow, Instant> col = new TableColumn<>(I18n.tr(key));
        col.setId(id);
        col.setCellValueFactory(c -> statusDerived(c.getValue(), value));
        col.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        col.setCellFactory(c -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(Instant t, boolean empty) {
                super.updateItem(t, empty);
                if (empty || t == null) {
                    setText(empty ? null : "–");
                    setTooltip(null);
                    return;
                }
                setText(relative ? Formats.relative(t, clock.instant()) : Formats.utc(t).substring(0, 10));
                tip.setText(Formats.exact(t).replace(" / ", "\n"));
                setTooltip(tip);
            }
        });
        col.setPrefWidth(relative ? 95 : 90);
        return col;
    }

    private static final class HealthCell extends TableCell<CredentialRow, Health> {
        private final Label label = new Label();

        HealthCell() {
            label.getStyleClass().add("health-badge");
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(Health h, boolean empty) {
            super.updateItem(h, empty);
            if (empty || h == null) {
                setGraphic(null);
                setText(null);
            } else {
                HealthCells.apply(label, h);
                setText(label.getText()); // for accessibility and TestFX lookups
                setGraphic(label);
            }
        }
    }

    private static final class TokenCell extends TableCell<CredentialRow, String> {
        private final Tooltip tip = new Tooltip();

        TokenCell() {
            getStyleClass().add("mono");
        }

        @Override
        protected void updateItem(String t, boolean empty) {
            super.updateItem(t, empty);
            if (empty || t == null) {
                setText(null);
                setTooltip(null);
            } else {
                setText(Formats.shortToken(t));
                tip.setText(t);
                setTooltip(tip);
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
