package io.flanks.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    @TempDir
    Path dir;

    static AuditEntry entry(int n) {
        return new AuditEntry(Instant.parse("2026-11-24T10:00:00Z").plusSeconds(n), "alice", "SANDBOX",
                "http://127.0.0.1:1", "force_reset", "token-" + n, "bbva", "user-" + n, AuditEntry.OK, null,
                AuditEntry.mask("flowtoken" + n));
    }

    @Test
    void appendsOneJsonLineEachAndReadsThemBack() throws Exception {
        AuditLog log = new AuditLog(dir);
        log.append(entry(1));
        log.append(entry(2));
        List<String> lines = Files.readAllLines(log.file());
        assertThat(lines).hasSize(2).allMatch(l -> l.startsWith("{") && l.endsWith("}"));
        assertThat(lines.get(0)).contains("\"action\":\"force_reset\"").contains("\"os_user\":\"alice\"")
                .contains("\"flow_token\":\"****ken1\"");
        assertThat(log.readAll()).containsExactly(entry(1), entry(2));
    }

    @Test
    void aTornLastLineIsSkippedKeptAndNotGluedToTheNextEntry() throws Exception {
        AuditLog log = new AuditLog(dir);
        log.append(entry(1));
        Files.writeString(log.file(), "{\"time\":\"2026-11-24T10:0", StandardOpenOption.APPEND); // crash mid-line
        assertThat(log.readAll()).containsExactly(entry(1));
        log.append(entry(3));
        assertThat(log.readAll()).containsExactly(entry(1), entry(3));
        assertThat(Files.readString(log.file())).contains("{\"time\":\"2026-11-24T10:0\n"); // kept, never rewritten
    }

    /** Child process: appends entries in a loop and says "RECORDED n" once each is on disk. */
    public static void main(String[] args) throws Exception {
        AuditLog log = new AuditLog(Path.of(args[0]));
        for (int n = 0; ; n++) {
            log.append(entry(n));
            System.out.println("RECORDED " + n);
            System.out.flush();
        }
    }

    @Test
    void everyEntryReportedAsRecordedSurvivesKillMinus9() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AuditLogTest.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Integer> reported = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("RECORDED ")) {
                    reported.add(Integer.parseInt(line.substring(9)));
                    if (reported.size() == 200) {
                        p.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
                        break;
                    }
                }
            }
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Set<String> onDisk = new AuditLog(dir).readAll().stream().map(AuditEntry::credentialsToken)
                .collect(Collectors.toSet());
        assertThat(reported).hasSize(200);
        for (int n : reported) {
            assertThat(onDisk).as("entry %d was reported as recorded", n).contains("token-" + n);
        }
    }
}
