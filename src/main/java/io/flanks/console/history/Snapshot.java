package io.flanks.console.history;

import io.flanks.console.api.CredentialStatus;
import io.flanks.console.api.ForceKind;
import io.flanks.console.credentials.Health;
import io.flanks.console.credentials.HealthClassifier;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What the console saw of one credential at one moment: its health and the flags that decide
 * it. Flow tokens are kept as "set or not" only: a snapshot never holds a token's value, nor
 * anything else secret, so it can be written to disk as it is.
 *
 * @param time         when the console received the status (UTC, millisecond precision)
 * @param blocked      {@code null} when the server did not say
 * @param pending      {@code null} when the server did not say
 * @param erroredCount product and transaction flags that are {@code errored: true}
 * @param byYou        a flow opened in this snapshot was forced by this OS user through this
 *                     console, per the audit log ({@link StatusRecorder} decides it when writing)
 */
public record Snapshot(Instant time, String token, Health health, Boolean blocked, Boolean pending,
                       boolean resetOpen, boolean scaOpen, boolean transactionOpen, int erroredCount,
                       boolean byYou) {

    public Snapshot {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(token, "token");
        time = time.truncatedTo(ChronoUnit.MILLIS);
        health = health == null ? Health.UNKNOWN : health;
        erroredCount = Math.max(0, erroredCount);
    }

    /** The snapshot of {@code status} received at {@code time} (not by you: the recorder decides that). */
    public static Snapshot of(String token, CredentialStatus status, Instant time) {
        if (status == null) {
            return new Snapshot(time, token, Health.UNKNOWN, null, null, false, false, false, 0, false);
        }
        return new Snapshot(time, token, HealthClassifier.classify(status), status.blocked(), status.pending(),
                isSet(status.resetToken()), isSet(status.scaToken()), isSet(status.transactionToken()),
                (int) Math.min(Integer.MAX_VALUE, status.errored().countTrue()), false);
    }

    private static boolean isSet(String token) {
        return token != null && !token.isBlank();
    }

    /** Whether the flow of this kind was open (its token set). */
    public boolean flowOpen(ForceKind kind) {
        return switch (kind) {
            case RESET -> resetOpen;
            case SCA -> scaOpen;
            case TRANSACTION -> transactionOpen;
        };
    }

    /** Whether a packed {@link #state()} has the flow of this kind open. */
    public static boolean flowOpen(int state, ForceKind kind) {
        int bit = switch (kind) {
            case RESET -> 8;
            case SCA -> 9;
            case TRANSACTION -> 10;
        };
        return (state >> bit & 1) == 1;
    }

    /** Same health and flags; time and "by you" are not part of the state. */
    public boolean sameState(Snapshot other) {
        return other != null && state() == other.state();
    }

    /** Health and flags packed in one int: cheap to compare and to keep per token in memory. */
    public int state() {
        return state(health, blocked, pending, resetOpen, scaOpen, transactionOpen, erroredCount);
    }

    /**
     * The packed state of a status as {@link #of} would see it, without building a snapshot: the
     * recorder calls this twice for each of up to 100,000 statuses on the FX thread.
     */
    public static int stateOf(CredentialStatus s) {
        if (s == null) {
            return state(Health.UNKNOWN, null, null, false, false, false, 0);
        }
        return state(HealthClassifier.classify(s), s.blocked(), s.pending(), isSet(s.resetToken()),
                isSet(s.scaToken()), isSet(s.transactionToken()), (int) Math.min(Integer.MAX_VALUE, s.errored().countTrue()));
    }

    private static int state(Health h, Boolean blocked, Boolean pending, boolean reset, boolean sca, boolean tx,
                             int errored) {
        int bits = h.ordinal();                       // 4 bits
        bits |= tri(blocked) << 4;                    // 2 bits
        bits |= tri(pending) << 6;                    // 2 bits
        bits |= (reset ? 1 : 0) << 8;
        bits |= (sca ? 1 : 0) << 9;
        bits |= (tx ? 1 : 0) << 10;
        bits |= Math.min(errored, 0xFFFFF) << 11;     // counts are a dozen at most
        return bits;
    }

    private static int tri(Boolean b) {
        return b == null ? 0 : b ? 1 : 2;
    }

    /** The same snapshot, marked as caused by this user (or not). */
    public Snapshot withByYou(boolean value) {
        return value == byYou ? this : new Snapshot(time, token, health, blocked, pending, resetOpen, scaOpen,
                transactionOpen, erroredCount, value);
    }

    @Override
    public String toString() {
        return "Snapshot[" + time + " " + io.flanks.console.common.Formats.shortToken(token) + " " + health
                + " blocked=" + blocked + " pending=" + pending + " reset=" + resetOpen + " sca=" + scaOpen
                + " tx=" + transactionOpen + " errored=" + erroredCount + (byYou ? " by you" : "") + "]";
    }
}
