package io.flanks.console.credentials;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Likely duplicates: credentials with the same bank and the same non-null external id (someone
 * linked the same account twice). Rows are grouped by that key in a hash map and each row keeps
 * its group's size minus one, so adding or removing a batch costs the batch plus the groups it
 * touches, never a pass over every row (the table may hold 100,000).
 */
final class DuplicateIndex {
    /**
     * Each key's row, or its rows as a list when there are two or more: at 100,000 rows almost
     * every group is one row, and a list for each took 5 MB and an allocation per row loaded.
     */
    private Map<String, Object> groups = new HashMap<>();
    /** The most rows {@link #expect} has made room for. */
    private int roomFor;

    /**
     * Makes room for this many rows at once (a load that knows its size from its first page), so
     * the map is not grown and copied over and over on the FX thread as the pages come.
     */
    void expect(int rows) {
        if (rows > roomFor) {
            groups = Presized.copy(groups, rows);
            roomFor = rows;
        }
    }

    /** Files new rows; returns the rows whose count changed (new twins and their originals). */
    List<CredentialRow> addAll(Collection<CredentialRow> rows) {
        Set<String> touched = new HashSet<>();
        for (CredentialRow r : rows) {
            file(r, touched);
        }
        return publish(touched, new ArrayList<>());
    }

    /** Forgets rows that left the table; returns the remaining rows whose count changed. */
    List<CredentialRow> removeAll(Collection<CredentialRow> rows) {
        Set<String> touched = new HashSet<>();
        List<CredentialRow> changed = new ArrayList<>();
        for (CredentialRow r : rows) {
            unfile(r, touched);
        }
        return publish(touched, changed);
    }

    /** Re-files rows whose bank or external id may have changed in place (a reload); returns the rows whose count changed. */
    List<CredentialRow> rekeyAll(Collection<CredentialRow> rows) {
        Set<String> touched = new HashSet<>();
        List<CredentialRow> changed = new ArrayList<>();
        for (CredentialRow r : rows) {
            if (!java.util.Objects.equals(r.twinKey(), r.duplicateKey)) {
                if (r.duplicates() != 0) {
                    changed.add(r);
                }
                unfile(r, touched);
                file(r, touched);
            }
        }
        return publish(touched, changed);
    }

    private void file(CredentialRow r, Set<String> touched) {
        String k = r.twinKey(); // null (no bank or no external id): never a duplicate
        r.duplicateKey = k;
        if (k != null) {
            Object had = groups.putIfAbsent(k, r);
            if (had != null) { // a twin: the key's rows become a list
                if (had instanceof CredentialRow first) {
                    List<CredentialRow> g = new ArrayList<>(2);
                    g.add(first);
                    g.add(r);
                    groups.put(k, g);
                } else {
                    rowsOf(had).add(r);
                }
                touched.add(k);
            } else if (r.duplicates() != 0) {
                touched.add(k); // alone again: its count goes back to none
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<CredentialRow> rowsOf(Object group) {
        return group instanceof CredentialRow one ? List.of(one) : (List<CredentialRow>) group;
    }

    private void unfile(CredentialRow r, Set<String> touched) {
        String k = r.duplicateKey;
        r.duplicateKey = null;
        if (k == null) {
            return;
        }
        Object g = groups.get(k);
        if (g == r) {
            groups.remove(k);
        } else if (g instanceof List<?> && rowsOf(g).remove(r)) { // not another lone row's (List.of cannot remove)
            touched.add(k);
            List<CredentialRow> left = rowsOf(g);
            if (left.size() == 1) {
                groups.put(k, left.get(0)); // one row again
            }
        }
        r.setDuplicates(0);
    }

    /** Sets each touched group's count on its rows, once per batch; adds the rows it changed to {@code changed}. */
    private List<CredentialRow> publish(Set<String> touched, List<CredentialRow> changed) {
        for (String k : touched) {
            Object group = groups.get(k);
            if (group == null) {
                continue;
            }
            List<CredentialRow> g = rowsOf(group);
            int others = g.size() - 1;
            for (CredentialRow r : g) {
                if (r.duplicates() != others) {
                    r.setDuplicates(others);
                    changed.add(r);
                }
            }
        }
        return changed;
    }
}
