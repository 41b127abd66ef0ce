package io.flanks.console.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.api.CredentialItem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Groups of one row, of two and more, and rows moving between them. */
class DuplicateIndexTest {

    private static CredentialRow row(String token, String externalId) {
        return new CredentialRow(new CredentialItem(token, externalId, "bbva", null, null));
    }

    /** One row per external id, at one bank, with tokens "a", "b", ... */
    private static List<CredentialRow> rows(String... externalIds) {
        return java.util.stream.IntStream.range(0, externalIds.length)
                .mapToObj(i -> row(String.valueOf((char) ('a' + i)), externalIds[i])).toList();
    }

    private static List<Integer> counts(List<CredentialRow> rows) {
        return rows.stream().map(CredentialRow::duplicates).toList();
    }

    @Test
    void aGroupGrowsAndShrinksBackToOneRow() {
        DuplicateIndex index = new DuplicateIndex();
        List<CredentialRow> rows = rows("same", "same", "same", "other");
        CredentialRow a = rows.get(0);
        CredentialRow b = rows.get(1);
        CredentialRow c = rows.get(2);
        CredentialRow alone = rows.get(3);

        assertThat(index.addAll(List.of(a, alone))).isEmpty();
        assertThat(index.addAll(List.of(b, c))).containsExactlyInAnyOrder(a, b, c);
        assertThat(counts(List.of(a, b, c, alone))).containsExactly(2, 2, 2, 0);

        assertThat(index.removeAll(List.of(b))).containsExactlyInAnyOrder(a, c);
        assertThat(counts(List.of(a, c))).containsExactly(1, 1);
        assertThat(index.removeAll(List.of(a))).containsExactly(c);
        assertThat(c.duplicates()).as("alone again").isZero();

        assertThat(index.addAll(List.of(a))).containsExactlyInAnyOrder(a, c); // twins once more
        assertThat(counts(List.of(a, c))).containsExactly(1, 1);
        assertThat(index.removeAll(List.of(alone))).isEmpty();
    }

    @Test
    void aRowWhoseExternalIdChangesMovesToItsNewGroup() {
        DuplicateIndex index = new DuplicateIndex();
        List<CredentialRow> rows = rows("one", "one", "two");
        index.addAll(rows);
        CredentialRow a = rows.get(0);
        CredentialRow b = rows.get(1);
        CredentialRow c = rows.get(2);
        assertThat(counts(List.of(a, b, c))).containsExactly(1, 1, 0);

        b.update(new CredentialItem("b", "two", "bbva", null, null)); // a reload says so
        assertThat(index.rekeyAll(List.of(a, b, c))).containsOnly(a, b, c); // b may be named twice: it left a group and joined one
        assertThat(counts(List.of(a, b, c))).containsExactly(0, 1, 1);

        b.update(new CredentialItem("b", null, "bbva", null, null)); // no external id: never a duplicate
        assertThat(index.rekeyAll(List.of(b))).containsOnly(b, c);
        assertThat(counts(List.of(a, b, c))).containsExactly(0, 0, 0);
    }

    @Test
    void forgettingARowNotInItsKeysGroupLeavesThatGroupAlone() {
        DuplicateIndex index = new DuplicateIndex();
        List<CredentialRow> rows = rows("same", "same");
        index.addAll(rows.subList(0, 1));
        CredentialRow stray = rows.get(1);
        stray.duplicateKey = stray.twinKey(); // says it is filed, but never was

        assertThat(index.removeAll(List.of(stray))).isEmpty();
        assertThat(index.addAll(List.of(stray))).as("the first row is still filed").containsExactlyInAnyOrder(rows.get(0), stray);
    }

    /** Room made for a load's rows (its first page knows how many) keeps every row filed before. */
    @Test
    void makingRoomForALoadKeepsTheGroupsFiledBefore() {
        DuplicateIndex index = new DuplicateIndex();
        List<CredentialRow> rows = rows("same", "other", "same");
        assertThat(index.addAll(rows.subList(0, 2))).isEmpty();

        index.expect(100_000);
        index.expect(50); // less than made room for: nothing to do

        assertThat(index.addAll(List.of(rows.get(2)))).as("the twin of a row filed before the room was made")
                .containsExactlyInAnyOrder(rows.get(0), rows.get(2));
        assertThat(counts(rows)).containsExactly(1, 0, 1);
    }

    /** The key rows are grouped by follows the row's bank and external id, and is none without either. */
    @Test
    void aRowsTwinKeyFollowsItsBankAndExternalId() {
        CredentialRow r = new CredentialRow(new CredentialItem("t", "ext-1", "bbva", null, null));
        assertThat(r.twinKey()).isEqualTo("bbva\u0000ext-1");
        r.update(new CredentialItem("t", "ext-2", "bbva", null, null));
        assertThat(r.twinKey()).isEqualTo("bbva\u0000ext-2");
        r.update(new CredentialItem("t", "ext-2", "santander", null, null));
        assertThat(r.twinKey()).isEqualTo("santander\u0000ext-2");
        r.update(new CredentialItem("t", null, "santander", null, null));
        assertThat(r.twinKey()).as("no external id: never a duplicate").isNull();
    }
}
