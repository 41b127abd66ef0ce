package io.flanks.console.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flanks.console.api.Environment;
import io.flanks.console.app.FirstShow;
import io.flanks.console.app.MainWindow;
import io.flanks.console.app.Session;
import io.flanks.console.app.TestHost;
import io.flanks.console.app.Theme;
import io.flanks.console.common.FxBackground;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.CredentialsViewModel;
import io.flanks.console.detail.DetailViewModel;
import io.flanks.console.sandbox.SandboxConfig;
import io.flanks.console.sandbox.SandboxServer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The console opened on a big account, in a JVM of its own (cold, as a user's start is): the
 * first page is asked for while the toolkit starts, the window is built and shown as
 * {@code ConsoleApp} does it (the show queued behind the pages on hand, so its first layout
 * makes the first rows' cells), and frame gaps are measured from the first frame on the screen
 * until all rows are in. What a user sees from the moment there is a window: the show itself
 * is start-up, which the start phase measures. Prints {@code OPENED {...json...}} and exits.
 * Arguments: rows, latency per request (ms).
 */
public final class OpenedOnBigAccount {

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        int latencyMs = Integer.parseInt(args[1]);
        Map<String, Object> results = new LinkedHashMap<>();
        try (SandboxServer server = SandboxServer.start(SandboxConfig.defaults().withCredentials(rows).withLatencyMs(latencyMs))) {
            Session session = Session.remote(new Environment("bench", server.baseUrl(), "sandbox-client", "sandbox-secret"));
            // the token is asked for beside the toolkit's start, as Startup does
            java.util.concurrent.CompletableFuture<Void> token = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    session.client().accessToken();
                } catch (io.flanks.console.api.ApiException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            CountDownLatch up = new CountDownLatch(1);
            Platform.startup(up::countDown);
            up.await();
            token.get(60, TimeUnit.SECONDS);
            FxBackground background = new FxBackground(6); // as ConsoleApp
            CredentialsViewModel[] vm = new CredentialsViewModel[1];
            FrameGaps[] frames = new FrameGaps[1];
            CountDownLatch loaded = new CountDownLatch(1);
            long t0 = System.nanoTime();
            long[] shownAt = new long[1];
            int[] rowsAtShow = new int[1];
            Platform.runLater(() -> {
                I18n.use(Locale.ENGLISH);
                Theme.apply(false);
                vm[0] = new CredentialsViewModel(session.client(), background, Clock.systemUTC());
                Stage stage = new Stage();
                // as ConsoleApp: page 1 while the window is built, the rest once it is up;
                // -Dbench.noHold=true: all pages at once, as before FirstShow
                boolean hold = !Boolean.getBoolean("bench.noHold");
                FirstShow first = hold ? FirstShow.load(stage, vm[0]) : null;
                if (!hold) {
                    vm[0].reload();
                }
                DetailViewModel detail = new DetailViewModel(vm[0], Clock.systemUTC());
                MainWindow window = new MainWindow(session, vm[0], detail, Clock.systemUTC(), new TestHost(), true);
                stage.setScene(ConsoleBenchmark.consoleScene(window.root()));
                results.put("openWindowBuiltMs", (System.nanoTime() - t0) / 1_000_000);
                frames[0] = new FrameGaps(() -> !vm[0].shownRows().isEmpty());
                Runnable ended = () -> {
                    if (!vm[0].loadingProperty().get() && vm[0].lastLoadedProperty().get() != null && loaded.getCount() > 0) {
                        frames[0].stop();
                        loaded.countDown();
                    }
                };
                vm[0].loadingProperty().addListener(o -> ended.run());
                vm[0].lastLoadedProperty().addListener(o -> ended.run());
                stage.showingProperty().addListener((o, was, now) -> {
                    if (now) { // as show() begins
                        rowsAtShow[0] = vm[0].shownRows().size();
                        results.put("openShowStartMs", (System.nanoTime() - t0) / 1_000_000);
                        Platform.runLater(() -> { // once show() has returned
                            results.put("openShownMs", (System.nanoTime() - t0) / 1_000_000);
                            shownAt[0] = System.nanoTime();
                            frames[0].start();
                        });
                    }
                });
                if (hold) {
                    first.show(window.whenDetailLaidOut());
                } else {
                    Platform.runLater(stage::show); // behind the pages on hand
                }
            });
            if (!loaded.await(300, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the load did not end");
            }
            results.put("openRowsAtShow", rowsAtShow[0]);
            results.put("openShowToLoadedMs", (System.nanoTime() - shownAt[0]) / 1_000_000);
            results.put("openLoadMs", (System.nanoTime() - t0) / 1_000_000);
            // what a task manager shows for the process (the console and, here, its sandbox
            // holding the 100,000 credentials too): resident memory now and at its peak, and the
            // heap the JVM has taken from the system
            results.put("openRssMb", statusKb("VmRSS") / 1024);
            results.put("openPeakRssMb", statusKb("VmHWM") / 1024);
            results.put("openHeapCommittedMb", heapCommittedMb());
            CountDownLatch reported = new CountDownLatch(1);
            Platform.runLater(() -> {
                results.put("openRows", vm[0].totalCountProperty().get());
                frames[0].report("open", results);
                reported.countDown();
            });
            reported.await();
            // then the console left alone, as a user reading the screen leaves it: the memory it
            // gives back (the launcher's periodic collection after a minute without one, shortened
            // by the benchmark: -XX:G1PeriodicGCInterval); idling is the scenario measured, not a wait
            long idle = Long.getLong("bench.idleMs", 0);
            if (idle > 0) {
                Thread.sleep(idle);
                results.put("openIdleMs", idle);
                results.put("openIdleRssMb", statusKb("VmRSS") / 1024);
                results.put("openIdleHeapCommittedMb", heapCommittedMb());
            }
            background.close();
            session.close();
        }
        System.out.println("OPENED " + new ObjectMapper().writeValueAsString(results));
        System.out.flush();
        System.exit(0);
    }

    /** The heap the JVM holds from the system now (MB). */
    private static long heapCommittedMb() {
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / (1024 * 1024);
    }

    /** A {@code kB} figure of {@code /proc/self/status} (Linux); -1 where there is none. */
    private static long statusKb(String field) {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // no /proc
        }
        return -1;
    }
}
