package io.flanks.console.detail;

import io.flanks.console.credentials.Health;
import io.flanks.console.history.HistorySource;
import io.flanks.console.history.Snapshot;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A history held in memory: prepared snapshots per token, and "written" told by hand. */
final class FakeHistory implements HistorySource {
    final Map<String, List<Snapshot>> byToken = new ConcurrentHashMap<>();
    final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();
    /** Snapshots for any token not in {@link #byToken}; empty by default. */
    volatile List<Snapshot> fallback = List.of();
    volatile boolean failing;
    volatile boolean closed;
    volatile int reads;

    @Override
    public List<Snapshot> read(String token) throws IOException {
        reads++;
        if (failing) {
            throw new IOException("disk on fire");
        }
        List<Snapshot> list = byToken.get(token);
        if (list != null) {
            return List.copyOf(list);
        }
        List<Snapshot> out = new ArrayList<>();
        for (Snapshot s : fallback) {
            out.add(new Snapshot(s.time(), token, s.health(), s.blocked(), s.pending(), s.resetOpen(), s.scaOpen(),
                    s.transactionOpen(), s.erroredCount(), s.byYou()));
        }
        return out;
    }

    /** Adds a snapshot and tells the listeners, as the recorder does after a write. */
    void write(Snapshot s) {
        byToken.computeIfAbsent(s.token(), k -> new CopyOnWriteArrayList<>()).add(s);
        listeners.forEach(l -> l.accept(Set.of(s.token())));
    }

    @Override
    public void addWrittenListener(Consumer<Set<String>> listener) {
        listeners.add(listener);
    }

    @Override
    public void removeWrittenListener(Consumer<Set<String>> listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        closed = true;
    }

    static Snapshot snap(String token, Instant time, Health h, boolean byYou) {
        return new Snapshot(time, token, h, h == Health.BLOCKED, h == Health.PENDING, h == Health.RESET_OPEN,
                h == Health.NEEDS_SCA, h == Health.TRANSACTION_OPEN, h == Health.ERRORS ? 1 : 0, byYou);
    }

    static Snapshot snap(String token, Instant time, Health h, boolean byYou, boolean sca) {
        Snapshot s = snap(token, time, h, byYou);
        return new Snapshot(s.time(), token, h, s.blocked(), s.pending(), s.resetOpen(), sca, s.transactionOpen(),
                s.erroredCount(), byYou);
    }
}
