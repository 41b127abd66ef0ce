package io.flanks.console.bulk;

import io.flanks.console.common.Background;
import io.flanks.console.common.ErrorMessages;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.CredentialRow;
import io.flanks.console.credentials.CredentialsViewModel;
import io.flanks.console.credentials.Health;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Export view": the rows the table shows (after search and filters, in its sort order) as a
 * CSV file. The rows are taken on the UI thread when the export starts (once a sort still
 * running in the background is shown); the file is written in the background, atomically, and
 * the status bar says where and how many. Nothing is opened.
 */
public final class ExportViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ExportViewModel.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private final CredentialsViewModel credentials;
    private final Background background;
    private final Clock clock;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Path> lastFile = new ReadOnlyObjectWrapper<>(this, "lastFile");
    private final ReadOnlyObjectWrapper<ErrorMessages.Message> error = new ReadOnlyObjectWrapper<>(this, "error");

    public ExportViewModel(CredentialsViewModel credentials, Clock clock) {
        this(credentials, credentials.background(), clock);
    }

    public ExportViewModel(CredentialsViewModel credentials, Background background, Clock clock) {
        this.credentials = credentials;
        this.background = background;
        this.clock = clock;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What the last export did, in a sentence (also put in the status bar). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The file the last export wrote, or {@code null}. */
    public ReadOnlyObjectProperty<Path> lastFileProperty() {
        return lastFile.getReadOnlyProperty();
    }

    /** Why the last export failed, or {@code null}. */
    public ReadOnlyObjectProperty<ErrorMessages.Message> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** {@code flanks-credentials-YYYYMMDD-HHMM.csv}, in the computer's time zone. */
    public String defaultFileName() {
        return "flanks-credentials-" + STAMP.format(clock.instant().atZone(ZoneId.systemDefault())) + ".csv";
    }

    /**
     * Writes the rows shown to {@code target}; ignored while an export is running. If the table
     * is still sorting by a header just clicked (many rows sort in the background), the rows are
     * taken once they are shown in that order: the file has the order the header shows.
     */
    public void export(Path target) {
        if (running.get()) {
            return;
        }
        running.set(true);
        credentials.whenOrdered(() -> write(target));
    }

    private void write(Path target) {
        List<CredentialRow> shown = credentials.shownRows();
        java.util.Map<Health, String> words = new java.util.EnumMap<>(Health.class);
        for (Health h : Health.values()) {
            words.put(h, I18n.tr(h.key()));
        }
        List<CsvExport.Line> lines = new ArrayList<>(shown.size());
        for (CredentialRow r : shown) {
            lines.add(CsvExport.Line.of(r, words.get(r.health())));
        }
        error.set(null);
        credentials.showStatus(I18n.tr("export.running", lines.size()));
        background.submit("export csv", j -> CsvExport.write(lines, target, j::isCancelled),
                n -> {
                    running.set(false);
                    lastFile.set(target);
                    say(I18n.tr("export.done", n, target.toAbsolutePath().toString()));
                },
                e -> {
                    running.set(false);
                    if (e instanceof CancellationException) {
                        say(I18n.tr("export.cancelled"));
                        return;
                    }
                    LOG.warn("Export to {} failed: {}", target, e.toString());
                    ErrorMessages.Message m = e instanceof IOException
                            ? new ErrorMessages.Message(I18n.tr("export.failed", target.toAbsolutePath().toString()), e.toString())
                            : ErrorMessages.of(e);
                    error.set(m);
                    say(m.summary());
                });
    }

    private void say(String text) {
        message.set(text);
        credentials.showStatus(text);
    }
}
