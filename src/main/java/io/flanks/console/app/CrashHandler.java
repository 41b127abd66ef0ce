package io.flanks.console.app;

import io.flanks.console.api.Secrets;
import io.flanks.console.common.Buttons;
import io.flanks.console.common.I18n;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default uncaught-exception handler: logs the error once, shows a plain message with a
 * copyable report (secrets blanked), and lets the console keep running. One dialog at a time,
 * so a failure repeated every frame cannot bury the window.
 */
public final class CrashHandler implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CrashHandler.class);

    private final java.util.function.Supplier<Window> owner;
    private final AtomicBoolean showing = new AtomicBoolean();

    public CrashHandler(java.util.function.Supplier<Window> owner) {
        this.owner = owner;
    }

    public static void install(java.util.function.Supplier<Window> owner) {
        CrashHandler h = new CrashHandler(owner);
        Thread.setDefaultUncaughtExceptionHandler(h);
        if (Platform.isFxApplicationThread()) {
            Thread.currentThread().setUncaughtExceptionHandler(h);
        }
    }

    /** The report a person may copy: version, thread, and the redacted stack trace. */
    public static String report(Thread t, Throwable e) {
        StringWriter sw = new StringWriter();
        e.printStackTrace(new PrintWriter(sw));
        return Secrets.redact("Flanks Credentials Console " + Version.get() + "\nJava "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + "\nThread: "
                + t.getName() + "\n\n" + sw);
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        LOG.error("Unexpected error on thread {}", t.getName(), e);
        if (!showing.compareAndSet(false, true)) {
            return;
        }
        String report = report(t, e);
        Runnable show = () -> {
            try {
                Alert a = new Alert(Alert.AlertType.ERROR, I18n.tr("crash.message"), Buttons.close());
                a.getDialogPane().setId("crashDialog");
                Window w = owner.get();
                if (w != null && w.isShowing()) {
                    a.initOwner(w);
                }
                a.setHeaderText(I18n.tr("crash.title"));
                TextArea area = new TextArea(report);
                area.setEditable(false);
                area.setId("crashReport");
                area.getStyleClass().add("mono");
                a.getDialogPane().setExpandableContent(area);
                a.setOnHidden(ev -> showing.set(false));
                a.show();
            } catch (RuntimeException again) {
                showing.set(false);
                LOG.error("Could not show the error dialog", again);
            }
        };
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            try {
                Platform.runLater(show);
            } catch (IllegalStateException toolkitGone) {
                showing.set(false);
            }
        }
    }
}
