package io.flanks.console.app;

import io.flanks.console.actions.ActionsView;
import io.flanks.console.actions.ActionsViewModel;
import io.flanks.console.actions.LinkTemplates;
import io.flanks.console.actions.LinkTemplatesDialog;
import io.flanks.console.audit.AuditLog;
import io.flanks.console.audit.AuditWindow;
import io.flanks.console.common.Buttons;
import io.flanks.console.common.FxBackground;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.CredentialsViewModel;
import io.flanks.console.detail.DetailViewModel;
import io.flanks.console.settings.AppDirs;
import io.flanks.console.settings.ConnectionDialog;
import io.flanks.console.settings.SecretStore;
import io.flanks.console.settings.Settings;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the console together (constructor wiring, no framework): settings, the session
 * (sandbox or API), the background executor, view-models and the main window.
 */
public final class ConsoleApp extends Application implements MainWindow.Host {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);

    /** What the launcher began; without the launcher (a bare {@code Application.launch}), defaults. */
    private final Startup startup = Startup.current() != null ? Startup.current()
            : Startup.begin(new CommandLine(null, null, false, false, false, false, null, null, false), AppDirs.of(null));
    private final CommandLine commandLine = startup.commandLine();
    private final AppDirs dirs = startup.dirs();

    private final Clock clock = Clock.systemUTC();
    private Settings settings;
    private FxBackground background;
    private Stage stage;
    private Session session;
    private MainWindow window;
    private DetailViewModel detail;
    private String secretInMemory;
    private AuditLog audit;
    private SecretStore secretStore;
    private ActionsViewModel actionsVm;
    private boolean dark;

    @Override
    public void start(Stage primary) {
        StartupTrace.mark("start()");
        this.stage = primary;
        CrashHandler.install(() -> stage);
        background = new FxBackground(6); // a bulk refresh takes 4; a reload must not wait behind it
        startup.whenSettings(this::prepare);
        startup.whenReady(this::open, this::failedToOpen);
    }

    /** The settings are ready (usually before the session): theme and stage. Once, whichever comes first. */
    private void prepare(Settings loaded) {
        if (settings != null) {
            return;
        }
        settings = loaded;
        audit = new AuditLog(dirs.data()); // the strings are loaded already, in the settings' language
        dark = settings.getBoolean("theme.dark", false);
        applyTheme();
        StartupTrace.mark("theme");

        size(stage, settings, javafx.stage.Screen.getPrimary().getVisualBounds());
        // decoded off the FX thread: the first frame need not wait for six PNGs
        background.submit("icons", job -> Icons.load(), stage.getIcons()::setAll,
                e -> LOG.warn("Window icons not loaded: {}", e.toString()));
        stage.setOnCloseRequest(e -> saveWindow());
    }

    /**
     * The window's saved size (or the default, 1400 x 850), no larger than the screen's usable
     * area: a window saved on a bigger monitor, or the default on a 1366 x 768 laptop, would
     * otherwise open with its status bar and action buttons off the screen. The minimum size
     * (900 x 560) shrinks too on a screen smaller than that.
     */
    static void size(Stage stage, Settings settings, javafx.geometry.Rectangle2D screen) {
        stage.setWidth(Math.min(saved(settings, "window.width", 1400), screen.getWidth()));
        stage.setHeight(Math.min(saved(settings, "window.height", 850), screen.getHeight()));
        stage.setMinWidth(Math.min(900, screen.getWidth()));
        stage.setMinHeight(Math.min(560, screen.getHeight()));
    }

    /** A saved size, or the default where the settings have none or an unusable one (edited by hand: "NaN", "-1"). */
    private static double saved(Settings settings, String key, double def) {
        double v = settings.getDouble(key, def);
        return Double.isFinite(v) && v > 0 ? v : def;
    }

    /** The initial session is ready too: build and show the window. */
    private void open(Startup.Initial init) {
        prepare(init.settings());
        secretInMemory = init.secretInMemory();
        secretStore = init.secretStore();
        show(init.session());
        if (init.askForSecret()) {
            Platform.runLater(this::openConnectionDialog);
        }
        if (settings.loadWarning() != null && !commandLine.smokeTest()) {
            String warning = settings.loadWarning();
            Platform.runLater(() -> warn(warning)); // after the window, whose first show is queued too
        }
    }

    /** No session to show (the sandbox did not start): say so, then end, as a failed start always did. */
    private void failedToOpen(Throwable e) {
        LOG.error("The console could not start", e);
        if (commandLine.smokeTest()) {
            System.out.println("SMOKE FAILED: " + e.getMessage());
            System.out.flush();
            System.exit(1);
        }
        Alert a = new Alert(Alert.AlertType.ERROR, e.getMessage(), Buttons.close());
        a.setHeaderText(I18n.tr("crash.title"));
        a.showAndWait();
        Platform.exit();
    }

    /** The OS keychain if one answers, else memory; probed once, when first needed. */
    private SecretStore secretStore() {
        if (secretStore == null) {
            secretStore = SecretStore.detect();
        }
        return secretStore;
    }

    private Session startSandbox() {
        try {
            return Session.sandbox();
        } catch (java.io.IOException e) {
            LOG.error("The built-in sandbox could not start", e);
            throw new IllegalStateException("The built-in sandbox could not start: " + e.getMessage(), e);
        }
    }

    /** Builds the window for a session (again after a language or environment change). */
    private void show(Session s) {
        if (window != null) {
            window.saveLayout(settings);
            window.close();
        }
        if (session != null && session != s) {
            session.close();
        }
        session = s;
        CredentialsViewModel credentials = new CredentialsViewModel(s.client(), background, clock);
        // the first requests overlap building and showing the window; a big account's other pages wait for it to be complete
        FirstShow first = FirstShow.load(stage, credentials);
        if (detail != null) {
            detail.dispose(); // the old window's pane stops listening to its rows
        }
        detail = new DetailViewModel(credentials, clock);
        // status history, a file per environment (the sandbox's port changes on every start); closed by detail.dispose()
        detail.useHistory(io.flanks.console.history.StatusRecorder.attach(credentials, dirs.data(),
                s.isSandbox() ? "sandbox" : s.environment().baseUrl(), s.environment().baseUrl(), audit, clock), background);
        StartupTrace.mark("view-models");
        // the first window draws its rows before building the detail pane; later ones at once
        window = new MainWindow(s, credentials, detail, clock, this, window == null);
        StartupTrace.mark("main window built");
        installActions(s, credentials);
        window.restoreLayout(settings);
        if (dark) {
            window.root().getStyleClass().add("theme-dark");
        }
        Scene scene = stage.getScene();
        if (scene == null) {
            scene = new Scene(window.root());
            stage.setScene(scene);
        } else {
            scene.setRoot(window.root());
        }
        scene.getStylesheets().setAll(Objects.requireNonNull(getClass().getResource("/css/app.css")).toExternalForm());
        stage.setTitle(I18n.tr("app.title") + " — " + s.label());
        if (commandLine.smokeTest()) {
            new SmokeMonitor(scene, credentials, detail, window.credentialsView()::stillMakingRows, s.label(), System.out, code -> {
                saveWindow();
                Platform.exit();
                System.exit(code);
            }).start();
        }
        if (StartupTrace.enabled()) {
            credentials.totalCountProperty().addListener((o, a, b) -> StartupTrace.mark("rows " + b));
        }
        first.show(window.whenDetailLaidOut()); // the rest of the load once the window is complete
    }

    private void installActions(Session s, CredentialsViewModel credentials) {
        boolean readOnly = commandLine.readOnly() || settings.getBoolean(readOnlyKey(s), false);
        actionsVm = new ActionsViewModel(s.client(), background, credentials, audit, s.label(),
                new LinkTemplates(settings), readOnly, clock);
        ActionsView actionsView = new ActionsView(actionsVm, credentials, () -> stage);
        window.installActions(actionsView, actionsVm,
                () -> new AuditWindow(stage, audit, background, stage.getScene().getStylesheets()).show(),
                () -> LinkTemplatesDialog.show(stage, new LinkTemplates(settings)),
                () -> {
                    settings.put(readOnlyKey(s), String.valueOf(!actionsVm.readOnlyProperty().get()));
                    settings.save();
                    show(session); // rebuild: every action appears or disappears at once
                });
    }

    /** Read-only is remembered per environment (its base URL, or the sandbox). */
    private static String readOnlyKey(Session s) {
        return "readOnly." + (s.isSandbox() ? "sandbox" : s.environment().baseUrl());
    }

    @Override
    public void openConnectionDialog() {
        ConnectionDialog.show(stage, settings, background, secretInMemory, secretStore()).ifPresent(choice -> {
            if (choice.sandbox()) {
                secretInMemory = null;
                show(session.isSandbox() ? session : startSandbox());
            } else {
                secretInMemory = choice.environment().clientSecret();
                show(Session.remote(choice.environment()));
            }
        });
    }

    @Override
    public void setDarkTheme(boolean on) {
        dark = on;
        settings.put("theme.dark", String.valueOf(on));
        applyTheme();
    }

    @Override
    public boolean isDarkTheme() {
        return dark;
    }

    private void applyTheme() {
        Theme.apply(dark);
        if (window != null) {
            window.root().getStyleClass().remove("theme-dark");
            if (dark) {
                window.root().getStyleClass().add("theme-dark");
            }
        }
    }

    @Override
    public void setLanguage(Locale locale) {
        I18n.use(locale);
        settings.put("language", locale.getLanguage());
        show(session);
    }

    @Override
    public void exit() {
        saveWindow();
        Platform.exit();
    }

    private void warn(String text) {
        Alert a = new Alert(Alert.AlertType.WARNING, text, Buttons.ok());
        a.initOwner(stage);
        a.show();
    }

    private void saveWindow() {
        if (!stage.isMaximized() && stage.getWidth() > 0) {
            settings.put("window.width", String.valueOf(stage.getWidth()));
            settings.put("window.height", String.valueOf(stage.getHeight()));
        }
        if (window != null) {
            window.saveLayout(settings);
        }
        settings.save();
    }

    @Override
    public void stop() {
        if (session != null) {
            session.close();
        }
        if (background != null) {
            background.close();
        }
    }
}
