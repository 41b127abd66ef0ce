package io.flanks.console.credentials;

import io.flanks.console.api.ApiException;
import io.flanks.console.api.Bank;
import io.flanks.console.api.CredentialItem;
import io.flanks.console.api.FlanksClient;
import io.flanks.console.common.Background;
import io.flanks.console.common.ErrorMessages;
import io.flanks.console.common.I18n;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credentials table's state and commands: rows, search, quick filters with live counts,
 * the bank filter, loading (pages fill the table as they arrive; a reload updates rows in
 * place so selection survives; a failed load keeps the rows and says why).
 */
public final class CredentialsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialsViewModel.class);
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final FlanksClient client;
    private final Background background;
    private final Clock clock;

    // rows re-filter when their health or bank name changes (extractor)
    private final ObservableList<CredentialRow> rows =
            FXCollections.observableArrayList(r -> new Observable[] {r.healthProperty(), r.bankNameProperty()});
    private final Map<String, CredentialRow> byToken = new HashMap<>();
    private final FilteredList<CredentialRow> filtered = new FilteredList<>(rows);
    private final SortedList<CredentialRow> sorted = new SortedList<>(filtered);

    // Properties: user input
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<Health> healthFilter = new SimpleObjectProperty<>(this, "healthFilter");
    private final ObservableSet<String> bankFilter = FXCollections.observableSet();
    private final ObjectProperty<CredentialRow> selected = new SimpleObjectProperty<>(this, "selected");

    // Properties: read-only state
    private final Map<Health, ReadOnlyIntegerWrapper> counts = new EnumMap<>(Health.class);
    private final ReadOnlyIntegerWrapper matchingCount = new ReadOnlyIntegerWrapper(this, "matchingCount");
    private final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper(this, "shownCount");
    private final ReadOnlyIntegerWrapper totalCount = new ReadOnlyIntegerWrapper(this, "totalCount");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "");
    private final ReadOnlyObjectWrapper<ErrorMessages.Message> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyObjectWrapper<Instant> lastLoaded = new ReadOnlyObjectWrapper<>(this, "lastLoaded");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyIntegerWrapper pagesLoaded = new ReadOnlyIntegerWrapper(this, "pagesLoaded");
    private final ObservableList<String> bankIds = FXCollections.observableArrayList();
    private final ObservableSet<String> refreshing = FXCollections.observableSet();
    private final Map<String, String> bankNames = new HashMap<>();

    /** Told of every status the console receives for a row (FX thread), with the one it replaced. */
    @FunctionalInterface
    public interface StatusObserver {
        void statusFetched(CredentialRow row, io.flanks.console.api.CredentialStatus before,
                           io.flanks.console.api.CredentialStatus after);
    }

    private final List<StatusObserver> statusObservers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Background.Job loadJob;
    private int loadGeneration;
    private Set<String> seenThisLoad = new HashSet<>();
    private boolean banksRequested;

    public CredentialsViewModel(FlanksClient client, Background background, Clock clock) {
        this.client = client;
        this.background = background;
        this.clock = clock;
        for (Health h : Health.values()) {
            counts.put(h, new ReadOnlyIntegerWrapper(this, "count" + h));
        }
        search.addListener((o, a, b) -> refilter());
        healthFilter.addListener((o, a, b) -> refilter());
        bankFilter.addListener((javafx.collections.SetChangeListener<String>) c -> refilter());
        rows.addListener((javafx.collections.ListChangeListener<CredentialRow>) c -> recount());
        filtered.addListener((javafx.collections.ListChangeListener<CredentialRow>) c -> shownCount.set(filtered.size()));
    }

    // ---- Properties ----------------------------------------------------------------------

    /** The rows as the table shows them; bind its comparator with {@link SortedList#comparatorProperty()}. */
    public SortedList<CredentialRow> sortedRows() {
        return sorted;
    }

    /** Every loaded row, in list order. */
    public ObservableList<CredentialRow> allRows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<Health> healthFilterProperty() {
        return healthFilter;
    }

    public ObservableSet<String> bankFilter() {
        return bankFilter;
    }

    public ObjectProperty<CredentialRow> selectedProperty() {
        return selected;
    }

    /** Rows of this health among those matching search and bank filter (what a chip shows). */
    public ReadOnlyIntegerProperty countProperty(Health h) {
        return counts.get(h).getReadOnlyProperty();
    }

    /** Rows matching search and bank filter, whatever their health: the "All" chip. */
    public ReadOnlyIntegerProperty matchingCountProperty() {
        return matchingCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalCountProperty() {
        return totalCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** 0..1 while pages arrive, -1 before the page count is known. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    /** The last load's failure, or {@code null}. */
    public ReadOnlyObjectProperty<ErrorMessages.Message> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> lastLoadedProperty() {
        return lastLoaded.getReadOnlyProperty();
    }

    /** True when the rows shown are from an older load because the last one failed. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pagesLoadedProperty() {
        return pagesLoaded.getReadOnlyProperty();
    }

    /** Bank ids present in the loaded rows, sorted: the bank filter's choices. */
    public ObservableList<String> bankIds() {
        return bankIds;
    }

    /** A bank's display name, or its id when the banks call did not name it. */
    public String bankName(String id) {
        return bankNames.getOrDefault(id, id);
    }

    /** Tokens whose status is being re-fetched right now. */
    public ObservableSet<String> refreshing() {
        return refreshing;
    }

    public CredentialRow row(String token) {
        return byToken.get(token);
    }

    // ---- Commands ------------------------------------------------------------------------

    /** Status history and the like subscribe here rather than to 100,000 row properties. */
    public void addStatusObserver(StatusObserver o) {
        statusObservers.add(o);
    }

    /** Sets a row's status and tells the observers: every status that reaches a row goes through here. */
    public void applyStatus(CredentialRow row, io.flanks.console.api.CredentialStatus s) {
        io.flanks.console.api.CredentialStatus before = row.status();
        row.setStatus(s);
        notifyStatus(row, before, s);
    }

    private void notifyStatus(CredentialRow row, io.flanks.console.api.CredentialStatus before,
                              io.flanks.console.api.CredentialStatus after) {
        for (StatusObserver o : statusObservers) {
            o.statusFetched(row, before, after);
        }
    }

    /** Loads every credential; a load already running is cancelled first. */
    public void reload() {
        if (loadJob != null) {
            loadJob.cancel();
        }
        int generation = ++loadGeneration;
        seenThisLoad = new HashSet<>();
        loading.set(true);
        progress.set(-1);
        pagesLoaded.set(0);
        statusMessage.set(I18n.tr("status.loading"));
        requestBanks();
        loadJob = background.submit("load credentials", job -> client.listAll((items, page, pages) -> {
            if (job.isCancelled() || Thread.currentThread().isInterrupted()) {
                throw new CancellationException("Load cancelled");
            }
            background.ui(() -> applyPage(generation, items, page, pages));
        }).size(), n -> finishLoad(generation), e -> failLoad(generation, e));
    }

    /** Stops the running load; the rows loaded so far stay. */
    public void cancelLoad() {
        if (loadJob != null && loading.get()) {
            loadJob.cancel();
            loadGeneration++;
            loading.set(false);
            progress.set(0);
            statusMessage.set(I18n.tr("status.cancelled", rows.size()));
        }
    }

    /** Re-fetches one credential's status; a second call while one runs is ignored. */
    public void refreshStatus(CredentialRow row) {
        if (row == null || !refreshing.add(row.token())) {
            return;
        }
        background.submit("status " + FlanksClient.shortToken(row.token()), job -> client.status(row.token()),
                s -> {
                    refreshing.remove(row.token());
                    applyStatus(row, s);
                    statusMessage.set(I18n.tr("status.refreshed", row.externalId() == null ? FlanksClient.shortToken(row.token()) : row.externalId()));
                },
                e -> {
                    refreshing.remove(row.token());
                    if (e instanceof ApiException.NotFound) {
                        removeRow(row);
                        statusMessage.set(I18n.tr("status.gone", FlanksClient.shortToken(row.token())));
                    } else {
                        ErrorMessages.Message m = ErrorMessages.of(e);
                        error.set(m);
                        statusMessage.set(m.summary());
                    }
                });
    }

    /** Takes a row out of the table (the credential no longer exists). */
    public void removeRow(CredentialRow row) {
        if (byToken.remove(row.token()) != null) {
            rows.remove(row);
            if (selected.get() == row) {
                selected.set(null);
            }
        }
    }

    // ---- loading internals (FX thread) ---------------------------------------------------

    void applyPage(int generation, List<CredentialItem> items, int page, int pages) {
        if (generation != loadGeneration) {
            return; // a page of a cancelled load
        }
        List<CredentialRow> fresh = new ArrayList<>();
        for (CredentialItem item : items) {
            seenThisLoad.add(item.credentialsToken());
            CredentialRow row = byToken.get(item.credentialsToken());
            io.flanks.console.api.CredentialStatus before = null;
            if (row == null) {
                row = new CredentialRow(item);
                String name = bankNames.get(row.bankId());
                if (name != null) {
                    row.setBankName(name);
                }
                byToken.put(row.token(), row);
                fresh.add(row);
            } else {
                before = row.status();
                row.update(item);
            }
            if (item.status() != null && !statusObservers.isEmpty()) {
                notifyStatus(row, before, item.status());
            }
        }
        rows.addAll(fresh); // one change per page, not per row
        pagesLoaded.set(pagesLoaded.get() + 1);
        progress.set(pages <= 0 ? -1 : (double) pagesLoaded.get() / pages);
        statusMessage.set(I18n.tr("status.loadingPages", pagesLoaded.get(), pages, rows.size()));
        if (!fresh.isEmpty() || page == 1) {
            recount();
        }
        if (selected.get() == null && !sorted.isEmpty()) {
            selected.set(sorted.get(0)); // the detail pane is never empty once rows exist
        }
    }

    private void finishLoad(int generation) {
        if (generation != loadGeneration) {
            return;
        }
        // only a complete load may drop rows that vanished at the server
        List<CredentialRow> gone = rows.stream().filter(r -> !seenThisLoad.contains(r.token())).toList();
        if (!gone.isEmpty()) {
            gone.forEach(r -> byToken.remove(r.token()));
            rows.removeAll(gone);
            if (selected.get() != null && !byToken.containsKey(selected.get().token())) {
                selected.set(null);
            }
        }
        Instant now = clock.instant();
        loading.set(false);
        progress.set(1);
        stale.set(false);
        error.set(null);
        lastLoaded.set(now);
        statusMessage.set(I18n.tr("status.loaded", rows.size(), HMS.format(now)));
        loadJob = null;
    }

    private void failLoad(int generation, Throwable e) {
        if (generation != loadGeneration) {
            return;
        }
        loading.set(false);
        progress.set(0);
        loadJob = null;
        if (e instanceof CancellationException) {
            statusMessage.set(I18n.tr("status.cancelled", rows.size()));
            return;
        }
        ErrorMessages.Message m = ErrorMessages.of(e);
        LOG.warn("Loading credentials failed: {}", e.toString());
        error.set(m);
        stale.set(!rows.isEmpty());
        Instant last = lastLoaded.get();
        statusMessage.set(last == null
                ? I18n.tr("status.failedNoData", m.summary())
                : I18n.tr("status.failedStale", m.summary(), HMS.format(last)));
    }

    private void requestBanks() {
        if (banksRequested) {
            return;
        }
        banksRequested = true;
        background.submit("banks", job -> client.banks(), this::applyBanks, e -> {
            banksRequested = false; // try again on the next reload; ids are shown meanwhile
            LOG.info("Bank names unavailable: {}", e.toString());
        });
    }

    void applyBanks(List<Bank> banks) {
        for (Bank b : banks) {
            bankNames.put(b.id(), b.name());
        }
        for (CredentialRow r : rows) {
            String name = bankNames.get(r.bankId());
            if (name != null) {
                r.setBankName(name);
            }
        }
    }

    // ---- filtering and counting ----------------------------------------------------------

    private Predicate<CredentialRow> facetPredicate() {
        String needle = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        Set<String> banks = Set.copyOf(bankFilter);
        return r -> (banks.isEmpty() || banks.contains(r.bankId())) && r.matches(needle);
    }

    private void refilter() {
        Predicate<CredentialRow> facet = facetPredicate();
        Health h = healthFilter.get();
        filtered.setPredicate(h == null ? facet : facet.and(r -> r.health() == h));
        recount();
    }

    private void recount() {
        Predicate<CredentialRow> facet = facetPredicate();
        int[] c = new int[Health.values().length];
        int matching = 0;
        Set<String> ids = new TreeSet<>();
        for (CredentialRow r : rows) {
            if (r.bankId() != null) {
                ids.add(r.bankId());
            }
            if (facet.test(r)) {
                c[r.health().ordinal()]++;
                matching++;
            }
        }
        for (Health h : Health.values()) {
            counts.get(h).set(c[h.ordinal()]);
        }
        matchingCount.set(matching);
        totalCount.set(rows.size());
        shownCount.set(filtered.size());
        if (!ids.equals(new TreeSet<>(bankIds))) {
            bankIds.setAll(ids);
        }
    }
}
