package io.flanks.console.bench;

import io.flanks.console.api.Backoff;
import io.flanks.console.api.Environment;
import io.flanks.console.api.FlanksClient;
import io.flanks.console.app.MainWindow;
import io.flanks.console.app.Session;
import io.flanks.console.app.Theme;
import io.flanks.console.common.FxBackground;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.CredentialsViewModel;
import io.flanks.console.detail.DetailViewModel;
import io.flanks.console.sandbox.SandboxConfig;
import io.flanks.console.sandbox.SandboxServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The scale and speed benchmark (issue 7). Not part of the normal test run: run it with
 * {@code mvn -B -Pbench test}. Everything is measured side by side in one run on this machine,
 * because these machines are shared and noisy; ratios matter more than absolute times.
 * Prints a table and one final line {@code BENCH {...}}.
 */
@Tag("bench")
class ConsoleBenchmark {
    static final int ROWS = Integer.getInteger("bench.rows", 100_000);
    static final int LATENCY_MS = Integer.getInteger("bench.latencyMs", 20);
    static final int START_RUNS = Integer.getInteger("bench.startRuns", 3);
    /** Which phases run: {@code -Dbench.only=start,sandbox,list} (all by default). */
    static final List<String> ONLY = List.of(System.getProperty("bench.only", "start,sandbox,list").split(","));

    private final Map<String, Object> results = new LinkedHashMap<>();

    @Test
    void run() throws Exception {
        if (ONLY.contains("start")) {
            startup();
        }
        if (ONLY.contains("sandbox")) {
            sandboxAlone();
        }
        if (ONLY.contains("list")) {
            list();
        }
        print();
    }

    // ---- start: first rows vs a bare window's first frame ----------------------------------

    /**
     * The console as installed: its classes in a jar, with an AppCDS archive made by a training
     * start in this run (Java 17: {@code -XX:ArchiveClassesAtExit}, then
     * {@code -XX:SharedArchiveFile}); the bare window as ever, without an archive of its own.
     * Runs alternate, so drift hits both alike.
     */
    private void startup() throws Exception {
        Path dir = Files.createTempDirectory("bench-start");
        String classPath = appClassPath(dir);
        Path archive = dir.resolve("console.jsa");
        long t0 = System.nanoTime();
        child("\"firstRowsMs\": (\\d+)", classPath, List.of("-XX:ArchiveClassesAtExit=" + archive), "io.flanks.console.Launcher",
                "--smoke-test", "--data-dir", Files.createTempDirectory(dir, "data").toString());
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training start made no archive at " + archive);
        }
        results.put("startArchiveMs", ms(t0));
        results.put("startArchiveMb", Files.size(archive) / (1024 * 1024));
        List<String> withArchive = List.of("-XX:SharedArchiveFile=" + archive);
        long[] app = new long[START_RUNS];
        long[] bare = new long[START_RUNS];
        for (int i = 0; i < START_RUNS; i++) {
            bare[i] = child("FIRSTFRAME (\\d+)", System.getProperty("java.class.path"), List.of(), BareWindow.class.getName());
            app[i] = child("\"firstRowsMs\": (\\d+)", classPath, withArchive, "io.flanks.console.Launcher",
                    "--smoke-test", "--data-dir", Files.createTempDirectory(dir, "data").toString());
        }
        long appMed = median(app);
        long bareMed = median(bare);
        results.put("startFirstRowsMs", appMed);
        results.put("startBareFirstFrameMs", bareMed);
        results.put("startRatio", round((double) appMed / bareMed));
        results.put("startRuns", START_RUNS);
        results.put("startFirstRowsAllMs", Arrays.toString(app).replace(" ", ""));
        results.put("startBareAllMs", Arrays.toString(bare).replace(" ", ""));
        results.put("startLoadAverage", round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    }

    /**
     * The console's class path as an installed app has it: its classes as one jar (CDS archives
     * classes from jars only) and the dependency jars; no test classes, so the console sets up its
     * logging itself.
     */
    private static String appClassPath(Path dir) throws Exception {
        Path jar = dir.resolve("flanks-console.jar");
        Path classes = Path.of("target", "classes").toAbsolutePath();
        java.util.spi.ToolProvider tool = java.util.spi.ToolProvider.findFirst("jar").orElseThrow();
        if (tool.run(System.out, System.err, "--create", "--file", jar.toString(), "-C", classes.toString(), ".") != 0) {
            throw new IllegalStateException("jar failed");
        }
        List<String> cp = new ArrayList<>(List.of(jar.toString()));
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (e.endsWith(".jar")) {
                cp.add(e);
            }
        }
        return String.join(java.io.File.pathSeparator, cp);
    }

    private static long child(String pattern, String classPath, List<String> jvmOptions, String main, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dheadless.geometry=1600x1000-32"));
        cmd.addAll(jvmOptions);
        cmd.add(main);
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        Matcher m = Pattern.compile(pattern).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in output of " + main + ":\n" + out);
        }
        return Long.parseLong(m.group(1));
    }

    // ---- the sandbox alone ---------------------------------------------------------------

    private void sandboxAlone() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxConfig.defaults())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String token = tokenFor(http, server);
            String first;
            try (FlanksClient c = client(server)) {
                first = c.listPage(1).items().get(0).credentialsToken();
            }
            HttpRequest req = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v0/bank/credentials/status"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"credentials_token\":\"" + first + "\"}")).build();
            int clients = 8;
            long durationMs = 3000;
            AtomicLong done = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            CountDownLatch finished = new CountDownLatch(clients);
            long t0 = System.nanoTime();
            for (int i = 0; i < clients; i++) {
                pool.execute(() -> {
                    try {
                        while (!stop.get()) {
                            if (http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                                done.incrementAndGet();
                            }
                        }
                    } catch (Exception e) {
                        // counted as not done
                    } finally {
                        finished.countDown();
                    }
                });
            }
            Thread.sleep(durationMs); // a fixed measuring window, not a wait for a condition
            stop.set(true);
            finished.await(10, TimeUnit.SECONDS);
            double secs = (System.nanoTime() - t0) / 1e9;
            pool.shutdownNow();
            results.put("sandboxStatusRps8Clients", Math.round(done.get() / secs));
        }
    }

    private static String tokenFor(HttpClient http, SandboxServer server) throws Exception {
        HttpRequest t = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v0/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"client_id\":\"sandbox-client\",\"client_secret\":\"sandbox-secret\",\"grant_type\":\"client_credentials\"}"))
                .build();
        String body = http.send(t, HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException(body);
        }
        return m.group(1);
    }

    private static FlanksClient client(SandboxServer server) {
        return new FlanksClient(new Environment("bench", server.baseUrl(), "sandbox-client", "sandbox-secret"),
                FlanksClient.defaultHttp(), Backoff.standard(), Clock.systemUTC());
    }

    // ---- 100,000 credentials -------------------------------------------------------------

    private void list() throws Exception {
        SandboxConfig cfg = SandboxConfig.defaults().withCredentials(ROWS).withLatencyMs(LATENCY_MS);
        try (SandboxServer server = SandboxServer.start(cfg); FlanksClient c = client(server)) {
            int pages = c.listPage(1).pages();
            results.put("rows", ROWS);
            results.put("pages", pages);
            results.put("latencyMsPerRequest", LATENCY_MS);

            long t0 = System.nanoTime();
            int seq = 0;
            for (int p = 1; p <= pages; p++) {
                seq += c.listPage(p).items().size();
            }
            long sequentialMs = ms(t0);
            results.put("listSequentialMs", sequentialMs);

            t0 = System.nanoTime();
            int floorRows = c.listAll(null).size();
            long floorMs = ms(t0);
            results.put("listFloorNoUiMs", floorMs);
            if (seq != ROWS || floorRows != ROWS) {
                throw new IllegalStateException("rows: sequential " + seq + ", floor " + floorRows);
            }

            uiLoad(server, sequentialMs, floorMs);
        }
    }

    private void uiLoad(SandboxServer server, long sequentialMs, long floorMs) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        I18n.use(Locale.ENGLISH);
        FxBackground background = new FxBackground(4);
        Session session = Session.remote(new Environment("bench", server.baseUrl(), "sandbox-client", "sandbox-secret"));
        CredentialsViewModel[] vm = new CredentialsViewModel[1];
        MainWindow[] window = new MainWindow[1];
        long heapBefore = usedHeapAfterGc();
        WaitForAsyncUtils.asyncFx(() -> {
            Theme.apply(false);
            vm[0] = new CredentialsViewModel(session.client(), background, Clock.systemUTC());
            DetailViewModel detail = new DetailViewModel(vm[0], Clock.systemUTC());
            window[0] = new MainWindow(session, vm[0], detail, Clock.systemUTC(), new io.flanks.console.app.TestHost());
            stage.setScene(new Scene(window[0].root(), 1400, 850));
            stage.getScene().getStylesheets().add(getClass().getResource("/css/app.css").toExternalForm());
            stage.show();
        }).get(30, TimeUnit.SECONDS);
        session.client().accessToken(); // both runs start with a token

        // longest gap between frames while 100,000 rows load
        long[] lastPulse = {0};
        long[] maxGap = {0};
        AnimationTimer frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (lastPulse[0] != 0) {
                    maxGap[0] = Math.max(maxGap[0], now - lastPulse[0]);
                }
                lastPulse[0] = now;
            }
        };
        long[] t0 = new long[1];
        WaitForAsyncUtils.asyncFx(() -> {
            frames.start();
            t0[0] = System.nanoTime();
            vm[0].reload();
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS,
                () -> !vm[0].loadingProperty().get() && vm[0].lastLoadedProperty().get() != null);
        long uiMs = ms(t0[0]);
        WaitForAsyncUtils.asyncFx(frames::stop).get(10, TimeUnit.SECONDS);
        int rows = WaitForAsyncUtils.asyncFx(() -> vm[0].totalCountProperty().get()).get(10, TimeUnit.SECONDS);
        results.put("listUiMs", uiMs);
        results.put("listUiRows", rows);
        results.put("listSpeedupVsSequential", round((double) sequentialMs / uiMs));
        results.put("listUiVsFloor", round((double) uiMs / floorMs));
        results.put("loadLongestFrameGapMs", round(maxGap[0] / 1e6));

        long heapAfter = usedHeapAfterGc();
        results.put("retainedHeapMbFor" + rows + "Rows", Math.round((heapAfter - heapBefore) / (1024.0 * 1024.0)));

        filter(stage, vm[0]);

        WaitForAsyncUtils.asyncFx(stage::hide).get(10, TimeUnit.SECONDS);
        background.close();
        session.close();
    }

    /** Keystroke to updated table: set the search text, then wait for the next layout pulse to end. */
    private void filter(Stage stage, CredentialsViewModel vm) throws Exception {
        TextField search = (TextField) stage.getScene().lookup("#search");
        String typed = "user-12";
        List<Long> samples = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            List<String> steps = new ArrayList<>();
            for (int i = 1; i <= typed.length(); i++) {
                steps.add(typed.substring(0, i));
            }
            for (int i = typed.length() - 1; i >= 0; i--) {
                steps.add(typed.substring(0, i));
            }
            for (String text : steps) {
                CountDownLatch pulsed = new CountDownLatch(1);
                long[] t = new long[2];
                Runnable after = () -> {
                    t[1] = System.nanoTime();
                    pulsed.countDown();
                };
                Platform.runLater(() -> {
                    stage.getScene().addPostLayoutPulseListener(new Runnable() {
                        @Override
                        public void run() {
                            stage.getScene().removePostLayoutPulseListener(this);
                            after.run();
                        }
                    });
                    t[0] = System.nanoTime();
                    search.setText(text);
                });
                if (!pulsed.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("no pulse after typing");
                }
                if (round > 0) { // round 0 warms up the JIT
                    samples.add(t[1] - t[0]);
                }
            }
        }
        samples.sort(Long::compare);
        results.put("filterKeystrokes", samples.size());
        results.put("filterP50Ms", round(samples.get(samples.size() / 2) / 1e6));
        results.put("filterP95Ms", round(samples.get((int) Math.ceil(samples.size() * 0.95) - 1) / 1e6));
        results.put("filterMaxMs", round(samples.get(samples.size() - 1) / 1e6));
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100); // let the collector settle between explicit collections
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    // ---- output --------------------------------------------------------------------------

    private void print() {
        System.out.println();
        System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, Java " + System.getProperty("java.version")
                + ", " + System.getProperty("os.name"));
        System.out.printf("%-34s %s%n", "figure", "value");
        results.forEach((k, v) -> System.out.printf("%-34s %s%n", k, v));
        StringBuilder json = new StringBuilder("{");
        results.forEach((k, v) -> json.append(json.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v));
        System.out.println("BENCH " + json.append('}'));
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }

}
