package io.flanks.console.actions;

import io.flanks.console.api.ApiException;
import io.flanks.console.api.CredentialStatus;
import io.flanks.console.api.FlanksClient;
import io.flanks.console.api.ForceKind;
import io.flanks.console.api.ForceResult;
import io.flanks.console.audit.AuditEntry;
import io.flanks.console.audit.AuditLog;
import io.flanks.console.common.Background;
import io.flanks.console.common.ErrorMessages;
import io.flanks.console.common.Formats;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.CredentialRow;
import io.flanks.console.credentials.CredentialsViewModel;
import java.io.IOException;
import java.time.Clock;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The action state machine for force and delete: idle → in flight (per credential; a second
 * request for the same credential is refused) → done (audit written and flushed, then the
 * outcome is reported; the status re-fetched or the row removed) or failed (audit written, row
 * unchanged, a plain message). Nothing runs in read-only mode.
 */
public final class ActionsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ActionsViewModel.class);

    /** What the person is told when an action ends. */
    public record Outcome(ActionKind kind, CredentialRow row, boolean ok, String flowToken, String endUserLink,
                          ErrorMessages.Message error, boolean auditFailed) {
    }

    /** The words of a confirmation: title, what will happen, and a warning when a flow is already open. */
    public record Confirmation(String title, String body, String alreadyOpen, String target) {
    }

    private final FlanksClient client;
    private final Background background;
    private final CredentialsViewModel credentials;
    private final AuditLog audit;
    private final String environmentName;
    private final LinkTemplates links;
    private final Clock clock;
    private final String osUser;
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(this, "readOnly");
    private final ObservableSet<String> inFlight = FXCollections.observableSet();
    private final BooleanBinding canAct;

    public ActionsViewModel(FlanksClient client, Background background, CredentialsViewModel credentials,
                            AuditLog audit, String environmentName, LinkTemplates links, boolean readOnly,
                            Clock clock) {
        this.client = client;
        this.background = background;
        this.credentials = credentials;
        this.audit = audit;
        this.environmentName = environmentName;
        this.links = links;
        this.clock = clock;
        this.osUser = System.getProperty("user.name", "unknown");
        this.readOnly.set(readOnly);
        // with several rows selected, force and delete stay off: they act on one credential, and a
        // person who selected many may think they act on all of them
        this.canAct = Bindings.createBooleanBinding(() -> {
            CredentialRow r = credentials.selectedProperty().get();
            return !this.readOnly.get() && r != null && !inFlight.contains(r.token())
                    && credentials.selectedRows().size() <= 1;
        }, credentials.selectedProperty(), inFlight, this.readOnly, credentials.selectedRows());
    }

    // ---- Properties ----------------------------------------------------------------------

    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    /** True when the selected credential can be acted on now (not read-only, nothing in flight for it). */
    public BooleanBinding canActProperty() {
        return canAct;
    }

    /** Tokens with an action in flight. */
    public ObservableSet<String> inFlight() {
        return FXCollections.unmodifiableObservableSet(inFlight);
    }

    public String environmentName() {
        return environmentName;
    }

    public LinkTemplates links() {
        return links;
    }

    // ---- Commands ------------------------------------------------------------------------

    /** The words for the confirmation of {@code kind} on {@code row}. */
    public Confirmation confirmation(ActionKind kind, CredentialRow row) {
        String target = I18n.tr("action.target", row.bankName() == null ? "-" : row.bankName(),
                row.externalId() == null ? "–" : row.externalId(), Formats.shortToken(row.token()), environmentName);
        String already = null;
        CredentialStatus s = row.status();
        if (!kind.isDelete() && s != null && s.flowToken(kind.force()) != null) {
            String since = s.lastUpdateInstant() == null ? I18n.tr("action.since.unknown")
                    : Formats.relative(s.lastUpdateInstant(), clock.instant());
            already = I18n.tr("action.alreadyOpen", I18n.tr(kind.key() + ".flow"), since);
        }
        return new Confirmation(I18n.tr(kind.key() + ".title"), I18n.tr(kind.key() + ".body"), already, target);
    }

    /**
     * Runs {@code kind} on {@code row} once; returns false (and does nothing) in read-only mode or
     * while an action for that credential is in flight. {@code onDone} runs on the UI thread after
     * the audit line is on disk.
     */
    public boolean execute(ActionKind kind, CredentialRow row, Consumer<Outcome> onDone) {
        if (readOnly.get() || row == null || !inFlight.add(row.token())) {
            return false;
        }
        background.submit(kind.auditName() + " " + FlanksClient.shortToken(row.token()),
                job -> run(kind, row),
                outcome -> finish(outcome, onDone),
                error -> finish(new Outcome(kind, row, false, null, null, ErrorMessages.of(error), false), onDone));
        return true;
    }

    /** Background: the call and both audit lines; never throws. */
    private Outcome run(ActionKind kind, CredentialRow row) {
        boolean auditFailed = !record(kind, row, AuditEntry.ATTEMPT, null, null);
        try {
            String token = null;
            if (kind.isDelete()) {
                client.delete(row.token());
            } else {
                ForceResult r = client.force(row.token(), kind.force());
                token = r.token();
            }
            auditFailed |= !record(kind, row, AuditEntry.OK, null, token);
            String link = token == null ? null
                    : links.build(kind.force(), token, row.token(), row.externalId(), row.bankId());
            return new Outcome(kind, row, true, token, link, null, auditFailed);
        } catch (ApiException | RuntimeException e) {
            ErrorMessages.Message m = ErrorMessages.of(e);
            auditFailed |= !record(kind, row, AuditEntry.ERROR, e.getMessage(), null);
            return new Outcome(kind, row, false, null, null, m, auditFailed);
        }
    }

    private boolean record(ActionKind kind, CredentialRow row, String outcome, String message, String flowToken) {
        try {
            audit.append(new AuditEntry(clock.instant(), osUser, environmentName, client.environment().baseUrl(),
                    kind.auditName(), row.token(), row.bankId(), row.externalId(), outcome, message,
                    AuditEntry.mask(flowToken)));
            return true;
        } catch (IOException e) {
            LOG.error("Could not write the audit log {}: {}", audit.file(), e.toString());
            return false;
        }
    }

    private void finish(Outcome o, Consumer<Outcome> onDone) {
        inFlight.remove(o.row().token());
        if (o.ok()) {
            if (o.kind().isDelete()) {
                credentials.removeRow(o.row());
            } else {
                credentials.refreshStatus(o.row());
            }
        } else {
            LOG.info("{} on {} failed: {}", o.kind().auditName(), FlanksClient.shortToken(o.row().token()),
                    o.error().summary());
        }
        onDone.accept(o);
    }

    /** The link for a flow token already open on {@code row}, or {@code null}. */
    public String endUserLink(ForceKind kind, CredentialRow row) {
        CredentialStatus s = row == null ? null : row.status();
        return s == null ? null : links.build(kind, s.flowToken(kind), row.token(), row.externalId(), row.bankId());
    }

    /** True when {@code typed} is the last 6 characters of the token (what unlocks delete). */
    public static boolean deleteUnlocked(CredentialRow row, String typed) {
        if (row == null || typed == null) {
            return false;
        }
        String t = row.token();
        return t.length() >= 6 && typed.trim().equals(t.substring(t.length() - 6));
    }
}
