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
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
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
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credentials table's state and commands: rows, search, quick filters with live counts,
 * the bank filter, loading (pages fill the table as they arrive; a reload updates rows in
 * place so selection survives; a failed load keeps the rows and says why), the multi-row
 * selection, marks for likely duplicates and for rows whose health changed, and auto-refresh.
 */
public final class CredentialsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialsViewModel.class);
    /** How often auto-refresh reloads unless the settings say otherwise. */
    public static final java.time.Duration DEFAULT_AUTO_REFRESH = java.time.Duration.ofSeconds(60);
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final FlanksClient client;
    private final Background background;
    private final Clock clock;

    // Every loaded row in arrival order, and the rows the table shows: filtered and sorted by
    // one pass over the rows (see refreshShown), at most once per batch of changes, instead of
    // a FilteredList and a SortedList reacting to every row (at 100,000 rows they cost seconds
    // per load and hundreds of milliseconds per keystroke). Row changes are not list events:
    // the view-model makes every change itself and re-filters once (see rowUpdated).
    private final ObservableList<CredentialRow> rows = FXCollections.observableArrayList();
    private final TableRows shown = new TableRows();
    private Map<String, CredentialRow> byToken = new HashMap<>();
    /** The most rows a load's first page makes room for at once (more still fit: the maps grow). */
    static final int MOST_ROWS_EXPECTED = 200_000;
    /** The most rows {@link #byToken} has been made room for (see {@link #expectRows}). */
    private int byTokenRoomFor;
    private final ObjectProperty<Comparator<CredentialRow>> comparator = new SimpleObjectProperty<>(this, "comparator");
    /** The rows in comparator order (only while there is a comparator); re-sorted when dirty. */
    private final ArrayList<CredentialRow> order = new ArrayList<>();
    private boolean orderDirty;
    /**
     * Bumped by every change of {@link #order}'s rows and of the values it is sorted by: a sort
     * made in the background from a copy is good only while this has not moved.
     */
    private long orderVersion;
    /** The background sort of a new sort order, while it runs. */
    private Background.Job presort;
    /** What waits for the rows to be shown in the current sort order ({@link #whenOrdered}). */
    private final List<Runnable> waitingForOrder = new ArrayList<>();
    /**
     * From this many rows, a new sort order is sorted in the background: sorting 100,000 rows
     * took 20-110 ms here (by health to by external id), the window standing still meanwhile.
     * Fewer rows are sorted at once, within a frame budget of 50 ms, and show sooner: sorted
     * on another thread, the sorted rows came 15-40 ms later (probably as the rows' memory is
     * warm in the caches of the UI thread's core, not of the other).
     */
    static final int SORT_IN_BACKGROUND_FROM = 50_000;
    private int sortInBackgroundFrom = SORT_IN_BACKGROUND_FROM;
    /** The health and mark quick filter (search and bank are the facet, see tallyFacet). */
    private Predicate<CredentialRow> quick = r -> true;
    /** Rows appended to {@link #rows} since the table's rows were last made. */
    private final List<CredentialRow> addedSinceShown = new ArrayList<>();
    /** Something besides appending changed since then (an update, a removal, the order). */
    private boolean shownStale;
    private long lastFullRefresh;
    /** When the table's rows were last made or appended to. */
    private long lastShownRefresh;
    /**
     * During a load, rows appended since reach the table at most this often (the first page at
     * once). Every update of the table's rows costs a layout of its flow, its scroll bar and a
     * repaint, whatever the number of rows: once per frame, they took a fifth of the UI thread's
     * CPU in a 100,000-row load.
     */
    private long appendNanos = PROGRESS_NANOS;
    /** A flush of appended rows is scheduled ({@link #appendNanos} after the last). */
    private boolean appendedFlushAsked;
    /** A full pass is asked for once the wait between two of them is over (see {@link #refreshShownWithin}). */
    private boolean staleFlushAsked;
    private long lastProgressShown;
    /** Counts changed while a page was applied, not yet published (see applyPage). */
    private boolean countsPending;
    static final long PROGRESS_NANOS = 250_000_000;
    /** During a load, the table's rows are made again from all rows at most this often. */
    static final long FULL_REFRESH_NANOS = 250_000_000;
    /** Work for the FX thread from the loader (pages, the end of a load), done in time slices. */
    private final ConcurrentLinkedQueue<Runnable> uiWork = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainPosted = new AtomicBoolean();
    private boolean draining;
    /** Passes over all rows that made the table's rows again (tests). */
    private long fullPasses;
    /** At most this long per slice of loading work, so frames keep coming while pages arrive. */
    static final long SLICE_NANOS = 5_000_000;
    private long sliceNanos = SLICE_NANOS;
    /** Runs the load's selection of the first row (see deferFirstSelectionWith). */
    private java.util.function.Consumer<Runnable> firstSelection = Runnable::run;
    /** The load's selection of the first row is asked for and has not run yet. */
    private boolean firstSelectionAsked;

    // Properties: user input
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<Health> healthFilter = new SimpleObjectProperty<>(this, "healthFilter");
    private final ObservableSet<String> bankFilter = FXCollections.observableSet();
    private final ObjectProperty<CredentialRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<RowMark> markFilter = new SimpleObjectProperty<>(this, "markFilter");
    private final ObservableList<CredentialRow> selectedRows = FXCollections.observableArrayList();
    private final BooleanProperty autoRefresh = new SimpleBooleanProperty(this, "autoRefresh");
    private final ObjectProperty<java.time.Duration> autoRefreshInterval =
            new SimpleObjectProperty<>(this, "autoRefreshInterval", DEFAULT_AUTO_REFRESH);

    // Properties: read-only state
    private final Map<Health, ReadOnlyIntegerWrapper> counts = new EnumMap<>(Health.class);
    private final Map<RowMark, ReadOnlyIntegerWrapper> markCounts = new EnumMap<>(RowMark.class);
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
    /** {@link #bankNames} as the listing thread reads it, to name the rows it builds (a copy, replaced whole). */
    private volatile Map<String, String> bankNamesForLoader = Map.of();
    private final DuplicateIndex duplicates = new DuplicateIndex();
    private final SearchIndex searchIndex = new SearchIndex();
    /** Rows marked changed, so "mark all seen" need not walk the whole table. */
    private final Set<CredentialRow> changedRows = new java.util.LinkedHashSet<>();
    /** While a page is applied, counts wait for its end instead of following every row. */
    private boolean batching;
    // running chip counts (see rowsChanged)
    private Facet facet = Facet.ALL;
    /**
     * The facet's members as slots of search-index build {@link #facetBuild}, when the facet is a
     * search alone (or nothing) and the index was current; else null. Lets the next keystroke
     * count only the rows that start or stop matching.
     */
    private BitSet facetSlots;
    private int facetBuild = -1;
    /**
     * Per slot of that build, what its row adds to the counts when it matches (see {@link #pack}):
     * a keystroke then counts rows in and out without reading them. Kept valid by turning the
     * slots off ({@code facetSlots = null}) whenever a row's counted values change.
     */
    private int[] slotPacks = new int[0];
    /**
     * The rows' own tally fields ({@code talliedHealth} and the others) lag behind keystrokes
     * counted by slot; {@link #syncRowTallies} brings them up to date before anything reads them.
     */
    private boolean rowTalliesBehind;
    private final int[] healthTally = new int[Health.values().length];
    private int matchingTally;
    private int duplicateTally;
    private int changedTally;
    private final Map<String, Integer> bankTally = new HashMap<>();
    private boolean banksChanged;

    /** Told of every status the console receives for a row (FX thread), with the one it replaced. */
    @FunctionalInterface
    public interface StatusObserver {
        void statusFetched(CredentialRow row, io.flanks.console.api.CredentialStatus before,
                           io.flanks.console.api.CredentialStatus after);
    }

    private final List<StatusObserver> statusObservers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Background.Job loadJob;
    private int loadGeneration;
    /** How many of the rows the current load has listed so far (each once), less those removed since. */
    private int listedThisLoad;
    /** What the next load's pages after the first wait for (the window being up), or null. */
    private java.util.concurrent.Future<?> holdRest;
    private boolean banksRequested;

    public CredentialsViewModel(FlanksClient client, Background background, Clock clock) {
        this.client = client;
        this.background = background;
        this.clock = clock;
        for (Health h : Health.values()) {
            counts.put(h, new ReadOnlyIntegerWrapper(this, "count" + h));
        }
        for (RowMark m : RowMark.values()) {
            markCounts.put(m, new ReadOnlyIntegerWrapper(this, "count" + m));
        }
        search.addListener((o, a, b) -> {
            if (!refilterChangedSlots(facet())) {
                refilter();
            }
        });
        // one quick filter at a time: a health class, or a mark
        healthFilter.addListener((o, a, h) -> {
            if (h != null) {
                markFilter.set(null);
            }
            refilter();
        });
        markFilter.addListener((o, a, m) -> {
            if (m != null) {
                healthFilter.set(null);
            }
            refilter();
        });
        bankFilter.addListener((javafx.collections.SetChangeListener<String>) c -> refilter());
        rows.addListener(this::rowsChanged);
        selected.addListener((o, a, row) -> markSeen(row));
        comparator.addListener((o, a, c) -> {
            // the second click on a header (the same column reversed) sorts the current order:
            // TimSort takes its descending runs in one pass instead of sorting 100,000 rows anew,
            // and rows that tie stay in arrival order either way. Anything else sorts the rows in
            // arrival order, so rows that tie are always in that order.
            if (a == null || c == null || !c.equals(a.reversed())) {
                order.clear();
                if (c != null) {
                    order.addAll(rows);
                }
            }
            orderVersion++;
            orderDirty = c != null;
            if (presort != null) {
                presort.cancel(); // another order asked for meanwhile
                presort = null;
            }
            if (c != null && order.size() >= sortInBackgroundFrom) {
                presort(c);
            } else {
                refreshAllShown();
                ordered();
            }
        });
    }

    // ---- Properties ----------------------------------------------------------------------

    /** The rows as the table shows them: filtered, in {@link #comparatorProperty()} order. */
    public ObservableList<CredentialRow> shownRows() {
        return shown; // read-only: a TableRows
    }

    /** The table's sort order as one comparator; {@code null} keeps the rows in arrival order. */
    public ObjectProperty<Comparator<CredentialRow>> comparatorProperty() {
        return comparator;
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

    /** The current row (the table's focused, last selected one): the detail pane and per-row actions use it. */
    public ObjectProperty<CredentialRow> selectedProperty() {
        return selected;
    }

    /**
     * Every row selected in the table (the view keeps this in sync); bulk commands work on these.
     * {@link #selectedProperty()} stays the single current row.
     */
    public ObservableList<CredentialRow> selectedRows() {
        return selectedRows;
    }

    /** The "Duplicates" or "Changed" quick filter, or {@code null}; setting one clears the health filter. */
    public ObjectProperty<RowMark> markFilterProperty() {
        return markFilter;
    }

    /** Rows with this mark among those matching search and bank filter (what its chip shows). */
    public ReadOnlyIntegerProperty markCountProperty(RowMark m) {
        return markCounts.get(m).getReadOnlyProperty();
    }

    /** Auto-refresh on or off (off by default; the view remembers it in the settings). */
    public BooleanProperty autoRefreshProperty() {
        return autoRefresh;
    }

    public ObjectProperty<java.time.Duration> autoRefreshIntervalProperty() {
        return autoRefreshInterval;
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

    /** The API client rows are loaded with, for features acting on the same rows (bulk refresh, export). */
    public FlanksClient client() {
        return client;
    }

    /** The background runner this view-model uses, for features acting on the same rows. */
    public Background background() {
        return background;
    }

    // ---- Commands ------------------------------------------------------------------------

    /** Status history and the like subscribe here rather than to 100,000 row properties. */
    public void addStatusObserver(StatusObserver o) {
        statusObservers.add(o);
    }

    /** Sets a row's status and tells the observers: every status that reaches a row goes through here. */
    public void applyStatus(CredentialRow row, io.flanks.console.api.CredentialStatus s) {
        applyStatus(row, s, true);
    }

    /** With {@code now}, the table's rows are made again at once; else within {@link #FULL_REFRESH_NANOS}. */
    private void applyStatus(CredentialRow row, io.flanks.console.api.CredentialStatus s, boolean now) {
        io.flanks.console.api.CredentialStatus before = row.status();
        if (!Objects.equals(before, s)) { // the same status again leaves the table as it is
            row.setStatus(s);
            rowUpdated(row);
            if (now) {
                refreshShown();
            } else {
                refreshShownWithin();
            }
        }
        notifyStatus(row, before, s);
    }

    /**
     * Like {@link #applyStatus}, for a status fetched by a sweep over many rows (bulk refresh):
     * the row is also marked changed when its health differs from before.
     */
    public void applyRefreshedStatus(CredentialRow row, io.flanks.console.api.CredentialStatus s) {
        Health before = row.status() == null ? null : row.health();
        if (before != null && HealthClassifier.classify(s) != before) {
            mark(row);
        }
        // a sweep brings statuses several at a time: one pass over all rows (~11 ms at 100,000)
        // for each changed one would take the UI thread; the row's own cells follow at once
        applyStatus(row, s, false);
    }

    /** Puts a plain sentence in the status bar (features that report there: bulk refresh, export). */
    public void showStatus(String message) {
        statusMessage.set(message == null ? "" : message);
    }

    /** The person has seen this row: its "changed" mark goes. */
    public void markSeen(CredentialRow row) {
        if (row != null && changedRows.remove(row)) {
            row.setChanged(false);
            retallyChanged(row);
        }
    }

    /** Clears every "changed" mark; the Changed quick filter, if on, gives way to All. */
    public void markAllSeen() {
        List<CredentialRow> seen = new ArrayList<>(changedRows);
        changedRows.clear();
        for (CredentialRow r : seen) {
            r.setChanged(false);
            retallyChanged(r);
        }
        if (markFilter.get() == RowMark.CHANGED) {
            markFilter.set(null);
        }
    }

    /**
     * One auto-refresh tick: reloads unless auto-refresh is off or a load is running already
     * (a slow server must not pile reloads up). Returns whether a reload started.
     */
    public boolean autoRefreshTick() {
        if (!autoRefresh.get() || loading.get()) {
            return false;
        }
        reload();
        return true;
    }

    private void mark(CredentialRow row) {
        if (changedRows.add(row)) {
            row.setChanged(true);
            retallyChanged(row);
        }
    }

    private void notifyStatus(CredentialRow row, io.flanks.console.api.CredentialStatus before,
                              io.flanks.console.api.CredentialStatus after) {
        for (StatusObserver o : statusObservers) {
            o.statusFetched(row, before, after);
        }
    }

    /**
     * The next load asks for its first page at once and for the rest only once {@code until} is
     * done (at most {@link #HOLD_AT_MOST} later). At start-up: the window is built and shown
     * while a big account's hundreds of pages would otherwise take both cores (100,000 rows on
     * 2 cores: the window was up after 3.5 s instead of 1.x). A small account is hardly delayed,
     * its page 1 is most of it.
     */
    public void holdRestOfNextLoadUntil(java.util.concurrent.Future<?> until) {
        holdRest = until;
    }

    /** The longest a load's later pages wait for {@link #holdRestOfNextLoadUntil}'s future. */
    static final java.time.Duration HOLD_AT_MOST = java.time.Duration.ofSeconds(10);

    /** Waits (a background thread) for the hold before the load asks for its second page. */
    private static void awaitHold(java.util.concurrent.Future<?> hold) {
        try {
            hold.get(HOLD_AT_MOST.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Load cancelled");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                 | CancellationException e) {
            LOG.debug("The load goes on without waiting longer: {}", e.toString());
        }
    }

    /** Loads every credential; a load already running is cancelled first. */
    public void reload() {
        if (loadJob != null) {
            loadJob.cancel();
        }
        java.util.concurrent.Future<?> hold = holdRest;
        holdRest = null;
        int generation = ++loadGeneration;
        listedThisLoad = 0;
        // each load may ask for its first selection: one asked for by an earlier load may never
        // run (its window hidden before the frame it waited for)
        firstSelectionAsked = false;
        loading.set(true);
        progress.set(-1);
        pagesLoaded.set(0);
        statusMessage.set(I18n.tr("status.loading"));
        requestBanks();
        loadJob = background.submit("load credentials", job -> client.listEach((items, page, pages) -> {
            if (job.isCancelled() || Thread.currentThread().isInterrupted()) {
                throw new CancellationException("Load cancelled");
            }
            // rows are built and named here, off the FX thread; the FX thread only files them
            List<CredentialRow> built = new ArrayList<>(items.size());
            Map<String, String> names = bankNamesForLoader;
            io.flanks.console.common.CpuGate.enter(); // with the sandbox's pages and the parses: a core stays for the UI
            try {
                for (CredentialItem item : items) {
                    CredentialRow row = new CredentialRow(item);
                    String name = names.get(row.bankId());
                    if (name != null) {
                        row.setBankName(name);
                    }
                    built.add(row);
                }
            } finally {
                io.flanks.console.common.CpuGate.leave();
            }
            post(() -> applyPage(generation, items, built, page, pages));
            if (page == 1 && pages > 1 && hold != null) {
                awaitHold(hold); // listEach asks for page 2 on after this returns
            }
        }), n -> post(() -> finishLoad(generation)), e -> post(() -> failLoad(generation, e)));
    }

    /** Stops the running load; the rows loaded so far stay. */
    public void cancelLoad() {
        if (loadJob != null && loading.get()) {
            loadJob.cancel();
            loadGeneration++;
            flushCounts();
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
            if (row.listedInLoad == loadGeneration) {
                listedThisLoad--; // what the load listed and is still here
            }
            rows.remove(row);
            order.remove(row);
            orderVersion++;
            forget(List.of(row));
            refreshAllShown();
            if (selected.get() == row) {
                selected.set(null);
            }
        }
    }

    /** Bookkeeping for rows that left the table: duplicate groups, marks, the selection. */
    private void forget(List<CredentialRow> gone) {
        duplicatesChanged(duplicates.removeAll(gone));
        for (CredentialRow r : gone) {
            if (changedRows.remove(r)) {
                r.setChanged(false); // no longer in the list: nothing left to count
            }
        }
        if (!selectedRows.isEmpty()) {
            selectedRows.removeAll(gone.size() > 16 ? new HashSet<>(gone) : gone);
        }
    }

    // ---- loading internals (FX thread) ---------------------------------------------------

    /** Queues loader work for the FX thread; one drain at a time is scheduled. */
    private void post(Runnable work) {
        uiWork.add(work);
        if (drainPosted.compareAndSet(false, true)) {
            background.uiLater(this::drain);
        }
    }

    /**
     * Does queued loader work for at most {@link #SLICE_NANOS}, re-filters the table once, and
     * if work is left, comes back after the frames waiting meanwhile: a 100,000-row load never
     * holds the FX thread for long, and the table gets one update per slice, not one per page.
     */
    private void drain() {
        drainPosted.set(false);
        long until = System.nanoTime() + sliceNanos;
        draining = true;
        try {
            Runnable work;
            while ((work = uiWork.poll()) != null) {
                work.run();
                if (System.nanoTime() > until) {
                    break;
                }
            }
        } finally {
            draining = false;
        }
        // a full pass over all rows (rows updated or sorted) waits while work is queued, up to
        // 250 ms, and while a load runs, 250 ms from the last one: the UI thread keeps up with
        // the pages, so "nothing queued" came after nearly every page, and a reload of 100,000
        // rows where a few changed on most pages made ~110 passes of ~11 ms each. Rows only
        // appended (cheap: only they are filtered) are shown as below
        long now = System.nanoTime();
        if (shownStale) {
            if (loading.get()) {
                refreshShownWithin(); // pages may come slowly: they wait no longer than that
            } else if (uiWork.isEmpty() || now - lastFullRefresh > FULL_REFRESH_NANOS) {
                refreshShown();
            }
        } else if (!addedSinceShown.isEmpty()) {
            // appended rows: the first at once, then with the progress, four times a second, and
            // the last with the end of the load
            long wait = appendNanos - (now - lastShownRefresh);
            if (shown.isEmpty() || !loading.get() || wait <= 0) {
                refreshShown();
            } else if (!appendedFlushAsked) { // pages may come slowly: they wait no longer than that
                appendedFlushAsked = true;
                background.uiAfter(java.time.Duration.ofNanos(wait), () -> {
                    appendedFlushAsked = false;
                    if (!addedSinceShown.isEmpty()) {
                        refreshShown();
                    }
                });
            }
        }
        if (!uiWork.isEmpty() && drainPosted.compareAndSet(false, true)) {
            background.uiLater(this::drain);
        }
    }

    /**
     * Sorts a copy of the rows by a new sort order in the background; the table shows the rows
     * as they were until it is done (anything that makes the table's rows meanwhile, such as a
     * page of a load or a keystroke, sorts them on this thread, as with few rows). The copy's
     * order is taken only if no row was added, removed or changed since (every such change
     * moves {@link #orderVersion}, and the background read the rows after the copy was made);
     * otherwise the rows are sorted here, with the values this thread sees.
     */
    private void presort(Comparator<CredentialRow> c) {
        shownStale = true;
        long version = orderVersion;
        CredentialRow[] copy = order.toArray(new CredentialRow[0]);
        presort = background.submit("Sort rows", job -> {
            java.util.Arrays.sort(copy, c); // stable, as the sort on this thread
            return copy;
        }, sorted -> presorted(c, version, sorted), failed -> presorted(c, version, null));
    }

    /** A background sort ended: {@code sorted} is {@code null} if it failed (rows changed under it). */
    private void presorted(Comparator<CredentialRow> c, long version, CredentialRow[] sorted) {
        presort = null;
        if (comparator.get() != c || !orderDirty) {
            ordered();
            return; // another order asked for, or the rows were sorted on this thread meanwhile
        }
        if (sorted != null && version == orderVersion) {
            for (int i = 0; i < sorted.length; i++) {
                order.set(i, sorted[i]);
            }
            orderVersion++;
            orderDirty = false;
        }
        refreshAllShown();
        ordered();
    }

    /**
     * The table's rows made again from all rows now if the last such pass is {@link
     * #FULL_REFRESH_NANOS} old, else once it is (one pass for whatever changed meanwhile).
     */
    private void refreshShownWithin() {
        long wait = FULL_REFRESH_NANOS - (System.nanoTime() - lastFullRefresh);
        if (wait <= 0) {
            refreshShown();
        } else if (!staleFlushAsked) {
            staleFlushAsked = true;
            background.uiAfter(java.time.Duration.ofNanos(wait), () -> {
                staleFlushAsked = false;
                if (shownStale) {
                    refreshShown();
                }
            });
        }
    }

    /**
     * Runs {@code action} on this thread once {@link #shownRows()} are in the table's sort order:
     * at once, unless a new sort order is being sorted in the background; then as soon as its
     * rows are shown (or it was called off for another order, and that one's rows are shown).
     * An export asked for right after a header click thus writes the order the header shows.
     */
    public void whenOrdered(Runnable action) {
        if (presort == null) {
            action.run();
        } else {
            waitingForOrder.add(action);
        }
    }

    private void ordered() {
        if (presort != null || waitingForOrder.isEmpty()) {
            return;
        }
        List<Runnable> due = new ArrayList<>(waitingForOrder);
        waitingForOrder.clear();
        due.forEach(Runnable::run);
    }

    /** Tests: how many times the table's rows were made again by a pass over all rows. */
    long fullPasses() {
        return fullPasses;
    }

    /** Tests: from how many rows a new sort order is sorted in the background. */
    void setSortInBackgroundFrom(int rowCount) {
        sortInBackgroundFrom = rowCount;
    }

    /** Tests: how often rows appended during a load reach the table (0: every slice). */
    void setAppendNanos(long nanos) {
        appendNanos = nanos;
    }

    /** Tests: how long one slice of loading work may take (0: one page per slice). */
    void setSliceNanos(long nanos) {
        sliceNanos = nanos;
    }

    /** Applies one page of the list (FX thread); tests call it directly. */
    void applyPage(int generation, List<CredentialItem> items, int page, int pages) {
        applyPage(generation, items, null, page, pages);
    }

    /**
     * The first page says how many rows the load will bring: the maps by token and by twin key get
     * room for them now, instead of growing and copying themselves on the FX thread page after
     * page (at 100,000 rows, the last growth alone copies 65,536 entries in one frame).
     */
    private void expectRows(int total) {
        if (total > byTokenRoomFor) {
            byToken = Presized.copy(byToken, total);
            byTokenRoomFor = total;
        }
        duplicates.expect(total);
    }

    private void applyPage(int generation, List<CredentialItem> items, List<CredentialRow> built, int page, int pages) {
        if (generation != loadGeneration) {
            return; // a page of a cancelled load
        }
        if (page == 1 && pages > 1) {
            // what the server says, within reason: a page count it got wrong must not take the heap
            expectRows((int) Math.min((long) pages * items.size(), MOST_ROWS_EXPECTED));
        }
        List<CredentialRow> fresh = new ArrayList<>();
        List<CredentialRow> updated = new ArrayList<>();
        batching = true; // counts once for the page, not once per changed row
        try {
            for (int i = 0; i < items.size(); i++) {
                CredentialItem item = items.get(i);
                CredentialRow row = byToken.get(item.credentialsToken());
                io.flanks.console.api.CredentialStatus before = null;
                if (row == null) {
                    row = built == null ? new CredentialRow(item) : built.get(i);
                    String name = bankNames.get(row.bankId());
                    if (name != null) {
                        row.setBankName(name);
                    }
                    byToken.put(row.token(), row);
                    fresh.add(row);
                } else {
                    before = row.status();
                    // marked before the update, so a Changed filter sees the mark when the row re-filters
                    if (before != null && item.status() != null
                            && HealthClassifier.classify(item.status()) != row.health()) {
                        mark(row);
                    }
                    // an unchanged row (a reload of an unchanged account: all of them) leaves the
                    // table, its order, counts and search index as they are: marked as changed, each
                    // page's drain made a full pass over the 100,000 rows (~11 ms each, ~110 a reload)
                    if (row.update(item)) {
                        rowUpdated(row);
                        updated.add(row);
                    }
                }
                if (row.listedInLoad != generation) { // a mark, not a set of 100,000 tokens
                    row.listedInLoad = generation;
                    listedThisLoad++;
                }
                if (item.status() != null && !statusObservers.isEmpty()) {
                    notifyStatus(row, before, item.status());
                }
            }
            rows.addAll(fresh); // one change per page, not per row
            addedSinceShown.addAll(fresh);
            if (comparator.get() != null && !fresh.isEmpty()) {
                order.addAll(fresh);
                orderVersion++;
                orderDirty = true;
                shownStale = true;
            }
            List<CredentialRow> twins = duplicates.rekeyAll(updated);
            twins.addAll(duplicates.addAll(fresh));
            duplicatesChanged(twins);
        } finally {
            batching = false;
        }
        pagesLoaded.set(pagesLoaded.get() + 1);
        // progress, status and chip counts four times a second, not once per page: each change
        // of their text costs a layout and a repaint of the bars that show them (a software
        // renderer took ~75 ms to repaint the chip row on a busy two-core machine)
        long now = System.nanoTime();
        if (page == 1 || pagesLoaded.get() >= pages || now - lastProgressShown >= PROGRESS_NANOS) {
            lastProgressShown = now;
            progress.set(pages <= 0 ? -1 : (double) pagesLoaded.get() / pages);
            statusMessage.set(I18n.tr("status.loadingPages", pagesLoaded.get(), pages, rows.size()));
            if (countsPending || page == 1) {
                countsPending = false;
                publishCounts();
            }
        }
        if (!draining) {
            refreshShown();
        }
        if (selected.get() == null && !rows.isEmpty()) {
            if (shownStale || !addedSinceShown.isEmpty()) {
                refreshShown(); // the first rows: show them at once
            }
            if (!shown.isEmpty() && !firstSelectionAsked) {
                // the detail pane is never empty once rows exist, but it shows the first row only
                // after the frame that draws the first rows (see deferFirstSelectionWith)
                firstSelectionAsked = true;
                firstSelection.accept(this::selectFirstShownRow);
            }
        }
    }

    /** The load's own selection: the first row shown, unless someone selected one meanwhile. */
    private void selectFirstShownRow() {
        firstSelectionAsked = false;
        if (selected.get() == null && !shown.isEmpty()) {
            selected.set(shown.get(0));
        }
    }

    /**
     * How the load selects the first row once rows exist: {@code later} runs the selection when
     * it sees fit. The table's view makes it "after the next frame": in a cold JVM, filling the
     * detail pane for the first time costs as much UI-thread time as drawing the first rows, and
     * in one frame together they stalled it for 100 ms and more. Without this, at once.
     */
    public void deferFirstSelectionWith(java.util.function.Consumer<Runnable> later) {
        firstSelection = Objects.requireNonNull(later, "later");
    }

    private void finishLoad(int generation) {
        if (generation != loadGeneration) {
            return;
        }
        // only a complete load may drop rows that vanished at the server; when it listed as many
        // rows as there are, none did, and the 100,000 rows need not be walked in the load's last frame
        List<CredentialRow> gone = listedThisLoad == rows.size() ? List.of()
                : rows.stream().filter(r -> r.listedInLoad != generation).toList();
        if (!gone.isEmpty()) {
            gone.forEach(r -> byToken.remove(r.token()));
            Set<CredentialRow> goneSet = new HashSet<>(gone); // a set: removeAll of a list is O(n * gone)
            rows.removeAll(goneSet);
            order.removeAll(goneSet);
            orderVersion++;
            forget(gone);
            refreshAllShown();
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
        flushCounts();
        loadJob = null;
    }

    private void failLoad(int generation, Throwable e) {
        if (generation != loadGeneration) {
            return;
        }
        flushCounts();
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
        bankNamesForLoader = java.util.Collections.unmodifiableMap(new HashMap<>(bankNames)); // a name may be null
        for (CredentialRow r : rows) {
            String name = bankNames.get(r.bankId());
            if (name != null && !name.equals(r.bankName())) {
                r.setBankName(name);
                rowUpdated(r);
            }
        }
        if (shownStale) {
            refreshShown();
        }
    }

    // ---- filtering and counting ----------------------------------------------------------
    // Chip counts are kept as running tallies: a page, an update or a removal costs its own rows,
    // and only a change of search or bank filter walks every row again.

    private Facet facet() {
        String needle = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        Set<String> banks = Set.copyOf(bankFilter);
        if (banks.isEmpty() && needle.isEmpty()) {
            return Facet.ALL;
        }
        return new Facet(banks, needle.isEmpty() ? null : searchIndex.find(needle, rows), needle);
    }

    /**
     * Search and bank filter: what the chip counts count. One final class rather than a choice of
     * lambdas, so the 100,000-row pass calls one method the JIT can inline.
     */
    private static final class Facet {
        static final Facet ALL = new Facet(Set.of(), null, "");
        private final Set<String> banks;
        /** Null without a search. */
        private final SearchIndex.Hits hits;
        private final String needle;

        Facet(Set<String> banks, SearchIndex.Hits hits, String needle) {
            this.banks = banks;
            this.hits = hits;
            this.needle = needle;
        }

        boolean test(CredentialRow r) {
            return (banks.isEmpty() || banks.contains(r.bankId())) && (hits == null || hits.matches(r, needle));
        }
    }

    /** Search, bank or quick filter changed: counts and shown rows in one pass over the rows. */
    private void refilter() {
        facet = facet();
        Health h = healthFilter.get();
        RowMark m = markFilter.get();
        if (h != null) {
            quick = r -> r.health() == h;
        } else if (m == RowMark.DUPLICATE) {
            quick = r -> r.duplicates() > 0;
        } else if (m == RowMark.CHANGED) {
            // a snapshot: a row that is looked at (mark cleared) stays until the filters change
            Set<CredentialRow> marked = new HashSet<>(changedRows);
            quick = r -> r.isChanged() || marked.contains(r);
        } else {
            quick = r -> true;
        }
        refreshShown(true);
    }

    /**
     * The table's rows again: one pass over the rows (in comparator order), keeping those the
     * facet counted ({@code talliedHealth}, kept current by the tallies) that pass the quick
     * filter. Rows only added at the end (a load without sorting) reach the table as one
     * addition; anything else replaces its contents.
     */
    private void refreshShown() {
        refreshShown(false);
    }

    /** Rows were removed or reordered: the table's rows made again from all rows, now. */
    private void refreshAllShown() {
        shownStale = true;
        refreshShown();
    }

    /** With {@code recount}, the facet counts are made again in the same pass (search or bank filter changed). */
    private void refreshShown(boolean recount) {
        lastShownRefresh = System.nanoTime();
        syncRowTallies();
        if (!recount && !shownStale && comparator.get() == null) {
            appendShown(); // only rows added at the end since: they are all that can change
            return;
        }
        shownStale = false;
        addedSinceShown.clear();
        lastFullRefresh = System.nanoTime();
        fullPasses++;
        List<CredentialRow> source = rows;
        if (comparator.get() != null) {
            if (orderDirty) {
                order.sort(comparator.get()); // TimSort: a sorted run plus new rows costs ~one merge
                orderVersion++;
                orderDirty = false;
            }
            source = order;
        }
        if (recount) {
            java.util.Arrays.fill(healthTally, 0);
            matchingTally = 0;
            duplicateTally = 0;
            changedTally = 0;
        }
        ArrayList<CredentialRow> next = new ArrayList<>(Math.max(16, shown.size()));
        Object[] all = source.toArray(); // an array walk: no list calls per row
        // in list order, what each row adds to the counts when it matches: later keystrokes count by slot
        int[] packs = recount && countBySlotsPossible() ? packsFor(all.length) : null;
        for (int i = 0; i < all.length; i++) {
            CredentialRow r = (CredentialRow) all[i];
            if (recount) {
                if (r.tallied) {
                    tallyFacet(r);
                } else {
                    tally(r);
                }
                if (packs != null) {
                    packs[i] = pack(r.health(), r.duplicates() > 0, r.isChanged());
                }
            }
            if (r.talliedHealth != null && quick.test(r)) {
                next.add(r);
            }
        }
        if (recount) {
            publishCounts();
            rememberFacetSlots(all);
        }
        int old = shown.size();
        boolean appended = next.size() >= old;
        for (int i = 0; appended && i < old; i++) {
            appended = shown.get(i) == next.get(i);
        }
        if (!appended) {
            shown.replace(next);
        } else if (next.size() > old) {
            shown.append(next.subList(old, next.size()));
        }
        shownCount.set(shown.size());
    }

    /** After a full count: the facet's members as index slots, when they can be had without a pass. */
    private void rememberFacetSlots(Object[] passed) {
        facetSlots = null;
        facetBuild = -1;
        CredentialRow[] slotRows = searchIndex.slotRows();
        if (!countBySlotsPossible() || slotRows.length != passed.length) {
            return;
        }
        int build = searchIndex.currentBuild();
        for (int s = 0; s < slotRows.length; s++) {
            if (slotRows[s] != passed[s]) {
                return; // the index is not in list order after all: no slots
            }
        }
        if (facet.hits == null) { // no search: every row
            facetSlots = allSlots(slotRows.length);
            facetBuild = build;
        } else if (facet.hits.slots() != null && facet.hits.build() == build) {
            facetSlots = facet.hits.slots();
            facetBuild = build;
        }
    }

    /**
     * A keystroke in the search (nothing else changed), no sorting and no quick filter: the rows
     * that start or stop matching are all that is counted again (a bit set difference, not a pass
     * over 100,000 rows), and the table's rows are the matching slots in order. False when this
     * does not apply; then the full pass runs.
     */
    private boolean refilterChangedSlots(Facet next) {
        if (facetSlots == null || !quickFilterOff() || shownStale || comparator.get() != null || !next.banks.isEmpty()
                || !addedSinceShown.isEmpty() || searchIndex.currentBuild() != facetBuild) {
            return false;
        }
        CredentialRow[] slotRows = searchIndex.slotRows();
        BitSet now;
        if (next.hits == null) {
            now = allSlots(slotRows.length);
        } else if (next.hits.slots() != null && next.hits.build() == facetBuild) {
            now = next.hits.slots();
        } else {
            return false;
        }
        BitSet changed = (BitSet) now.clone();
        changed.xor(facetSlots);
        facet = next;
        facetSlots = now;
        if (changed.isEmpty()) {
            return true; // the same rows match: counts and table stay as they are
        }
        int[] packs = slotPacks;
        for (int s = changed.nextSetBit(0); s >= 0; s = changed.nextSetBit(s + 1)) {
            int p = packs[s];
            int sign = now.get(s) ? 1 : -1;
            healthTally[packedHealth(p)] += sign;
            matchingTally += sign;
            duplicateTally += packedDuplicate(p) ? sign : 0;
            changedTally += packedChanged(p) ? sign : 0;
        }
        rowTalliesBehind = true;
        publishCounts();
        // every row in the list is tallied (rememberFacetSlots checked), so a matching slot is a counted row
        int matching = now.cardinality();
        List<CredentialRow> shownNext;
        if (matching == slotRows.length) {
            shownNext = java.util.Arrays.asList(slotRows); // every row (an empty search): no walk over the bits
        } else {
            shownNext = new ArrayList<>(matching);
            for (int s = now.nextSetBit(0); s >= 0; s = now.nextSetBit(s + 1)) {
                shownNext.add(slotRows[s]);
            }
        }
        shown.replace(shownNext);
        shownCount.set(shown.size());
        return true;
    }

    private int[] packsFor(int n) {
        if (slotPacks.length < n) {
            slotPacks = new int[n + n / 4];
        }
        return slotPacks;
    }

    /** A row's share of the counts when it matches: health ordinal, changed, duplicate. */
    private static int pack(Health h, boolean duplicate, boolean changed) {
        return h.ordinal() << 2 | (changed ? 2 : 0) | (duplicate ? 1 : 0);
    }

    private static int packedHealth(int pack) {
        return pack >>> 2;
    }

    private static boolean packedChanged(int pack) {
        return (pack & 2) != 0;
    }

    private static boolean packedDuplicate(int pack) {
        return (pack & 1) != 0;
    }

    /** Counting by slot needs the index current, in list order (no sorting) and no bank filter. */
    private boolean countBySlotsPossible() {
        return searchIndex.currentBuild() >= 0 && comparator.get() == null && facet.banks.isEmpty();
    }

    /** No health or mark chip is selected: the quick filter lets every row through. */
    private boolean quickFilterOff() {
        return healthFilter.get() == null && markFilter.get() == null;
    }

    private static BitSet allSlots(int n) {
        BitSet all = new BitSet(n);
        all.set(0, n);
        return all;
    }

    /**
     * Writes the slot-counted keystrokes into the rows' own tally fields, so the per-row
     * bookkeeping (updates, removals, marks) reads the truth. A pass over the rows, once, the
     * first time anything but a keystroke needs them.
     */
    private void syncRowTallies() {
        if (!rowTalliesBehind) {
            return;
        }
        rowTalliesBehind = false;
        CredentialRow[] slotRows = searchIndex.slotRows();
        Health[] healths = Health.values();
        for (int s = 0; s < slotRows.length; s++) {
            CredentialRow r = slotRows[s];
            if (!r.tallied) {
                continue;
            }
            if (facetSlots.get(s)) {
                int p = slotPacks[s];
                r.talliedHealth = healths[packedHealth(p)];
                r.talliedDuplicate = packedDuplicate(p);
                r.talliedChanged = packedChanged(p);
            } else {
                r.talliedHealth = null;
            }
        }
    }

    /** A counted value of some row changed outside a keystroke: the next keystroke counts by a full pass. */
    private void forgetFacetSlots() {
        syncRowTallies();
        facetSlots = null;
        facetBuild = -1;
    }

    /** The rows appended since the last refresh that pass the filters, after the table's rows. */
    private void appendShown() {
        syncRowTallies();
        List<CredentialRow> tail = new ArrayList<>();
        for (CredentialRow r : addedSinceShown) {
            if (r.tallied && r.talliedHealth != null && quick.test(r)) {
                tail.add(r);
            }
        }
        addedSinceShown.clear();
        shown.append(tail);
        shownCount.set(shown.size());
    }

    /** A row's values changed (status, bank name, list item): its counts follow, the table re-filters. */
    private void rowUpdated(CredentialRow r) {
        forgetFacetSlots();
        r.searchSlot = -1; // what it matches may have changed: searches ask it directly
        searchIndex.invalidate();
        if (r.tallied) {
            untally(r);
            tally(r);
        }
        if (comparator.get() != null) {
            orderVersion++;
            orderDirty = true;
        }
        shownStale = true;
        countsChanged();
    }

    /** Follows the rows list: added and removed rows. */
    private void rowsChanged(javafx.collections.ListChangeListener.Change<? extends CredentialRow> c) {
        forgetFacetSlots();
        searchIndex.invalidate();
        while (c.next()) {
            if (c.wasPermutated()) {
                continue;
            }
            for (CredentialRow r : c.getRemoved()) {
                untally(r);
            }
            for (CredentialRow r : c.getAddedSubList()) {
                tally(r);
            }
        }
        countsChanged();
    }

    private void tally(CredentialRow r) {
        if (r.tallied) {
            return;
        }
        r.tallied = true;
        r.talliedBank = r.bankId();
        if (r.talliedBank != null && bankTally.merge(r.talliedBank, 1, Integer::sum) == 1) {
            banksChanged = true;
        }
        tallyFacet(r);
    }

    /** The row's share of the counts that depend on search and bank filter. */
    private void tallyFacet(CredentialRow r) {
        // fields are written only when they change: a keystroke re-counts 100,000 rows, and
        // rows left clean need not be written back to memory
        if (facet.test(r)) {
            Health h = r.health();
            boolean dup = r.duplicates() > 0;
            boolean changed = r.isChanged();
            if (r.talliedHealth != h) {
                r.talliedHealth = h;
            }
            if (r.talliedDuplicate != dup) {
                r.talliedDuplicate = dup;
            }
            if (r.talliedChanged != changed) {
                r.talliedChanged = changed;
            }
            healthTally[h.ordinal()]++;
            matchingTally++;
            duplicateTally += dup ? 1 : 0;
            changedTally += changed ? 1 : 0;
        } else if (r.talliedHealth != null) {
            r.talliedHealth = null;
        }
    }

    private void untally(CredentialRow r) {
        if (!r.tallied) {
            return;
        }
        r.tallied = false;
        if (r.talliedBank != null && bankTally.merge(r.talliedBank, -1, (a, b) -> a + b == 0 ? null : a + b) == null) {
            banksChanged = true;
        }
        r.talliedBank = null;
        if (r.talliedHealth != null) {
            healthTally[r.talliedHealth.ordinal()]--;
            matchingTally--;
            duplicateTally -= r.talliedDuplicate ? 1 : 0;
            changedTally -= r.talliedChanged ? 1 : 0;
            r.talliedHealth = null;
        }
    }

    /** Counts the rows whose duplicate count changed again; the Duplicates filter, if on, is re-applied once. */
    private void duplicatesChanged(List<CredentialRow> changed) {
        if (changed.isEmpty()) {
            return;
        }
        forgetFacetSlots();
        for (CredentialRow r : changed) {
            if (r.tallied) {
                untally(r);
                tally(r);
            }
        }
        countsChanged();
        if (markFilter.get() == RowMark.DUPLICATE) {
            shownStale = true;
            if (!batching) {
                refreshShown();
            }
        }
    }

    /** A mark came or went (marks are no list change: they must not re-filter the row). */
    private void retallyChanged(CredentialRow r) {
        forgetFacetSlots();
        if (r.tallied && r.talliedHealth != null && r.talliedChanged != r.isChanged()) {
            r.talliedChanged = r.isChanged();
            changedTally += r.talliedChanged ? 1 : -1;
            countsChanged();
        }
    }

    /** The tallies moved: published now, or after the page being applied (see applyPage). */
    private void countsChanged() {
        if (batching) {
            countsPending = true;
        } else {
            publishCounts();
        }
    }

    /** Publishes counts a load held back (see applyPage). */
    private void flushCounts() {
        if (countsPending) {
            countsPending = false;
            publishCounts();
        }
    }

    private void publishCounts() {
        for (Health h : Health.values()) {
            counts.get(h).set(healthTally[h.ordinal()]);
        }
        markCounts.get(RowMark.DUPLICATE).set(duplicateTally);
        markCounts.get(RowMark.CHANGED).set(changedTally);
        matchingCount.set(matchingTally);
        totalCount.set(rows.size());
        if (banksChanged) {
            banksChanged = false;
            List<String> ids = new ArrayList<>(new TreeSet<>(bankTally.keySet()));
            if (!ids.equals(bankIds)) {
                bankIds.setAll(ids);
            }
        }
    }
}
