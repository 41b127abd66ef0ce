package io.flanks.console.history;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where the detail pane reads a credential's snapshots from, and hears that new ones were
 * written. {@link StatusRecorder} is the one the console uses.
 */
public interface HistorySource extends AutoCloseable {

    /** The credential's snapshots, oldest first. Blocks: call it off the FX thread. */
    List<Snapshot> read(String token) throws IOException;

    /** Told, on a background thread, which credentials got a new snapshot on disk. */
    void addWrittenListener(Consumer<Set<String>> listener);

    void removeWrittenListener(Consumer<Set<String>> listener);

    /** Stops recording; what was already received is still written. Never blocks. */
    @Override
    void close();
}
