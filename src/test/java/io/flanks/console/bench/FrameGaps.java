package io.flanks.console.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import javafx.animation.AnimationTimer;

/**
 * Gaps between frames while something loads, measured with an {@link AnimationTimer} (it runs
 * at the start of every frame), with the UI thread's own CPU in each gap: a gap much longer
 * than its CPU is a wait (for a core, a GC pause, the renderer). The frame that first draws
 * rows is also reported on its own. Start and stop it on the UI thread.
 */
final class FrameGaps {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean FRAME_LOG = Boolean.getBoolean("bench.frameLog");

    private final BooleanSupplier rowsShown;
    private final List<long[]> gaps = new ArrayList<>(); // {gap, UI-thread CPU in it, its wait for a core}, ns
    private final List<CpuSample> samples = new ArrayList<>(); // every thread's CPU at each frame
    private final List<String> longGaps = new ArrayList<>(); // "<gap ms>@<end, UTC>", to line up with a profile
    private long last;
    private long lastCpu;
    private long lastRunWait;
    private long max;
    private long maxCpu;
    private LocalTime maxEnd;
    private long firstRowsGap = -1;
    private long firstRowsCpu = -1;
    private long maxAfterFirstRows;
    private boolean rowsSeen;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frame(now);
        }
    };

    /**
     * @param rowsShown whether the table has rows to draw (read on the UI thread); {@code null}:
     *        nothing to report apart (the table has its rows all along)
     */
    FrameGaps(BooleanSupplier rowsShown) {
        this.rowsShown = rowsShown;
    }

    void start() {
        timer.start();
    }

    void stop() {
        timer.stop();
    }

    private void frame(long now) {
        long cpuNow = THREADS.getCurrentThreadCpuTime();
        long runWait = runQueueWait();
        samples.add(CpuSample.take(now));
        if (last != 0) {
            long gap = now - last;
            long cpu = cpuNow - lastCpu;
            gaps.add(new long[] {gap, cpu, runWait - lastRunWait});
            if (FRAME_LOG) { // -Dbench.frameLog=true: every frame, to line up with -Dflanks.startupTrace=true
                System.out.printf("FRAME %5d gap %3.0f ms, UI CPU %3.0f, waiting for a core %3.0f%n",
                        ManagementFactory.getRuntimeMXBean().getUptime(), gap / 1e6, cpu / 1e6, (runWait - lastRunWait) / 1e6);
            }
            if (gap >= 100_000_000L) {
                longGaps.add(gap / 1_000_000 + "@" + LocalTime.now(ZoneOffset.UTC));
            }
            if (gap > max) {
                max = gap;
                maxCpu = cpu;
                maxEnd = LocalTime.now(ZoneOffset.UTC);
            }
            // the frame that lays the first rows out ends with the next call after the first
            // one that sees rows
            if (firstRowsGap >= 0) {
                maxAfterFirstRows = Math.max(maxAfterFirstRows, gap);
            } else if (rowsSeen) {
                firstRowsGap = gap;
                firstRowsCpu = cpu;
            }
        }
        rowsSeen |= rowsShown != null && rowsShown.getAsBoolean(); // at the first frame already where the window was shown with rows
        last = now;
        lastCpu = cpuNow;
        lastRunWait = runWait;
    }

    /**
     * How long this thread has waited, runnable, for a core (Linux: the second figure of
     * {@code /proc/thread-self/schedstat}, ns); 0 where there is no such file.
     */
    private static long runQueueWait() {
        return runQueueWait(java.nio.file.Path.of("/proc/thread-self/schedstat"));
    }

    private static long runQueueWait(java.nio.file.Path schedstat) {
        return schedstat(schedstat, 1);
    }

    /**
     * One figure of a Linux schedstat file (ns): 0 the thread's CPU, 1 its time runnable but
     * waiting for a core; 0 where the file cannot be read (the thread ended, no /proc).
     */
    static long schedstat(java.nio.file.Path file, int field) {
        try {
            return Long.parseLong(java.nio.file.Files.readString(file).trim().split("\\s+")[field]);
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * This process's live threads: each one's schedstat file, with its kernel name (cut to 15
     * characters); threads that end while listed are left out. Empty where there is no /proc.
     */
    static Map<java.nio.file.Path, String> threadSchedstats() {
        Map<java.nio.file.Path, String> threads = new java.util.LinkedHashMap<>();
        try (java.util.stream.Stream<java.nio.file.Path> tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path t : tasks.toList()) {
                try {
                    threads.put(t.resolve("schedstat"), java.nio.file.Files.readString(t.resolve("comm")));
                } catch (java.io.IOException ended) {
                    // gone
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return Map.of();
        }
        return threads;
    }

    /** The renderer thread's wait for a core so far (ns), found by its kernel name; 0 where unknown. */
    private static final java.util.function.LongSupplier RENDERER_SCHEDSTAT = new java.util.function.LongSupplier() {
        private java.nio.file.Path file;

        @Override
        public long getAsLong() {
            if (file == null) {
                file = threadSchedstats().entrySet().stream().filter(t -> t.getValue().startsWith("QuantumRenderer"))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
            }
            return file == null ? 0 : runQueueWait(file);
        }
    };

    /** Puts the figures into {@code results} under names that start with {@code prefix}, and prints the details. */
    void report(String prefix, Map<String, Object> results) {
        results.put(prefix + "LongestFrameGapMs", ConsoleBenchmark.round(max / 1e6));
        results.put(prefix + "LongestFrameFxCpuMs", ConsoleBenchmark.round(maxCpu / 1e6));
        if (rowsShown != null) {
            results.put(prefix + "FirstRowsFrameGapMs", ConsoleBenchmark.round(firstRowsGap / 1e6));
            results.put(prefix + "FirstRowsFrameFxCpuMs", ConsoleBenchmark.round(firstRowsCpu / 1e6));
            results.put(prefix + "LongestFrameGapAfterFirstRowsMs", ConsoleBenchmark.round(maxAfterFirstRows / 1e6));
        }
        results.put(prefix + "Frames", gaps.size());
        if (samples.size() > 1) { // the machine beside this process over the whole measure
            CpuSample first = samples.get(0);
            CpuSample last = samples.get(samples.size() - 1);
            results.put(prefix + "OtherProgramsCpuMs", last.otherProgramsSince(first) / 1_000_000);
            results.put(prefix + "StolenMs", last.stolenSince(first) / 1_000_000);
        }
        results.put(prefix + "FrameGapP99Ms", gaps.isEmpty() ? 0
                : ConsoleBenchmark.percentileMs(gaps.stream().map(g -> g[0]).toList(), 0.99));
        System.out.println(prefix + ": longest frame gap ended at " + maxEnd + " UTC"); // to line up with a profile
        System.out.println(prefix + ": frame gaps of 100 ms or more (ms@end, UTC): " + String.join(" ", longGaps));
        List<long[]> byLength = new ArrayList<>(gaps);
        byLength.sort((a, b) -> Long.compare(b[0], a[0]));
        StringBuilder longest = new StringBuilder(prefix
                + ": longest frame gaps (ms, of which UI-thread CPU / UI thread runnable, waiting for a core):");
        byLength.stream().limit(8).forEach(g -> longest.append(String.format(" %.0f (%.0f/%.0f)", g[0] / 1e6, g[1] / 1e6, g[2] / 1e6)));
        System.out.println(longest);
        // what else ran in the longest gaps: on 2 cores the UI thread shares them with these
        IntStream.range(1, samples.size()).boxed()
                .sorted((a, b) -> Long.compare(samples.get(b).frameNanos - samples.get(b - 1).frameNanos,
                        samples.get(a).frameNanos - samples.get(a - 1).frameNanos))
                .limit(4)
                .forEach(i -> System.out.println(prefix + ": " + samples.get(i).since(samples.get(i - 1))));
    }

    /**
     * The process's CPU and each live Java thread's at one frame. What the process used in a gap
     * beyond the Java threads went to the JIT compilers, GC and the JVM's own threads.
     */
    private record CpuSample(long frameNanos, long processCpu, long[] ids, long[] cpu, long gcMillis, long rendererWait, long[] jvm,
            long[] machine) {
        static CpuSample take(long frameNanos) {
            long[] ids = THREADS.getAllThreadIds();
            long gc = 0;
            for (java.lang.management.GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
                gc += Math.max(0, b.getCollectionTime());
            }
            return new CpuSample(frameNanos,
                    ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime(),
                    ids, ((com.sun.management.ThreadMXBean) THREADS).getThreadCpuTime(ids), gc, RENDERER_SCHEDSTAT.getAsLong(),
                    JvmThreads.cpu(), machineCpu());
        }

        /**
         * The whole machine's CPU so far (ns, from {@code /proc/stat}, 10 ms ticks): {busy, stolen
         * by the hypervisor}; busy less this process's CPU is what other programs used. {0, 0}
         * where there is no /proc.
         */
        static long[] machineCpu() {
            try {
                String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long tick = 10_000_000L; // USER_HZ 100
                long busy = 0;
                for (int i : new int[] {1, 2, 3, 6, 7}) { // user, nice, system, irq, softirq
                    busy += Long.parseLong(f[i]);
                }
                return new long[] {busy * tick, Long.parseLong(f[8]) * tick};
            } catch (java.io.IOException | RuntimeException e) {
                return new long[] {0, 0};
            }
        }

        /** The CPU other programs on the machine used since {@code before} (ns, 10 ms ticks). */
        long otherProgramsSince(CpuSample before) {
            return Math.max(0, (machine[0] - before.machine[0]) - (processCpu - before.processCpu));
        }

        /** The time the hypervisor gave no program since {@code before} (ns, 10 ms ticks). */
        long stolenSince(CpuSample before) {
            return machine[1] - before.machine[1];
        }

        /** "gap N ms: process CPU, JIT/GC/VM, then the six busiest threads", since {@code before}. */
        String since(CpuSample before) {
            Map<Long, Long> start = new HashMap<>();
            for (int i = 0; i < before.ids.length; i++) {
                start.put(before.ids[i], before.cpu[i]);
            }
            long javaThreads = 0;
            List<long[]> used = new ArrayList<>(); // {id, ns}
            for (int i = 0; i < ids.length; i++) {
                long d = cpu[i] - start.getOrDefault(ids[i], 0L);
                if (cpu[i] >= 0 && d > 0) {
                    javaThreads += d;
                    used.add(new long[] {ids[i], d});
                }
            }
            used.sort((a, b) -> Long.compare(b[1], a[1]));
            long process = processCpu - before.processCpu;
            StringBuilder sb = new StringBuilder(String.format(
                    "gap %.0f ms: process CPU %.0f ms, JIT/GC/VM %.0f ms, GC (collections' own time) %d ms, renderer runnable waiting for a core %.0f ms;",
                    (frameNanos - before.frameNanos) / 1e6, process / 1e6, (process - javaThreads) / 1e6,
                    gcMillis - before.gcMillis, (rendererWait - before.rendererWait) / 1e6));
            sb.append(String.format(" of it JIT compilers %.0f ms, GC threads %.0f ms;", (jvm[0] - before.jvm[0]) / 1e6,
                    (jvm[1] - before.jvm[1]) / 1e6));
            // other programs on the machine, and time the hypervisor gave neither (10 ms ticks)
            sb.append(String.format(" other programs ~%.0f ms, stolen ~%.0f ms;", otherProgramsSince(before) / 1e6,
                    stolenSince(before) / 1e6));
            for (long[] u : used.subList(0, Math.min(6, used.size()))) {
                java.lang.management.ThreadInfo info = THREADS.getThreadInfo(u[0]);
                sb.append(String.format(" %s=%.0f", info == null ? "#" + u[0] : info.getThreadName(), u[1] / 1e6));
            }
            return sb.toString();
        }
    }

    /**
     * The CPU so far (ns, Linux schedstat) of the JVM's own threads that no Java thread list shows:
     * {JIT compilers, GC}. Their folders are listed again every 30 frames (GC threads come and go);
     * {0, 0} where there is no /proc.
     */
    private static final class JvmThreads {
        private static List<java.nio.file.Path> compilers = List.of();
        private static List<java.nio.file.Path> gc = List.of();
        private static int sinceListed = 30;

        static long[] cpu() {
            if (sinceListed++ >= 30) {
                sinceListed = 0;
                List<java.nio.file.Path> c = new ArrayList<>();
                List<java.nio.file.Path> g = new ArrayList<>();
                threadSchedstats().forEach((file, name) -> {
                    if (name.startsWith("C1 ") || name.startsWith("C2 ")) {
                        c.add(file);
                    } else if (name.startsWith("G1 ") || name.startsWith("GC ")) {
                        g.add(file);
                    }
                });
                compilers = c;
                gc = g;
            }
            return new long[] {sum(compilers), sum(gc)};
        }

        private static long sum(List<java.nio.file.Path> schedstats) {
            long total = 0;
            for (java.nio.file.Path f : schedstats) {
                total += schedstat(f, 0);
            }
            return total;
        }
    }
}
