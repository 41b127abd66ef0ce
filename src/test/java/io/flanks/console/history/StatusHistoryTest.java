package io.flanks.console.history;

import static io.flanks.console.history.Statuses.snap;
import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.credentials.Health;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file store alone: what it writes, reads back, keeps apart, survives and caps. */
class StatusHistoryTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void appendsAndReadsBackOneCredentialOldestFirst() throws IOException {
        StatusHistory store = new StatusHistory(dataDir, "https://api.flanks.io");
        Snapshot a1 = new Snapshot(T0, "tok-a", Health.PENDING, false, true, false, false, false, 0, false);
        Snapshot b1 = snap("tok-b", T0.plusSeconds(1), Health.HEALTHY);
        Snapshot a2 = new Snapshot(T0.plusSeconds(60), "tok-a", Health.BLOCKED, true, null, true, false, false, 3, true);
        store.append(List.of(a1, b1));
        store.append(List.of(a2));

        assertThat(store.file()).isEqualTo(dataDir.resolve("history").resolve(StatusHistory.fileName("https://api.flanks.io")));
        assertThat(store.file().getFileName().toString()).matches("[0-9a-f]{16}\\.jsonl");
        assertThat(store.read("tok-a")).containsExactly(a1, a2);
        assertThat(store.read("tok-b")).containsExactly(b1);
        assertThat(store.read("tok-unknown")).isEmpty();
        assertThat(store.latest()).containsOnlyKeys("tok-a", "tok-b").containsEntry("tok-a", a2);
        // one JSON object a line, with the documented field names
        assertThat(Files.readAllLines(store.file())).hasSize(3).first().asString()
                .startsWith("{\"time\":\"2026-11-20T10:00:00Z\",\"credentials_token\":\"tok-a\",\"health\":\"pending\"")
                .contains("\"reset_token_set\":false", "\"errored_count\":0", "\"by_you\":false");
    }

    @Test
    void readingWithoutAFileFindsNothing() throws IOException {
        StatusHistory store = new StatusHistory(dataDir, "https://api.flanks.io");
        assertThat(store.read("tok-a")).isEmpty();
        assertThat(store.latest()).isEmpty();
        assertThat(Files.exists(store.file())).isFalse();
    }

    @Test
    void environmentsKeepTheirOwnFiles() throws IOException {
        StatusHistory prod = new StatusHistory(dataDir, "https://api.flanks.io");
        StatusHistory staging = new StatusHistory(dataDir, "https://staging.example.com");
        prod.append(List.of(snap("same-token", T0, Health.BLOCKED)));
        staging.append(List.of(snap("same-token", T0, Health.HEALTHY)));

        assertThat(prod.file()).isNotEqualTo(staging.file());
        assertThat(prod.read("same-token")).extracting(Snapshot::health).containsExactly(Health.BLOCKED);
        assertThat(staging.read("same-token")).extracting(Snapshot::health).containsExactly(Health.HEALTHY);
        // a trailing slash or the case of the host does not make another environment
        assertThat(new StatusHistory(dataDir, "https://API.flanks.io/").file()).isEqualTo(prod.file());
        // and no URL in a file name
        try (var files = Files.list(dataDir.resolve("history"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("flanks") || n.contains("example"));
        }
    }

    @Test
    void aTornLastLineIsSkippedKeptAndNotGluedTo() throws IOException {
        StatusHistory store = new StatusHistory(dataDir, "https://api.flanks.io");
        store.append(List.of(snap("tok-a", T0, Health.PENDING)));
        // the console died mid-write: half a line, cut inside a two-byte character
        byte[] torn = "{\"time\":\"2026-11-20T10:05:00Z\",\"credentials_token\":\"tok-a\",\"health\":\"bloqu\u00e9".getBytes(StandardCharsets.UTF_8);
        Files.write(store.file(), java.util.Arrays.copyOf(torn, torn.length - 1), StandardOpenOption.APPEND);

        assertThat(store.read("tok-a")).extracting(Snapshot::health).containsExactly(Health.PENDING);
        assertThat(store.latest()).containsOnlyKeys("tok-a");

        StatusHistory reopened = new StatusHistory(dataDir, "https://api.flanks.io");
        reopened.append(List.of(snap("tok-a", T0.plusSeconds(600), Health.HEALTHY)));
        assertThat(reopened.read("tok-a")).extracting(Snapshot::health).containsExactly(Health.PENDING, Health.HEALTHY);
        List<String> lines = Files.readAllLines(store.file(), StandardCharsets.ISO_8859_1);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).as("the torn line is kept as it was").startsWith("{\"time\":\"2026-11-20T10:05:00Z\"");
        assertThat(lines.get(2)).as("the next snapshot starts a line of its own").startsWith("{\"time\":\"2026-11-20T10:10:00Z\"");
    }

    @Test
    void garbageAndForeignLinesNeverCrashReading() throws IOException {
        StatusHistory store = new StatusHistory(dataDir, "k");
        Files.createDirectories(store.file().getParent());
        Files.writeString(store.file(), "not json\n[1,2]\n{\"credentials_token\":\"tok-a\"}\n"
                + "{\"time\":\"yesterday\",\"credentials_token\":\"tok-a\"}\n\n"
                + "{\"time\":\"2026-11-20T10:00:00Z\",\"credentials_token\":\"tok-a\",\"health\":\"no_such_health\"}\n");
        assertThat(store.read("tok-a")).singleElement().satisfies(s -> {
            assertThat(s.health()).isEqualTo(Health.UNKNOWN);
            assertThat(s.blocked()).isNull();
        });
    }

    @Test
    void compactionKeepsTheNewestSnapshotsOfEachCredential() throws IOException {
        int maxPerToken = 3;
        int minLines = 10;
        StatusHistory store = new StatusHistory(dataDir, "https://api.flanks.io", maxPerToken, minLines);
        Health[] cycle = {Health.HEALTHY, Health.BLOCKED, Health.RESET_OPEN, Health.PENDING};
        List<Snapshot> a = new ArrayList<>();
        long maxLinesSeen = 0;
        store.append(List.of(snap("tok-b", T0, Health.HEALTHY), snap("tok-b", T0.plusSeconds(1), Health.ERRORS)));
        for (int i = 0; i < 40; i++) {
            Snapshot s = snap("tok-a", T0.plusSeconds(60L * (i + 1)), cycle[i % cycle.length]);
            a.add(s);
            store.append(List.of(s));
            maxLinesSeen = Math.max(maxLinesSeen, Files.readAllLines(store.file()).size());
        }
        // never more than the compaction threshold (2 x what the last one kept, at least minLines) + 1
        assertThat(maxLinesSeen).isLessThanOrEqualTo(minLines + 1);
        assertThat(store.read("tok-a")).hasSizeBetween(maxPerToken, minLines)
                .endsWith(a.get(a.size() - 1)).containsSubsequence(a.subList(a.size() - maxPerToken, a.size()));
        assertThat(store.read("tok-b")).hasSize(2); // under the cap: all kept

        // an explicit compaction leaves exactly the cap, drops torn lines, and keeps file order
        Files.writeString(store.file(), "{\"torn", StandardOpenOption.APPEND);
        assertThat(store.compact()).isEqualTo(maxPerToken + 2);
        assertThat(store.read("tok-a")).containsExactlyElementsOf(a.subList(a.size() - maxPerToken, a.size()));
        assertThat(Files.readString(store.file())).doesNotContain("torn").endsWith("\n");
        try (var files = Files.list(store.file().getParent())) {
            assertThat(files).as("no temporary file left").hasSize(1);
        }
    }

    @Test
    void aReopenedFileIsNotCompactedAgainUntilItGrows() throws IOException {
        StatusHistory store = new StatusHistory(dataDir, "k", 2, 4);
        for (int i = 0; i < 6; i++) {
            store.append(List.of(snap("tok-" + i, T0, Health.HEALTHY))); // six credentials, one snapshot each
        }
        assertThat(Files.readAllLines(store.file())).hasSize(6); // nothing to drop
        StatusHistory reopened = new StatusHistory(dataDir, "k", 2, 4);
        reopened.latest();
        reopened.append(List.of(snap("tok-0", T0.plusSeconds(1), Health.BLOCKED)));
        reopened.append(List.of(snap("tok-0", T0.plusSeconds(2), Health.HEALTHY)));
        assertThat(Files.readAllLines(store.file())).as("under twice what a compaction keeps: left alone").hasSize(8);
        // a compaction keeps 2 of tok-0 and 1 of each other: 7 lines; so it comes at the 13th
        for (int i = 3; i < 7; i++) {
            reopened.append(List.of(snap("tok-0", T0.plusSeconds(i), i % 2 == 0 ? Health.BLOCKED : Health.HEALTHY)));
        }
        assertThat(Files.readAllLines(store.file())).hasSize(12);
        reopened.append(List.of(snap("tok-0", T0.plusSeconds(7), Health.BLOCKED)));
        assertThat(Files.readAllLines(store.file())).hasSize(7);
        assertThat(reopened.read("tok-0")).extracting(Snapshot::time).containsExactly(T0.plusSeconds(6), T0.plusSeconds(7));
    }
}
