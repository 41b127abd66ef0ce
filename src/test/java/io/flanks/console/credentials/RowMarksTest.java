package io.flanks.console.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.api.CredentialItem;
import io.flanks.console.api.FlanksClient;
import io.flanks.console.api.SandboxClients;
import io.flanks.console.api.ForceKind;
import io.flanks.console.common.Background;
import io.flanks.console.common.I18n;
import io.flanks.console.sandbox.SandboxConfig;
import io.flanks.console.sandbox.SandboxServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Duplicate and "changed" marks, their quick filters, and the auto-refresh tick: no toolkit, real sandbox. */
class RowMarksTest {
    private static final String LIST = "/v0/bank/credentials/list";
    private SandboxServer server;
    private FlanksClient client;
    private CredentialsViewModel vm;

    /** The sandbox's time stands still: pending extractions never finish by themselves, only the test changes a health. */
    private static final Clock STILL = Clock.fixed(java.time.Instant.now(), java.time.ZoneOffset.UTC);

    @BeforeEach
    void setUp() throws Exception {
        I18n.use(Locale.ENGLISH);
        server = SandboxServer.start(SandboxConfig.defaults().withClock(STILL));
        client = SandboxClients.of(server);
        vm = new CredentialsViewModel(client, Background.direct(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    /** What the marks must say, worked out the slow, obvious way. */
    private Map<String, List<CredentialRow>> groupsByBankAndExternalId() {
        return vm.allRows().stream().filter(r -> r.externalId() != null)
                .collect(Collectors.groupingBy(r -> r.bankId() + "|" + r.externalId()));
    }

    private long expectedDuplicateRows() {
        return groupsByBankAndExternalId().values().stream().filter(g -> g.size() > 1).mapToLong(List::size).sum();
    }

    private CredentialRow someHealthyRow(CredentialRow... not) {
        List<CredentialRow> excluded = List.of(not);
        return vm.allRows().stream().filter(r -> r.health() == Health.HEALTHY && r.duplicates() == 0)
                .filter(r -> r != vm.selectedProperty().get() && !excluded.contains(r)).findFirst().orElseThrow();
    }

    // ---- duplicates ----------------------------------------------------------------------

    @Test
    void sameBankAndExternalIdAreMarkedAsDuplicatesAndCounted() {
        vm.reload();
        long expected = expectedDuplicateRows();
        assertThat(expected).as("the default data set links a few accounts twice").isPositive();
        assertThat(vm.markCountProperty(RowMark.DUPLICATE).get()).isEqualTo((int) expected);
        for (List<CredentialRow> g : groupsByBankAndExternalId().values()) {
            for (CredentialRow r : g) {
                assertThat(r.duplicates()).as(r.externalId()).isEqualTo(g.size() - 1);
            }
        }
    }

    @Test
    void rowsWithoutExternalIdAreNeverDuplicates() {
        vm.reload();
        Map<String, Long> nullsPerBank = vm.allRows().stream().filter(r -> r.externalId() == null)
                .collect(Collectors.groupingBy(CredentialRow::bankId, Collectors.counting()));
        assertThat(nullsPerBank.values()).as("several credentials at one bank have no external id").anyMatch(n -> n > 1);
        assertThat(vm.allRows()).filteredOn(r -> r.externalId() == null).allMatch(r -> r.duplicates() == 0);
        // and the same external id at two different banks is no duplicate either
        Map<String, List<CredentialRow>> byExt = vm.allRows().stream().filter(r -> r.externalId() != null)
                .collect(Collectors.groupingBy(CredentialRow::externalId));
        byExt.values().stream().filter(g -> g.stream().map(CredentialRow::bankId).distinct().count() == g.size() && g.size() > 1)
                .flatMap(List::stream).forEach(r -> assertThat(r.duplicates()).isZero());
    }

    @Test
    void duplicatesChipFiltersAndGivesWayToAHealthChip() {
        vm.reload();
        int n = vm.markCountProperty(RowMark.DUPLICATE).get();
        vm.markFilterProperty().set(RowMark.DUPLICATE);
        assertThat(vm.shownRows()).hasSize(n).allMatch(r -> r.duplicates() > 0);
        assertThat(vm.shownCountProperty().get()).isEqualTo(n);

        vm.healthFilterProperty().set(Health.BLOCKED);
        assertThat(vm.markFilterProperty().get()).isNull();
        assertThat(vm.shownRows()).allMatch(r -> r.health() == Health.BLOCKED);
        vm.markFilterProperty().set(RowMark.DUPLICATE);
        assertThat(vm.healthFilterProperty().get()).isNull();

        // the chip counts follow the search, like the health chips
        CredentialRow one = vm.shownRows().get(0);
        vm.searchProperty().set(one.externalId());
        assertThat(vm.markCountProperty(RowMark.DUPLICATE).get()).isEqualTo(one.duplicates() + 1);
    }

    @Test
    void removingATwinUpdatesTheMarks() throws Exception {
        vm.reload();
        List<CredentialRow> pair = groupsByBankAndExternalId().values().stream().filter(g -> g.size() == 2)
                .findFirst().orElseThrow();
        int before = vm.markCountProperty(RowMark.DUPLICATE).get();

        client.delete(pair.get(0).token());
        vm.refreshStatus(pair.get(0)); // finds it gone and removes the row

        assertThat(vm.allRows()).doesNotContain(pair.get(0));
        assertThat(pair.get(1).duplicates()).isZero();
        assertThat(vm.markCountProperty(RowMark.DUPLICATE).get()).isEqualTo(before - 2);
        assertThat(vm.markCountProperty(RowMark.DUPLICATE).get()).isEqualTo((int) expectedDuplicateRows());
    }

    @Test
    void aReloadThatDropsATwinUpdatesTheMarks() throws Exception {
        vm.reload();
        List<CredentialRow> pair = groupsByBankAndExternalId().values().stream().filter(g -> g.size() == 2)
                .findFirst().orElseThrow();
        client.delete(pair.get(1).token());
        vm.reload();
        assertThat(vm.allRows()).doesNotContain(pair.get(1));
        assertThat(pair.get(0).duplicates()).isZero();
        assertThat(vm.markCountProperty(RowMark.DUPLICATE).get()).isEqualTo((int) expectedDuplicateRows());
    }

    @Test
    void marksScaleToAHundredThousandRows() {
        // pages of 100 as the list call delivers them; every 50th row is a twin of the one before
        int total = 100_000;
        long start = System.nanoTime();
        List<CredentialItem> page = new ArrayList<>();
        int pages = total / 100;
        for (int i = 0; i < total; i++) {
            int src = i % 50 == 2 ? i - 1 : i;
            String ext = src % 10 == 0 ? null : "user-" + src;
            page.add(new CredentialItem(String.format("tok%08d", i), ext, "bank" + (src % 7 == 0 ? 0 : 1), null, "ok"));
            if (page.size() == 100) {
                vm.applyPage(0, page, i / 100 + 1, pages);
                page = new ArrayList<>();
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(vm.totalCountProperty().get()).isEqualTo(total);
        assertThat(vm.markCountProperty(RowMark.DUPLICATE).get()).isEqualTo((int) expectedDuplicateRows())
                .isEqualTo(2 * total / 50);
        // linear work per page: a quadratic pass would take minutes here
        assertThat(millis).as("ms to load 100,000 rows").isLessThan(30_000);
    }

    // ---- changed since the last load -----------------------------------------------------

    @Test
    void theFirstLoadMarksNothing() {
        vm.reload();
        assertThat(vm.allRows()).noneMatch(CredentialRow::isChanged);
        assertThat(vm.markCountProperty(RowMark.CHANGED).get()).isZero();
    }

    @Test
    void aRowWhoseHealthChangedAtTheServerIsMarkedUntilSelected() throws Exception {
        vm.reload();
        CredentialRow row = someHealthyRow();
        client.force(row.token(), ForceKind.SCA);

        vm.reload();

        assertThat(row.health()).isEqualTo(Health.NEEDS_SCA);
        assertThat(vm.allRows().stream().filter(CredentialRow::isChanged).toList()).containsExactly(row);
        assertThat(vm.markCountProperty(RowMark.CHANGED).get()).isEqualTo(1);
        vm.markFilterProperty().set(RowMark.CHANGED);
        assertThat(vm.shownRows()).containsExactly(row);

        vm.selectedProperty().set(row); // the person looks at it

        assertThat(row.isChanged()).isFalse();
        assertThat(vm.markCountProperty(RowMark.CHANGED).get()).isZero();
        assertThat(vm.shownRows()).as("the row stays in view while the filter is on").containsExactly(row);

        vm.reload(); // nothing changed since
        assertThat(vm.allRows()).noneMatch(CredentialRow::isChanged);
    }

    @Test
    void markAllSeenClearsEveryMarkAndTheChangedFilter() throws Exception {
        vm.reload();
        CredentialRow a = someHealthyRow();
        CredentialRow b = someHealthyRow(a);
        client.force(a.token(), ForceKind.RESET);
        client.force(b.token(), ForceKind.TRANSACTION);
        vm.reload();
        assertThat(vm.markCountProperty(RowMark.CHANGED).get()).isEqualTo(2);
        vm.markFilterProperty().set(RowMark.CHANGED);
        assertThat(vm.shownRows()).containsExactlyInAnyOrder(a, b);

        vm.markAllSeen();

        assertThat(a.isChanged()).isFalse();
        assertThat(b.isChanged()).isFalse();
        assertThat(vm.markCountProperty(RowMark.CHANGED).get()).isZero();
        assertThat(vm.markFilterProperty().get()).isNull();
        assertThat(vm.shownCountProperty().get()).isEqualTo(300);
    }

    @Test
    void aRefreshedStatusThatChangesHealthIsMarkedButApplyStatusAloneIsNot() throws Exception {
        vm.reload();
        CredentialRow a = someHealthyRow();
        CredentialRow b = someHealthyRow(a);
        client.force(a.token(), ForceKind.SCA);
        client.force(b.token(), ForceKind.SCA);
        vm.applyRefreshedStatus(a, client.status(a.token()));
        vm.applyStatus(b, client.status(b.token())); // e.g. the person's own action on the row
        assertThat(a.isChanged()).isTrue();
        assertThat(b.isChanged()).isFalse();
        assertThat(b.health()).isEqualTo(Health.NEEDS_SCA);
    }

    // ---- auto-refresh --------------------------------------------------------------------

    @Test
    void autoRefreshIsOffByDefaultAndATickReloadsOnlyWhenOn() {
        vm.reload();
        long lists = server.requestCount("POST", LIST);
        assertThat(vm.autoRefreshProperty().get()).isFalse();
        assertThat(vm.autoRefreshIntervalProperty().get()).isEqualTo(Duration.ofSeconds(60));

        assertThat(vm.autoRefreshTick()).isFalse();
        assertThat(server.requestCount("POST", LIST)).isEqualTo(lists);

        vm.autoRefreshProperty().set(true);
        CredentialRow selected = vm.allRows().get(7);
        vm.selectedProperty().set(selected);
        vm.searchProperty().set("bbva");
        int shown = vm.shownCountProperty().get();

        assertThat(vm.autoRefreshTick()).isTrue();

        assertThat(server.requestCount("POST", LIST)).isEqualTo(lists + 3);
        assertThat(vm.selectedProperty().get()).isSameAs(selected);
        assertThat(vm.searchProperty().get()).isEqualTo("bbva");
        assertThat(vm.shownCountProperty().get()).isEqualTo(shown);
    }

    @Test
    void selectedRowsFollowRemovals() throws Exception {
        vm.reload();
        CredentialRow a = vm.allRows().get(3);
        CredentialRow b = vm.allRows().get(4);
        vm.selectedRows().setAll(a, b);
        client.delete(a.token());
        vm.refreshStatus(a);
        assertThat(vm.selectedRows()).containsExactly(b);
        assertThat(vm.selectedRows()).allMatch(Objects::nonNull);
    }
}
