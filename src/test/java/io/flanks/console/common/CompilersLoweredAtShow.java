package io.flanks.console.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Run in a JVM of its own by {@link BackgroundPriorityTest}: says the window is up, with no
 * background pool in the process, then waits (10 s at most) for the JIT compiler threads to
 * take {@link BackgroundPriority#COMPILER_NICE}. Prints {@code COMPILERS {name=nice, ...}}.
 */
public final class CompilersLoweredAtShow {

    public static void main(String[] args) throws Exception {
        BackgroundPriority.yieldToUi();
        long end = System.nanoTime() + 10_000_000_000L;
        Map<String, Integer> nice = compilerNice();
        while (System.nanoTime() < end && !nice.values().stream().allMatch(n -> n >= BackgroundPriority.COMPILER_NICE)) {
            Thread.onSpinWait();
            nice = compilerNice();
        }
        System.out.println("COMPILERS " + nice);
    }

    private static Map<String, Integer> compilerNice() throws java.io.IOException {
        Map<String, Integer> nice = new TreeMap<>();
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    if (BackgroundPriority.isCompilerThread(name)) {
                        nice.put(name + "/" + task.getFileName(), BackgroundPriority.niceOf(task));
                    }
                } catch (java.nio.file.NoSuchFileException ended) {
                    // a thread that ended while listed
                }
            }
        }
        return nice;
    }
}
