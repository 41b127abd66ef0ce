package io.flanks.console.app;

/**
 * {@code -Dflanks.startupTrace=true}: prints {@code STARTUP <ms since JVM start> <step>} to
 * stderr at the milestones of a start, to see where start-up time goes, with the CPU time the
 * whole process and the calling thread have used so far (on two cores, a start whose process
 * CPU is near twice its wall time is waiting for cores, not for anything else). Off by default, and
 * then costs one static boolean check per milestone.
 */
public final class StartupTrace {
    private static final boolean ON = Boolean.getBoolean("flanks.startupTrace");

    private StartupTrace() {
    }

    public static boolean enabled() {
        return ON;
    }

    public static void mark(String step) {
        if (ON) {
            long process = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
            long thread = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
            System.err.printf("STARTUP %5d %-24s [%s] cpu: process %d ms, thread %d ms%n", SmokeMonitor.sinceJvmStart(), step,
                    Thread.currentThread().getName(), process, thread);
        }
    }
}
