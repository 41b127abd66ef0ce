package io.flanks.console.app;

import io.flanks.console.common.ErrorMessages;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.CredentialsView;
import io.flanks.console.credentials.CredentialsViewModel;
import io.flanks.console.detail.DetailView;
import io.flanks.console.detail.DetailViewModel;
import io.flanks.console.settings.Settings;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's content for one session: header (badge, search, banks, reload), quick
 * filters, the table beside the detail pane, and a status bar. Wiring only; state lives in
 * the view-models.
 */
public final class MainWindow {

    /** What the window asks of the application (menus that replace the whole window). */
    public interface Host {
        void openConnectionDialog();

        void setDarkTheme(boolean dark);

        boolean isDarkTheme();

        void setLanguage(Locale locale);

        void exit();
    }

    private final Session session;
    private final CredentialsViewModel credentials;
    private final DetailViewModel detail;
    private final CredentialsView credentialsView;
    private DetailView detailView;
    private final Host host;
    private final BorderPane root = new BorderPane();
    private final SplitPane split = new SplitPane();
    private final ScrollPane detailScroll = new ScrollPane();
    /** The detail pane exists; the action strip under it waits for it. */
    private final javafx.beans.property.BooleanProperty detailBuilt = new javafx.beans.property.SimpleBooleanProperty();
    /** Whether the detail pane's sections are added one a frame (the first window) or all at once. */
    private final boolean detailByFrames;
    /**
     * The window's top: menu bar, header, quick filters and error banner. In the first window they
     * come one a frame once its first rows are drawn, the top keeping their height meanwhile.
     */
    private final VBox chromeTop = new VBox();
    /** The top's pieces as they come, one group a frame: menu bar; header; quick filters with the error banner. */
    private java.util.List<java.util.List<javafx.scene.Node>> topGroups;
    /** The menu bar and the header, as {@link #build} made them (the first and second of {@link #topGroups}). */
    private MenuBar menuBar;
    private HBox headerBar;
    /** The status bar: the window's bottom, after the top's pieces (a place its height kept for it until then). */
    private StatusBar statusBar;
    private final Region bottomPlaceholder = new Region();
    /** All of the above are in the window. */
    private boolean chromeComplete;
    /** The detail pane's sections not yet added, when they are added one a frame. */
    private final java.util.ArrayDeque<Runnable> detailSections = new java.util.ArrayDeque<>();
    /** Done once the detail pane has been built and through its first layout: the window is complete. */
    private final java.util.concurrent.CompletableFuture<Void> detailLaidOut = new java.util.concurrent.CompletableFuture<>();
    /** Whether the window is showing; once it is, background work yields the CPU to it (see BackgroundPriority). */
    private final javafx.beans.value.ObservableValue<Boolean> showing = root.sceneProperty()
            .flatMap(javafx.scene.Scene::windowProperty).flatMap(javafx.stage.Window::showingProperty).orElse(false);

    public MainWindow(Session session, CredentialsViewModel credentials, DetailViewModel detail,
                      java.time.Clock clock, Host host) {
        this(session, credentials, detail, clock, host, false);
    }

    /**
     * {@code detailAfterFirstRows}: the window's first frame has the table alone; once it has
     * drawn its first rows (or the load ended without any), the menu bar, header, quick filters
     * and status bar come one a frame, in places kept for them at their heights, then the detail
     * pane over the frames after. In a cold JVM the skins, CSS and layout of those are
     * more than the table's own (the pane about as much as all the rest), and the rows are what a
     * person waits for.
     */
    public MainWindow(Session session, CredentialsViewModel credentials, DetailViewModel detail,
                      java.time.Clock clock, Host host, boolean detailAfterFirstRows) {
        this.session = session;
        this.credentials = credentials;
        this.detail = detail;
        this.host = host;
        this.credentialsView = new CredentialsView(credentials, clock);
        this.tableMakingRows = credentialsView::stillMakingRows;
        this.detailByFrames = detailAfterFirstRows;
        showing.addListener((o, was, now) -> {
            if (now) {
                io.flanks.console.common.BackgroundPriority.yieldToUi();
            }
        });
        build();
        installBulk(clock);
        root.setTop(chromeTop);
        if (detailAfterFirstRows) {
            chromeTop.setMinHeight(DEFAULT_TOP_HEIGHT);
            bottomPlaceholder.setMinHeight(DEFAULT_BOTTOM_HEIGHT);
            root.setBottom(bottomPlaceholder);
            Region blank = new Region();
            blank.getStyleClass().add("detail-pane"); // the pane's background until it is built
            detailScroll.setContent(blank);
            buildDetailAfterFirstRows();
        } else {
            topGroups.forEach(chromeTop.getChildren()::addAll);
            root.setBottom(statusBar);
            chromeComplete = true;
            buildDetail();
        }
    }

    /**
     * The heights kept for the top and the status bar before they come, until a window has
     * measured its own (see {@link #saveLayout}): theirs with the Primer theme's 14 px font, as
     * laid out here (Monocle); a system whose font differs by a pixel or two moves the rows that
     * much once, at its first start.
     */
    static final double DEFAULT_TOP_HEIGHT = 122;
    static final double DEFAULT_BOTTOM_HEIGHT = 30;

    /**
     * The menu bar, header, quick filters (with the error banner) and status bar, one a frame,
     * where their places were kept: in a cold JVM their skins, CSS and layout together took a
     * frame of 190-260 ms of UI-thread CPU. The top's kept height goes with its last piece.
     */
    private java.util.ArrayDeque<Runnable> chromeSteps() {
        java.util.ArrayDeque<Runnable> steps = new java.util.ArrayDeque<>();
        for (java.util.List<javafx.scene.Node> group : topGroups) {
            boolean last = group == topGroups.get(topGroups.size() - 1);
            steps.add(() -> {
                chromeTop.getChildren().addAll(group);
                if (last) {
                    chromeTop.setMinHeight(Region.USE_COMPUTED_SIZE); // the top's own height from now on
                }
            });
        }
        steps.add(() -> {
            root.setBottom(statusBar);
            chromeComplete = true;
        });
        return steps;
    }

    /**
     * Runs the steps one a frame, each after the layout pass of the one before (steps added
     * meanwhile too), marking each in the start-up trace; then {@code then}. A step waits while
     * the table is still making the rows of its first screenful (a few a frame): in a cold JVM a
     * frame that made rows and added a piece of the window took 60-98 ms of UI-thread CPU, one
     * that did either 15-38 ms, and the screenful came 0.2-0.4 s sooner.
     */
    private void oneAFrame(java.util.ArrayDeque<Runnable> steps, String mark, Runnable then) {
        afterLayoutWhen(this::rowsLeaveTheFrame, () -> {
            Runnable next = steps.poll();
            if (next == null) {
                then.run();
            } else {
                javafx.application.Platform.runLater(() -> {
                    StartupTrace.mark(mark);
                    next.run();
                    oneAFrame(steps, mark, then);
                });
            }
        });
    }

    /**
     * The most layout passes the window's pieces wait, all together, for the table to make its
     * first screenful of rows (about 2 s at 60 frames a second): a table that cannot make them
     * (no width to lay them out in) must not keep the window, and with it the rest of the load,
     * from completing.
     */
    static final int MOST_PASSES_WAITING_FOR_ROWS = 120;
    private int passesWaitedForRows;
    /** Whether the table is still making its first screenful of rows; tests may pretend it never ends. */
    java.util.function.BooleanSupplier tableMakingRows;

    /** A piece of the window may come in the next frame: the table makes no rows in it, or waited long enough. */
    private boolean rowsLeaveTheFrame() {
        if (passesWaitedForRows >= MOST_PASSES_WAITING_FOR_ROWS || !tableMakingRows.getAsBoolean()) {
            return true;
        }
        passesWaitedForRows++;
        javafx.application.Platform.requestNextPulse(); // the next pass comes even if nothing else changes
        return false;
    }

    public Parent root() {
        return root;
    }

    public CredentialsView credentialsView() {
        return credentialsView;
    }

    /**
     * Done once the detail pane is built and laid out (for the first window, in the frames after
     * its first rows; else with the window's first layout): the window is complete.
     */
    public java.util.concurrent.CompletionStage<Void> whenDetailLaidOut() {
        return detailLaidOut;
    }

    /**
     * Runs {@code then} once, after the first layout pass of this window's scene (whichever scene
     * it is in by then) in which {@code ready} holds.
     */
    private void afterLayoutWhen(java.util.function.BooleanSupplier ready, Runnable then) {
        io.flanks.console.common.LayoutPasses.afterLayoutWhen(root, ready, then);
    }

    /** The detail pane; built now if it was waiting for the first rows. */
    public DetailView detailView() {
        if (detailView == null) {
            buildDetail();
        }
        return detailView;
    }

    private void buildDetail() {
        if (detailView == null) {
            detailView = new DetailView(detail, detailByFrames ? detailSections::add : Runnable::run);
            detailScroll.setContent(detailView.root());
            if (detailByFrames) {
                detailSections.add(() -> detailBuilt.set(true)); // the action strip under it, last
            } else {
                detailBuilt.set(true);
            }
            StartupTrace.mark("detail pane built");
            addDetailSectionsFrameByFrame();
        }
    }

    /**
     * After the next layout pass (the CSS and layout of what was added last), adds the detail
     * pane's next section, between frames; once all are in and laid out, the pane is complete.
     */
    private void addDetailSectionsFrameByFrame() {
        oneAFrame(detailSections, "detail pane: next section", () -> {
            StartupTrace.mark("detail pane laid out");
            detailLaidOut.complete(null);
        });
    }

    /**
     * After the first layout pass that has rows in the table (that frame is drawn first), or after
     * one once the load has ended without rows: the menus, header and status bar in the next
     * frame, then the detail pane.
     */
    private void buildDetailAfterFirstRows() {
        afterLayoutWhen(() -> detailView != null || credentials.shownCountProperty().get() > 0
                        || !credentials.loadingProperty().get() && credentials.lastLoadedProperty().get() != null
                        || credentials.errorProperty().get() != null,
                () -> oneAFrame(chromeSteps(), "menus, header or status bar", () -> {
                    if (detailView == null) { // not built meanwhile by someone asking for it
                        javafx.application.Platform.runLater(this::buildDetail);
                    }
                }));
    }

    public SplitPane split() {
        return split;
    }

    private void build() {
        root.setId("mainWindow");
        menuBar = menuBar();
        headerBar = header();
        topGroups = java.util.List.of(java.util.List.of(menuBar), java.util.List.of(headerBar),
                java.util.List.of(chipsBar(), errorBanner())); // the banner is hidden but for errors

        detailScroll.setFitToWidth(true);
        detailScroll.setId("detailScroll");
        detailScroll.setMinWidth(420);
        // the action strip stays pinned under the scrolling detail, always in reach
        actionStrip.setId("actionStrip");
        actionStrip.getStyleClass().add("action-strip");
        actionStrip.setVisible(false);
        actionStrip.managedProperty().bind(actionStrip.visibleProperty());
        VBox.setVgrow(detailScroll, Priority.ALWAYS);
        VBox detailColumn = new VBox(detailScroll, actionStrip);
        detailColumn.setMinWidth(420);
        split.getItems().setAll(credentialsView.table(), detailColumn);
        split.setDividerPositions(0.66);
        SplitPane.setResizableWithParent(detailColumn, false);
        root.setCenter(split);
        statusBar = statusBar();
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
            }
        });
    }

    private MenuBar menuBar() {
        MenuItem connection = new MenuItem(I18n.tr("menu.connection"), new FontIcon("mdi2l-lan-connect"));
        connection.setId("menuConnection");
        connection.setOnAction(e -> host.openConnectionDialog());
        MenuItem exit = new MenuItem(I18n.tr("menu.exit"));
        exit.setOnAction(e -> host.exit());
        Menu file = new Menu(I18n.tr("menu.file"), null, connection, exit);
        fileMenu = file;

        CheckMenuItem dark = new CheckMenuItem(I18n.tr("menu.theme.dark"));
        dark.setId("menuDark");
        dark.setSelected(host.isDarkTheme());
        dark.setOnAction(e -> host.setDarkTheme(dark.isSelected()));
        Menu language = new Menu(I18n.tr("menu.language"));
        ToggleGroup langs = new ToggleGroup();
        for (Locale l : I18n.SUPPORTED) {
            RadioMenuItem item = new RadioMenuItem(l.getDisplayLanguage(l));
            item.setToggleGroup(langs);
            item.setSelected(l.getLanguage().equals(I18n.current().locale().getLanguage()));
            item.setOnAction(e -> host.setLanguage(l));
            language.getItems().add(item);
        }
        Menu view = new Menu(I18n.tr("menu.view"), null, dark, language);

        MenuItem shortcuts = new MenuItem(I18n.tr("menu.shortcuts"), new FontIcon("mdi2k-keyboard"));
        shortcuts.setId("menuShortcuts");
        shortcuts.setOnAction(e -> Dialogs.shortcuts(root.getScene().getWindow()));
        MenuItem about = new MenuItem(I18n.tr("menu.about"));
        about.setOnAction(e -> Dialogs.about(root.getScene().getWindow(), session));
        Menu help = new Menu(I18n.tr("menu.help"), null, shortcuts, about);
        return new MenuBar(file, view, help);
    }

    private HBox header() {
        Label badge = new Label(session.label());
        badge.setId("envBadge");
        badge.getStyleClass().addAll("env-badge", session.isSandbox() ? "env-sandbox"
                : session.environment().baseUrl().equals(io.flanks.console.api.Environment.PRODUCTION_URL)
                ? "env-production" : "env-other");
        badge.setGraphic(new FontIcon(session.isSandbox() ? "mdi2f-flask-outline" : "mdi2s-server-network"));
        Label title = new Label(I18n.tr("app.title"));
        title.getStyleClass().add("app-title");

        Button reload = new Button(I18n.tr("button.reload"), new FontIcon("mdi2r-refresh"));
        reload.setId("reload");
        reload.setOnAction(e -> credentials.reload());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        readOnlyBadge.setId("readOnlyBadge");
        readOnlyBadge.getStyleClass().addAll("env-badge", "env-readonly");
        readOnlyBadge.setGraphic(new FontIcon("mdi2e-eye-outline"));
        readOnlyBadge.setVisible(false);
        readOnlyBadge.managedProperty().bind(readOnlyBadge.visibleProperty());
        HBox box = new HBox(10, badge, readOnlyBadge, title, spacer, credentialsView.search(), credentialsView.banks(), reload);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(8, 10, 6, 10));
        box.getStyleClass().add("header-bar");
        return box;
    }

    private HBox chipsBar() {
        HBox chips = credentialsView.chips();
        chips.setPadding(new Insets(2, 10, 8, 10));
        return chips;
    }

    private HBox errorBanner() {
        Label summary = new Label();
        summary.setId("errorSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(Bindings.createStringBinding(() -> {
            ErrorMessages.Message m = credentials.errorProperty().get();
            return m == null ? "" : m.summary();
        }, credentials.errorProperty()));
        Hyperlink details = new Hyperlink(I18n.tr("error.details"));
        details.setId("errorDetails");
        details.setOnAction(e -> {
            ErrorMessages.Message m = credentials.errorProperty().get();
            if (m != null) {
                io.flanks.console.common.ErrorDialog.show(root.getScene().getWindow(), m);
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox banner = new HBox(8, new FontIcon("mdi2a-alert-circle"), summary, details, spacer);
        banner.setId("errorBanner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(6, 10, 6, 10));
        banner.getStyleClass().add("error-banner");
        banner.visibleProperty().bind(credentials.errorProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("statusBar");
        bar.textProperty().bind(credentials.statusMessageProperty());
        bar.progressProperty().bind(Bindings.when(credentials.loadingProperty())
                .then(credentials.progressProperty()).otherwise(0.0));

        Label stale = new Label(I18n.tr("status.stale"));
        stale.setId("staleMarker");
        stale.getStyleClass().add("stale-marker");
        stale.visibleProperty().bind(credentials.staleProperty());
        stale.managedProperty().bind(stale.visibleProperty());

        Label shown = new Label();
        shown.setId("shownCount");
        shown.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.tr("status.shown", credentials.shownCountProperty().get(), credentials.totalCountProperty().get()),
                credentials.shownCountProperty(), credentials.totalCountProperty()));

        Button cancel = new Button(I18n.tr("button.cancel"));
        cancel.setId("cancelLoad");
        cancel.visibleProperty().bind(credentials.loadingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> credentials.cancelLoad());
        cancel.getStyleClass().add("small");
        bar.getRightItems().setAll(stale, shown, cancel);
        return bar;
    }

    private void installShortcuts(javafx.scene.Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                credentialsView::focusSearch);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN),
                credentials::reload);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5),
                () -> credentials.refreshStatus(credentials.selectedProperty().get()));
        menuShortcutsUntilTheMenuBarIsIn(scene);
    }

    /**
     * A menu item's shortcut (Ctrl+E, Ctrl+Shift+F5) works from the window's first frame: the
     * menu bar registers its items' shortcuts with the scene only once it is in it, which for the
     * first window is a few frames after its first rows. Until then the scene has them itself;
     * the menu bar's own take their places when it comes.
     */
    private void menuShortcutsUntilTheMenuBarIsIn(javafx.scene.Scene scene) {
        if (chromeComplete) {
            return; // the menu bar is in the window from its first frame
        }
        // plain loops and a named class: this runs before the first frame, where a stream
        // pipeline's first use and each lambda's bootstrap cost milliseconds in a cold JVM
        for (Menu menu : menuBar.getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (item.getAccelerator() != null) {
                    scene.getAccelerators().put(item.getAccelerator(), new FireIfEnabled(item));
                }
            }
        }
    }

    /** A menu item's shortcut while its menu bar is not in the window yet. */
    private record FireIfEnabled(MenuItem item) implements Runnable {
        @Override
        public void run() {
            if (!item.isDisable() && item.isVisible()) {
                item.fire();
            }
        }
    }

    // ---- actions (force, delete) ---------------------------------------------------------

    private final Label readOnlyBadge = new Label(I18n.tr("badge.readOnly"));
    private final VBox actionStrip = new VBox(8);
    private Menu fileMenu;

    /**
     * Puts the action buttons into the detail pane (delete apart, in its danger zone), the
     * context menu and shortcuts on the table, and the audit / link / read-only items in the
     * File menu.
     */
    public void installActions(io.flanks.console.actions.ActionsView actions,
                               io.flanks.console.actions.ActionsViewModel actionsVm,
                               Runnable openAuditLog, Runnable openLinkTemplates, Runnable toggleReadOnly) {
        javafx.scene.layout.FlowPane forces = new javafx.scene.layout.FlowPane(8, 8);
        forces.getChildren().setAll(actions.forceControls());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox danger = new HBox(gap, actions.deleteButton()); // delete stands apart, never the default
        danger.getStyleClass().add("danger-row");
        // into the scene with the detail pane: hidden controls still cost CSS and skins in a first frame
        if (detailBuilt.get()) {
            actionStrip.getChildren().setAll(forces, danger);
        } else {
            detailBuilt.addListener((o, was, built) -> actionStrip.getChildren().setAll(forces, danger));
        }
        actionStrip.visibleProperty().bind(actionsVm.readOnlyProperty().not().and(detailBuilt));
        readOnlyBadge.visibleProperty().bind(actionsVm.readOnlyProperty());
        MenuItem audit = new MenuItem(I18n.tr("audit.menu"), new FontIcon("mdi2c-clipboard-text-clock-outline"));
        audit.setId("menuAudit");
        audit.setOnAction(e -> openAuditLog.run());
        MenuItem links = new MenuItem(I18n.tr("link.settings"), new FontIcon("mdi2l-link-variant"));
        links.setId("menuLinks");
        links.setOnAction(e -> openLinkTemplates.run());
        CheckMenuItem readOnly = new CheckMenuItem(I18n.tr("readOnly.menu"));
        readOnly.setId("menuReadOnly");
        readOnly.setSelected(actionsVm.readOnlyProperty().get());
        readOnly.setOnAction(e -> toggleReadOnly.run());
        fileMenu.getItems().addAll(0, java.util.List.of(audit, links, readOnly, new javafx.scene.control.SeparatorMenuItem()));
        Runnable wire = () -> actions.install(credentialsView.table(), root.getScene());
        if (root.getScene() != null) {
            wire.run();
        } else {
            root.sceneProperty().addListener((o, a, scene) -> {
                if (scene != null && a == null) {
                    wire.run();
                }
            });
        }
    }

    // ---- bulk: refresh selected, export view, auto-refresh ---------------------------------

    private io.flanks.console.bulk.BulkView bulkView;

    public io.flanks.console.bulk.BulkView bulkView() {
        return bulkView;
    }

    /**
     * Auto-refresh toggle at the end of the header; export and refresh-selected (with their own
     * progress and cancel) in the status bar; Export in File, Refresh selected and Mark all seen
     * in View, with their shortcuts (Ctrl+E, Ctrl+Shift+F5).
     */
    private void installBulk(java.time.Clock clock) {
        bulkView = new io.flanks.console.bulk.BulkView(credentials, clock);
        Menu file = menuBar.getMenus().get(0);
        file.getItems().addAll(Math.max(0, file.getItems().size() - 1),
                java.util.List.of(bulkView.exportMenuItem(), new javafx.scene.control.SeparatorMenuItem()));
        menuBar.getMenus().get(1).getItems().add(new javafx.scene.control.SeparatorMenuItem());
        menuBar.getMenus().get(1).getItems().addAll(bulkView.viewMenuItems());
        headerBar.getChildren().add(credentialsView.autoRefresh());
        statusBar.getRightItems().addAll(bulkView.statusItems());
    }

    /**
     * This window is being replaced (a language, environment or read-only change): its load
     * stops. Left running, a big account's load went on filling rows no one would see, beside
     * the new window's load; the first window's, held until the window was complete, kept a
     * background thread waiting the hold's ten seconds for a window that never would be.
     * A refresh of selected rows stops too: it went on asking the old environment for every
     * status left, and writing them to a history nobody had open. An export goes on: the file
     * was asked for.
     */
    public void close() {
        credentials.cancelLoad();
        bulkView.refreshViewModel().cancel(); // made by the constructor
    }

    /**
     * Saves column layout, the split position, and the heights of the top and the status bar
     * (the next start keeps exactly those places for them until they come).
     */
    public void saveLayout(Settings s) {
        credentialsView.saveAutoRefresh(s);
        credentialsView.saveColumns(s);
        s.put("window.divider", String.valueOf(split.getDividerPositions()[0]));
        if (chromeComplete && chromeTop.getHeight() > 0 && credentials.errorProperty().get() == null) { // no error banner in it
            s.put("window.topHeight", String.valueOf(chromeTop.getHeight()));
            s.put("window.bottomHeight", String.valueOf(statusBar.getHeight()));
        }
    }

    public void restoreLayout(Settings s) {
        credentialsView.restoreAutoRefresh(s);
        credentialsView.restoreColumns(s);
        split.setDividerPositions(Math.min(0.85, Math.max(0.3, s.getDouble("window.divider", 0.66))));
        if (!chromeComplete) {
            chromeTop.setMinHeight(plausibleHeight(s.getDouble("window.topHeight", DEFAULT_TOP_HEIGHT), DEFAULT_TOP_HEIGHT));
            bottomPlaceholder.setMinHeight(plausibleHeight(s.getDouble("window.bottomHeight", DEFAULT_BOTTOM_HEIGHT), DEFAULT_BOTTOM_HEIGHT));
        }
    }

    /** A remembered height, unless a hand-edited or damaged settings file makes it absurd. */
    private static double plausibleHeight(double remembered, double fallback) {
        return remembered > 0 && remembered < fallback * 4 ? remembered : fallback;
    }

}
