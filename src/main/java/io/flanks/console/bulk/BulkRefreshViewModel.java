package io.flanks.console.bulk;

import io.flanks.console.api.ApiException;
import io.flanks.console.api.CredentialStatus;
import io.flanks.console.api.FlanksClient;
import io.flanks.console.common.Background;
import io.flanks.console.common.ErrorMessages;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.CredentialRow;
import io.flanks.console.credentials.CredentialsViewModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Refresh selected": re-fetches the status of every selected row, a few at a time, with
 * progress, cancel and one plain summary at the end. Each status reaches its row through
 * {@link CredentialsViewModel#applyRefreshedStatus} (observers hear of it; a changed health is
 * marked); a credential gone at the server is removed as a single refresh does.
 */
public final class BulkRefreshViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(BulkRefreshViewModel.class);
    /** Status calls in flight at once: polite to the server, and the app's executor has four threads. */
    public static final int DEFAULT_CONCURRENCY = 4;
    private static final int NAMES_IN_SUMMARY = 3;
    /**
     * From this many selected rows, "refresh selected" asks before it starts: Ctrl+A over a big
     * account selects every row, and one more shortcut would send 100,000 status calls to the
     * aggregator (over eight minutes at four at a time and 20 ms a call).
     */
    public static final int ASK_FROM = 200;

    private final FlanksClient client;
    private final Background background;
    private final CredentialsViewModel credentials;
    private final int concurrency;

    // Properties: read-only state
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyIntegerWrapper completed = new ReadOnlyIntegerWrapper(this, "completed");
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final BooleanBinding canRefresh;

    private Run run;

    public BulkRefreshViewModel(CredentialsViewModel credentials) {
        this(credentials.client(), credentials.background(), credentials, DEFAULT_CONCURRENCY);
    }

    public BulkRefreshViewModel(FlanksClient client, Background background, CredentialsViewModel credentials,
                                int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.client = client;
        this.background = background;
        this.credentials = credentials;
        this.concurrency = concurrency;
        canRefresh = Bindings.isNotEmpty(credentials.selectedRows()).and(running.not());
    }

    // ---- Properties ----------------------------------------------------------------------

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0..1 of the current or last run. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty completedProperty() {
        return completed.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** The last run's plain summary ("Refreshed 37 of 40; 3 failed: …"), also shown in the status bar. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Rows are selected and no run is going. */
    public ObservableBooleanValue canRefreshProperty() {
        return canRefresh;
    }

    public int concurrency() {
        return concurrency;
    }

    /** Whether refreshing the {@code rows} selected asks first ({@link #ASK_FROM}). */
    public static boolean asksFirst(int rows) {
        return rows >= ASK_FROM;
    }

    // ---- Commands ------------------------------------------------------------------------

    /** Refreshes the rows selected in the table. */
    public void refreshSelected() {
        refresh(List.copyOf(credentials.selectedRows()));
    }

    /** Refreshes {@code rows} (duplicates ignored); ignored while a run is going. */
    public void refresh(List<CredentialRow> rows) {
        if (run != null || rows.isEmpty()) {
            return;
        }
        run = new Run(new ArrayList<>(new LinkedHashSet<>(rows)));
        running.set(true);
        total.set(run.total);
        completed.set(0);
        progress.set(0);
        summary.set("");
        credentials.showStatus(I18n.tr("bulk.refresh.progress", 0, run.total));
        run.pump();
    }

    /** Stops the run: calls in flight are abandoned, the rest never start. */
    public void cancel() {
        Run r = run;
        if (r == null) {
            return;
        }
        r.cancelled = true;
        for (Map.Entry<CredentialRow, Background.Job> e : r.inFlight.entrySet()) {
            e.getValue().cancel();
            credentials.refreshing().remove(e.getKey().token());
        }
        r.inFlight.clear();
        r.finish();
    }

    /** One run over a fixed list of rows; all its state changes on the UI thread. */
    private final class Run {
        final int total;
        final Deque<CredentialRow> queue;
        final Map<CredentialRow, Background.Job> inFlight = new LinkedHashMap<>();
        final Map<CredentialRow, Throwable> failed = new LinkedHashMap<>();
        int refreshed;
        int gone;
        int done;
        boolean cancelled;
        boolean finished;
        boolean pumping;

        Run(List<CredentialRow> rows) {
            this.total = rows.size();
            this.queue = new ArrayDeque<>(rows);
        }

        /** Starts calls until {@link #concurrency} are in flight; a loop, not recursion (direct backgrounds). */
        void pump() {
            if (pumping) {
                return;
            }
            pumping = true;
            try {
                while (!cancelled && inFlight.size() < concurrency && !queue.isEmpty()) {
                    CredentialRow row = queue.poll();
                    if (credentials.row(row.token()) != row || !credentials.refreshing().add(row.token())) {
                        // removed meanwhile, or a single refresh of it is already running
                        count();
                        continue;
                    }
                    Background.Job[] holder = new Background.Job[1];
                    boolean[] settled = new boolean[1];
                    inFlight.put(row, PENDING);
                    holder[0] = background.submit("bulk status " + FlanksClient.shortToken(row.token()),
                            job -> client.status(row.token()),
                            s -> { settled[0] = true; settle(row, s, null); },
                            e -> { settled[0] = true; settle(row, null, e); });
                    if (!settled[0] && !finished) {
                        inFlight.put(row, holder[0]);
                    }
                }
            } finally {
                pumping = false;
            }
            if (!finished && inFlight.isEmpty() && (queue.isEmpty() || cancelled)) {
                finish();
            }
        }

        void settle(CredentialRow row, CredentialStatus status, Throwable error) {
            credentials.refreshing().remove(row.token());
            if (finished || inFlight.remove(row) == null) {
                return; // came back after a cancel: the run has been summed up already
            }
            // counted before applied: an observer of the status may cancel the run right then
            if (status != null) {
                refreshed++;
                count();
                if (credentials.row(row.token()) == row) { // a reload may have dropped it meanwhile
                    credentials.applyRefreshedStatus(row, status);
                }
            } else if (error instanceof ApiException.NotFound) {
                gone++;
                count();
                credentials.removeRow(row);
            } else {
                failed.put(row, error);
                count();
            }
            if (!finished) {
                pump();
            }
        }

        private void count() {
            done++;
            completed.set(done);
            progress.set(total == 0 ? 1 : (double) done / total);
            if (!finished) {
                credentials.showStatus(I18n.tr("bulk.refresh.progress", done, total));
            }
        }

        void finish() {
            if (finished) {
                return;
            }
            finished = true;
            run = null;
            String text = summarize();
            summary.set(text);
            running.set(false);
            credentials.showStatus(text);
            if (!failed.isEmpty()) {
                LOG.warn("Refresh selected: {} of {} failed, first: {}", failed.size(), total,
                        String.valueOf(failed.values().iterator().next()));
            }
        }

        private String summarize() {
            List<String> parts = new ArrayList<>();
            parts.add(cancelled
                    ? I18n.tr("bulk.refresh.stopped", refreshed, total, total - done)
                    : I18n.tr("bulk.refresh.done", refreshed, total));
            if (gone > 0) {
                parts.add(I18n.tr("bulk.refresh.gone", gone));
            }
            if (!failed.isEmpty()) {
                String names = failed.keySet().stream().limit(NAMES_IN_SUMMARY).map(BulkRefreshViewModel::name)
                        .collect(Collectors.joining(", "));
                if (failed.size() > NAMES_IN_SUMMARY) {
                    names = I18n.tr("bulk.refresh.andMore", names, failed.size() - NAMES_IN_SUMMARY);
                }
                Set<String> reasons = failed.values().stream().map(e -> ErrorMessages.of(e).summary())
                        .collect(Collectors.toCollection(LinkedHashSet::new));
                parts.add(reasons.size() == 1
                        ? I18n.tr("bulk.refresh.failedWhy", failed.size(), names, reasons.iterator().next())
                        : I18n.tr("bulk.refresh.failed", failed.size(), names));
            }
            return String.join("; ", parts);
        }
    }

    /** How a row is named in a sentence: its external id, else its short token. */
    static String name(CredentialRow r) {
        return r.externalId() != null ? r.externalId() : FlanksClient.shortToken(r.token());
    }

    /** Stands in for a job while {@code submit} has not returned it yet. */
    private static final Background.Job PENDING = new Background.SimpleJob();
}
