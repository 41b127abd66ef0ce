package io.flanks.console.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.api.FlanksClient;
import io.flanks.console.api.SandboxClients;
import io.flanks.console.api.ForceKind;
import io.flanks.console.common.Background;
import io.flanks.console.common.I18n;
import io.flanks.console.sandbox.SandboxConfig;
import io.flanks.console.sandbox.SandboxServer;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The table's view-model against the real sandbox over HTTP, with no JavaFX toolkit. */
class CredentialsViewModelTest {
    private SandboxServer server;
    private FlanksClient client;
    private CredentialsViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        I18n.use(Locale.ENGLISH);
        server = SandboxServer.start(SandboxConfig.defaults());
        client = SandboxClients.of(server);
        vm = new CredentialsViewModel(client, Background.direct(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    private long rowsWith(Health h) {
        return vm.allRows().stream().filter(r -> r.health() == h).count();
    }

    @Test
    void loadsEveryPageAndCountsEachHealthClass() {
        vm.reload();
        assertThat(vm.totalCountProperty().get()).isEqualTo(server.credentialCount());
        assertThat(vm.pagesLoadedProperty().get()).isEqualTo(3); // 300 at 100 per page
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.lastLoadedProperty().get()).isNotNull();
        int sum = 0;
        for (Health h : Health.values()) {
            assertThat(vm.countProperty(h).get()).as(h.name()).isEqualTo((int) rowsWith(h));
            sum += vm.countProperty(h).get();
        }
        assertThat(sum).isEqualTo(300);
        assertThat(vm.countProperty(Health.BLOCKED).get()).isPositive();
        assertThat(vm.countProperty(Health.HEALTHY).get()).isGreaterThan(150);
        assertThat(vm.shownCountProperty().get()).isEqualTo(300);
        assertThat(vm.statusMessageProperty().get()).startsWith("Loaded 300 credentials");
    }

    /**
     * A load that listed as many rows as there are dropped none at its end (it need not walk the
     * rows to find out); a row removed during the load (a delete) counts out of what it listed,
     * so it cannot hide a row that vanished at the server.
     */
    @Test
    void aRowRemovedDuringALoadDoesNotKeepOneThatVanishedAtTheServer() throws Exception {
        io.flanks.console.common.HeldBackground held = new io.flanks.console.common.HeldBackground();
        vm = new CredentialsViewModel(client, held, Clock.systemUTC());
        vm.reload();
        while (held.queued() > 0) {
            held.runOne();
        }
        assertThat(vm.allRows()).hasSize(300);
        CredentialRow vanished = vm.allRows().get(250);
        client.delete(vanished.token()); // gone at the server, still a row here

        vm.setSliceNanos(0); // one page a slice
        vm.reload();
        assertThat(held.queued()).as("the load's pages wait for their frames").isPositive();
        held.runOne(); // the first page is in
        assertThat(vm.pagesLoadedProperty().get()).isEqualTo(1);
        assertThat(vm.loadingProperty().get()).isTrue();
        CredentialRow deleted = vm.allRows().stream().filter(r -> r != vanished).findFirst().orElseThrow();
        vm.removeRow(deleted); // deleted from the console meanwhile
        while (held.queued() > 0) {
            held.runOne();
        }
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.allRows()).as("both gone").doesNotContain(vanished, deleted).hasSize(298);
        assertThat(vm.totalCountProperty().get()).isEqualTo(298);

        vm.reload(); // nothing vanished since: nothing dropped
        while (held.queued() > 0) {
            held.runOne();
        }
        assertThat(vm.allRows()).as("a row the server still lists comes back").hasSize(299);
    }

    /** A load's deferred first selection that never ran (its window went before the frame it waited for) does not stop the next load's. */
    @Test
    void aFirstSelectionThatNeverRanLetsTheNextLoadSelect() {
        java.util.List<Runnable> asked = new java.util.ArrayList<>();
        vm.deferFirstSelectionWith(asked::add); // nothing runs them
        vm.reload();
        assertThat(asked).hasSize(1);
        assertThat(vm.selectedProperty().get()).isNull();

        vm.deferFirstSelectionWith(Runnable::run);
        vm.reload();
        assertThat(vm.selectedProperty().get()).as("the next load selects its first row").isNotNull();
    }

    @Test
    void aHeldLoadAsksForPageTwoOnlyOnceTheHoldIsDoneAndOnlyTheNextLoadIsHeld() {
        java.util.List<String> waits = new java.util.ArrayList<>(); // "<rows> rows, <list requests> requests" at each wait
        java.util.concurrent.CompletableFuture<Void> windowUp = new java.util.concurrent.CompletableFuture<>() {
            @Override
            public Void get(long timeout, java.util.concurrent.TimeUnit unit) {
                waits.add(vm.totalCountProperty().get() + " rows, " + server.requestCount("POST", "/v0/bank/credentials/list")
                        + " requests");
                return null; // the window is up
            }
        };
        vm.holdRestOfNextLoadUntil(windowUp);
        vm.reload();
        // page 1 was in the table and no other page asked for while the load waited
        assertThat(waits).containsExactly("100 rows, 1 requests");
        assertThat(vm.totalCountProperty().get()).isEqualTo(300);
        vm.reload();
        assertThat(waits).as("a reload is not held again").hasSize(1);
        assertThat(vm.totalCountProperty().get()).isEqualTo(300);
    }

    @Test
    void aHoldThatFailsOrIsCancelledDoesNotStopTheLoad() {
        vm.holdRestOfNextLoadUntil(java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("no window")));
        vm.reload();
        assertThat(vm.totalCountProperty().get()).isEqualTo(300);
        java.util.concurrent.CompletableFuture<Void> cancelled = new java.util.concurrent.CompletableFuture<>();
        cancelled.cancel(false);
        vm.holdRestOfNextLoadUntil(cancelled);
        vm.reload();
        assertThat(vm.totalCountProperty().get()).isEqualTo(300);
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void quickFilterShowsOneClassAndCountsStay() {
        vm.reload();
        int blocked = vm.countProperty(Health.BLOCKED).get();
        vm.healthFilterProperty().set(Health.BLOCKED);
        assertThat(vm.shownRows()).hasSize(blocked).allMatch(r -> r.health() == Health.BLOCKED);
        assertThat(vm.shownCountProperty().get()).isEqualTo(blocked);
        assertThat(vm.countProperty(Health.HEALTHY).get()).isEqualTo((int) rowsWith(Health.HEALTHY));
        vm.healthFilterProperty().set(null);
        assertThat(vm.shownCountProperty().get()).isEqualTo(300);
    }

    @Test
    void searchMatchesTokenExternalIdAndBankAndDrivesCounts() {
        vm.reload();
        CredentialRow some = vm.allRows().stream().filter(r -> r.externalId() != null).findFirst().orElseThrow();
        vm.searchProperty().set(some.token().substring(0, 12).toUpperCase(Locale.ROOT));
        assertThat(vm.shownRows()).containsExactly(some);
        assertThat(vm.matchingCountProperty().get()).isEqualTo(1);
        assertThat(vm.countProperty(some.health()).get()).isEqualTo(1);

        vm.searchProperty().set(some.externalId());
        assertThat(vm.shownRows()).contains(some).allMatch(r -> r.externalId() != null && r.externalId().contains(some.externalId()));

        vm.searchProperty().set("testbank");
        assertThat(vm.shownRows()).isNotEmpty().allMatch(r -> "testbank".equals(r.bankId()));

        vm.searchProperty().set("no-such-thing-anywhere");
        assertThat(vm.shownCountProperty().get()).isZero();
        assertThat(Arrays.stream(Health.values()).mapToInt(h -> vm.countProperty(h).get()).sum()).isZero();
    }

    @Test
    void bankFilterIsMultiSelect() {
        vm.reload();
        assertThat(vm.bankIds()).contains("bbva", "santander", "testbank");
        vm.bankFilter().add("bbva");
        vm.bankFilter().add("santander");
        assertThat(vm.shownRows()).isNotEmpty().allMatch(r -> r.bankId().equals("bbva") || r.bankId().equals("santander"));
        long expected = vm.allRows().stream().filter(r -> r.bankId().equals("bbva") || r.bankId().equals("santander")).count();
        assertThat(vm.shownCountProperty().get()).isEqualTo((int) expected);
        vm.bankFilter().clear();
        assertThat(vm.shownCountProperty().get()).isEqualTo(300);
    }

    @Test
    void bankNamesComeFromTheBanksCall() {
        vm.reload();
        CredentialRow bbva = vm.allRows().stream().filter(r -> "bbva".equals(r.bankId())).findFirst().orElseThrow();
        assertThat(bbva.bankName()).isEqualTo("BBVA");
        assertThat(vm.bankName("santander")).isEqualTo("Banco Santander");
    }

    @Test
    void reloadKeepsSelectionUpdatesInPlaceAndDropsDeletedRows() throws Exception {
        vm.reload();
        CredentialRow selected = vm.allRows().stream().filter(r -> r.health() == Health.HEALTHY).findFirst().orElseThrow();
        vm.selectedProperty().set(selected);
        CredentialRow deleted = vm.allRows().get(vm.allRows().size() - 1);
        client.delete(deleted.token());
        client.force(selected.token(), ForceKind.SCA); // changes its health at the server
        int sca = vm.countProperty(Health.NEEDS_SCA).get();

        vm.reload();

        assertThat(vm.selectedProperty().get()).isSameAs(selected);
        assertThat(vm.allRows()).contains(selected).doesNotContain(deleted);
        assertThat(vm.totalCountProperty().get()).isEqualTo(299);
        assertThat(selected.health()).isEqualTo(Health.NEEDS_SCA);
        assertThat(vm.countProperty(Health.NEEDS_SCA).get()).isEqualTo(sca + 1);
    }

    @Test
    void failedReloadKeepsRowsMarksThemStaleAndSaysWhy() {
        vm.reload();
        CredentialRow first = vm.allRows().get(0);
        vm.selectedProperty().set(first);
        server.setErrorRate(1.0);

        vm.reload();

        assertThat(vm.totalCountProperty().get()).isEqualTo(300);
        assertThat(vm.selectedProperty().get()).isSameAs(first);
        assertThat(vm.staleProperty().get()).isTrue();
        assertThat(vm.errorProperty().get()).isNotNull();
        assertThat(vm.errorProperty().get().summary()).isEqualTo(I18n.tr("error.server"));
        assertThat(vm.errorProperty().get().details()).contains("500").contains("Internal Error");
        assertThat(vm.statusMessageProperty().get()).startsWith("Could not reload").contains("Showing the credentials loaded at");

        server.setErrorRate(0);
        vm.reload();
        assertThat(vm.staleProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isNull();
    }

    @Test
    void refreshingOneStatusUpdatesItsRowAndRemovesAVanishedOne() throws Exception {
        vm.reload();
        CredentialRow row = vm.allRows().stream().filter(r -> r.health() == Health.HEALTHY).findFirst().orElseThrow();
        client.force(row.token(), ForceKind.RESET);
        vm.refreshStatus(row);
        assertThat(row.health()).isEqualTo(Health.RESET_OPEN);
        assertThat(vm.refreshing()).isEmpty();

        client.delete(row.token());
        vm.refreshStatus(row);
        assertThat(vm.allRows()).doesNotContain(row);
        assertThat(vm.statusMessageProperty().get()).contains("no longer exists");
    }

    @Test
    void firstLoadFailureSaysSoWithoutRows() {
        server.setErrorRate(1.0);
        vm.reload();
        assertThat(vm.totalCountProperty().get()).isZero();
        assertThat(vm.staleProperty().get()).isFalse();
        assertThat(vm.statusMessageProperty().get()).startsWith("Could not load credentials");
    }

    // ---- sorting and time-sliced loading -----------------------------------------------------

    @Test
    void shownRowsFollowTheComparatorThroughLoadsAndStatusChanges() throws Exception {
        vm.comparatorProperty().set(java.util.Comparator.comparing(CredentialRow::token).reversed());
        vm.reload();
        assertThat(vm.shownRows()).hasSize(300)
                .isSortedAccordingTo(java.util.Comparator.comparing(CredentialRow::token).reversed());

        java.util.Comparator<CredentialRow> byHealth = java.util.Comparator.comparingInt(r -> r.health().ordinal());
        vm.comparatorProperty().set(byHealth);
        assertThat(vm.shownRows()).isSortedAccordingTo(byHealth);
        CredentialRow healthy = vm.shownRows().stream().filter(r -> r.health() == Health.HEALTHY).findFirst().orElseThrow();
        CredentialRow blocked = vm.allRows().stream().filter(r -> r.health() == Health.BLOCKED).findFirst().orElseThrow();
        vm.applyStatus(healthy, blocked.status()); // now blocked: it moves among the blocked rows
        assertThat(healthy.health()).isEqualTo(Health.BLOCKED);
        assertThat(vm.shownRows()).isSortedAccordingTo(byHealth).contains(healthy);
        vm.healthFilterProperty().set(Health.BLOCKED);
        assertThat(vm.shownRows()).contains(healthy).allMatch(r -> r.health() == Health.BLOCKED)
                .hasSize(vm.countProperty(Health.BLOCKED).get());

        vm.comparatorProperty().set(null); // unsorted again: arrival order
        vm.healthFilterProperty().set(null);
        assertThat(vm.shownRows()).containsExactlyElementsOf(vm.allRows());
    }

    /** Compares by bank, counting its comparisons. */
    private static final class CountingByBank implements java.util.Comparator<CredentialRow> {
        final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public int compare(CredentialRow a, CredentialRow b) {
            calls.incrementAndGet();
            return a.bankId().compareTo(b.bankId());
        }
    }

    @Test
    void theSecondClickOnAHeaderReversesTheSortInOnePassWithTiesInArrivalOrder() throws Exception {
        vm.reload();
        CountingByBank byBank = new CountingByBank();
        vm.comparatorProperty().set(byBank);
        assertThat(vm.shownRows()).hasSize(300).containsExactlyElementsOf(vm.allRows().stream().sorted(byBank).toList());
        assertThat(vm.allRows().stream().map(CredentialRow::bankId).distinct().count()).as("several banks").isGreaterThan(1);

        byBank.calls.set(0);
        vm.comparatorProperty().set(byBank.reversed()); // what the column's second click sets
        int comparisons = byBank.calls.get();
        // as a stable sort of the arrival order gives: each bank's rows in arrival order
        assertThat(vm.shownRows()).containsExactlyElementsOf(vm.allRows().stream().sorted(byBank.reversed()).toList());
        // runs merged, not the rows sorted again from arrival order
        byBank.calls.set(0);
        new java.util.ArrayList<>(vm.allRows()).sort(byBank.reversed());
        int sortingAnew = byBank.calls.get();
        assertThat(comparisons).as("comparisons, against " + sortingAnew + " sorting anew").isLessThan(sortingAnew / 2);

        vm.comparatorProperty().set(byBank); // and back
        assertThat(vm.shownRows()).containsExactlyElementsOf(vm.allRows().stream().sorted(byBank).toList());

        // another column: sorted from arrival order, so its ties are in arrival order too
        java.util.Comparator<CredentialRow> byHealth = java.util.Comparator.comparingInt(r -> r.health().ordinal());
        vm.comparatorProperty().set(byHealth);
        assertThat(vm.shownRows()).containsExactlyElementsOf(vm.allRows().stream().sorted(byHealth).toList());
    }

    /**
     * A reload of an account where nothing changed (auto-refresh, F5) leaves the table alone: no
     * pass over all rows, no sort, no change of the rows shown. Marked as changed, every row made
     * each page's drain pass over all of them (~11 ms at 100,000 rows, ~110 times a reload). A
     * row that did change is still taken, sorted and counted.
     */
    @Test
    void aReloadOfAnUnchangedAccountLeavesTheTableAloneAndStillTakesWhatChanged() throws Exception {
        restartSandbox(SandboxConfig.defaults());
        vm = new CredentialsViewModel(client, Background.direct(), Clock.systemUTC());
        vm.reload();
        CountingByBank byBank = new CountingByBank();
        vm.comparatorProperty().set(byBank);
        List<CredentialRow> shown = List.copyOf(vm.shownRows());
        long passes = vm.fullPasses();
        byBank.calls.set(0);
        List<javafx.collections.ListChangeListener.Change<? extends CredentialRow>> changes = new java.util.ArrayList<>();
        vm.shownRows().addListener((javafx.collections.ListChangeListener<CredentialRow>) changes::add);

        vm.reload();

        assertThat(vm.fullPasses()).as("passes over all rows").isEqualTo(passes);
        assertThat(byBank.calls.get()).as("comparisons").isZero();
        assertThat(changes).as("changes of the rows shown").isEmpty();
        assertThat(vm.shownRows()).containsExactlyElementsOf(shown);

        // one credential changes at the server: the next reload takes it, in its sorted place
        CredentialRow healthy = vm.allRows().stream().filter(r -> r.health() == Health.HEALTHY).findFirst().orElseThrow();
        int blocked = vm.countProperty(Health.BLOCKED).get();
        client.force(healthy.token(), ForceKind.SCA);
        vm.reload();
        assertThat(healthy.health()).isNotEqualTo(Health.HEALTHY);
        assertThat(vm.fullPasses()).as("passes over all rows").isGreaterThan(passes);
        assertThat(vm.countProperty(Health.HEALTHY).get() + vm.countProperty(healthy.health()).get())
                .as("counts follow").isEqualTo((int) rowsWith(Health.HEALTHY) + (int) rowsWith(healthy.health()));
        assertThat(vm.countProperty(Health.BLOCKED).get()).isEqualTo(blocked);
        assertThat(vm.shownRows()).containsExactlyElementsOf(vm.allRows().stream().sorted(byBank).toList());

        // the same status again, as a refresh of one row brings it: nothing to do either
        long before = vm.fullPasses();
        vm.applyStatus(healthy, healthy.status());
        assertThat(vm.fullPasses()).as("passes over all rows for the same status").isEqualTo(before);
    }

    /**
     * A reload of a sorted table where a row changed on every page: the pages are taken as they
     * come, but the table's rows are made again from all rows at the load's end (and, while it
     * runs, once the wait between two passes is over), not after each page: the UI thread keeps
     * up with the pages, and a pass over 100,000 rows costs ~11 ms.
     */
    @Test
    void aSortedTableIsMadeAgainAtTheEndOfAReloadNotAfterEachChangedPage() throws Exception {
        restartSandbox(SandboxConfig.defaults().withCredentials(2000));
        List<Runnable> afterADelay = new java.util.ArrayList<>();
        vm = new CredentialsViewModel(client, delaysHeldIn(afterADelay), Clock.systemUTC());
        vm.reload();
        Comparator<CredentialRow> byHealth = Comparator.comparingInt(r -> r.health().ordinal());
        vm.comparatorProperty().set(byHealth);
        for (int page = 0; page < 20; page++) { // a row on each of the 20 pages changes at the server
            client.force(vm.allRows().get(page * 100 + 7).token(), ForceKind.SCA);
        }
        long passes = vm.fullPasses();

        vm.reload();

        assertThat(vm.pagesLoadedProperty().get()).isEqualTo(20);
        assertThat(vm.fullPasses() - passes).as("passes over all rows for 20 changed pages").isBetween(1L, 2L);
        assertThat(vm.shownRows()).as("every row, the changed ones in their new places")
                .hasSize(2000).containsExactlyInAnyOrderElementsOf(vm.allRows()).isSortedAccordingTo(byHealth);
        List<CredentialRow> atTheEnd = List.copyOf(vm.shownRows());
        afterADelay.forEach(Runnable::run); // the wait asked for during the load passes: nothing left to do
        assertThat(vm.shownRows()).containsExactlyElementsOf(atTheEnd);
    }

    /** The sandbox and its client again, with {@code config} and a clock that stands still (statuses change only when a test changes them). */
    private void restartSandbox(SandboxConfig config) throws Exception {
        server.close();
        server = SandboxServer.start(config.withClock(
                Clock.fixed(java.time.Instant.parse("2026-12-03T09:00:00Z"), java.time.ZoneOffset.UTC)));
        client.close();
        client = SandboxClients.of(server);
    }

    /** Everything at once, as {@link Background#direct()}, but what waits for a delay is put in {@code held}. */
    private static Background delaysHeldIn(List<Runnable> held) {
        return new Background() {
            @Override
            public <T> Job submit(String name, Work<T> work, java.util.function.Consumer<? super T> onSuccess,
                                  java.util.function.Consumer<Throwable> onFailure) {
                return Background.direct().submit(name, work, onSuccess, onFailure);
            }

            @Override
            public void ui(Runnable r) {
                r.run();
            }

            @Override
            public void uiAfter(Duration delay, Runnable r) {
                held.add(r);
            }
        };
    }

    /**
     * The statuses of a sweep over selected rows (bulk refresh) reach their rows at once, but the
     * table's rows are made again from all rows once for several of them, not once for each: at
     * 100,000 rows a pass costs ~11 ms, and four statuses at a time come back.
     */
    @Test
    void theStatusesOfASweepMakeTheTableOnceForSeveralRows() {
        List<Runnable> afterADelay = new java.util.ArrayList<>();
        vm = new CredentialsViewModel(client, delaysHeldIn(afterADelay), Clock.systemUTC());
        vm.reload();
        vm.healthFilterProperty().set(Health.BLOCKED);
        io.flanks.console.api.CredentialStatus blockedStatus = vm.shownRows().get(0).status();
        List<CredentialRow> healthy = vm.allRows().stream().filter(r -> r.health() == Health.HEALTHY).limit(5).toList();
        long passes = vm.fullPasses();

        for (CredentialRow r : healthy) {
            vm.applyRefreshedStatus(r, blockedStatus); // each one now blocked, as the sweep found
        }

        assertThat(healthy).allMatch(r -> r.health() == Health.BLOCKED && r.isChanged());
        assertThat(vm.fullPasses() - passes).as("passes over all rows for 5 statuses").isLessThanOrEqualTo(1);
        afterADelay.forEach(Runnable::run); // the wait is over
        assertThat(vm.shownRows()).as("the Blocked filter shows them").containsAll(healthy);
        assertThat(vm.fullPasses() - passes).isLessThanOrEqualTo(2);
        assertThat(vm.countProperty(Health.BLOCKED).get()).isEqualTo((int) rowsWith(Health.BLOCKED));
    }

    @Test
    void aReloadThatOnlyChangesHealthsOnLaterPagesUpdatesTheCounts() throws Exception {
        vm.reload();
        // healthy rows on the last page change at the server; nothing is added or removed
        List<CredentialRow> last = vm.allRows().subList(200, 300).stream().filter(r -> r.health() == Health.HEALTHY)
                .limit(5).toList();
        for (CredentialRow r : last) {
            client.force(r.token(), ForceKind.SCA);
        }
        vm.reload();
        assertThat(last).allMatch(r -> r.health() == Health.NEEDS_SCA);
        for (Health h : Health.values()) {
            assertThat(vm.countProperty(h).get()).as(h.name()).isEqualTo((int) rowsWith(h));
        }
    }

    /**
     * Keystrokes count only the rows that start or stop matching; whatever happens between them
     * (a status change, a removal, marks, a reload, other filters), counts and rows must be what
     * counting every row from scratch gives.
     */
    @Test
    void typingBetweenOtherChangesKeepsCountsAndRowsExact() throws Exception {
        vm.reload();
        java.util.Random random = new java.util.Random(7);
        List<String> words = new java.util.ArrayList<>();
        for (CredentialRow r : vm.allRows().subList(0, 40)) {
            words.add(r.token().substring(0, 6));
            if (r.externalId() != null) {
                words.add(r.externalId());
            }
        }
        words.addAll(List.of("user-1", "user-12", "u", "e", "zzz-none", "SANTANDER", ""));
        String typed = "";
        for (int step = 0; step < 800; step++) {
            int what = random.nextInt(20);
            if (what < 12) { // type or delete one character
                String word = words.get(random.nextInt(words.size()));
                if (typed.isEmpty() || (!word.startsWith(typed) && random.nextBoolean())) {
                    typed = word.isEmpty() ? "" : word.substring(0, 1);
                } else if (word.startsWith(typed) && word.length() > typed.length() && random.nextBoolean()) {
                    typed = word.substring(0, typed.length() + 1);
                } else {
                    typed = typed.substring(0, typed.length() - 1);
                }
                vm.searchProperty().set(typed);
            } else if (what == 12) {
                CredentialRow r = vm.allRows().get(random.nextInt(vm.allRows().size()));
                client.force(r.token(), ForceKind.values()[random.nextInt(ForceKind.values().length)]);
                vm.refreshStatus(r);
            } else if (what == 13 && vm.allRows().size() > 200) {
                vm.removeRow(vm.allRows().get(random.nextInt(vm.allRows().size())));
            } else if (what == 14) {
                vm.markAllSeen();
            } else if (what == 15) {
                vm.healthFilterProperty().set(random.nextInt(3) > 0 ? null : Health.values()[random.nextInt(Health.values().length)]);
            } else if (what == 16) {
                if (vm.bankFilter().isEmpty()) {
                    vm.bankFilter().add(vm.bankIds().get(random.nextInt(vm.bankIds().size())));
                } else {
                    vm.bankFilter().clear();
                }
            } else if (what == 17) {
                vm.comparatorProperty().set(random.nextInt(3) > 0 ? null : Comparator.comparing(CredentialRow::token));
            } else if (what == 18) {
                vm.reload();
            } else {
                vm.markFilterProperty().set(random.nextInt(3) > 0 ? null : RowMark.DUPLICATE);
            }
            assertCountsAreExact("step " + step + " search '" + typed + "'");
        }
    }

    private void assertCountsAreExact(String when) {
        String needle = vm.searchProperty().get().trim().toLowerCase(Locale.ROOT);
        List<CredentialRow> matching = vm.allRows().stream()
                .filter(r -> vm.bankFilter().isEmpty() || vm.bankFilter().contains(r.bankId()))
                .filter(r -> needle.isEmpty() || r.matches(needle))
                .toList();
        for (Health h : Health.values()) {
            assertThat(vm.countProperty(h).get()).as(when + ": " + h).isEqualTo(
                    (int) matching.stream().filter(r -> r.health() == h).count());
        }
        assertThat(vm.matchingCountProperty().get()).as(when + ": matching").isEqualTo(matching.size());
        assertThat(vm.markCountProperty(RowMark.DUPLICATE).get()).as(when + ": duplicates").isEqualTo(
                (int) matching.stream().filter(r -> r.duplicates() > 0).count());
        assertThat(vm.markCountProperty(RowMark.CHANGED).get()).as(when + ": changed").isEqualTo(
                (int) matching.stream().filter(CredentialRow::isChanged).count());
        Health h = vm.healthFilterProperty().get();
        RowMark m = vm.markFilterProperty().get();
        java.util.stream.Stream<CredentialRow> shown = matching.stream()
                .filter(r -> h == null || r.health() == h)
                .filter(r -> m != RowMark.DUPLICATE || r.duplicates() > 0);
        if (vm.comparatorProperty().get() != null) {
            shown = shown.sorted(vm.comparatorProperty().get());
        }
        assertThat(vm.shownRows()).as(when + ": rows").containsExactlyElementsOf(shown.toList());
    }

    @Test
    void filtersSetBeforeALoadApplyToEveryPageAsItArrives() {
        vm.searchProperty().set("user-1");
        vm.healthFilterProperty().set(Health.HEALTHY);
        io.flanks.console.common.HeldBackground held = new io.flanks.console.common.HeldBackground();
        CredentialsViewModel sliced = new CredentialsViewModel(client, held, Clock.systemUTC());
        sliced.setSliceNanos(0);
        sliced.setAppendNanos(0); // every slice's rows reach the table at once
        sliced.searchProperty().set("user-1");
        sliced.healthFilterProperty().set(Health.HEALTHY);
        sliced.reload();
        for (int slice = 0; held.queued() > 0; slice++) {
            held.runOne();
            // after every slice: exactly the loaded rows that pass both filters, in arrival order
            assertThat(sliced.shownRows()).as("slice " + slice).containsExactlyElementsOf(sliced.allRows().stream()
                    .filter(r -> r.health() == Health.HEALTHY && r.matches("user-1")).toList());
        }
        vm.reload();
        assertThat(sliced.shownRows()).isNotEmpty().hasSize(vm.shownRows().size());
        assertThat(sliced.countProperty(Health.HEALTHY).get()).isEqualTo(vm.countProperty(Health.HEALTHY).get());
    }

    @Test
    void pagesReachTheTableInSlicesAndTheLoadEndsAfterTheLastOne() {
        io.flanks.console.common.HeldBackground held = new io.flanks.console.common.HeldBackground();
        vm = new CredentialsViewModel(client, held, Clock.systemUTC());
        vm.setSliceNanos(0); // one piece of work per slice
        vm.setAppendNanos(0); // every slice's rows reach the table at once
        vm.reload(); // fetches every page at once (direct), then queues them for the UI thread
        assertThat(held.queued()).as("one slice scheduled at a time").isEqualTo(1);
        assertThat(vm.totalCountProperty().get()).isZero();

        held.runOne();
        assertThat(vm.totalCountProperty().get()).isEqualTo(100);
        assertThat(vm.shownRows()).hasSize(100);
        assertThat(vm.selectedProperty().get()).as("the first rows are selected at once").isSameAs(vm.shownRows().get(0));
        assertThat(vm.loadingProperty().get()).isTrue();
        held.runOne();
        held.runOne();
        assertThat(vm.shownRows()).hasSize(300);
        assertThat(vm.loadingProperty().get()).as("the end of the load waits behind the pages").isTrue();
        held.runOne();
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.statusMessageProperty().get()).startsWith("Loaded 300 credentials");
        assertThat(held.queued()).isZero();
    }

    @Test
    void duringALoadAppendedRowsReachTheTableTheFirstAtOnceThenNoMoreOftenThanTheIntervalAndAllAtTheEnd() {
        io.flanks.console.common.HeldBackground held = new io.flanks.console.common.HeldBackground();
        vm = new CredentialsViewModel(client, held, Clock.systemUTC());
        vm.setSliceNanos(0); // one page per slice
        vm.setAppendNanos(java.time.Duration.ofHours(1).toNanos()); // no slice is ever late enough by itself
        vm.reload();
        held.runOne();
        assertThat(vm.shownRows()).as("page 1, at once").hasSize(100);
        held.runOne();
        assertThat(vm.allRows()).hasSize(200);
        assertThat(vm.shownRows()).as("page 2 waits").hasSize(100);
        assertThat(held.delays()).as("one flush asked, for at most the interval").hasSize(1)
                .allMatch(d -> d.compareTo(java.time.Duration.ofHours(1)) <= 0 && !d.isNegative());
        held.runDelayed(); // the interval has passed: page 2 comes, though no page came since
        assertThat(vm.shownRows()).hasSize(200);
        held.runOne();
        assertThat(vm.shownRows()).as("page 3 waits").hasSize(200);
        held.runOne(); // the end of the load: whatever waits comes with it
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.shownRows()).containsExactlyElementsOf(vm.allRows());
        held.runDelayed(); // page 3's flush, late: nothing more to do
        assertThat(vm.shownRows()).hasSize(300);
    }
}
