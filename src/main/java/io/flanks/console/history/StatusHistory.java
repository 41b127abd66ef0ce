package io.flanks.console.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flanks.console.credentials.Health;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status history of one environment: {@code <data dir>/history/<hash>.jsonl}, where the hash
 * is the first 16 hex digits of the SHA-256 of the environment's key (its base URL, or
 * "sandbox"), so environments never mix and no URL becomes a file name. Append-only JSON lines,
 * one {@link Snapshot} each; every method blocks, so call them off the FX thread.
 *
 * <p>Growth is capped by compaction: once the file holds more than twice the lines left by the
 * last compaction (and at least {@code minLinesToCompact}), it is rewritten keeping the newest
 * {@code maxPerToken} snapshots of each credential, through a temporary file moved into place.
 * A torn line (the console died mid-write) is skipped on reading and left as it is; the next
 * append starts on a fresh line so it never glues onto it; compaction drops it.
 */
public final class StatusHistory {
    private static final Logger LOG = LoggerFactory.getLogger(StatusHistory.class);

    public static final String DIR = "history";
    public static final int DEFAULT_MAX_PER_TOKEN = 50;
    public static final int DEFAULT_MIN_LINES_TO_COMPACT = 20_000;
    /** One lock per file for every instance in this JVM: a rebuilt window may still be writing. */
    private static final ConcurrentMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final int maxPerToken;
    private final int minLinesToCompact;
    private final Object lock;
    private final ObjectMapper mapper = new ObjectMapper();
    /** Lines in the file as far as this instance knows, -1 before it has counted. */
    private long lines = -1;
    private long keptAtLastCompaction;
    /** Checked once: only a crash before this instance existed can leave a torn last line. */
    private boolean endChecked;

    public StatusHistory(Path dataDir, String environmentKey) {
        this(dataDir, environmentKey, DEFAULT_MAX_PER_TOKEN, DEFAULT_MIN_LINES_TO_COMPACT);
    }

    public StatusHistory(Path dataDir, String environmentKey, int maxPerToken, int minLinesToCompact) {
        if (maxPerToken < 1 || minLinesToCompact < 1) {
            throw new IllegalArgumentException("caps must be positive");
        }
        this.file = dataDir.resolve(DIR).resolve(fileName(environmentKey)).toAbsolutePath().normalize();
        this.maxPerToken = maxPerToken;
        this.minLinesToCompact = minLinesToCompact;
        this.lock = LOCKS.computeIfAbsent(file, k -> new Object());
    }

    /** {@code <16 hex digits>.jsonl} for an environment key (trailing slashes and case of the key ignored). */
    public static String fileName(String environmentKey) {
        String key = environmentKey == null ? "" : environmentKey.trim();
        while (key.endsWith("/")) {
            key = key.substring(0, key.length() - 1);
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8) + ".jsonl";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public Path file() {
        return file;
    }

    public int maxPerToken() {
        return maxPerToken;
    }

    // ---- reading -------------------------------------------------------------------------

    /** The snapshots of one credential, oldest first; empty when there are none or no file. */
    public List<Snapshot> read(String token) throws IOException {
        List<Snapshot> out = new ArrayList<>();
        if (token == null || token.isEmpty()) {
            return out;
        }
        synchronized (lock) {
            scan(line -> {
                // cheap test first: most lines are about other credentials
                if (line.contains(token)) {
                    Snapshot s = parse(line);
                    if (s != null && s.token().equals(token)) {
                        out.add(s);
                    }
                }
            });
        }
        return out;
    }

    /** The newest snapshot of every credential in the file (what the recorder compares with). */
    public Map<String, Snapshot> latest() throws IOException {
        Map<String, Snapshot> out = new HashMap<>();
        Map<String, int[]> counts = new HashMap<>();
        synchronized (lock) {
            long[] n = new long[1];
            scan(line -> {
                n[0]++;
                Snapshot s = parse(line);
                if (s != null) {
                    out.put(s.token(), s);
                    counts.computeIfAbsent(s.token(), k -> new int[1])[0]++;
                }
            });
            lines = n[0];
            // what a compaction would keep: the file may grow to twice that before one is due
            long survivors = 0;
            for (int[] c : counts.values()) {
                survivors += Math.min(c[0], maxPerToken);
            }
            keptAtLastCompaction = survivors;
        }
        return out;
    }

    /** Every non-blank line in file order; unreadable ones too (the caller skips them). */
    private void scan(Consumer<String> each) throws IOException {
        // InputStreamReader replaces a torn multi-byte character instead of throwing
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    each.accept(line);
                }
            }
        } catch (NoSuchFileException e) {
            // nothing recorded yet
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The snapshot on this line, or {@code null} when the line is torn or not one of ours. */
    Snapshot parse(String line) {
        try {
            JsonNode n = mapper.readTree(line);
            if (n == null || !n.isObject()) {
                return null;
            }
            String token = text(n, "credentials_token");
            String time = text(n, "time");
            if (token == null || time == null) {
                return null;
            }
            return new Snapshot(Instant.parse(time), token, health(text(n, "health")), bool(n, "blocked"),
                    bool(n, "pending"), n.path("reset_token_set").asBoolean(false),
                    n.path("sca_token_set").asBoolean(false), n.path("transaction_token_set").asBoolean(false),
                    n.path("errored_count").asInt(0), n.path("by_you").asBoolean(false));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Health health(String name) {
        if (name == null) {
            return Health.UNKNOWN;
        }
        try {
            return Health.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Health.UNKNOWN;
        }
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Boolean bool(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || !v.isBoolean() ? null : v.booleanValue();
    }

    // ---- writing -------------------------------------------------------------------------

    /** One JSON line: booleans and counts only, never a token value besides the credentials token. */
    String format(Snapshot s) {
        ObjectNode n = mapper.createObjectNode();
        n.put("time", s.time().toString());
        n.put("credentials_token", s.token());
        n.put("health", s.health().name().toLowerCase(Locale.ROOT));
        n.put("blocked", s.blocked());
        n.put("pending", s.pending());
        n.put("reset_token_set", s.resetOpen());
        n.put("sca_token_set", s.scaOpen());
        n.put("transaction_token_set", s.transactionOpen());
        n.put("errored_count", s.erroredCount());
        n.put("by_you", s.byYou());
        try {
            return mapper.writeValueAsString(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Appends the batch in one write (handed to the OS before this returns; no fsync: a lost
     * snapshot on power loss costs one timeline line), then compacts when the file is due.
     */
    public void append(Collection<Snapshot> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(batch.size() * 240);
        for (Snapshot s : batch) {
            text.append(format(s)).append('\n');
        }
        synchronized (lock) {
            Files.createDirectories(file.getParent());
            if (lines < 0) {
                lines = countLines();
            }
            if (!endChecked && io.flanks.console.common.JsonLines.endsMidLine(file)) {
                text.insert(0, '\n'); // the torn line stays a line of its own
                lines++;
            }
            endChecked = true; // every append and compaction ends with a newline
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            io.flanks.console.common.JsonLines.append(file, bytes, false); // history: not fsynced, see class doc
            lines += batch.size();
            if (lines > Math.max(minLinesToCompact, 2 * keptAtLastCompaction)) {
                compact();
            }
        }
    }

    private long countLines() throws IOException {
        long[] n = new long[1];
        scan(line -> n[0]++);
        return n[0];
    }

    /**
     * Rewrites the file keeping the newest {@code maxPerToken} snapshots of each credential, in
     * file order, and dropping unreadable lines. Returns the number of lines kept.
     */
    public long compact() throws IOException {
        synchronized (lock) {
            List<String> all = new ArrayList<>();
            Map<String, ArrayDeque<Integer>> perToken = new HashMap<>();
            int[] dropped = new int[1];
            scan(line -> {
                Snapshot s = parse(line);
                if (s == null) {
                    dropped[0]++;
                    return;
                }
                int index = all.size();
                all.add(line);
                ArrayDeque<Integer> q = perToken.computeIfAbsent(s.token(), k -> new ArrayDeque<>());
                q.addLast(index);
                if (q.size() > maxPerToken) {
                    all.set(q.removeFirst(), null);
                    dropped[0]++;
                }
            });
            StringBuilder out = new StringBuilder();
            long kept = 0;
            for (String line : all) {
                if (line != null) {
                    out.append(line).append('\n');
                    kept++;
                }
            }
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, out, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            lines = kept;
            keptAtLastCompaction = kept;
            LOG.info("Compacted {}: kept {} snapshot(s), dropped {} line(s)", file.getFileName(), kept, dropped[0]);
            return kept;
        }
    }
}
