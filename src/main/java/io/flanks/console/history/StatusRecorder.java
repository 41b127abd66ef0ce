package io.flanks.console.history;

import io.flanks.console.api.CredentialStatus;
import io.flanks.console.api.ForceKind;
import io.flanks.console.audit.AuditEntry;
import io.flanks.console.audit.AuditLog;
import io.flanks.console.credentials.CredentialRow;
import io.flanks.console.credentials.CredentialsViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a {@link Snapshot} whenever a status the console receives differs in health or flags
 * from the last one recorded for that credential (or none was recorded yet).
 *
 * <p>On the FX thread, {@link #statusFetched} only compares the packed state of the status before
 * and after (two classifications, no allocation) and queues a snapshot when they differ or when
 * the row had no status before; that is all a 100,000-row load costs there. One writer thread
 * drains the queue in batches: it compares each candidate with the newest snapshot on disk for
 * that credential (read from the file once, then kept in memory as a packed state), writes the
 * changes in one append, and tells the {@link #addWrittenListener listeners}.
 *
 * <p>"By you" is decided here, when writing, not when displaying: a snapshot in which a flow
 * opened is marked when the audit log holds a successful {@code force_<flow>} of that credential
 * by this OS user against this base URL, no older than {@link #BY_YOU_WINDOW} and no older than
 * the previous snapshot (so an old force does not claim a later, foreign one). Deciding it now
 * keeps the fact with the snapshot: it does not change if the audit log is moved, and the
 * sandbox, whose port changes on every start, keeps its marks. The actions write their audit
 * line before re-fetching the status, so the line is on disk when the new status arrives.
 */
public final class StatusRecorder implements CredentialsViewModel.StatusObserver, HistorySource {
    private static final Logger LOG = LoggerFactory.getLogger(StatusRecorder.class);

    /** How long before a snapshot a matching audit entry may be to count as "by you". */
    public static final Duration BY_YOU_WINDOW = Duration.ofMinutes(15);
    /** Audit and snapshot times come from different calls; allow this much disorder. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(3);

    private final StatusHistory store;
    private final AuditLog audit;
    private final String baseUrl;
    private final String osUser;
    private final Clock clock;
    private final Executor writer;
    private final ExecutorService ownedWriter;
    private final Thread shutdownHook;

    private final ConcurrentLinkedQueue<Snapshot> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    // writer thread only
    private Map<String, Last> index;
    private List<AuditEntry> auditEntries = List.of();
    private long auditSize = -1;
    private long auditModified = -1;

    /** The newest snapshot on disk for one credential, as small as it gets. */
    private record Last(long millis, int state) {
    }

    /**
     * @param audit    the audit log to find "by you" in; {@code null} marks nothing
     * @param baseUrl  the environment's base URL, as the audit log writes it
     * @param writer   runs the writes in order, one at a time; {@code null} for a daemon thread
     *                 of its own (then a JVM shutdown hook writes what is still queued)
     */
    public StatusRecorder(StatusHistory store, AuditLog audit, String baseUrl, Clock clock, Executor writer) {
        this.store = Objects.requireNonNull(store, "store");
        this.audit = audit;
        this.baseUrl = normalizeUrl(baseUrl);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.osUser = System.getProperty("user.name", "unknown");
        if (writer != null) {
            this.writer = writer;
            this.ownedWriter = null;
            this.shutdownHook = null;
        } else {
            ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "status-history");
                t.setDaemon(true);
                return t;
            });
            this.writer = ex;
            this.ownedWriter = ex;
            this.shutdownHook = new Thread(this::finishWrites, "status-history-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /**
     * The console's wiring: a recorder for this environment's file in {@code dataDir}, observing
     * every status {@code credentials} receives.
     *
     * @param environmentKey what tells environments apart: the base URL, or "sandbox"
     */
    public static StatusRecorder attach(CredentialsViewModel credentials, Path dataDir, String environmentKey,
                                        String baseUrl, AuditLog audit, Clock clock) {
        StatusRecorder r = new StatusRecorder(new StatusHistory(dataDir, environmentKey), audit, baseUrl, clock, null);
        credentials.addStatusObserver(r);
        return r;
    }

    public StatusHistory store() {
        return store;
    }

    // ---- FX thread -----------------------------------------------------------------------

    @Override
    public void statusFetched(CredentialRow row, CredentialStatus before, CredentialStatus after) {
        if (closed || row == null || after == null) {
            return;
        }
        if (before != null && Snapshot.stateOf(before) == Snapshot.stateOf(after)) {
            return; // nothing changed: the common case of a reload
        }
        queue.add(Snapshot.of(row.token(), after, clock.instant()));
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                writer.execute(this::drain);
            } catch (RejectedExecutionException e) {
                LOG.debug("Status history writer stopped; snapshot not recorded");
            }
        }
    }

    // ---- writer thread -------------------------------------------------------------------

    private void drain() {
        drainScheduled.set(false); // anything queued from here on schedules another drain
        List<Snapshot> batch = new ArrayList<>();
        for (Snapshot s = queue.poll(); s != null; s = queue.poll()) {
            batch.add(s);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            if (index == null) {
                index = loadIndex();
            }
            List<Snapshot> changes = new ArrayList<>();
            Map<String, Last> written = new HashMap<>();
            for (Snapshot candidate : batch) {
                Last last = written.containsKey(candidate.token()) ? written.get(candidate.token())
                        : index.get(candidate.token());
                if (last != null && last.state() == candidate.state()) {
                    continue;
                }
                Snapshot s = candidate.withByYou(byYou(candidate, last));
                changes.add(s);
                written.put(s.token(), new Last(s.time().toEpochMilli(), s.state()));
            }
            if (changes.isEmpty()) {
                return;
            }
            store.append(changes);
            index.putAll(written);
            Set<String> tokens = new LinkedHashSet<>(written.keySet());
            for (Consumer<Set<String>> l : listeners) {
                try {
                    l.accept(tokens);
                } catch (RuntimeException e) {
                    LOG.warn("A status history listener failed", e);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not write the status history {}: {}", store.file(), e.toString());
            index = null; // read again next time: the file is what counts
        }
    }

    private Map<String, Last> loadIndex() throws IOException {
        Map<String, Last> m = new HashMap<>();
        for (Map.Entry<String, Snapshot> e : store.latest().entrySet()) {
            m.put(e.getKey(), new Last(e.getValue().time().toEpochMilli(), e.getValue().state()));
        }
        return m;
    }

    /** A flow opened in {@code s} that this user forced through the console shortly before. */
    private boolean byYou(Snapshot s, Last last) {
        if (audit == null) {
            return false;
        }
        List<String> actions = new ArrayList<>(3);
        for (ForceKind k : ForceKind.values()) {
            if (s.flowOpen(k) && (last == null || !Snapshot.flowOpen(last.state(), k))) {
                actions.add("force_" + k.wire()); // the actions' audit names: force_sca, force_reset, ...
            }
        }
        if (actions.isEmpty()) {
            return false;
        }
        Instant from = s.time().minus(BY_YOU_WINDOW);
        if (last != null && Instant.ofEpochMilli(last.millis()).isAfter(from)) {
            from = Instant.ofEpochMilli(last.millis());
        }
        Instant to = s.time().plus(CLOCK_SKEW);
        for (AuditEntry e : auditEntries()) {
            if (e.ok() && e.time() != null && !e.time().isBefore(from) && !e.time().isAfter(to)
                    && s.token().equals(e.credentialsToken()) && actions.contains(e.action())
                    && osUser.equals(e.osUser()) && baseUrl.equals(normalizeUrl(e.baseUrl()))) {
                return true;
            }
        }
        return false;
    }

    /** The audit log, read again only when the file changed. */
    private List<AuditEntry> auditEntries() {
        Path f = audit.file();
        try {
            long size = Files.size(f);
            long modified = Files.getLastModifiedTime(f).toMillis();
            if (size != auditSize || modified != auditModified) {
                auditEntries = audit.readAll();
                auditSize = size;
                auditModified = modified;
            }
        } catch (NoSuchFileException e) {
            auditEntries = List.of();
            auditSize = -1;
        } catch (IOException e) {
            LOG.debug("Audit log unreadable: {}", e.toString());
            auditEntries = List.of();
            auditSize = -1;
        }
        return auditEntries;
    }

    private static String normalizeUrl(String url) {
        if (url == null) {
            return "";
        }
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u.toLowerCase(Locale.ROOT);
    }

    // ---- HistorySource -------------------------------------------------------------------

    @Override
    public List<Snapshot> read(String token) throws IOException {
        return store.read(token);
    }

    @Override
    public void addWrittenListener(Consumer<Set<String>> listener) {
        listeners.add(listener);
    }

    @Override
    public void removeWrittenListener(Consumer<Set<String>> listener) {
        listeners.remove(listener);
    }

    /** Takes no more statuses; the queued ones are still written. Returns at once. */
    @Override
    public void close() {
        closed = true;
        listeners.clear();
        if (ownedWriter != null) {
            ownedWriter.shutdown();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is running
            }
        }
    }

    /** Shutdown hook: let the writer finish what is queued, briefly. */
    private void finishWrites() {
        closed = true;
        ownedWriter.shutdown();
        try {
            if (!ownedWriter.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Status history writer did not finish in {} s", SHUTDOWN_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
