package io.flanks.console.common;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CPU-heavy background work of a load, all of it together, on at most {@link #AT_ONCE}
 * threads at a time (all cores but one): the embedded sandbox making a page, the client reading
 * one, the load turning one into rows. Each of them had a limit of its own of cores-1, so on two
 * cores three of them ran at once beside the UI thread and the renderer, and the UI thread,
 * runnable, waited for a core for more than half of its longest frame gaps (the benchmark's
 * run-queue figures). One gate for all three leaves a core to the UI thread and the renderer
 * but for the JIT compilers, GC and network plumbing.
 *
 * <p>Work inside the gate must not wait for anything else (the network, another gate holder):
 * it is bytes in, objects out.
 */
public final class CpuGate {
    /** Heavy background sections running at once in this process, at most. */
    public static final int AT_ONCE = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

    private static final Semaphore GATE = new Semaphore(AT_ONCE);
    private static final AtomicInteger INSIDE = new AtomicInteger();
    private static final AtomicInteger MOST_INSIDE = new AtomicInteger();
    private static final AtomicInteger ENTRIES = new AtomicInteger();

    private CpuGate() {
    }

    /** Waits for a place, then takes it; {@link #leave} gives it back (in a finally). */
    public static void enter() {
        GATE.acquireUninterruptibly();
        ENTRIES.incrementAndGet();
        MOST_INSIDE.accumulateAndGet(INSIDE.incrementAndGet(), Math::max);
    }

    /** Gives back the place {@link #enter} took. */
    public static void leave() {
        INSIDE.decrementAndGet();
        GATE.release();
    }

    /** The most sections inside at once since {@link #resetCounts} (tests). */
    public static int mostAtOnce() {
        return MOST_INSIDE.get();
    }

    /** Sections entered since {@link #resetCounts} (tests). */
    public static int entries() {
        return ENTRIES.get();
    }

    /** Starts the counts again (tests). */
    public static void resetCounts() {
        MOST_INSIDE.set(INSIDE.get());
        ENTRIES.set(0);
    }
}
