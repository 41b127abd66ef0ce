package io.flanks.console.detail;

import io.flanks.console.api.ForceKind;
import io.flanks.console.common.I18n;
import io.flanks.console.common.LazyTooltip;
import io.flanks.console.credentials.Health;
import io.flanks.console.credentials.HealthCells;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detail pane: identity, health and refresh on top, then tabs "Overview" (dates, the status
 * history when there is one, the two matrices with legends, flow tokens, room for actions) and
 * "Raw JSON". Plain Java, bound to a
 * {@link DetailViewModel}; it decides nothing itself. Meant for the right side of a split pane,
 * 420 to 520 px wide, inside a ScrollPane with fitToWidth: it takes its preferred height.
 */
public final class DetailView {
    private static final Logger LOG = LoggerFactory.getLogger(DetailView.class);
    private static final String STYLESHEET = "/css/detail.css";
    private static final String COPY_ICON = "mdi2c-content-copy";
    private static final String COPIED_ICON = "mdi2c-check";
    private static final Duration COPIED_FEEDBACK = Duration.seconds(1.5);

    private final DetailViewModel vm;
    private final VBox root = new VBox();
    private final HBox actionsBar = new HBox(8);
    private final HBox dangerZone = new HBox(8);
    private final TabPane tabs = new TabPane();

    public DetailView(DetailViewModel vm) {
        this(vm, Runnable::run);
    }

    /**
     * {@code later} gets the Overview's sections (the no-status notice with the facts, history,
     * the two matrices, the flow tokens, the actions row), in order, each as a step that adds it; it may run them at
     * once (as the other constructor does) or one a frame, so that no single frame makes and
     * styles the whole pane: in a cold JVM that frame took 150-250 ms of UI-thread CPU.
     */
    public DetailView(DetailViewModel vm, java.util.function.Consumer<Runnable> later) {
        this.vm = Objects.requireNonNull(vm, "vm");
        vm.installClipboardIfAbsent(DetailView::putOnSystemClipboard);
        root.setId("detailPane");
        root.getStyleClass().add("detail-pane");
        var css = DetailView.class.getResource(STYLESHEET);
        if (css == null) {
            LOG.warn("Stylesheet {} not found; the detail pane is unstyled", STYLESHEET);
        } else {
            root.getStylesheets().add(css.toExternalForm());
        }
        root.setPrefWidth(460);

        Node placeholder = placeholder();
        // The tab pane is only the tab strip: a TabPane sizes its content without knowing the
        // width, so wrapped text would be cut off; the selected page sits below it instead.
        buildTabs();
        Node raw = rawJsonPage();
        VBox content = new VBox(header());
        // the tab strip and the Overview's sections come in the order shown, each through later
        later.accept(() -> content.getChildren().add(1, tabs)); // under the header, either way
        Node overview = overview(later);
        showWhen(overview, tabs.getSelectionModel().selectedIndexProperty().isEqualTo(0));
        showWhen(raw, tabs.getSelectionModel().selectedIndexProperty().isEqualTo(1));
        VBox.setVgrow(overview, Priority.ALWAYS);
        VBox.setVgrow(raw, Priority.ALWAYS);
        content.getChildren().addAll(overview, raw);
        content.setId("detailContent");
        content.getStyleClass().add("detail-content");
        VBox.setVgrow(content, Priority.ALWAYS);
        showWhen(placeholder, vm.hasSelectionProperty().not());
        showWhen(content, vm.hasSelectionProperty());
        root.getChildren().addAll(placeholder, content);
    }

    /** The pane; add it to a scene as it is (it brings its own stylesheet). */
    public Parent root() {
        return root;
    }

    /**
     * Empty row at the bottom of the Overview tab for the credential's actions (Force SCA,
     * reset, transaction); hidden while empty.
     */
    public HBox actionsBar() {
        return actionsBar;
    }

    /** Empty, danger-styled row below the actions, set apart, for Delete; hidden while empty. */
    public HBox dangerZone() {
        return dangerZone;
    }

    /** The "Overview" / "Raw JSON" tabs (e.g. to select one from a shortcut). */
    public TabPane tabPane() {
        return tabs;
    }

    // ---- no selection --------------------------------------------------------------------

    private Node placeholder() {
        FontIcon icon = new FontIcon("mdi2c-cursor-default-click-outline");
        icon.getStyleClass().add("detail-placeholder-icon");
        Label title = wrapping(I18n.tr("detail.placeholder"), "detail-placeholder-title");
        Label hint = wrapping(I18n.tr("detail.placeholder.hint"), "detail-muted");
        title.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        hint.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        VBox box = new VBox(10, icon, title, hint);
        box.setId("detailPlaceholder");
        box.getStyleClass().add("detail-placeholder");
        box.setAlignment(Pos.CENTER);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    // ---- header: identity, health, refresh -----------------------------------------------

    private Node header() {
        Label title = new Label();
        title.setId("detailTitle");
        title.getStyleClass().add("detail-title");
        title.setWrapText(true);
        title.textProperty().bind(vm.bankNameProperty());

        FlowPane meta = new FlowPane(14, 2,
                pair("detail.bankId", "detailBankId", vm.bankIdProperty()),
                pair("detail.externalId", "detailExternalId", vm.externalIdProperty()));
        VBox identity = new VBox(2, title, meta);
        HBox.setHgrow(identity, Priority.ALWAYS);
        identity.setMinWidth(0);

        Button refresh = new Button(I18n.tr("detail.refresh"), new FontIcon("mdi2r-refresh"));
        refresh.setId("detailRefresh");
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        LazyTooltip.install(refresh, I18n.tr("detail.refresh.tooltip"));
        refresh.disableProperty().bind(vm.refreshDisabledProperty());
        refresh.setOnAction(e -> vm.refresh());
        HBox top = new HBox(10, identity, refresh);
        top.setAlignment(Pos.TOP_LEFT);

        Label token = mono("detailToken", vm.tokenProperty());
        token.getStyleClass().add("detail-token");
        token.setAccessibleText(I18n.tr("detail.token"));
        LazyTooltip.install(token, I18n.tr("detail.token"));
        HBox tokenRow = new HBox(4, token, copyButton("copyToken", "detail.copy.token", vm::copyToken));
        tokenRow.setAlignment(Pos.CENTER_LEFT);

        Label health = new Label();
        health.setId("detailHealth");
        health.getStyleClass().addAll("detail-badge", "detail-health");
        health.setMinWidth(Region.USE_PREF_SIZE);
        health.textProperty().bind(vm.healthTextProperty());
        FontIcon healthIcon = new FontIcon();
        health.setGraphic(healthIcon);
        bindIcon(healthIcon, Bindings.createStringBinding(() -> healthOf().icon(), vm.healthProperty()));
        bindStyleClass(health, Bindings.createStringBinding(() -> healthOf().styleClass(), vm.healthProperty()));
        LazyTooltip.installWrapping(vm.healthHintProperty(), health);

        Label pendingBadge = new Label(I18n.tr("detail.pendingBadge"), new FontIcon(MatrixState.RUNNING_ICON));
        pendingBadge.setId("detailPendingBadge");
        pendingBadge.getStyleClass().addAll("detail-badge", "detail-pending-badge");
        pendingBadge.setMinWidth(Region.USE_PREF_SIZE);
        showWhen(pendingBadge, vm.pendingFlagProperty());
        FlowPane badges = new FlowPane(8, 4, health, pendingBadge);

        Label hint = new Label();
        hint.setId("detailHealthHint");
        hint.getStyleClass().add("detail-muted");
        hint.setWrapText(true);
        hint.textProperty().bind(vm.healthHintProperty());

        VBox header = new VBox(6, top, tokenRow, badges, hint);
        header.getStyleClass().add("detail-header");
        return header;
    }

    private Health healthOf() {
        Health h = vm.healthProperty().get();
        return h == null ? Health.UNKNOWN : h;
    }

    private Node pair(String labelKey, String id, ObservableValue<String> value) {
        Label name = new Label(I18n.tr(labelKey));
        name.getStyleClass().add("detail-muted");
        Label v = mono(id, value);
        HBox box = new HBox(5, name, v);
        box.setAlignment(Pos.BASELINE_LEFT);
        return box;
    }

    // ---- tabs ----------------------------------------------------------------------------

    private void buildTabs() {
        Tab overview = new Tab(I18n.tr("detail.tab.overview"));
        overview.setId("detailOverviewTab");
        Tab raw = new Tab(I18n.tr("detail.tab.rawJson"));
        raw.setId("detailRawTab");
        raw.setGraphic(new FontIcon("mdi2c-code-json"));
        tabs.getTabs().addAll(overview, raw);
        raw.selectedProperty().addListener((o, a, on) -> vm.setRawJsonWanted(on));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("detailTabs");
        tabs.getStyleClass().add("detail-tabs");
        tabs.setMinHeight(Region.USE_PREF_SIZE);
    }

    private Node overview(java.util.function.Consumer<Runnable> later) {
        VBox body = new VBox(14);
        body.setId("detailOverview");
        body.getStyleClass().add("detail-overview");
        List<java.util.function.Supplier<Node>> sections = List.of(
                () -> new VBox(14, noStatusBanner("detailNoStatus", "detailNoStatusRefresh", vm.noStatusMessageProperty()),
                        facts()),
                this::history,
                () -> matrixSection("detail.products", "productMatrix", "productLegend", vm.productRows()),
                () -> matrixSection("detail.transactions", "transactionMatrix", "transactionLegend", vm.transactionRows()),
                this::flowTokens,
                this::actions);
        for (java.util.function.Supplier<Node> section : sections) {
            later.accept(() -> body.getChildren().add(section.get()));
        }
        return body;
    }

    private Node noStatusBanner(String id, String buttonId, ObservableValue<String> message) {
        Label text = wrapping(null, "detail-notice-text");
        text.textProperty().bind(message);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button refresh = new Button(I18n.tr("detail.refresh"), new FontIcon("mdi2r-refresh"));
        refresh.setId(buttonId);
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        refresh.disableProperty().bind(vm.refreshDisabledProperty());
        refresh.setOnAction(e -> vm.refresh());
        HBox box = new HBox(10, new FontIcon("mdi2i-information-outline"), text, refresh);
        box.setId(id);
        box.getStyleClass().add("detail-notice");
        box.setAlignment(Pos.CENTER_LEFT);
        showWhen(box, Bindings.createBooleanBinding(
                () -> message.getValue() != null && !message.getValue().isEmpty(), message));
        return box;
    }

    private Node facts() {
        GridPane grid = new GridPane();
        grid.setId("detailFacts");
        grid.getStyleClass().add("detail-facts");
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(0);
        grid.getColumnConstraints().addAll(names, values);
        factRow(grid, 0, "detail.created", "detailCreated", vm.createdProperty(), vm.createdAgoProperty());
        factRow(grid, 1, "detail.lastUpdate", "detailLastUpdate", vm.lastUpdateProperty(), vm.lastUpdateAgoProperty());
        factRow(grid, 2, "detail.lastTransaction", "detailLastTransaction", vm.lastTransactionProperty(), null);
        Label pending = wrapping(null);
        pending.setId("detailPending");
        pending.textProperty().bind(vm.pendingTextProperty());
        grid.addRow(3, factName("detail.pending"), pending);
        return grid;
    }

    private void factRow(GridPane grid, int row, String nameKey, String id,
                         ObservableValue<String> value, ObservableValue<String> ago) {
        Label v = wrapping(null, "detail-mono");
        v.setId(id);
        v.textProperty().bind(value);
        VBox cell = new VBox(0, v);
        if (ago != null) {
            Label a = new Label();
            a.setId(id + "Ago");
            a.getStyleClass().add("detail-muted");
            a.textProperty().bind(ago);
            showWhen(a, Bindings.createBooleanBinding(() -> ago.getValue() != null && !ago.getValue().isEmpty(), ago));
            cell.getChildren().add(a);
        }
        grid.addRow(row, factName(nameKey), cell);
    }

    private static Label factName(String key) {
        Label l = new Label(I18n.tr(key));
        l.getStyleClass().add("detail-fact-name");
        l.setMinWidth(Region.USE_PREF_SIZE);
        GridPane.setValignment(l, javafx.geometry.VPos.TOP);
        return l;
    }

    // ---- status history ------------------------------------------------------------------

    /** "History": the credential's health changes, newest first; hidden without a history source. */
    private Node history() {
        Label title = new Label(I18n.tr("history.title"));
        title.getStyleClass().add("detail-section-title");
        VBox lines = new VBox(4);
        lines.setId("historyLines");
        lines.getStyleClass().add("history-lines");
        // rebuilt as a whole: a handful of labels, replaced at most once per selection or write
        vm.historyLines().addListener((ListChangeListener<HistoryLine>) c -> fillHistory(lines));
        fillHistory(lines);
        Label message = wrapping(null, "detail-muted");
        message.setId("historyMessage");
        message.textProperty().bind(vm.historyMessageProperty());
        showWhen(message, Bindings.createBooleanBinding(() -> !vm.historyMessageProperty().get().isEmpty(),
                vm.historyMessageProperty()));
        VBox box = new VBox(6, title, lines, message);
        box.setId("detailHistory");
        box.getStyleClass().addAll("detail-section", "detail-history");
        showWhen(box, vm.historyShownProperty());
        return box;
    }

    private void fillHistory(VBox lines) {
        List<Node> labels = new ArrayList<>(vm.historyLines().size());
        int i = 0;
        for (HistoryLine line : vm.historyLines()) {
            Label l = wrapping(line.text(), "history-line");
            l.setId("historyLine" + i++);
            l.setGraphic(HealthCells.icon(line.health()));
            if (line.byYou()) {
                l.getStyleClass().add("history-by-you");
            }
            l.setAccessibleText(line.text());
            LazyTooltip.installWrapping(line.tooltip(), l); // also the line's accessible help
            labels.add(l);
        }
        lines.getChildren().setAll(labels);
    }

    // ---- matrices ------------------------------------------------------------------------

    private Node matrixSection(String titleKey, String gridId, String legendId, List<MatrixRowVM> rows) {
        Label title = new Label(I18n.tr(titleKey));
        title.getStyleClass().add("detail-section-title");

        GridPane grid = new GridPane();
        grid.setId(gridId);
        grid.getStyleClass().add("detail-matrix");
        // the item column takes the slack; the others get the same em widths (detail.css) in both
        // matrices, so the two line up
        ColumnConstraints item = new ColumnConstraints();
        item.setMinWidth(Region.USE_PREF_SIZE);
        item.setHgrow(Priority.ALWAYS);
        ColumnConstraints created = flagColumn();
        ColumnConstraints errored = flagColumn();
        ColumnConstraints state = new ColumnConstraints();
        state.setMinWidth(Region.USE_PREF_SIZE);
        state.setFillWidth(true);
        grid.getColumnConstraints().addAll(item, created, errored, state);

        grid.addRow(0,
                columnHeader(I18n.tr("matrix.col.product"), null),
                columnHeader(I18n.tr("matrix.col.created"), "matrix.col.created.tooltip"),
                columnHeader(I18n.tr("matrix.col.errored"), "matrix.col.errored.tooltip"),
                columnHeader(I18n.tr("matrix.col.state"), "matrix.col.state.tooltip"));
        int r = 1;
        for (MatrixRowVM row : rows) {
            Label name = cell(row.id() + "-name", "matrix-item");
            name.setText(row.label());
            Label c = cell(row.id() + "-created", "matrix-flag");
            c.textProperty().bind(row.createdTextProperty());
            bindStyleClass(c, flagClass(row.createdProperty(), false));
            Label e = cell(row.id() + "-errored", "matrix-flag");
            e.textProperty().bind(row.erroredTextProperty());
            bindStyleClass(e, flagClass(row.erroredProperty(), true));
            Label s = cell(row.id() + "-state", "matrix-state");
            s.textProperty().bind(row.stateTextProperty());
            FontIcon icon = new FontIcon();
            bindIcon(icon, row.iconProperty());
            s.setGraphic(icon);
            bindStyleClass(s, row.styleClassProperty());
            s.setMaxWidth(Double.MAX_VALUE);
            LazyTooltip.installWrapping(row.tooltipProperty(), name, c, e, s);
            s.setAccessibleText(row.label());
            grid.addRow(r++, name, c, e, s);
        }

        VBox box = new VBox(6, title, grid, legend(legendId));
        box.getStyleClass().add("detail-section");
        return box;
    }

    private static ColumnConstraints flagColumn() {
        ColumnConstraints c = new ColumnConstraints();
        c.setMinWidth(Region.USE_PREF_SIZE);
        c.setHalignment(HPos.CENTER);
        return c;
    }

    private static Label columnHeader(String text, String tooltipKey) {
        Label l = new Label(text);
        l.getStyleClass().add("matrix-header");
        l.setMinWidth(Region.USE_PREF_SIZE);
        if (tooltipKey != null) {
            LazyTooltip.installWrapping(I18n.tr(tooltipKey), l);
        }
        return l;
    }

    private static Label cell(String id, String styleClass) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().addAll("matrix-cell", styleClass);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** flag-yes / flag-no / flag-unknown, and flag-bad for an errored "yes". */
    private static ObservableValue<String> flagClass(ObservableValue<Boolean> flag, boolean isError) {
        return Bindings.createStringBinding(() -> {
            Boolean b = flag.getValue();
            if (b == null) {
                return "flag-unknown";
            }
            return b ? (isError ? "flag-bad" : "flag-yes") : "flag-no";
        }, flag);
    }

    private static Node legend(String id) {
        FlowPane legend = new FlowPane(12, 4);
        legend.setId(id);
        legend.getStyleClass().add("matrix-legend");
        legend.getChildren().addAll(
                legendItem(MatrixState.OK.icon(), MatrixState.OK.styleClass(), MatrixState.OK.key(), "matrix.meaning.ok"),
                legendItem(MatrixState.ERROR.icon(), MatrixState.ERROR.styleClass(), MatrixState.ERROR.key(), "matrix.meaning.error"),
                legendItem(MatrixState.NOT_STARTED.icon(), MatrixState.NOT_STARTED.styleClass(),
                        MatrixState.NOT_STARTED.key(), "matrix.meaning.not_started"),
                legendItem(MatrixState.RUNNING_ICON, MatrixState.RUNNING_STYLE_CLASS, MatrixState.RUNNING_KEY,
                        "matrix.meaning.running"),
                legendItem(MatrixState.UNKNOWN.icon(), MatrixState.UNKNOWN.styleClass(), MatrixState.UNKNOWN.key(),
                        "matrix.meaning.unknown"));
        return legend;
    }

    private static Node legendItem(String icon, String styleClass, String key, String meaningKey) {
        Label l = new Label(I18n.tr(key), new FontIcon(icon));
        l.getStyleClass().addAll("matrix-legend-item", styleClass);
        l.setMinWidth(Region.USE_PREF_SIZE);
        LazyTooltip.installWrapping(I18n.tr(meaningKey), l);
        return l;
    }

    // ---- flow tokens ---------------------------------------------------------------------

    private Node flowTokens() {
        Label title = new Label(I18n.tr("detail.flowTokens"));
        title.getStyleClass().add("detail-section-title");
        Label none = wrapping(I18n.tr("detail.flowTokens.none"), "detail-muted");
        none.setId("noFlowTokens");
        showWhen(none, vm.hasFlowTokensProperty().not());
        VBox box = new VBox(8, title, none,
                flowToken(ForceKind.RESET, "reset", "resetToken", "copyResetToken"),
                flowToken(ForceKind.SCA, "sca", "scaToken", "copyScaToken"),
                flowToken(ForceKind.TRANSACTION, "transaction", "transactionToken", "copyTransactionToken"));
        box.setId("detailFlowTokens");
        box.getStyleClass().add("detail-section");
        return box;
    }

    private Node flowToken(ForceKind kind, String name, String labelId, String buttonId) {
        ReadOnlyStringProperty value = vm.flowTokenProperty(kind);
        Label title = new Label(I18n.tr("detail.flow." + name));
        title.getStyleClass().add("detail-flow-name");
        Label hint = wrapping(I18n.tr("detail.flow." + name + ".hint"), "detail-muted");
        Label token = mono(labelId, value);
        token.getStyleClass().add("detail-token");
        token.setAccessibleText(I18n.tr("detail.flow." + name));
        HBox row = new HBox(4, token, copyButton(buttonId, "detail.copy." + name, () -> vm.copyFlowToken(kind)));
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(2, title, hint, row);
        box.setId(labelId + "Box");
        box.getStyleClass().add("detail-flow-token");
        showWhen(box, Bindings.isNotNull(value));
        return box;
    }

    private Node actions() {
        actionsBar.setId("detailActions");
        actionsBar.getStyleClass().add("detail-actions");
        actionsBar.setAlignment(Pos.CENTER_LEFT);
        dangerZone.setId("detailDangerZone");
        dangerZone.getStyleClass().add("detail-danger-zone");
        dangerZone.setAlignment(Pos.CENTER_RIGHT);
        showWhen(actionsBar, Bindings.isNotEmpty(actionsBar.getChildren()));
        showWhen(dangerZone, Bindings.isNotEmpty(dangerZone.getChildren()));
        Separator sep = new Separator();
        showWhen(sep, Bindings.isNotEmpty(actionsBar.getChildren()).or(Bindings.isNotEmpty(dangerZone.getChildren())));
        return new VBox(10, sep, actionsBar, dangerZone);
    }

    // ---- raw JSON ------------------------------------------------------------------------

    /**
     * The Raw JSON page, filled when its tab is first selected: a text area is among the dearest
     * controls to make and style, and the pane is built while the first rows load.
     */
    private Node rawJsonPage() {
        VBox page = new VBox();
        page.setId("detailRaw");
        page.getStyleClass().add("detail-raw");
        javafx.beans.InvalidationListener fill = new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable o) {
                if (tabs.getSelectionModel().getSelectedIndex() == 1) {
                    tabs.getSelectionModel().selectedIndexProperty().removeListener(this);
                    page.getChildren().setAll(rawJson());
                }
            }
        };
        tabs.getSelectionModel().selectedIndexProperty().addListener(fill);
        return page;
    }

    private Node rawJson() {
        Label caption = wrapping(I18n.tr("detail.raw.caption"), "detail-muted");
        HBox.setHgrow(caption, Priority.ALWAYS);
        Button copy = new Button(I18n.tr("detail.copy.rawJson"), new FontIcon(COPY_ICON));
        copy.setId("copyRawJson");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        LazyTooltip.install(copy, I18n.tr("detail.copy.rawJson.tooltip"));
        copy.setOnAction(e -> {
            if (vm.copyRawJson()) {
                flashCopied(copy);
            }
        });
        HBox bar = new HBox(10, caption, copy);
        bar.setAlignment(Pos.CENTER_LEFT);

        TextArea text = new TextArea();
        text.setId("rawJson");
        text.getStyleClass().add("detail-raw-json");
        text.setEditable(false);
        text.setWrapText(false);
        text.setPrefRowCount(44); // a whole status without an inner scroll bar
        text.textProperty().bind(Bindings.createStringBinding(
                () -> Objects.requireNonNullElse(vm.rawJsonProperty().get(), ""), vm.rawJsonProperty()));
        VBox.setVgrow(text, Priority.ALWAYS);
        var hasJson = Bindings.isNotNull(vm.rawJsonProperty());
        showWhen(bar, hasJson);
        showWhen(text, hasJson);

        Node missing = noStatusBanner("rawJsonMissing", "rawJsonRefresh", vm.rawJsonMessageProperty());
        VBox box = new VBox(8, missing, bar, text);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    // ---- small helpers -------------------------------------------------------------------

    private Button copyButton(String id, String tooltipKey, BooleanSupplier copy) {
        Button b = new Button(null, new FontIcon(COPY_ICON));
        b.setId(id);
        b.getStyleClass().addAll("detail-copy", "button-icon", "flat");
        b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setAccessibleText(I18n.tr(tooltipKey));
        LazyTooltip.install(b, I18n.tr(tooltipKey));
        b.setOnAction(e -> {
            if (copy.getAsBoolean()) {
                flashCopied(b);
            }
        });
        return b;
    }

    /** The button shows a check for a moment: the copy happened. */
    private static void flashCopied(Button b) {
        if (!(b.getGraphic() instanceof FontIcon icon)) {
            return;
        }
        icon.setIconLiteral(COPIED_ICON);
        b.getStyleClass().add("copied");
        PauseTransition back = new PauseTransition(COPIED_FEEDBACK);
        back.setOnFinished(e -> {
            icon.setIconLiteral(COPY_ICON);
            b.getStyleClass().remove("copied");
        });
        back.play();
    }

    private static Label mono(String id, ObservableValue<String> value) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("detail-mono");
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        l.textProperty().bind(value);
        return l;
    }

    private static Label wrapping(String text, String... styleClasses) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.getStyleClass().addAll(styleClasses);
        return l;
    }

    private static void showWhen(Node n, ObservableValue<Boolean> condition) {
        n.visibleProperty().bind(condition);
        n.managedProperty().bind(n.visibleProperty());
    }

    /** Keeps exactly one style class taken from {@code value} on {@code n}. */
    private static void bindStyleClass(Node n, ObservableValue<String> value) {
        String first = value.getValue();
        if (first != null) {
            n.getStyleClass().add(first);
        }
        // a binding is held weakly by what it observes: keep it alive as long as the node
        n.getProperties().put("detailView:styleClassSource", value);
        value.addListener((o, oldClass, newClass) -> {
            if (oldClass != null) {
                n.getStyleClass().remove(oldClass);
            }
            if (newClass != null) {
                n.getStyleClass().add(newClass);
            }
        });
    }

    private static void bindIcon(FontIcon icon, ObservableValue<String> literal) {
        icon.setIconLiteral(literal.getValue());
        icon.getProperties().put("detailView:iconSource", literal);
        literal.addListener((o, a, b) -> icon.setIconLiteral(b));
    }

    private static void putOnSystemClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
