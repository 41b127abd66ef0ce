package io.flanks.console.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.api.CredentialItem;
import io.flanks.console.api.CredentialStatus;
import io.flanks.console.api.FlagGroups;
import io.flanks.console.api.FlanksClient;
import io.flanks.console.api.SandboxClients;
import io.flanks.console.api.Flags;
import io.flanks.console.common.Background;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.CredentialRow;
import io.flanks.console.credentials.CredentialsViewModel;
import io.flanks.console.credentials.Health;
import io.flanks.console.credentials.ViewModelHooks;
import io.flanks.console.sandbox.SandboxConfig;
import io.flanks.console.sandbox.SandboxServer;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Export view" and its CSV, read back with Commons CSV; no JavaFX toolkit. */
class ExportViewModelTest {
    private SandboxServer server;
    private FlanksClient client;
    private CredentialsViewModel credentials;
    private ExportViewModel export;
    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws Exception {
        I18n.use(Locale.ENGLISH);
        server = SandboxServer.start(SandboxConfig.defaults());
        client = SandboxClients.of(server);
        credentials = new CredentialsViewModel(client, Background.direct(), Clock.systemUTC());
        export = new ExportViewModel(credentials, Clock.fixed(Instant.parse("2026-03-04T05:06:00Z"), ZoneId.of("UTC")));
        credentials.reload();
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as("a byte-order mark for spreadsheet programs").startsWith("\uFEFF");
        try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1)))) {
            assertThat(p.getHeaderNames()).isEqualTo(CsvExport.header());
            return p.getRecords();
        }
    }

    @Test
    void writesTheRowsShownInTheTablesOrder() throws Exception {
        credentials.bankFilter().add("bbva");
        credentials.searchProperty().set("user-");
        // the table sets its sort order here; sort by token, descending
        credentials.comparatorProperty().set(Comparator.comparing(CredentialRow::token).reversed());
        List<CredentialRow> shown = List.copyOf(credentials.shownRows());
        assertThat(shown.size()).isBetween(2, 299);
        Path file = dir.resolve("out.csv");

        export.export(file);

        List<CSVRecord> records = read(file);
        assertThat(records).hasSize(credentials.shownCountProperty().get());
        assertThat(records.stream().map(r -> r.get("credentials_token")).toList())
                .isEqualTo(shown.stream().map(CredentialRow::token).toList());
        CSVRecord first = records.get(0);
        CredentialRow row = shown.get(0);
        assertThat(first.get("bank_id")).isEqualTo("bbva");
        assertThat(first.get("bank_name")).isEqualTo("BBVA");
        assertThat(first.get("external_id")).isEqualTo(row.externalId());
        assertThat(first.get("health")).isEqualTo(I18n.tr(row.health().key()));
        assertThat(first.get("created_utc")).isEqualTo(row.createdAt().toString()).endsWith("Z");
        assertThat(export.lastFileProperty().get()).isEqualTo(file);
        assertThat(export.messageProperty().get()).isEqualTo("Exported " + shown.size() + " credentials to " + file.toAbsolutePath());
        assertThat(credentials.statusMessageProperty().get()).isEqualTo(export.messageProperty().get());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).as("no temporary file left").containsExactly(file);
        }
    }

    /**
     * Many rows sort in the background after a header click; an export asked for meanwhile
     * waits for the sorted rows instead of writing the order the table showed before.
     */
    @Test
    void anExportRightAfterAHeaderClickWritesTheOrderTheHeaderShows() throws Exception {
        HeldJobs held = new HeldJobs();
        CredentialsViewModel sorting = new CredentialsViewModel(client, held, Clock.systemUTC());
        ViewModelHooks.sortInBackgroundFrom(sorting, 100); // the sandbox's 300 rows count as many
        sorting.reload();
        held.holding = true;
        ExportViewModel exporting = new ExportViewModel(sorting, Background.direct(), Clock.systemUTC());
        Comparator<CredentialRow> byTokenDescending = Comparator.comparing(CredentialRow::token).reversed();
        sorting.comparatorProperty().set(byTokenDescending); // its sort waits in the background
        Path file = dir.resolve("sorted.csv");

        exporting.export(file);
        exporting.export(dir.resolve("second.csv")); // a second request while the first waits
        assertThat(file).as("nothing written before the rows are in the header's order").doesNotExist();
        assertThat(exporting.runningProperty().get()).isTrue();

        held.runAll();
        List<String> expected = sorting.allRows().stream().sorted(byTokenDescending).map(CredentialRow::token).toList();
        assertThat(read(file).stream().map(r -> r.get("credentials_token")).toList()).isEqualTo(expected);
        assertThat(exporting.runningProperty().get()).isFalse();
        assertThat(dir.resolve("second.csv")).as("ignored, as while a file is written").doesNotExist();
    }

    @Test
    void flagsAreTrueFalseOrEmptyAndFlowTokensAreNeverWritten() throws Exception {
        credentials.healthFilterProperty().set(Health.BLOCKED);
        CredentialRow blocked = credentials.shownRows().get(0);
        Path file = dir.resolve("blocked.csv");

        export.export(file);

        String text = Files.readString(file);
        CSVRecord r = read(file).stream().filter(x -> x.get("credentials_token").equals(blocked.token()))
                .findFirst().orElseThrow();
        assertThat(r.get("blocked")).isEqualTo("true");
        assertThat(r.get("reset_token_set")).isEqualTo("true");
        assertThat(r.get("sca_token_set")).isEqualTo(String.valueOf(blocked.status().scaToken() != null));
        assertThat(r.get("created.product.auth")).isIn("true", "false");
        assertThat(r.get("errored.product.auth")).isEqualTo("true");
        assertThat(text).as("a flow token lets someone act on the account").doesNotContain(blocked.status().resetToken());
        assertThat(text).contains(blocked.token());
    }

    @Test
    void unknownFlagsAreEmptyAndFormulasAreDefused() throws Exception {
        Flags someProducts = new Flags(Map.of("auth", true, "account", false));
        CredentialStatus partial = new CredentialStatus(null, false, null, "sca-secret-value", null, null, null, null,
                null, null, null, new FlagGroups(Flags.UNKNOWN, null), new FlagGroups(someProducts, null), "{}");
        CredentialRow a = new CredentialRow(new CredentialItem("=HYPERLINK(\"http://x\")", "+SUM(A1)", "-bank", partial, null));
        CredentialRow b = new CredentialRow(new CredentialItem("tok-b", "@cmd", "bank", null, "active"));
        Path file = dir.resolve("crafted.csv");

        int n = CsvExport.write(List.of(CsvExport.Line.of(a, "Needs SCA"), CsvExport.Line.of(b, "=1+2")), file, () -> false);

        assertThat(n).isEqualTo(2);
        List<CSVRecord> records = read(file);
        CSVRecord ra = records.get(0);
        assertThat(ra.get("credentials_token")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(ra.get("external_id")).isEqualTo("'+SUM(A1)");
        assertThat(ra.get("bank_id")).isEqualTo("'-bank");
        assertThat(ra.get("pending")).isEmpty();
        assertThat(ra.get("blocked")).isEqualTo("false");
        assertThat(ra.get("sca_token_set")).isEqualTo("true");
        assertThat(ra.get("reset_token_set")).isEqualTo("false");
        assertThat(ra.get("created.product.auth")).isEqualTo("true");
        assertThat(ra.get("created.product.account")).isEqualTo("false");
        assertThat(ra.get("created.product.card")).as("missing flag = unknown").isEmpty();
        assertThat(ra.get("errored.product.auth")).isEmpty();
        assertThat(ra.get("created.transactions.account")).isEmpty();
        assertThat(ra.get("errored_count")).isEqualTo("0");
        assertThat(ra.get("created_utc")).isEmpty();
        CSVRecord rb = records.get(1);
        assertThat(rb.get("health")).isEqualTo("'=1+2");
        assertThat(rb.get("external_id")).isEqualTo("'@cmd");
        assertThat(rb.get("blocked")).as("no status at all").isEmpty();
        assertThat(rb.get("sca_token_set")).isEmpty();
        assertThat(rb.get("errored_count")).isEmpty();
        assertThat(Files.readString(file)).doesNotContain("sca-secret-value");
    }

    @Test
    void replacesAnExistingFileWholeAndAFailureLeavesNoTrace() throws Exception {
        Path file = dir.resolve("again.csv");
        Files.writeString(file, "old content");
        export.export(file);
        assertThat(Files.readString(file)).doesNotContain("old content");
        assertThat(read(file)).hasSize(300);

        Path notAFile = Files.createDirectory(dir.resolve("taken"));
        Files.writeString(notAFile.resolve("inside"), "x"); // a non-empty directory cannot be replaced
        export.export(notAFile);
        assertThat(export.errorProperty().get()).isNotNull();
        assertThat(export.messageProperty().get()).isEqualTo("Could not write the export to " + notAFile.toAbsolutePath() + ".");
        assertThat(export.runningProperty().get()).isFalse();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder("again.csv", "taken");
        }
    }

    @Test
    void suggestsADatedFileName() {
        assertThat(export.defaultFileName()).matches("flanks-credentials-\\d{8}-\\d{4}\\.csv");
        ExportViewModel utc = new ExportViewModel(credentials, Background.direct(),
                Clock.fixed(Instant.parse("2026-03-04T05:06:00Z"), ZoneId.of("UTC")));
        java.util.TimeZone old = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
            assertThat(utc.defaultFileName()).isEqualTo("flanks-credentials-20260304-0506.csv");
        } finally {
            java.util.TimeZone.setDefault(old);
        }
    }

    /** Runs work at once until {@link #holding}; then holds it (work and callback) until {@link #runAll}. */
    private static final class HeldJobs implements Background {
        private final Background direct = Background.direct();
        private final List<Runnable> held = new java.util.ArrayList<>();
        boolean holding;

        @Override
        public <T> Job submit(String name, Work<T> work, java.util.function.Consumer<? super T> onSuccess,
                java.util.function.Consumer<Throwable> onFailure) {
            if (!holding) {
                return direct.submit(name, work, onSuccess, onFailure);
            }
            SimpleJob job = new SimpleJob();
            held.add(() -> {
                if (!job.isCancelled()) {
                    direct.submit(name, work, onSuccess, onFailure);
                }
            });
            return job;
        }

        @Override
        public void ui(Runnable r) {
            r.run();
        }

        void runAll() {
            List<Runnable> due = List.copyOf(held);
            held.clear();
            due.forEach(Runnable::run);
        }
    }
}
