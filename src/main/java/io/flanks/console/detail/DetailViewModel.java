package io.flanks.console.detail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.flanks.console.api.CredentialStatus;
import io.flanks.console.api.Flags;
import io.flanks.console.api.ForceKind;
import io.flanks.console.common.Background;
import io.flanks.console.common.Formats;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.CredentialRow;
import io.flanks.console.credentials.CredentialsViewModel;
import io.flanks.console.credentials.Health;
import io.flanks.console.credentials.HealthClassifier;
import io.flanks.console.history.HistoryEvent;
import io.flanks.console.history.HistorySource;
import io.flanks.console.history.Snapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.SetChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the detail pane for the credential selected in the table: identity, health, dates,
 * the products and transactions matrices, open flow tokens and the raw status JSON. Follows
 * {@link CredentialsViewModel#selectedProperty()} and the selected row's own properties, so a
 * status refresh shows at once; listeners on a previously selected row are removed.
 *
 * <p>Clipboard copies go through an injected {@code Consumer<String>}, so this class needs no
 * toolkit; {@link DetailView} installs the system clipboard when none was given.
 *
 * <p>With {@link #useHistory} it also shows the credential's status history, newest first, read
 * off the FX thread whenever the selection changes or a new snapshot of it is written.
 */
public final class DetailViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DetailViewModel.class);

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** Two-space indent, arrays on their own lines, {@code "key": value}: how people write JSON by hand. */
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter(
                    Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private final CredentialsViewModel credentials;
    private final Clock clock;
    private Consumer<String> clipboard;

    // Properties: the selection
    private final ReadOnlyObjectWrapper<CredentialRow> row = new ReadOnlyObjectWrapper<>(this, "row");
    private final ReadOnlyBooleanWrapper hasSelection = new ReadOnlyBooleanWrapper(this, "hasSelection");

    // Properties: identity and health
    private final ReadOnlyStringWrapper bankName = new ReadOnlyStringWrapper(this, "bankName");
    private final ReadOnlyStringWrapper bankId = new ReadOnlyStringWrapper(this, "bankId");
    private final ReadOnlyStringWrapper externalId = new ReadOnlyStringWrapper(this, "externalId");
    private final ReadOnlyBooleanWrapper hasExternalId = new ReadOnlyBooleanWrapper(this, "hasExternalId");
    private final ReadOnlyStringWrapper token = new ReadOnlyStringWrapper(this, "token");
    private final ReadOnlyObjectWrapper<Health> health = new ReadOnlyObjectWrapper<>(this, "health", Health.UNKNOWN);
    private final ReadOnlyStringWrapper healthText = new ReadOnlyStringWrapper(this, "healthText");
    private final ReadOnlyStringWrapper healthHint = new ReadOnlyStringWrapper(this, "healthHint");
    private final ReadOnlyObjectWrapper<Boolean> pending = new ReadOnlyObjectWrapper<>(this, "pending");
    private final ReadOnlyStringWrapper pendingText = new ReadOnlyStringWrapper(this, "pendingText");
    private final ReadOnlyBooleanWrapper pendingFlag = new ReadOnlyBooleanWrapper(this, "pendingFlag");

    // Properties: dates
    private final ReadOnlyStringWrapper created = new ReadOnlyStringWrapper(this, "created");
    private final ReadOnlyStringWrapper createdAgo = new ReadOnlyStringWrapper(this, "createdAgo");
    private final ReadOnlyStringWrapper lastUpdate = new ReadOnlyStringWrapper(this, "lastUpdate");
    private final ReadOnlyStringWrapper lastUpdateAgo = new ReadOnlyStringWrapper(this, "lastUpdateAgo");
    private final ReadOnlyStringWrapper lastTransaction = new ReadOnlyStringWrapper(this, "lastTransaction");

    // Properties: matrices, fixed rows updated in place
    private final ObservableList<MatrixRowVM> productRows;
    private final ObservableList<MatrixRowVM> transactionRows;

    // Properties: flow tokens
    private final Map<ForceKind, ReadOnlyStringWrapper> flowTokens = new EnumMap<>(ForceKind.class);
    private final ReadOnlyBooleanWrapper hasFlowTokens = new ReadOnlyBooleanWrapper(this, "hasFlowTokens");

    // Properties: raw status and refreshing
    private final ReadOnlyBooleanWrapper hasStatus = new ReadOnlyBooleanWrapper(this, "hasStatus");
    private final ReadOnlyStringWrapper noStatusMessage = new ReadOnlyStringWrapper(this, "noStatusMessage");
    private final ReadOnlyStringWrapper rawJson = new ReadOnlyStringWrapper(this, "rawJson");
    private final ReadOnlyStringWrapper rawJsonMessage = new ReadOnlyStringWrapper(this, "rawJsonMessage");
    private boolean rawJsonWanted;
    private String rawFetchedFor;
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper(this, "refreshing");
    private final ReadOnlyBooleanWrapper refreshDisabled = new ReadOnlyBooleanWrapper(this, "refreshDisabled", true);

    // Properties: status history
    /** Lines shown at most; older ones are counted in the message. */
    public static final int HISTORY_LINES = 8;
    private final ObservableList<HistoryLine> historyLines = FXCollections.observableArrayList();
    private final ObservableList<HistoryLine> historyLinesView = FXCollections.unmodifiableObservableList(historyLines);
    private final ReadOnlyBooleanWrapper historyShown = new ReadOnlyBooleanWrapper(this, "historyShown");
    private final ReadOnlyStringWrapper historyMessage = new ReadOnlyStringWrapper(this, "historyMessage", "");
    private HistorySource history;
    private Background historyBackground;
    private Background.Job historyJob;
    private String historyToken;
    /** The shown credential's snapshots as last read; {@code null} until a read succeeded. */
    private List<Snapshot> historySnapshots;
    private final Consumer<Set<String>> historyWritten = tokens -> {
        Background bg = historyBackground;
        if (bg != null) {
            bg.ui(() -> {
                String t = historyToken;
                if (history != null && t != null && tokens.contains(t)) {
                    loadHistory();
                }
            });
        }
    };

    private String shownBankId;

    // One listener instance each, so exactly these can be removed from the old row. They show
    // the value they are handed, not "the selected row's", so a listener left behind on an old
    // row would show that row's data: the tests would see it.
    private final ChangeListener<CredentialStatus> statusChanged = (o, old, s) -> {
        updateStatus(row.get(), s);
        updateRefreshing();
        renderHistory(); // "10 min ago" moves on; a changed status is re-read once written
    };
    private final ChangeListener<String> bankNameChanged = (o, old, name) -> showBank(shownBankId, name);
    private final ChangeListener<String> bankIdChanged = (o, old, id) -> showBank(id, null);
    private final ChangeListener<String> externalIdChanged = (o, old, id) -> showExternalId(id);
    private final ChangeListener<CredentialRow> selectionChanged = (o, oldRow, newRow) -> follow(oldRow, newRow);
    private final SetChangeListener<String> refreshingChanged = c -> updateRefreshing();

    public DetailViewModel(CredentialsViewModel credentials, Clock clock) {
        this(credentials, clock, null);
    }

    /** @param clipboard receives copied text; {@code null} lets {@link DetailView} install the system clipboard */
    public DetailViewModel(CredentialsViewModel credentials, Clock clock, Consumer<String> clipboard) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clipboard = clipboard;
        this.productRows = fixedRows(MatrixRowVM.Group.PRODUCT, Flags.PRODUCT_KEYS);
        this.transactionRows = fixedRows(MatrixRowVM.Group.TRANSACTION, Flags.TRANSACTION_KEYS);
        for (ForceKind k : ForceKind.values()) {
            flowTokens.put(k, new ReadOnlyStringWrapper(this, k.tokenField()));
        }
        credentials.selectedProperty().addListener(selectionChanged);
        credentials.refreshing().addListener(refreshingChanged);
        follow(null, credentials.selectedProperty().get());
    }

    private static ObservableList<MatrixRowVM> fixedRows(MatrixRowVM.Group group, List<String> keys) {
        List<MatrixRowVM> list = new ArrayList<>(keys.size());
        for (String k : keys) {
            list.add(new MatrixRowVM(group, k));
        }
        return FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(list));
    }

    // ---- Properties ----------------------------------------------------------------------

    /** The credential shown, or {@code null}. */
    public ReadOnlyObjectProperty<CredentialRow> rowProperty() {
        return row.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasSelectionProperty() {
        return hasSelection.getReadOnlyProperty();
    }

    /** The bank's display name (its id when the banks call did not name it). */
    public ReadOnlyStringProperty bankNameProperty() {
        return bankName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bankIdProperty() {
        return bankId.getReadOnlyProperty();
    }

    /** The external id, or a word saying there is none. */
    public ReadOnlyStringProperty externalIdProperty() {
        return externalId.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasExternalIdProperty() {
        return hasExternalId.getReadOnlyProperty();
    }

    /** The full credentials token. */
    public ReadOnlyStringProperty tokenProperty() {
        return token.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Health> healthProperty() {
        return health.getReadOnlyProperty();
    }

    /** The health's word ("Blocked"). */
    public ReadOnlyStringProperty healthTextProperty() {
        return healthText.getReadOnlyProperty();
    }

    /** What the health means and what to do, in a sentence or two. */
    public ReadOnlyStringProperty healthHintProperty() {
        return healthHint.getReadOnlyProperty();
    }

    /** {@code pending} as sent: {@code null} when unknown. */
    public ReadOnlyObjectProperty<Boolean> pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pendingTextProperty() {
        return pendingText.getReadOnlyProperty();
    }

    /**
     * Show the "first extraction running" flag beside the health badge: pending, and the badge
     * does not already say so (a blocked credential can be pending too).
     */
    public ReadOnlyBooleanProperty pendingFlagProperty() {
        return pendingFlag.getReadOnlyProperty();
    }

    /** Creation time, UTC and local ({@link Formats#exact}). */
    public ReadOnlyStringProperty createdProperty() {
        return created.getReadOnlyProperty();
    }

    /** Creation time relative to the clock when the status arrived ("2 d ago"), or empty. */
    public ReadOnlyStringProperty createdAgoProperty() {
        return createdAgo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastUpdateProperty() {
        return lastUpdate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastUpdateAgoProperty() {
        return lastUpdateAgo.getReadOnlyProperty();
    }

    /** Date of the last transaction ({@code YYYY-MM-DD}) or a word saying there is none yet. */
    public ReadOnlyStringProperty lastTransactionProperty() {
        return lastTransaction.getReadOnlyProperty();
    }

    /** One row per product key ({@link Flags#PRODUCT_KEYS}), always in that order. */
    public ObservableList<MatrixRowVM> productRows() {
        return productRows;
    }

    /** One row per transaction key ({@link Flags#TRANSACTION_KEYS}), always in that order. */
    public ObservableList<MatrixRowVM> transactionRows() {
        return transactionRows;
    }

    /** The open flow token of this kind, or {@code null}. */
    public ReadOnlyStringProperty flowTokenProperty(ForceKind kind) {
        return flowTokens.get(kind).getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resetTokenProperty() {
        return flowTokenProperty(ForceKind.RESET);
    }

    public ReadOnlyStringProperty scaTokenProperty() {
        return flowTokenProperty(ForceKind.SCA);
    }

    public ReadOnlyStringProperty transactionTokenProperty() {
        return flowTokenProperty(ForceKind.TRANSACTION);
    }

    public ReadOnlyBooleanProperty hasFlowTokensProperty() {
        return hasFlowTokens.getReadOnlyProperty();
    }

    /** False when the row has no status object yet (the list gave none): offer Refresh. */
    public ReadOnlyBooleanProperty hasStatusProperty() {
        return hasStatus.getReadOnlyProperty();
    }

    /** Says why there is no status and what to do; empty when there is one. */
    public ReadOnlyStringProperty noStatusMessageProperty() {
        return noStatusMessage.getReadOnlyProperty();
    }

    /** The status exactly as received, pretty-printed; {@code null} without a status. */
    public ReadOnlyStringProperty rawJsonProperty() {
        return rawJson.getReadOnlyProperty();
    }

    /** Why there is no raw JSON to show (no status yet, or none kept); empty when there is. */
    public ReadOnlyStringProperty rawJsonMessageProperty() {
        return rawJsonMessage.getReadOnlyProperty();
    }

    /** The shown credential's status is being fetched right now. */
    public ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing.getReadOnlyProperty();
    }

    /** No selection, or a fetch of this credential is already in flight. */
    public ReadOnlyBooleanProperty refreshDisabledProperty() {
        return refreshDisabled.getReadOnlyProperty();
    }

    /** The selected credential's history, newest first, {@link #HISTORY_LINES} at most. */
    public ObservableList<HistoryLine> historyLines() {
        return historyLinesView;
    }

    /** True once a history source is installed: the pane then shows its History section. */
    public ReadOnlyBooleanProperty historyShownProperty() {
        return historyShown.getReadOnlyProperty();
    }

    /** "No changes recorded yet", "Earlier changes not shown: 3", a read failure; else empty. */
    public ReadOnlyStringProperty historyMessageProperty() {
        return historyMessage.getReadOnlyProperty();
    }

    // ---- Commands ------------------------------------------------------------------------

    /**
     * Shows the history {@code source} holds for the selected credential, reading it through
     * {@code background}. The pane owns the source from now on: {@link #dispose()} closes it.
     */
    public void useHistory(HistorySource source, Background background) {
        if (history != null) {
            history.removeWrittenListener(historyWritten);
            history.close();
        }
        history = Objects.requireNonNull(source, "source");
        historyBackground = Objects.requireNonNull(background, "background");
        history.addWrittenListener(historyWritten);
        historyShown.set(true);
        historyToken = null;
        loadHistory();
    }

    /**
     * How long a row must stay shown, with the Raw JSON tab open, before its status is fetched:
     * walking the table with the arrow keys asks the API only for the row the walk stops at.
     */
    static final java.time.Duration RAW_SETTLE = java.time.Duration.ofMillis(300);

    /**
     * The Raw JSON tab is on screen (the view sets this). A status that came with the list
     * has no raw copy (it would cost about 60 MB at 100,000 credentials), so while the tab is
     * shown such a row's status is fetched once, by itself, as received: at once when the tab
     * opens, {@link #RAW_SETTLE} after another row is shown.
     */
    public void setRawJsonWanted(boolean wanted) {
        rawJsonWanted = wanted;
        fetchRawIfWanted(false);
    }

    private void fetchRawIfWanted(boolean settleFirst) {
        CredentialRow r = row.get();
        if (!rawJsonWanted || r == null || r.status() == null || r.status().rawJson() != null
                || r.token().equals(rawFetchedFor)) {
            return;
        }
        if (settleFirst) {
            credentials.background().uiAfter(RAW_SETTLE, () -> {
                if (row.get() == r) {
                    fetchRawIfWanted(false);
                }
            });
            return;
        }
        rawFetchedFor = r.token(); // once per row: a failing fetch must not repeat on its own
        refresh();
    }

    /** Re-fetches the shown credential's status; ignored while one fetch is in flight. */
    public void refresh() {
        CredentialRow r = row.get();
        if (r == null || refreshDisabled.get()) {
            return;
        }
        credentials.refreshStatus(r);
    }

    /** Copies the credentials token; false when there is nothing to copy. */
    public boolean copyToken() {
        return copy(tokenText());
    }

    public boolean copyFlowToken(ForceKind kind) {
        return copy(flowTokenText(kind));
    }

    public boolean copyRawJson() {
        return copy(rawJsonText());
    }

    public String tokenText() {
        return token.get();
    }

    public String flowTokenText(ForceKind kind) {
        return flowTokens.get(kind).get();
    }

    public String rawJsonText() {
        return rawJson.get();
    }

    /** Stops following the table (the window is closing or the environment changes). */
    public void dispose() {
        credentials.selectedProperty().removeListener(selectionChanged);
        credentials.refreshing().removeListener(refreshingChanged);
        follow(row.get(), null);
        if (history != null) {
            history.removeWrittenListener(historyWritten);
            history.close();
            history = null;
        }
    }

    /** Used by {@link DetailView}: the system clipboard, unless the creator injected one. */
    void installClipboardIfAbsent(Consumer<String> systemClipboard) {
        if (clipboard == null) {
            clipboard = systemClipboard;
        }
    }

    private boolean copy(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        if (clipboard == null) {
            LOG.warn("No clipboard installed; nothing copied");
            return false;
        }
        clipboard.accept(text);
        return true;
    }

    // ---- following the selection ---------------------------------------------------------

    private void follow(CredentialRow oldRow, CredentialRow newRow) {
        if (oldRow != null) {
            oldRow.statusProperty().removeListener(statusChanged);
            oldRow.bankNameProperty().removeListener(bankNameChanged);
            oldRow.bankIdProperty().removeListener(bankIdChanged);
            oldRow.externalIdProperty().removeListener(externalIdChanged);
        }
        if (newRow != null) {
            newRow.statusProperty().addListener(statusChanged);
            newRow.bankNameProperty().addListener(bankNameChanged);
            newRow.bankIdProperty().addListener(bankIdChanged);
            newRow.externalIdProperty().addListener(externalIdChanged);
        }
        row.set(newRow);
        hasSelection.set(newRow != null);
        token.set(newRow == null ? null : newRow.token());
        if (newRow == null) {
            shownBankId = null;
            bankName.set(null);
            bankId.set(null);
            externalId.set(null);
            hasExternalId.set(false);
        } else {
            showBank(newRow.bankId(), newRow.bankName());
            showExternalId(newRow.externalId());
        }
        updateStatus(newRow, newRow == null ? null : newRow.status());
        updateRefreshing();
        loadHistory();
        fetchRawIfWanted(true);
    }

    private void showBank(String id, String name) {
        shownBankId = id;
        String display = name == null || name.equals(id) ? (id == null ? null : credentials.bankName(id)) : name;
        bankName.set(display == null ? I18n.tr("detail.value.unknownBank") : display);
        bankId.set(id == null ? I18n.tr("detail.value.unknown") : id);
    }

    private void showExternalId(String id) {
        boolean present = id != null && !id.isBlank();
        hasExternalId.set(present);
        externalId.set(present ? id : I18n.tr("detail.value.none"));
    }

    private void updateStatus(CredentialRow r, CredentialStatus s) {
        // from the status itself: the row sets its health only after its status, so reading
        // r.health() here, inside the status listener, would see the old one
        Health h = r == null ? Health.UNKNOWN : HealthClassifier.classify(s);
        health.set(h);
        healthText.set(I18n.tr(h.key()));
        healthHint.set(I18n.tr("detail.healthHint." + h.name().toLowerCase(Locale.ROOT)));

        Boolean p = s == null ? null : s.pending();
        pending.set(p);
        pendingText.set(I18n.tr(p == null ? "detail.pending.unknown" : p ? "detail.pending.yes" : "detail.pending.no"));
        pendingFlag.set(Boolean.TRUE.equals(p) && h != Health.PENDING);

        Instant now = clock.instant();
        Instant createdAt = s == null ? null : s.createdAt();
        Instant updatedAt = s == null ? null : s.lastUpdateInstant();
        created.set(createdAt == null ? I18n.tr("detail.value.unknown") : Formats.exact(createdAt));
        createdAgo.set(createdAt == null ? "" : Formats.relative(createdAt, now));
        lastUpdate.set(updatedAt != null ? Formats.exact(updatedAt)
                : I18n.tr(s == null ? "detail.value.unknown" : "detail.value.notYet"));
        lastUpdateAgo.set(updatedAt == null ? "" : Formats.relative(updatedAt, now));
        lastTransaction.set(s != null && s.lastTransactionDate() != null ? s.lastTransactionDate().toString()
                : I18n.tr(s == null ? "detail.value.unknown" : "detail.value.notYet"));

        for (MatrixRowVM m : productRows) {
            m.update(s == null ? null : s.created().product().get(m.key()),
                    s == null ? null : s.errored().product().get(m.key()), p);
        }
        for (MatrixRowVM m : transactionRows) {
            m.update(s == null ? null : s.created().transactions().get(m.key()),
                    s == null ? null : s.errored().transactions().get(m.key()), p);
        }

        boolean anyToken = false;
        for (ForceKind k : ForceKind.values()) {
            String t = s == null ? null : s.flowToken(k);
            t = t == null || t.isBlank() ? null : t;
            flowTokens.get(k).set(t);
            anyToken |= t != null;
        }
        hasFlowTokens.set(anyToken);

        hasStatus.set(s != null);
        if (r == null || s != null) {
            noStatusMessage.set("");
        } else if (r.statusText() != null && !r.statusText().isBlank()) {
            noStatusMessage.set(I18n.tr("detail.noStatus.said", r.statusText()));
        } else {
            noStatusMessage.set(I18n.tr("detail.noStatus"));
        }
        rawJson.set(s == null || s.rawJson() == null ? null : pretty(s.rawJson()));
        rawJsonMessage.set(s == null ? noStatusMessage.get()
                : s.rawJson() == null ? I18n.tr("detail.raw.notKept") : "");
    }

    private void updateRefreshing() {
        CredentialRow r = row.get();
        boolean busy = r != null && credentials.refreshing().contains(r.token());
        boolean finished = refreshing.get() && !busy;
        refreshing.set(busy);
        refreshDisabled.set(r == null || busy);
        if (finished) {
            renderHistory(); // a refresh that changed nothing still moves "10 min ago" on
        }
    }

    // ---- status history ------------------------------------------------------------------

    /** Reads the shown credential's snapshots off the FX thread; a read still running is dropped. */
    private void loadHistory() {
        if (historyJob != null) {
            historyJob.cancel();
            historyJob = null;
        }
        CredentialRow r = row.get();
        String t = r == null ? null : r.token();
        if (!Objects.equals(t, historyToken)) {
            historySnapshots = null;
            historyLines.clear(); // never show one credential's history under another
            historyMessage.set("");
        }
        historyToken = t;
        if (history == null || t == null) {
            return;
        }
        HistorySource source = history;
        historyJob = historyBackground.submit("history " + Formats.shortToken(t), job -> source.read(t),
                snapshots -> {
                    if (t.equals(historyToken)) {
                        historySnapshots = snapshots;
                        renderHistory();
                    }
                },
                e -> {
                    if (t.equals(historyToken)) {
                        LOG.warn("Could not read the status history of {}: {}", Formats.shortToken(t), e.toString());
                        historySnapshots = null;
                        historyLines.clear();
                        historyMessage.set(I18n.tr("history.failed"));
                    }
                });
    }

    /** The lines of the snapshots last read, relative to now. */
    private void renderHistory() {
        if (historySnapshots == null) {
            return; // nothing read yet, or the read failed and said so
        }
        List<HistoryEvent> events = HistoryEvent.timeline(historySnapshots);
        Instant now = clock.instant();
        List<HistoryLine> lines = new ArrayList<>(Math.min(events.size(), HISTORY_LINES));
        for (HistoryEvent e : events.subList(0, Math.min(events.size(), HISTORY_LINES))) {
            lines.add(historyLine(e, now));
        }
        historyLines.setAll(lines);
        historyMessage.set(events.isEmpty() ? I18n.tr("history.empty")
                : events.size() > HISTORY_LINES ? I18n.tr("history.more", events.size() - HISTORY_LINES) : "");
    }

    /** The words of one event, e.g. "Reset opened 10 min ago by you". */
    static HistoryLine historyLine(HistoryEvent e, Instant now) {
        // a snapshot "in the future" (clock moved back) reads as just now, not "in 2 min"
        String ago = Formats.relative(e.time().isAfter(now) ? now : e.time(), now);
        String health = e.health().name().toLowerCase(Locale.ROOT);
        String text = switch (e.kind()) {
            case FIRST_SEEN -> I18n.tr("history.firstSeen", I18n.tr(e.health().key()), ago);
            case HEALTH_CHANGED -> I18n.tr((e.current() ? "history.since." : "history.became.") + health, ago);
            case FLOW_OPENED -> I18n.tr("history.opened." + e.flow().wire(), ago);
        };
        String tooltip = Formats.exact(e.time());
        if (e.byYou()) {
            text = I18n.tr("history.byYou", text);
            tooltip = tooltip + "\n" + I18n.tr("history.byYou.tooltip", System.getProperty("user.name", "?"));
        }
        return new HistoryLine(e.health(), text, tooltip, e.byYou(), e.time());
    }

    /** The received text re-indented; the text as it was when it is not JSON at all. */
    static String pretty(String raw) {
        try {
            return PRETTY.writeValueAsString(MAPPER.readTree(raw));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.debug("Raw status is not JSON, shown as received: {}", e.toString());
            return raw;
        }
    }
}
