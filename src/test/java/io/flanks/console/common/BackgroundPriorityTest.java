package io.flanks.console.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Background threads really run below the UI thread's priority (Linux: their nice value). */
class BackgroundPriorityTest {

    /**
     * While the console starts, pool threads keep the normal priority; once the window is up, they
     * take the lower one (the compilers: {@link #compilersAreLoweredWhenTheWindowIsUpWithoutABackgroundTask}).
     */
    @Test
    void poolThreadsLowerOnceTheWindowIsUpAndPlainThreadsNever() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux"));
        int normal = BackgroundPriority.currentNice();
        BackgroundPriority.startingUp();
        ExecutorService pool = BackgroundPriority.pool(1, 30, TimeUnit.SECONDS, Executors.defaultThreadFactory());
        ExecutorService plain = Executors.newSingleThreadExecutor();
        try {
            assertThat(pool.submit(BackgroundPriority::currentNice).get(10, TimeUnit.SECONDS)).isEqualTo(normal);
            BackgroundPriority.yieldToUi();
            assertThat(pool.submit(BackgroundPriority::currentNice).get(10, TimeUnit.SECONDS)) // the same thread, now lowered
                    .isEqualTo(Math.min(19, normal + BackgroundPriority.NICE));
            assertThat(plain.submit(BackgroundPriority::currentNice).get(10, TimeUnit.SECONDS)).isEqualTo(normal);
        } finally {
            pool.shutdownNow();
            plain.shutdownNow();
        }
    }

    /**
     * The compilers are lowered as soon as the window is up, with no background task to run:
     * the first window's pages wait until it is complete, and its detail pane is built in the
     * frames between. A JVM of its own, as this one's compilers may be lowered already.
     */
    @Test
    void compilersAreLoweredWhenTheWindowIsUpWithoutABackgroundTask() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux"));
        int normal = BackgroundPriority.currentNice();
        Process p = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CompilersLoweredAtShow.class.getName())
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("COMPILERS \\{(.+)}").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        for (String entry : m.group(1).split(", ")) {
            assertThat(Integer.parseInt(entry.substring(entry.indexOf('=') + 1))).as(entry)
                    .isEqualTo(Math.max(normal, BackgroundPriority.COMPILER_NICE));
        }
    }

    /**
     * A thread that ends while the threads are listed: its name reads as "no such file" or, as a
     * zombie, fails with another I/O error ("No such process"). It is left out and the rest are kept.
     */
    @Test
    void threadsThatEndWhileListedAreLeftOut(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tasks) throws Exception {
        java.nio.file.Path alive = java.nio.file.Files.createDirectories(tasks.resolve("101"));
        java.nio.file.Files.writeString(alive.resolve("comm"), "C2 CompilerThre\n");
        java.nio.file.Files.createDirectories(tasks.resolve("102")); // no name: ended
        java.nio.file.Files.createDirectories(tasks.resolve("103").resolve("comm")); // reading fails with an I/O error that is not "no such file"
        java.nio.file.Path later = java.nio.file.Files.createDirectories(tasks.resolve("104"));
        java.nio.file.Files.writeString(later.resolve("comm"), "flanks-list-1\n");

        assertThat(BackgroundPriority.threadNames(tasks))
                .containsOnly(java.util.Map.entry(alive, "C2 CompilerThre"), java.util.Map.entry(later, "flanks-list-1"));
    }

    @Test
    void compilerThreadsAreKnownByTheirKernelNames() {
        assertThat(BackgroundPriority.isCompilerThread("C2 CompilerThre")).isTrue();
        assertThat(BackgroundPriority.isCompilerThread("C1 CompilerThre")).isTrue();
        assertThat(BackgroundPriority.isCompilerThread("GC Thread#0")).isFalse();
        assertThat(BackgroundPriority.isCompilerThread("JavaFX Applicat")).isFalse();
    }

    /** After a listing through the embedded sandbox: its threads, the client's and the console's pool are all lowered. */
    @Test
    void theConsolesBackgroundPoolsAreLowered() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux"));
        int normal = BackgroundPriority.currentNice();
        BackgroundPriority.yieldToUi();
        try {
            javafx.application.Platform.startup(() -> { }); // the console's pool runs JavaFX tasks
        } catch (IllegalStateException alreadyStarted) {
            // another test in this JVM started it
        }
        try (io.flanks.console.sandbox.SandboxServer server = io.flanks.console.sandbox.SandboxServer.start(
                    io.flanks.console.sandbox.SandboxConfig.defaults());
                io.flanks.console.api.FlanksClient client = new io.flanks.console.api.FlanksClient(
                    new io.flanks.console.api.Environment("Sandbox", server.baseUrl(), "sandbox-client", "sandbox-secret"));
                FxBackground bg = new FxBackground(1)) {
            assertThat(client.listAll(null)).hasSize(server.credentialCount());
            java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
            bg.submit("nice", job -> {
                ran.countDown();
                return null;
            }, r -> { }, e -> { });
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
            java.util.Map<String, Integer> nice = niceByThreadPrefix();
            assertThat(nice).containsKeys("sandbox-http", "flanks-list", "console-bg");
            assertThat(nice).allSatisfy((prefix, value) -> assertThat(value).as(prefix)
                    .isEqualTo(Math.min(19, normal + BackgroundPriority.NICE)));
        }
    }

    /** The lowest nice value (the least lowered thread) among this process's threads, by name without its number ("flanks-list-3": "flanks-list"). */
    private static java.util.Map<String, Integer> niceByThreadPrefix() throws java.io.IOException {
        return niceByThread(name -> {
            String prefix = name.replaceAll("-?\\d+$", "");
            return List.of("sandbox-http", "flanks-list", "console-bg").contains(prefix) ? prefix : null;
        });
    }

    /** The lowest nice value among this process's threads by a key made of each one's kernel name; a null key leaves the thread out. */
    static java.util.Map<String, Integer> niceByThread(java.util.function.Function<String, String> key) throws java.io.IOException {
        java.util.Map<String, Integer> nice = new java.util.HashMap<>();
        for (java.util.Map.Entry<java.nio.file.Path, String> thread : BackgroundPriority.threadNames(java.nio.file.Path.of("/proc/self/task")).entrySet()) {
            String k = key.apply(thread.getValue());
            if (k != null) {
                try {
                    nice.merge(k, BackgroundPriority.niceOf(thread.getKey()), Math::min);
                } catch (java.io.IOException ended) {
                    // a thread that ended since it was listed
                }
            }
        }
        return nice;
    }
}
