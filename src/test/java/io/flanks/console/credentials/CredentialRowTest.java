package io.flanks.console.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flanks.console.api.CredentialItem;
import io.flanks.console.api.CredentialStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reload brings every row's values again: equal ones are not taken, changed ones are. */
class CredentialRowTest {

    private static CredentialStatus status(boolean blocked) {
        return new CredentialStatus(false, blocked, null, null, null, "bbva", null, null, null, null, null, null, null, null);
    }

    /** What a parser makes of the same JSON again: equal values, new objects. */
    private static CredentialItem item(String externalId, String bank, boolean blocked) {
        return new CredentialItem(new String("tok-1"), externalId == null ? null : new String(externalId),
                new String(bank), status(blocked), null);
    }

    @Test
    void anUnchangedItemKeepsTheRowsObjectsAndNotifiesNobody() {
        CredentialRow row = new CredentialRow(item("Ext-1", "bbva", false));
        CredentialStatus status = row.status();
        String externalId = row.externalId();
        List<Object> seen = new ArrayList<>();
        row.statusProperty().addListener((o, a, b) -> seen.add(b));
        row.externalIdProperty().addListener((o, a, b) -> seen.add(b));

        CredentialItem again = item("Ext-1", "bbva", false);
        row.update(again);

        assertSame(status, row.status(), "an equal status is not taken: the item's copy can die young");
        assertNotSame(again.status(), row.status());
        assertSame(externalId, row.externalId());
        assertTrue(seen.isEmpty(), "nothing changed, nobody is told: " + seen);
        assertTrue(row.matches("ext-1"), "search still finds the row by its external id");
    }

    @Test
    void aChangedItemIsTakenAndTold() {
        CredentialRow row = new CredentialRow(item("Ext-1", "bbva", false));
        List<Object> seen = new ArrayList<>();
        row.statusProperty().addListener((o, a, b) -> seen.add(b));
        row.healthProperty().addListener((o, a, b) -> seen.add(b));

        CredentialItem blocked = item("Ext-2", "santander", true);
        row.update(blocked);

        assertSame(blocked.status(), row.status());
        assertEquals(Health.BLOCKED, row.health());
        assertEquals(List.of(blocked.status(), Health.BLOCKED), seen);
        assertEquals("Ext-2", row.externalId());
        assertEquals("santander", row.bankId());
        assertEquals("santander", row.bankName(), "a bank without a known name shows its id, the new one");
        assertTrue(row.matches("ext-2"), "search finds the new external id");
        assertFalse(row.matches("ext-1"), "and no longer the old one");
    }

    @Test
    void aKnownBankNameSurvivesAnUnchangedItemAndAnItemWithoutExternalIdClearsIt() {
        CredentialRow row = new CredentialRow(item("Ext-1", "bbva", false));
        row.setBankName("BBVA España");
        row.update(item("Ext-1", "bbva", false));
        assertEquals("BBVA España", row.bankName());

        row.update(item(null, "bbva", false));
        assertEquals(null, row.externalId());
        assertFalse(row.matches("ext-1"));
    }
}
