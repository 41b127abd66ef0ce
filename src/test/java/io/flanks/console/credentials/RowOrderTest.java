package io.flanks.console.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.api.CredentialItem;
import io.flanks.console.api.CredentialStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast column orders (keys made once per row, no object per comparison) order rows exactly
 * as the plain comparators they replace: external ids ignoring case with unknown ones last, last
 * updates as instants with unknown ones first.
 */
class RowOrderTest {
    private final Random random = new Random(7);

    @Test
    void externalIdsSortIgnoringCaseWithUnknownLast() {
        List<CredentialRow> rows = new ArrayList<>();
        String[] prefixes = {"user-", "User-", "CUST-", "cust_", "ext-", "Ext-", "ñu-", "Zeta", "zeta", "a", "A", ""};
        for (int i = 0; i < 3000; i++) {
            String ext = random.nextInt(20) == 0 ? null : prefixes[random.nextInt(prefixes.length)] + random.nextInt(500);
            rows.add(new CredentialRow(new CredentialItem("tok-" + i, ext, "bbva", null, null)));
        }
        assertSameOrder(rows, CredentialRow::compareExternalIds,
                Comparator.comparing(CredentialRow::externalId, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)));
    }

    @Test
    void lastUpdatesSortAsInstantsWithUnknownFirst() {
        List<CredentialRow> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            LocalDate day = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(5));
            LocalTime time = random.nextBoolean() ? null : LocalTime.ofSecondOfDay(random.nextInt(86_400)).withNano(random.nextInt(3) * 1000);
            Instant stamp = random.nextInt(3) == 0 ? day.atStartOfDay().toInstant(java.time.ZoneOffset.UTC)
                    .plusSeconds(random.nextInt(86_400)).plusNanos(random.nextInt(3)) : null;
            CredentialStatus status = switch (random.nextInt(6)) {
                case 0 -> null; // no status yet
                case 1 -> status(null, null, null); // a status without a date
                default -> status(day, time, stamp);
            };
            rows.add(new CredentialRow(new CredentialItem("tok-" + i, "e" + i, "bbva", status, null)));
        }
        assertSameOrder(rows, CredentialRow::compareLastUpdates,
                Comparator.comparing(CredentialRow::lastUpdate, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    private static CredentialStatus status(LocalDate day, LocalTime time, Instant stamp) {
        return new CredentialStatus(false, false, null, null, null, "bbva", day, time, stamp, null, null, null, null, null);
    }

    /** Both orders, ascending and descending, give the same rows in the same places (sorts are stable). */
    private static void assertSameOrder(List<CredentialRow> rows, Comparator<CredentialRow> fast, Comparator<CredentialRow> plain) {
        for (boolean descending : new boolean[] {false, true}) {
            List<CredentialRow> a = new ArrayList<>(rows);
            List<CredentialRow> b = new ArrayList<>(rows);
            a.sort(descending ? fast.reversed() : fast);
            b.sort(descending ? plain.reversed() : plain);
            assertThat(a).as(descending ? "descending" : "ascending").containsExactlyElementsOf(b);
        }
    }
}
