package io.flanks.console.app;

/**
 * {@code -Dflanks.startupTrace=true}: prints {@code STARTUP <ms since JVM start> <step>} to
 * stderr at the milestones of a start, to see where start-up time goes. Off by default, and
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
            System.err.printf("STARTUP %5d %-24s [%s]%n", SmokeMonitor.sinceJvmStart(), step, Thread.currentThread().getName());
        }
    }
}
