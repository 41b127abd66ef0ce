package io.flanks.console.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.api.CredentialItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The search index answers exactly what each row's own {@link CredentialRow#matches} would. */
class SearchIndexTest {

    private static List<CredentialRow> rows(Random rnd, int n) {
        String[] banks = {"bbva", "Santander", "ING", null};
        List<CredentialRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String ext = rnd.nextInt(5) == 0 ? null : (rnd.nextBoolean() ? "User-" : "cust-") + rnd.nextInt(500);
            CredentialRow r = new CredentialRow(new CredentialItem(Long.toHexString(rnd.nextLong()) + (i % 7 == 0 ? "AB" : ""),
                    ext, banks[rnd.nextInt(banks.length)], null, null));
            if (rnd.nextInt(3) == 0) {
                r.setBankName(r.bankId() == null ? null : "Banco " + r.bankId().toUpperCase(Locale.ROOT));
            }
            rows.add(r);
        }
        return rows;
    }

    @Test
    void findsWhatEachRowWouldMatchAndNothingAcrossFields() {
        Random rnd = new Random(7);
        List<CredentialRow> rows = rows(rnd, 3000);
        SearchIndex index = new SearchIndex();
        List<String> needles = new ArrayList<>(List.of("user-1", "cust-42", "bbva", "banco s", "ab", "a", "-", "ing",
                "santander", "zz-nothing", "1\u0001"));
        for (int i = 0; i < 200; i++) { // pieces of real values, and pieces spanning two fields
            CredentialRow r = rows.get(rnd.nextInt(rows.size()));
            String text = (r.token() + (r.externalId() == null ? "" : r.externalId())).toLowerCase(Locale.ROOT);
            int from = rnd.nextInt(text.length() - 1);
            needles.add(text.substring(from, Math.min(text.length(), from + 1 + rnd.nextInt(6))));
        }
        for (String needle : needles) {
            SearchIndex.Hits hits = index.find(needle, rows);
            for (CredentialRow r : rows) {
                assertThat(hits.matches(r, needle)).as("%s in %s / %s / %s / %s", needle, r.token(), r.externalId(),
                        r.bankId(), r.bankName()).isEqualTo(r.matches(needle));
            }
        }
    }

    /** Typing on narrows the previous result, deleting reuses an earlier one: both must equal a fresh scan. */
    @Test
    void typingAndDeletingGiveWhatAFreshIndexGives() {
        Random rnd = new Random(11);
        List<CredentialRow> rows = rows(rnd, 3000);
        SearchIndex typing = new SearchIndex();
        String[] words = {"user-12", "cust-4", "banco sant", "bbva", "ab", "-1", "banco ing", "banco bbva"};
        for (int round = 0; round < 60; round++) {
            String word = words[rnd.nextInt(words.length)];
            List<String> steps = new ArrayList<>();
            for (int i = 1; i <= word.length(); i++) {
                steps.add(word.substring(0, i));
            }
            for (int i = word.length() - 1; i >= 1; i--) {
                steps.add(word.substring(0, i));
            }
            for (String needle : steps) {
                SearchIndex.Hits hits = typing.find(needle, rows);
                SearchIndex.Hits fresh = new SearchIndex().find(needle, rows);
                assertThat(hits.slots()).as(needle).isEqualTo(fresh.slots());
                for (CredentialRow r : rows) {
                    assertThat(hits.matches(r, needle)).as("%s in %s / %s", needle, r.token(), r.externalId())
                            .isEqualTo(r.matches(needle));
                }
            }
        }
    }

    @Test
    void rowsAddedOrChangedAfterTheIndexWasBuiltAreAskedDirectly() {
        Random rnd = new Random(3);
        List<CredentialRow> rows = new ArrayList<>(rows(rnd, 100));
        SearchIndex index = new SearchIndex();
        index.find("x", rows);
        CredentialRow late = new CredentialRow(new CredentialItem("late-token", "needle-9", "bbva", null, null));
        rows.add(late); // not indexed yet: no slot
        assertThat(index.find("needle-9", rows).matches(late, "needle-9")).isTrue();

        index.invalidate(); // the view-model does this whenever rows change
        SearchIndex.Hits hits = index.find("needle-9", rows);
        assertThat(hits.matches(late, "needle-9")).isTrue();
        assertThat(rows.stream().filter(r -> hits.matches(r, "needle-9"))).containsExactly(late);
    }
}
