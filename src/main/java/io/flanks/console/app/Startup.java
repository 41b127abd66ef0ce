package io.flanks.console.app;

import io.flanks.console.api.Environment;
import io.flanks.console.api.Secrets;
import io.flanks.console.common.I18n;
import io.flanks.console.settings.AppDirs;
import io.flanks.console.settings.SecretStore;
import io.flanks.console.settings.Settings;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.LoggerFactory;

/**
 * The part of a start that needs no JavaFX toolkit, begun by the launcher on its own thread
 * while the toolkit starts: logging, the settings and strings, the initial session (the built-in sandbox is
 * started here) and its token and first page of credentials. The window, built once the toolkit
 * is up, finds them ready or nearly so.
 * <p>
 * No static logger here: creating one would set up logging on the launcher's thread, the very
 * work this class takes off it.
 */
public final class Startup {

    /** What the window starts with. {@code askForSecret}: the API was chosen but its secret is unknown. */
    public record Initial(Settings settings, Session session, String secretInMemory, SecretStore secretStore,
                          boolean askForSecret) {
    }

    /** The start the launcher began, for the application object JavaFX creates. */
    private static volatile Startup current;

    private final CommandLine commandLine;
    private final AppDirs dirs;
    private final CompletableFuture<Settings> settingsReady = new CompletableFuture<>();
    private final CompletableFuture<Initial> initial = new CompletableFuture<>();
    private final CompletableFuture<Void> firstPage = new CompletableFuture<>();

    private Startup(CommandLine commandLine, AppDirs dirs) {
        this.commandLine = commandLine;
        this.dirs = dirs;
    }

    /** Starts the work on a daemon thread and returns at once. */
    public static Startup begin(CommandLine cl, AppDirs dirs) {
        return begin(cl, dirs, Startup::openSandbox);
    }

    static Startup begin(CommandLine cl, AppDirs dirs, SandboxStarter sandbox) {
        Startup s = new Startup(cl, dirs);
        Thread t = new Thread(() -> s.run(cl, dirs, sandbox), "console-startup");
        t.setDaemon(true);
        t.start();
        return s;
    }

    /**
     * Begins the start-up work, then opens the window (blocks until the application ends). The
     * application class is not touched before the work has begun: its logger would otherwise set
     * up logging here, on the critical path, instead of on the start-up thread.
     */
    public static void launch(CommandLine cl, AppDirs dirs) {
        current = begin(cl, dirs);
        StartupTrace.mark("launch");
        javafx.application.Application.launch(ConsoleApp.class);
    }

    static Startup current() {
        return current;
    }

    CommandLine commandLine() {
        return commandLine;
    }

    AppDirs dirs() {
        return dirs;
    }

    /** Starts a sandbox session; a seam for tests. */
    @FunctionalInterface
    interface SandboxStarter {
        Session start() throws IOException;
    }

    private void run(CommandLine cl, AppDirs dirs, SandboxStarter sandbox) {
        try {
            LoggerFactory.getILoggerFactory(); // logging first: later steps log
            StartupTrace.mark("logging");
            Settings settings = new Settings(dirs.config());
            // the strings (five bundles) load here, not on the FX thread
            I18n.use(Locale.forLanguageTag(settings.get("language", I18n.defaultLocale().getLanguage())));
            settingsReady.complete(settings); // the theme and the stage can go ahead while the sandbox starts
            Initial init = open(cl, settings, sandbox);
            StartupTrace.mark("session");
            initial.complete(init);
            // the first page's request overlaps the window being built; the first load takes it
            init.session().client().prefetchFirstPage();
            StartupTrace.mark("first page");
            firstPage.complete(null);
        } catch (IOException e) {
            settingsReady.completeExceptionally(e);
            initial.completeExceptionally(new IllegalStateException("The built-in sandbox could not start: " + e.getMessage(), e));
        } catch (RuntimeException | Error e) {
            settingsReady.completeExceptionally(e);
            initial.completeExceptionally(e);
        } finally {
            firstPage.complete(null);
        }
    }

    /** The session a start opens: the command line's API, the API chosen in the settings, else the sandbox. */
    static Initial open(CommandLine cl, Settings settings, SandboxStarter sandbox) throws IOException {
        if (cl.apiUrl() != null) {
            Secrets.register(cl.clientSecret());
            return new Initial(settings, Session.remote(new Environment(null, cl.apiUrl(), cl.clientId(), cl.clientSecret())),
                    cl.clientSecret(), null, false);
        }
        if ("api".equals(settings.get("env.kind", "sandbox"))) {
            String url = settings.get("env.url", Environment.PRODUCTION_URL);
            String clientId = settings.get("env.clientId", "");
            SecretStore store = null;
            String secret = System.getenv("FLANKS_CLIENT_SECRET");
            if (secret == null || secret.isBlank()) {
                store = SecretStore.detect(); // probes the keychain: better here than on the FX thread
                secret = store.load(SecretStore.account(url, clientId)).orElse(null);
            }
            if (secret != null && !secret.isBlank()) {
                Secrets.register(secret);
                return new Initial(settings, Session.remote(new Environment(null, url, clientId, secret)), secret, store, false);
            }
            // the secret is never stored: start on the sandbox and ask for it
            return new Initial(settings, sandbox.start(), null, store, true);
        }
        return new Initial(settings, sandbox.start(), null, null, false);
    }

    private static Session openSandbox() throws IOException {
        return Session.sandbox();
    }

    /** The initial state, as a future (tests). */
    CompletableFuture<Initial> initial() {
        return initial;
    }

    /** Done once the first page was asked for, or the start failed (tests). */
    CompletableFuture<Void> firstPageAskedFor() {
        return firstPage;
    }

    /** The settings, as a future (tests). */
    CompletableFuture<Settings> settings() {
        return settingsReady;
    }

    /**
     * Runs {@code then} on the FX thread with the settings (and the strings loaded in their
     * language), usually before the session is ready; nothing if the start fails (see
     * {@link #whenReady}).
     */
    public void whenSettings(Consumer<Settings> then) {
        if (settingsReady.isDone() && Platform.isFxApplicationThread()) {
            if (!settingsReady.isCompletedExceptionally()) {
                then.accept(settingsReady.join());
            }
        } else {
            settingsReady.thenAccept(st -> Platform.runLater(() -> then.accept(st)));
        }
    }

    /**
     * Runs {@code then} on the FX thread with the initial state: at once when it is ready (the
     * usual case, the toolkit takes longer), else as soon as it is; {@code failed} if it failed.
     */
    public void whenReady(Consumer<Initial> then, Consumer<Throwable> failed) {
        if (initial.isDone() && Platform.isFxApplicationThread()) {
            deliver(then, failed);
        } else {
            initial.whenComplete((i, e) -> Platform.runLater(() -> deliver(then, failed)));
        }
    }

    private void deliver(Consumer<Initial> then, Consumer<Throwable> failed) {
        Initial i;
        try {
            i = initial.join();
        } catch (java.util.concurrent.CompletionException e) {
            failed.accept(e.getCause() == null ? e : e.getCause());
            return;
        }
        then.accept(i);
    }
}
