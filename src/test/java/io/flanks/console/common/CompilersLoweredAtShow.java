package io.flanks.console.common;

import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Run in a JVM of its own by {@link BackgroundPriorityTest}: says the window is up, with no
 * background pool in the process, then waits (10 s at most) for the JIT compiler threads to
 * take {@link BackgroundPriority#COMPILER_NICE}. Prints {@code COMPILERS {name=nice, ...}}
 * (the least lowered thread of each name).
 */
public final class CompilersLoweredAtShow {

    public static void main(String[] args) throws Exception {
        BackgroundPriority.yieldToUi();
        long end = System.nanoTime() + 10_000_000_000L;
        Map<String, Integer> nice = compilerNice();
        while (System.nanoTime() < end && !nice.values().stream().allMatch(n -> n >= BackgroundPriority.COMPILER_NICE)) {
            LockSupport.parkNanos(5_000_000L); // between looks at /proc, not a busy loop beside the thread it waits for
            nice = compilerNice();
        }
        System.out.println("COMPILERS " + nice);
    }

    private static Map<String, Integer> compilerNice() throws java.io.IOException {
        return BackgroundPriorityTest.niceByThread(name -> BackgroundPriority.isCompilerThread(name) ? name : null);
    }
}
