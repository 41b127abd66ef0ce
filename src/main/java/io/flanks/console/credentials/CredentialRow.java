package io.flanks.console.credentials;

import io.flanks.console.api.CredentialItem;
import io.flanks.console.api.CredentialStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * View-model of one table row. The token is its identity; everything else is replaced in place
 * when a reload or a status fetch brings news, so selection and scroll survive a reload.
 *
 * <p>Values live in plain fields; a JavaFX property is made only when something asks for it (a
 * visible cell, the detail pane), then kept in step. At 100,000 rows, eight eager properties
 * per row cost about 50 MB; only the few dozen rows on screen ever need them. The view-model,
 * not per-row listeners, re-filters and re-counts when values change.
 */
public final class CredentialRow {
    private final String token;
    private String externalId;
    /** The external id in lower case, for sorting (the same string when it has no capitals). */
    private String externalIdSortKey;
    private String bankId;
    private String bankName;
    private CredentialStatus status;
    private Health health = Health.UNKNOWN;
    private boolean changed;
    private int duplicates;
    private String statusText;
    /**
     * Lower-case token and external id, what search matches besides the bank; {@code null}
     * when both are lower-case already (the usual case), then they are matched as they are.
     */
    private String searchKey;
    /** Lower-case bank id and name, shared by every row of the bank (see {@link BankKeys}). */
    private String bankKey;

    // made on demand
    private ReadOnlyStringWrapper externalIdProperty;
    private ReadOnlyStringWrapper bankIdProperty;
    private ReadOnlyStringWrapper bankNameProperty;
    private ReadOnlyObjectWrapper<CredentialStatus> statusProperty;
    private ReadOnlyObjectWrapper<Health> healthProperty;
    private ReadOnlyBooleanWrapper changedProperty;
    private ReadOnlyIntegerWrapper duplicatesProperty;

    /** The last load whose pages listed this row ({@code CredentialsViewModel}'s load generation). */
    int listedInLoad;
    /** This row's place in the {@link SearchIndex}, or -1. */
    int searchSlot = -1;
    /** The key under which {@link DuplicateIndex} filed this row, or {@code null}. */
    String duplicateKey;
    /**
     * Bank and external id as {@link DuplicateIndex} keys rows, or {@code null} when either is
     * missing; made (with its hash) when they change, which for a new row is off the FX thread.
     */
    private String twinKey;
    /** What the view-model's chip counts hold for this row, so a change is counted as a difference. */
    boolean tallied;
    String talliedBank;
    /** {@code null} when the row did not match search and bank filter when counted. */
    Health talliedHealth;
    boolean talliedDuplicate;
    boolean talliedChanged;

    public CredentialRow(CredentialItem item) {
        this.token = item.credentialsToken();
        if (token != null) {
            token.hashCode(); // kept by the string: the FX thread's map of rows by token need not work it out
        }
        update(item);
    }

    /**
     * Takes what a list item says; a status-less item keeps the status we already had. Values
     * equal to the ones held are not taken: a reload of an account that did not change keeps
     * every row's objects, so the item's copies die young (at 100,000 rows, taking them all made
     * the garbage collector copy them out of the young generation in pauses of 50-120 ms on two
     * cores), and a row whose status did not change notifies nobody.
     *
     * @return whether anything the row shows changed (its external id, bank, bank name, status
     *         or status text): a reload of an unchanged account changes no row
     */
    public boolean update(CredentialItem item) {
        String oldBank = bankId;
        boolean keys = false;
        boolean changed = false;
        if (!Objects.equals(externalId, item.externalId())) {
            externalId = item.externalId();
            externalIdSortKey = externalId == null ? null : externalId.toLowerCase(java.util.Locale.ROOT);
            keys = true;
        }
        if (!Objects.equals(bankId, item.bank())) {
            bankId = item.bank();
            keys = true;
        }
        if ((bankName == null || bankName.equals(oldBank)) && !Objects.equals(bankName, item.bank())) {
            bankName = item.bank();
            keys = true;
        }
        if (!Objects.equals(statusText, item.statusText())) {
            statusText = item.statusText();
            changed = true;
        }
        if (item.status() != null && !item.status().equals(status)) {
            status = item.status();
            health = HealthClassifier.classify(status);
            changed = true;
        }
        if (keys || bankKey == null) {
            rebuildKeys();
        }
        syncProperties();
        return changed || keys;
    }

    public void setStatus(CredentialStatus s) {
        status = s;
        health = HealthClassifier.classify(s);
        syncProperties();
    }

    public void setBankName(String name) {
        String next = name == null ? bankId : name;
        if (Objects.equals(next, bankName)) {
            return; // named already (rows of a load are named on the listing thread)
        }
        bankName = next;
        rebuildBankKey(); // the search key has no bank in it
        syncProperties();
    }

    private void rebuildKeys() {
        searchKey = isLower(token) && isLower(externalId) ? null : (token + '\n' + nz(externalId)).toLowerCase(Locale.ROOT);
        twinKey = bankId == null || externalId == null ? null : bankId + '\u0000' + externalId;
        if (twinKey != null) {
            twinKey.hashCode(); // kept by the string, as the token's
        }
        rebuildBankKey();
    }

    /** Bank and external id as one key (likely duplicates share it), or {@code null} when either is missing. */
    String twinKey() {
        return twinKey;
    }

    private void rebuildBankKey() {
        bankKey = BankKeys.of(bankId, bankName);
    }

    private static boolean isLower(String s) {
        return s == null || s.equals(s.toLowerCase(Locale.ROOT));
    }

    /** Pushes field values into the properties that exist (unchanged values notify nobody). */
    private void syncProperties() {
        if (externalIdProperty != null) {
            externalIdProperty.set(externalId);
        }
        if (bankIdProperty != null) {
            bankIdProperty.set(bankId);
        }
        if (bankNameProperty != null) {
            bankNameProperty.set(bankName);
        }
        // status before health: a health listener reading status() sees the new one
        if (statusProperty != null) {
            statusProperty.set(status);
        }
        if (healthProperty != null) {
            healthProperty.set(health);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** {@code needle} must already be lower-case. */
    public boolean matches(String needle) {
        if (needle.isEmpty()) {
            return true;
        }
        if (searchKey != null ? searchKey.contains(needle)
                : token.contains(needle) || (externalId != null && externalId.contains(needle))) {
            return true;
        }
        return bankKey.contains(needle);
    }

    /** What {@link #matches} looks at, for the {@link SearchIndex} (which lower-cases it). */
    void appendSearchText(StringBuilder sb) {
        sb.append(token).append('\u0001').append(nz(externalId)).append('\u0001')
                .append(nz(bankId)).append('\u0001').append(nz(bankName));
    }

    public String token() {
        return token;
    }

    public String externalId() {
        return externalId;
    }

    public ReadOnlyStringProperty externalIdProperty() {
        if (externalIdProperty == null) {
            externalIdProperty = new ReadOnlyStringWrapper(this, "externalId", externalId);
        }
        return externalIdProperty.getReadOnlyProperty();
    }

    public String bankId() {
        return bankId;
    }

    public ReadOnlyStringProperty bankIdProperty() {
        if (bankIdProperty == null) {
            bankIdProperty = new ReadOnlyStringWrapper(this, "bankId", bankId);
        }
        return bankIdProperty.getReadOnlyProperty();
    }

    public String bankName() {
        return bankName;
    }

    public ReadOnlyStringProperty bankNameProperty() {
        if (bankNameProperty == null) {
            bankNameProperty = new ReadOnlyStringWrapper(this, "bankName", bankName);
        }
        return bankNameProperty.getReadOnlyProperty();
    }

    public CredentialStatus status() {
        return status;
    }

    public ReadOnlyObjectProperty<CredentialStatus> statusProperty() {
        if (statusProperty == null) {
            statusProperty = new ReadOnlyObjectWrapper<>(this, "status", status);
        }
        return statusProperty.getReadOnlyProperty();
    }

    public Health health() {
        return health;
    }

    public ReadOnlyObjectProperty<Health> healthProperty() {
        if (healthProperty == null) {
            healthProperty = new ReadOnlyObjectWrapper<>(this, "health", health);
        }
        return healthProperty.getReadOnlyProperty();
    }

    /** The list's status when it was not an object (a plain string), else {@code null}. */
    public String statusText() {
        return statusText;
    }

    public Instant createdAt() {
        return status == null ? null : status.createdAt();
    }

    public Instant lastUpdate() {
        return status == null ? null : status.lastUpdateInstant();
    }

    /**
     * Orders rows by external id ignoring case, unknown ones last: as
     * {@code String.CASE_INSENSITIVE_ORDER} does, but on strings lower-cased once instead of
     * folding each character at every comparison (a header click sorts 100,000 rows).
     */
    public static int compareExternalIds(CredentialRow a, CredentialRow b) {
        String x = a.externalIdSortKey;
        String y = b.externalIdSortKey;
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : 1) : -1;
        }
        return x.compareTo(y);
    }

    /** Orders rows by {@link #lastUpdate()}, unknown first, without making an {@code Instant} per comparison. */
    public static int compareLastUpdates(CredentialRow a, CredentialRow b) {
        long x = a.status == null ? Long.MIN_VALUE : a.status.lastUpdateEpochSecond();
        long y = b.status == null ? Long.MIN_VALUE : b.status.lastUpdateEpochSecond();
        if (x != y) {
            return Long.compare(x, y);
        }
        return Integer.compare(a.status == null ? 0 : a.status.lastUpdateNano(), b.status == null ? 0 : b.status.lastUpdateNano());
    }

    public java.time.LocalDate lastTransactionDate() {
        return status == null ? null : status.lastTransactionDate();
    }

    /** Number of product and transaction groups flagged as errored; -1 when unknown. */
    public int erroredCount() {
        return erroredCount(status);
    }

    /** {@link #erroredCount()} of a row with status {@code s} ({@code null}: none yet). */
    static int erroredCount(io.flanks.console.api.CredentialStatus s) {
        return s == null ? -1 : (int) s.errored().countTrue();
    }

    /**
     * True when the row's health changed at a reload (or a bulk refresh) and the person has not
     * looked at it since: selecting the row, or "mark all seen", clears it.
     */
    public boolean isChanged() {
        return changed;
    }

    public ReadOnlyBooleanProperty changedProperty() {
        if (changedProperty == null) {
            changedProperty = new ReadOnlyBooleanWrapper(this, "changed", changed);
        }
        return changedProperty.getReadOnlyProperty();
    }

    void setChanged(boolean on) {
        changed = on;
        if (changedProperty != null) {
            changedProperty.set(on);
        }
    }

    /** How many other loaded credentials have the same bank and the same (non-null) external id. */
    public int duplicates() {
        return duplicates;
    }

    public ReadOnlyIntegerProperty duplicatesProperty() {
        if (duplicatesProperty == null) {
            duplicatesProperty = new ReadOnlyIntegerWrapper(this, "duplicates", duplicates);
        }
        return duplicatesProperty.getReadOnlyProperty();
    }

    void setDuplicates(int others) {
        duplicates = others;
        if (duplicatesProperty != null) {
            duplicatesProperty.set(others);
        }
    }

    @Override
    public String toString() {
        return "CredentialRow[" + token + "]";
    }

    /**
     * One shared lower-case search key per (bank id, bank name): a handful for 100,000 rows.
     * Looked up by the two strings themselves (shared by the parser, their hashes cached), so
     * no key string is built per row.
     */
    private static final class BankKeys {
        private static final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.ConcurrentHashMap<String, String>> KEYS =
                new java.util.concurrent.ConcurrentHashMap<>();

        static String of(String id, String name) {
            var byName = KEYS.get(nz(id));
            String key = byName == null ? null : byName.get(nz(name));
            if (key == null) {
                key = (nz(id) + '\n' + nz(name)).toLowerCase(Locale.ROOT);
                if (KEYS.size() < 10_000) {
                    KEYS.computeIfAbsent(nz(id), k -> new java.util.concurrent.ConcurrentHashMap<>()).putIfAbsent(nz(name), key);
                }
            }
            return key;
        }
    }
}
