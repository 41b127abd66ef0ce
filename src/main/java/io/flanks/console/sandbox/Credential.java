package io.flanks.console.sandbox;

import java.time.LocalDate;
import java.util.Set;

/**
 * One credential and its mutable status. Every state change and every snapshot takes this
 * object's lock, so a reader never sees half of a completed flow.
 *
 * <p>Times are epoch seconds. A pending credential finishes its first extraction lazily, the
 * first time anybody looks at it at or after {@code pendingUntil}; no timer thread is needed and
 * a test clock moves it exactly.
 */
final class Credential {

    static final long NONE = Long.MIN_VALUE;
    private static final long DAY = 86_400L;

    final int position;
    final String token;
    final String bank;
    final String externalId;
    private final long createdAt;
    /** What a full extraction creates for this customer (not every bank has every product). */
    private final int productMask;

    private boolean pending;
    private long pendingUntil = NONE;
    private boolean blocked;
    private String resetToken;
    private String scaToken;
    private String transactionToken;
    private long lastUpdate = NONE;
    private long lastTransactionDay = NONE;
    private int created;
    private int errored;

    Credential(int position, String token, String bank, String externalId, long createdAt, int productMask) {
        this.position = position;
        this.token = token;
        this.bank = bank;
        this.externalId = externalId;
        this.createdAt = createdAt;
        this.productMask = productMask;
    }

    synchronized void startPending(long until) {
        pending = true;
        pendingUntil = until;
        created = 0;
        errored = 0;
        lastUpdate = NONE;
        lastTransactionDay = NONE;
    }

    synchronized void extracted(long at, long transactionDay) {
        pending = false;
        pendingUntil = NONE;
        created = productMask;
        lastUpdate = at;
        lastTransactionDay = transactionDay;
    }

    /** Marks some created flags as failed; flags never created cannot have failed. */
    synchronized void fail(int mask) {
        errored |= mask & created;
    }

    /** The bank refuses the stored login: the end user must go through a reset. */
    synchronized void block(String newResetToken) {
        blocked = true;
        resetToken = newResetToken;
        errored |= Flag.AUTH.bit & created;
    }

    /** Opens a flow that waits for the end user; returns the flow's new token. */
    synchronized String open(Flow flow, String newToken) {
        switch (flow) {
            case SCA -> scaToken = newToken;
            case RESET -> resetToken = newToken;
            case TRANSACTION -> transactionToken = newToken;
        }
        return newToken;
    }

    /** The end user finished {@code flows}: tokens go, and an extraction runs at {@code now}. */
    synchronized void complete(Set<Flow> flows, long now) {
        if (flows.contains(Flow.SCA)) {
            scaToken = null;
        }
        if (flows.contains(Flow.RESET)) {
            resetToken = null;
            blocked = false;
        }
        if (flows.contains(Flow.TRANSACTION)) {
            transactionToken = null;
        }
        if (flows.contains(Flow.SCA) || flows.contains(Flow.RESET)) {
            // a login that still fails keeps its auth error
            errored = blocked ? errored & Flag.AUTH.bit : 0;
        }
        pending = false;
        pendingUntil = NONE;
        created = productMask;
        lastUpdate = now;
        lastTransactionDay = Math.floorDiv(now, DAY);
    }

    synchronized StatusView status(long now) {
        settle(now);
        return new StatusView(pending, blocked, resetToken,
                lastTransactionDay == NONE ? null : LocalDate.ofEpochDay(lastTransactionDay),
                scaToken, transactionToken, bank,
                lastUpdate == NONE ? null : lastUpdate, createdAt, errored, created);
    }

    private void settle(long now) {
        if (pending && pendingUntil != NONE && now >= pendingUntil) {
            // the extraction finished when it was due, not when someone first looked
            extracted(pendingUntil, Math.floorDiv(pendingUntil, DAY));
        }
    }
}
