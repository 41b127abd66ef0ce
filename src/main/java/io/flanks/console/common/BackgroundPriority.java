package io.flanks.console.common;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background work (listing pages, parsing, the embedded sandbox) runs at a lower CPU priority
 * than the UI thread, so a 100,000-credential load on a 2-core machine takes less of the CPU
 * the UI needs to draw its frames; when the UI is idle the background still gets every core.
 * {@code -Dflanks.normalBackgroundPriority=true} turns this off.
 *
 * <p>Only once the window is up ({@link #yieldToUi}): while the console starts, the sandbox and
 * the first page race the toolkit for the first rows and keep the normal priority (lowered, the
 * first rows came about 150 ms later). A pool thread lowers itself before its next task after
 * that; a lowered thread stays lowered. The JIT compiler threads are lowered then too.
 *
 * <p>Java's thread priorities do nothing on Linux, so this sets the thread's nice value ({@link #NICE})
 * through the C library; lowering one's own priority needs no privilege. Elsewhere, or if the
 * C library cannot be reached, threads keep the normal priority.
 */
public final class BackgroundPriority {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    /**
     * The nice value background threads take: about 60% of a core for the UI thread when it and
     * one background thread want the same core. Measured on 100,000 rows (2 cores): nice 10 gave
     * the smoothest load (4x the frames) but a third slower (the ">= 8x faster than one page at a
     * time" target was lost); 2 keeps the load as fast as at normal priority with fewer and
     * shorter stalls. Measured again on 2026-12-02 (three alternating list-only runs each, with
     * the sequential baseline): nice 10 still gave shorter gaps (131-164 against 163-360 ms) but
     * loads 15% slower (2.65-2.74 against 2.30-2.40 s). {@code -Dflanks.backgroundNice=N} changes it.
     */
    public static final int NICE = Integer.getInteger("flanks.backgroundNice", 2);
    /**
     * The nice value the JIT compiler threads take once the window is up. A cold console
     * compiles for seconds while it loads (before the first rows, C1 and C2 used twice the UI
     * thread's CPU), and on 2 cores a long compile took the core a frame needed. Lowered,
     * compiles run while the UI thread waits for its next frame. Loading 100,000 rows, two runs
     * each: longest frame gap 445 / 400 ms at the normal priority, 220 / 278 ms at nice 10,
     * 350 / 190 ms at nice 19, the load no slower. 10 still lets compiles progress on a machine
     * kept busy by other programs. {@code -Dflanks.compilerNice=N} changes it (0: unchanged).
     */
    public static final int COMPILER_NICE = Integer.getInteger("flanks.compilerNice", 10);
    private static final java.util.concurrent.atomic.AtomicBoolean COMPILERS_LOWERED = new java.util.concurrent.atomic.AtomicBoolean();
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");

    private static volatile boolean yielding;
    private static final ThreadLocal<Boolean> LOWERED = ThreadLocal.withInitial(() -> false);

    private BackgroundPriority() {
    }

    /**
     * The window is up: background pool threads lower their priority from their next task on,
     * and the JIT compiler threads are lowered at once, by a thread of its own (it lowers itself
     * first: the C library's binding costs about 100 ms of CPU to load). Left to the first pool
     * task, they were lowered only once the first window was complete, and the frames that build
     * its detail pane shared the cores with two compilers at the UI thread's priority. Opened on
     * 100,000 credentials (three alternating runs each, 2026-12-02): the frame that draws the
     * rest of the first rows took 75-98 ms against 147-165 ms; gaps of 100 ms or more after the
     * show 1, 1 and 3 against 4, 4 and 3; all rows in 3.8-3.9 s after the show against 4.0-4.5 s.
     */
    public static void yieldToUi() {
        yielding = true;
        if (COMPILERS_LOWERED.compareAndSet(false, true)) {
            Thread t = new Thread(() -> {
                if (lowerCurrentThread()) {
                    lowerCompilerThreads();
                }
            }, "lower-compilers");
            t.setDaemon(true);
            t.start();
        }
    }

    /** Whether background work yields to the window now. */
    public static boolean isYieldingToUi() {
        return yielding;
    }

    /** Back to the start-up state (tests): threads lowered already stay lowered. */
    public static void startingUp() {
        yielding = false;
    }

    /** A pool whose threads run below the UI thread's priority once the window is up. */
    public static ThreadPoolExecutor pool(int threads, long keepAlive, TimeUnit unit, ThreadFactory factory) {
        return new ThreadPoolExecutor(threads, threads, keepAlive, unit, new LinkedBlockingQueue<>(), factory) {
            @Override
            protected void beforeExecute(Thread t, Runnable r) {
                if (yielding && !LOWERED.get()) {
                    LOWERED.set(true);
                    lowerCurrentThread();
                }
                super.beforeExecute(t, r);
            }
        };
    }

    /** Lowers the calling thread's CPU priority; false where that is not possible here. */
    private static boolean lowerCurrentThread() {
        if (!LINUX || Boolean.getBoolean("flanks.normalBackgroundPriority")) {
            return false;
        }
        try {
            // the kernel's id of this thread: /proc/thread-self links to <pid>/task/<tid>
            String link = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
            int tid = Integer.parseInt(link.substring(link.lastIndexOf('/') + 1));
            return Libc.INSTANCE.setpriority(Libc.PRIO_PROCESS, tid, NICE) == 0;
        } catch (Throwable t) { // no /proc, no JNA native library: the normal priority is fine
            LOG.debug("Background threads keep the normal priority: {}", t.toString());
            return false;
        }
    }

    /**
     * Lowers HotSpot's JIT compiler threads (named "C1 CompilerThread0", "C2 CompilerThread0",
     * which the kernel cuts to 15 characters) to {@link #COMPILER_NICE}; threads the JVM adds
     * later are made by a compiler thread and take its nice value. Only ever lowers.
     */
    private static void lowerCompilerThreads() {
        try {
            for (Map.Entry<Path, String> thread : threadNames(Path.of("/proc/self/task")).entrySet()) {
                Path task = thread.getKey();
                try {
                    if (isCompilerThread(thread.getValue()) && niceOf(task) < COMPILER_NICE) {
                        Libc.INSTANCE.setpriority(Libc.PRIO_PROCESS, Integer.parseInt(task.getFileName().toString()), COMPILER_NICE);
                    }
                } catch (java.io.IOException ended) {
                    // a thread that ended since it was listed
                }
            }
        } catch (Throwable t) { // no /proc, no JNA native library: compiles keep the normal priority
            LOG.debug("Compiler threads keep the normal priority: {}", t.toString());
        }
    }

    /**
     * The threads under {@code tasksDir} (a process's {@code /proc/<pid>/task}), each folder with
     * its kernel name. A thread that ends while listed is left out: reading its name then fails
     * with "no such file" or, once it is a zombie, "no such process".
     */
    static Map<Path, String> threadNames(Path tasksDir) throws java.io.IOException {
        Map<Path, String> names = new java.util.LinkedHashMap<>();
        try (java.util.stream.Stream<Path> tasks = Files.list(tasksDir)) {
            for (Path task : tasks.toList()) {
                try {
                    names.put(task, Files.readString(task.resolve("comm")).trim());
                } catch (java.io.IOException ended) {
                    // left out
                }
            }
        }
        return names;
    }

    /** Whether a thread's kernel name is one of HotSpot's JIT compiler threads. */
    static boolean isCompilerThread(String kernelName) {
        return kernelName.startsWith("C1 CompilerThre") || kernelName.startsWith("C2 CompilerThre");
    }

    /** The calling thread's nice value as the kernel reports it (Linux). For tests. */
    static int currentNice() throws java.io.IOException {
        return niceOf(Path.of("/proc/thread-self"));
    }

    /** The nice value of the thread whose {@code /proc} folder ({@code .../task/<tid>}) this is (Linux). For tests. */
    static int niceOf(Path task) throws java.io.IOException {
        String stat = Files.readString(task.resolve("stat"));
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(after[16]); // field 19 of stat; field 3 is after[0]
    }

    private interface Libc extends Library {
        Libc INSTANCE = Native.load("c", Libc.class);
        int PRIO_PROCESS = 0;

        int setpriority(int which, int who, int prio);
    }
}
