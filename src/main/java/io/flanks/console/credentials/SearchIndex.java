package io.flanks.console.credentials;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * What search matches, for every row at once: one lower-case text holding each row's token,
 * external id and bank, in row order. A search scans it with {@link String#indexOf} (a CPU
 * intrinsic that skips non-matching text at memory speed) instead of visiting 100,000 row
 * objects and their strings scattered over the heap: 1-3 ms instead of 30.
 *
 * <p>Built on the first search after the rows changed; rows added since are matched one by one
 * (see {@link #matches}). FX thread only.
 */
final class SearchIndex {
    private String text = "";
    /** {@code ends[i]}: where row {@code i}'s part of {@link #text} ends (its separator). */
    private int[] ends = new int[0];
    private CredentialRow[] rows = new CredentialRow[0];
    private boolean stale = true;

    /** A row was added, removed or changed what it matches. */
    void invalidate() {
        stale = true;
    }

    /** The rows matching {@code needle} (lower-case, not empty), as a set of row slots. */
    Hits find(String needle, List<CredentialRow> all) {
        if (needle.indexOf('\u0001') >= 0 || needle.indexOf('\n') >= 0) {
            return new Hits(new BitSet(), new CredentialRow[0]); // the separators themselves: each row decides
        }
        if (stale) {
            build(all);
        }
        BitSet hits = new BitSet(rows.length);
        int row = 0;
        int from = 0;
        while (true) {
            int at = text.indexOf(needle, from);
            if (at < 0) {
                break;
            }
            while (ends[row] < at) {
                row++;
            }
            hits.set(row);
            from = ends[row] + 1; // next row: one hit per row is enough
            if (++row >= ends.length) {
                break;
            }
        }
        return new Hits(hits, rows);
    }

    private void build(List<CredentialRow> all) {
        int n = all.size();
        StringBuilder sb = new StringBuilder(n * 64);
        int[] e = new int[n];
        CredentialRow[] r = new CredentialRow[n];
        for (int i = 0; i < n; i++) {
            CredentialRow row = all.get(i);
            r[i] = row;
            row.searchSlot = i;
            row.appendSearchText(sb);
            e[i] = sb.length();
            sb.append('\n'); // never in a search (one line, trimmed): no match spans two rows
        }
        text = sb.toString().toLowerCase(Locale.ROOT);
        ends = e;
        rows = r;
        stale = false;
    }

    /** The result of one search. */
    static final class Hits {
        private final BitSet hits;
        private final CredentialRow[] rows;

        Hits(BitSet hits, CredentialRow[] rows) {
            this.hits = hits;
            this.rows = rows;
        }

        /** Whether {@code r} matched; a row indexed after the search is asked directly. */
        boolean matches(CredentialRow r, String needle) {
            int slot = r.searchSlot;
            if (slot >= 0 && slot < rows.length && rows[slot] == r) {
                return hits.get(slot);
            }
            return r.matches(needle);
        }
    }
}
