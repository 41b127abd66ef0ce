package io.flanks.console.credentials;

import io.flanks.console.api.CredentialItem;
import io.flanks.console.api.CredentialStatus;
import java.time.Instant;
import java.util.Locale;
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
 */
public final class CredentialRow {
    private final String token;
    private final ReadOnlyStringWrapper externalId = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper bankId = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper bankName = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<CredentialStatus> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Health> health = new ReadOnlyObjectWrapper<>(Health.UNKNOWN);
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper duplicates = new ReadOnlyIntegerWrapper();
    /** The key under which {@link DuplicateIndex} filed this row, or {@code null}. */
    String duplicateKey;
    /** What the view-model's chip counts hold for this row, so a change is counted as a difference. */
    boolean tallied;
    String talliedBank;
    /** {@code null} when the row did not match search and bank filter when counted. */
    Health talliedHealth;
    boolean talliedDuplicate;
    boolean talliedChanged;
    private String statusText;
    /** Lower-case token, external id, bank id and name: what search matches, built once per change. */
    private String searchKey;

    public CredentialRow(CredentialItem item) {
        this.token = item.credentialsToken();
        update(item);
    }

    /** Takes what a list item says; a status-less item keeps the status we already had. */
    public void update(CredentialItem item) {
        externalId.set(item.externalId());
        bankId.set(item.bank());
        if (bankName.get() == null || bankName.get().equals(bankId.get())) {
            bankName.set(item.bank());
        }
        statusText = item.statusText();
        if (item.status() != null) {
            setStatus(item.status());
        } else {
            rebuildSearchKey();
        }
    }

    public void setStatus(CredentialStatus s) {
        status.set(s);
        health.set(HealthClassifier.classify(s));
        rebuildSearchKey();
    }

    public void setBankName(String name) {
        bankName.set(name == null ? bankId.get() : name);
        rebuildSearchKey();
    }

    private void rebuildSearchKey() {
        searchKey = (token + '\n' + nz(externalId.get()) + '\n' + nz(bankId.get()) + '\n' + nz(bankName.get()))
                .toLowerCase(Locale.ROOT);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** {@code needle} must already be lower-case. */
    public boolean matches(String needle) {
        return needle.isEmpty() || searchKey.contains(needle);
    }

    public String token() {
        return token;
    }

    public String externalId() {
        return externalId.get();
    }

    public ReadOnlyStringProperty externalIdProperty() {
        return externalId.getReadOnlyProperty();
    }

    public String bankId() {
        return bankId.get();
    }

    public ReadOnlyStringProperty bankIdProperty() {
        return bankId.getReadOnlyProperty();
    }

    public String bankName() {
        return bankName.get();
    }

    public ReadOnlyStringProperty bankNameProperty() {
        return bankName.getReadOnlyProperty();
    }

    public CredentialStatus status() {
        return status.get();
    }

    public ReadOnlyObjectProperty<CredentialStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public Health health() {
        return health.get();
    }

    public ReadOnlyObjectProperty<Health> healthProperty() {
        return health.getReadOnlyProperty();
    }

    /** The list's status when it was not an object (a plain string), else {@code null}. */
    public String statusText() {
        return statusText;
    }

    public Instant createdAt() {
        CredentialStatus s = status.get();
        return s == null ? null : s.createdAt();
    }

    public Instant lastUpdate() {
        CredentialStatus s = status.get();
        return s == null ? null : s.lastUpdateInstant();
    }

    public java.time.LocalDate lastTransactionDate() {
        CredentialStatus s = status.get();
        return s == null ? null : s.lastTransactionDate();
    }

    /** Number of product and transaction groups flagged as errored; -1 when unknown. */
    public int erroredCount() {
        CredentialStatus s = status.get();
        return s == null ? -1 : (int) s.errored().countTrue();
    }

    /**
     * True when the row's health changed at a reload (or a bulk refresh) and the person has not
     * looked at it since: selecting the row, or "mark all seen", clears it.
     */
    public boolean isChanged() {
        return changed.get();
    }

    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    void setChanged(boolean on) {
        changed.set(on);
    }

    /** How many other loaded credentials have the same bank and the same (non-null) external id. */
    public int duplicates() {
        return duplicates.get();
    }

    public ReadOnlyIntegerProperty duplicatesProperty() {
        return duplicates.getReadOnlyProperty();
    }

    void setDuplicates(int others) {
        duplicates.set(others);
    }

    @Override
    public String toString() {
        return "CredentialRow[" + token + "]";
    }
}
