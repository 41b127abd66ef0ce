package io.flanks.console.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flanks.console.api.CredentialItem;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The table's row list: its changes replay onto a copy exactly, and stay small. */
class TableRowsTest {
    private final TableRows rows = new TableRows();
    private final List<CredentialRow> mirror = new ArrayList<>();
    private final List<String> events = new ArrayList<>();

    TableRowsTest() {
        // a listener that keeps its own copy by the change's rules, as a table does
        rows.addListener((ListChangeListener<CredentialRow>) c -> {
            int subChanges = 0;
            while (c.next()) {
                subChanges++;
                if (c.wasUpdated()) {
                    for (int i = c.getFrom(); i < c.getTo(); i++) {
                        mirror.set(i, rows.get(i));
                    }
                    continue;
                }
                mirror.subList(c.getFrom(), c.getFrom() + c.getRemovedSize()).clear();
                mirror.addAll(c.getFrom(), c.getAddedSubList());
            }
            events.add((TableRows.isReplacement(c) ? "replace:" : "change:") + subChanges);
        });
    }

    private static List<CredentialRow> make(int n) {
        return IntStream.range(0, n).mapToObj(i -> new CredentialRow(new CredentialItem("t" + i, "e" + i, "bbva", null, null))).toList();
    }

    @Test
    void appendIsOneAdditionAtTheEnd() {
        List<CredentialRow> all = make(250);
        rows.append(all.subList(0, 100));
        rows.append(all.subList(100, 250));
        assertThat(rows).containsExactlyElementsOf(all);
        assertThat(mirror).containsExactlyElementsOf(all);
        assertThat(events).containsExactly("change:1", "change:1");
        assertThatThrownBy(() -> rows.add(all.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void replaceIsOneConstantSizeChangeWhetherTheListShrinksGrowsOrStays() {
        List<CredentialRow> all = make(100_000);
        rows.append(all);
        List<CredentialRow> few = all.stream().filter(r -> r.token().endsWith("7")).toList();
        rows.replace(few); // a search: 10,000 left
        assertThat(mirror).containsExactlyElementsOf(few);
        List<CredentialRow> reversed = new ArrayList<>(few);
        java.util.Collections.reverse(reversed);
        rows.replace(reversed); // a new sort order, same size
        assertThat(mirror).containsExactlyElementsOf(reversed);
        rows.replace(all); // the search cleared
        assertThat(mirror).containsExactlyElementsOf(all);
        rows.replace(List.of());
        assertThat(mirror).isEmpty();
        rows.replace(few);
        assertThat(mirror).containsExactlyElementsOf(few);
        assertThat(events).containsExactly("change:1", "replace:2", "replace:1", "replace:2", "replace:1", "replace:1");
    }
}
