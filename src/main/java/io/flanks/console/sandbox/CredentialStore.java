package io.flanks.console.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * All credentials in creation order, plus a map by token.
 *
 * <p>Deletion only flips a flag and updates a Fenwick tree of live counts, so finding where
 * page {@code p} starts costs O(log n) however many credentials were deleted before it, and
 * list order stays the creation order.
 */
final class CredentialStore {

    /** A page of live credentials; {@code pages} is at least 1 so "page 1 of 1" is never empty-ended. */
    record Page(List<Credential> items, int page, int pages) {
    }

    private final Credential[] ordered;
    private final boolean[] alive;
    private final int[] tree;
    private final Map<String, Credential> byToken;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private int aliveCount;

    CredentialStore(Credential[] credentials) {
        ordered = credentials.clone();
        int n = ordered.length;
        alive = new boolean[n];
        tree = new int[n + 1];
        byToken = new ConcurrentHashMap<>(Math.max(16, n * 4 / 3 + 1));
        for (int i = 0; i < n; i++) {
            Credential credential = ordered[i];
            if (credential.position != i) {
                throw new IllegalArgumentException("credential at " + i + " says it is at " + credential.position);
            }
            if (byToken.putIfAbsent(credential.token, credential) != null) {
                throw new IllegalArgumentException("duplicate credentials_token " + credential.token);
            }
            alive[i] = true;
            tree[i + 1] = 1;
        }
        // linear Fenwick build: push each node's sum into its parent
        for (int i = 1; i <= n; i++) {
            int parent = i + (i & -i);
            if (parent <= n) {
                tree[parent] += tree[i];
            }
        }
        aliveCount = n;
    }

    Credential find(String token) {
        return byToken.get(token);
    }

    int size() {
        lock.readLock().lock();
        try {
            return aliveCount;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Removes the credential; false when it does not exist (any more). */
    boolean delete(String token) {
        lock.writeLock().lock();
        try {
            Credential credential = byToken.remove(token);
            if (credential == null) {
                return false;
            }
            alive[credential.position] = false;
            for (int i = credential.position + 1; i < tree.length; i += i & -i) {
                tree[i]--;
            }
            aliveCount--;
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Page {@code page} (1-based) of {@code pageSize} live credentials; past the end gives no items. */
    Page page(int page, int pageSize) {
        lock.readLock().lock();
        try {
            int pages = Math.max(1, (int) ((aliveCount + (long) pageSize - 1) / pageSize));
            long skip = (long) (page - 1) * pageSize;
            if (page < 1 || skip >= aliveCount) {
                return new Page(List.of(), page, pages);
            }
            List<Credential> items = new ArrayList<>(pageSize);
            for (int i = indexOfLive((int) skip); i < ordered.length && items.size() < pageSize; i++) {
                if (alive[i]) {
                    items.add(ordered[i]);
                }
            }
            return new Page(items, page, pages);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Array index of the live credential with 0-based rank {@code rank}; caller holds the lock. */
    private int indexOfLive(int rank) {
        int remaining = rank + 1;
        int position = 0;
        for (int step = Integer.highestOneBit(ordered.length); step > 0; step >>= 1) {
            int next = position + step;
            if (next < tree.length && tree[next] < remaining) {
                position = next;
                remaining -= tree[next];
            }
        }
        return position;
    }
}
