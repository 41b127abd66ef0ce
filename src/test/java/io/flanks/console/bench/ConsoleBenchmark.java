package io.flanks.console.bench;

import io.flanks.console.api.Backoff;
import io.flanks.console.api.Environment;
import io.flanks.console.api.FlanksClient;
import io.flanks.console.app.MainWindow;
import io.flanks.console.app.Session;
import io.flanks.console.app.Theme;
import io.flanks.console.common.FxBackground;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.CredentialRow;
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
    /** Which phases run: {@code -Dbench.only=start,sandbox,list,open,jmh} (all by default). */
    static final List<String> ONLY = List.of(System.getProperty("bench.only", "start,sandbox,list,open,jmh").split(","));

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
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
        if (ONLY.contains("open")) {
            opened();
        }
        if (ONLY.contains("jmh")) {
            MicroBenchmarks.run(results); // MicroBenchmarks.java: parser, classifier, search predicate
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
        Installed installed = installed();
        String classPath = installed.classPath();
        Path dir = installed.dir();
        List<String> launcher = installed.launcher();
        results.put("startJvmOptions", "\"" + String.join(" ", launcher) + "\""); // a JSON string
        results.put("startArchiveMs", installed.archiveMs());
        results.put("startArchiveMb", Files.size(installed.archive()) / (1024 * 1024));
        List<String> withArchive = plus(launcher, "-XX:SharedArchiveFile=" + installed.archive());
        long[] app = new long[START_RUNS];
        long[] screen = new long[START_RUNS];
        long[] bare = new long[START_RUNS];
        long[] bareTable = new long[START_RUNS];
        for (int i = 0; i < START_RUNS; i++) {
            bare[i] = child("FIRSTFRAME (\\d+)", System.getProperty("java.class.path"), List.of(), BareWindow.class.getName());
            // a reference, not the target: a bare window with JavaFX's plain TableView, started as the bare one
            bareTable[i] = child("FIRSTFRAME (\\d+)", System.getProperty("java.class.path"), List.of(), BareWindow.class.getName(), "table");
            String smoke = childOutput("(SMOKE \\{.*\\})", classPath, withArchive, "io.flanks.console.Launcher",
                    "--smoke-test", "--data-dir", Files.createTempDirectory(dir, "data").toString());
            app[i] = smokeField(smoke, "firstRowsMs");
            screen[i] = smokeField(smoke, "firstScreenMs");
        }
        long appMed = median(app);
        long bareMed = median(bare);
        results.put("startFirstRowsMs", appMed);
        results.put("startBareFirstFrameMs", bareMed);
        results.put("startRatio", round((double) appMed / bareMed));
        // the first rows are the first few the table makes; a screenful of them comes a few frames later
        results.put("startFirstScreenMs", median(screen));
        results.put("startFirstScreenAllMs", Arrays.toString(screen).replace(" ", ""));
        results.put("startRuns", START_RUNS);
        results.put("startFirstRowsAllMs", Arrays.toString(app).replace(" ", ""));
        results.put("startBareAllMs", Arrays.toString(bare).replace(" ", ""));
        long bareTableMed = median(bareTable);
        results.put("startBareTableFirstFrameMs", bareTableMed);
        results.put("startBareTableAllMs", Arrays.toString(bareTable).replace(" ", ""));
        results.put("startRatioToBareTable", round((double) appMed / bareTableMed));
        results.put("startLoadAverage", round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    }

    /** The console as installed: its jar and dependencies, the launcher's JVM options, its AppCDS archive. */
    private record Installed(Path dir, String classPath, List<String> launcher, Path archive, long archiveMs) {
    }

    private Installed installed;

    /**
     * Made once per run, for the start and open phases alike: the console's classes as a jar
     * and an AppCDS archive of them made by a training start ({@code --smoke-test} on the
     * sandbox), as the installed console's {@code postinst} makes its own.
     */
    private Installed installed() throws Exception {
        if (installed == null) {
            Path dir = Files.createTempDirectory("bench-start");
            String classPath = appClassPath(dir);
            Path archive = dir.resolve("console.jsa");
            long t0 = System.nanoTime();
            // as the installed launcher starts the console, but for its archive, which the benchmark makes itself
            List<String> launcher = new ArrayList<>(io.flanks.console.installer.LauncherOptions.jvmOptions("", "linux/"));
            // -Dbench.launcherOptions="...": more options for the console's start and open, as if the launcher had them
            String more = System.getProperty("bench.launcherOptions", "").trim();
            if (!more.isEmpty()) {
                launcher.addAll(List.of(more.split("\\s+")));
            }
            child("\"firstRowsMs\": (\\d+)", classPath, plus(launcher, "-XX:ArchiveClassesAtExit=" + archive), "io.flanks.console.Launcher",
                    "--smoke-test", "--data-dir", Files.createTempDirectory(dir, "data").toString());
            if (!Files.isRegularFile(archive)) {
                throw new IllegalStateException("the training start made no archive at " + archive);
            }
            installed = new Installed(dir, classPath, launcher, archive, ms(t0));
        }
        return installed;
    }

    private static long smokeField(String smokeLine, String field) {
        Matcher m = Pattern.compile("\"" + field + "\": (\\d+)").matcher(smokeLine);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + smokeLine);
        }
        return Long.parseLong(m.group(1));
    }

    private static List<String> plus(List<String> options, String one) {
        List<String> all = new ArrayList<>(options);
        all.add(one);
        return all;
    }

    /**
     * The console's class path as an installed app has it: its classes as one jar (CDS archives
     * classes from jars only) and the dependency jars; no test classes, so the console sets up its
     * logging itself.
     */
    private static String appClassPath(Path dir) throws Exception {
        List<String> cp = new ArrayList<>(List.of(jar(dir.resolve("flanks-console.jar"), Path.of("target", "classes"))));
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (e.endsWith(".jar")) {
                cp.add(e);
            }
        }
        return String.join(java.io.File.pathSeparator, cp);
    }

    /** The benchmark's own classes (and the test resources) as a jar, to follow the console's on a class path. */
    private static String testClassPath(Path dir) {
        return jar(dir.resolve("bench-classes.jar"), Path.of("target", "test-classes"));
    }

    /** Makes {@code jar} of everything under {@code classes} (the JDK's jar tool); returns its path. */
    private static String jar(Path jar, Path classes) {
        java.util.spi.ToolProvider tool = java.util.spi.ToolProvider.findFirst("jar").orElseThrow();
        if (tool.run(System.out, System.err, "--create", "--file", jar.toString(), "-C", classes.toAbsolutePath().toString(), ".") != 0) {
            throw new IllegalStateException("jar failed: " + jar);
        }
        return jar.toString();
    }

    private static long child(String pattern, String classPath, List<String> jvmOptions, String main, String... args) throws Exception {
        return Long.parseLong(childOutput(pattern, classPath, jvmOptions, main, args));
    }

    /** Runs {@code main} in a JVM of its own, headless; the first group of {@code pattern} in its output. */
    private static String childOutput(String pattern, String classPath, List<String> jvmOptions, String main, String... args)
            throws Exception {
        String out = childRun(classPath, jvmOptions, main, args);
        Matcher m = Pattern.compile(pattern).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in output of " + main + ":\n" + out);
        }
        return m.group(1);
    }

    /** Runs {@code main} in a JVM of its own, headless (Monocle, software renderer); its output. */
    private static String childRun(String classPath, List<String> jvmOptions, String main, String... args) throws Exception {
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
        return out;
    }

    // ---- the console opened on a big account ----------------------------------------------

    /**
     * The same 100,000 rows loaded as a user meets them: the console opened on the account, in
     * a cold JVM of its own ({@link OpenedOnBigAccount}). Its frame gaps are counted from the
     * window's first frame on; the list phase's are counted from a reload into a shown, empty
     * table on a cold JVM, where the table makes its first row cells in the load's frames.
     */
    private void opened() throws Exception {
        // the installed launcher's JVM options, as the start phase has them; -Dbench.openJvmOptions="..." adds
        // more (to try GC settings); -Dbench.noHold=true: the rest of the pages without waiting for the
        // window (as before FirstShow)
        // and its archive (-Dbench.openArchive=false: without): the console's jar and dependencies
        // first, as the archive was made with them, then the benchmark's own classes
        Installed app = installed();
        boolean archived = Boolean.parseBoolean(System.getProperty("bench.openArchive", "true"));
        List<String> jvm = new ArrayList<>(app.launcher());
        if (archived) {
            jvm.add("-XX:SharedArchiveFile=" + app.archive());
        }
        String extra = System.getProperty("bench.openJvmOptions", "").trim();
        if (!extra.isEmpty()) {
            jvm.addAll(List.of(extra.split("\\s+")));
        }
        jvm.add("-Dbench.noHold=" + Boolean.getBoolean("bench.noHold"));
        // after the load, the console idles for bench.openIdleMs (8 s; 0: not at all) with the
        // launcher's periodic collection shortened to 2 s, so it need not idle for two minutes
        long idleMs = Long.getLong("bench.openIdleMs", 8000);
        if (idleMs > 0) {
            jvm.add("-XX:G1PeriodicGCInterval=2000");
            jvm.add("-Dbench.idleMs=" + idleMs);
        }
        results.put("openJvmOptions", "\"" + String.join(" ", jvm) + "\"");
        String out = childRun(app.classPath() + java.io.File.pathSeparator + testClassPath(app.dir()), jvm,
                OpenedOnBigAccount.class.getName(), String.valueOf(ROWS), String.valueOf(LATENCY_MS));
        out.lines().filter(l -> l.startsWith("open: ") || l.startsWith("FRAME ") || l.startsWith("STARTUP ")).forEach(System.out::println);
        Matcher m = Pattern.compile("OPENED (\\{.*\\})").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("the opened console printed no OPENED line:\n" + out);
        }
        String json = m.group(1);
        Map<String, Object> open = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json,
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        results.putAll(open);
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
            // -Dbench.sequential=false skips this 25 s baseline while profiling the rest
            for (int p = 1; p <= pages && Boolean.parseBoolean(System.getProperty("bench.sequential", "true")); p++) {
                seq += c.listPage(p).items().size();
            }
            long sequentialMs = ms(t0);
            seq = seq == 0 ? ROWS : seq;
            results.put("listSequentialMs", sequentialMs);

            long sandboxCpu0 = cpuOf("sandbox-http");
            long clientCpu0 = cpuOf("flanks-list") + THREADS.getCurrentThreadCpuTime();
            long backgroundWait0 = waitForCoreOf(BACKGROUND);
            t0 = System.nanoTime();
            int floorRows = c.listEach((items, page, of) -> { }); // as the console lists: keeping no pages
            long floorMs = ms(t0);
            results.put("listFloorNoUiMs", floorMs);
            // where the floor's CPU goes: the in-process sandbox making pages, the client reading them
            results.put("listFloorSandboxCpuMs", (cpuOf("sandbox-http") - sandboxCpu0) / 1_000_000);
            results.put("listFloorClientCpuMs", (cpuOf("flanks-list") + THREADS.getCurrentThreadCpuTime() - clientCpu0) / 1_000_000);
            results.put("listFloorBackgroundWaitMs", (waitForCoreOf(BACKGROUND) - backgroundWait0) / 1_000_000);
            if (seq != ROWS || floorRows != ROWS) {
                throw new IllegalStateException("rows: sequential " + seq + ", floor " + floorRows);
            }

            uiLoad(server, sequentialMs, floorMs);
        }
    }

    private void uiLoad(SandboxServer server, long sequentialMs, long floorMs) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        I18n.use(Locale.ENGLISH);
        if (Boolean.getBoolean("bench.warmWindow")) { // experiment: is the first rows' cost once per JVM or per table?
            try (SandboxServer small = SandboxServer.start(SandboxConfig.defaults());
                 FxBackground bg = new FxBackground(2)) {
                Session s = Session.remote(new Environment("warm", small.baseUrl(), "sandbox-client", "sandbox-secret"));
                CredentialsViewModel[] w = new CredentialsViewModel[1];
                WaitForAsyncUtils.asyncFx(() -> {
                    Theme.apply(false);
                    w[0] = new CredentialsViewModel(s.client(), bg, Clock.systemUTC());
                    MainWindow mw = new MainWindow(s, w[0], new DetailViewModel(w[0], Clock.systemUTC()), Clock.systemUTC(),
                            new io.flanks.console.app.TestHost());
                    stage.setScene(consoleScene(mw.root()));
                    stage.show();
                    w[0].reload();
                }).get(30, TimeUnit.SECONDS);
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> w[0].lastLoadedProperty().get() != null);
                WaitForAsyncUtils.waitForFxEvents();
                s.close();
            }
        }
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
            stage.setScene(consoleScene(window[0].root()));
            stage.show();
        }).get(30, TimeUnit.SECONDS);
        session.client().accessToken(); // both runs start with a token
        // the empty window's own first paint is start-up, not loading: let it draw a few frames
        CountDownLatch settled = new CountDownLatch(5);
        AnimationTimer settle = new AnimationTimer() {
            @Override
            public void handle(long now) {
                settled.countDown();
            }
        };
        WaitForAsyncUtils.asyncFx(settle::start).get(10, TimeUnit.SECONDS);
        if (!settled.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the window drew no frames");
        }
        WaitForAsyncUtils.asyncFx(settle::stop).get(10, TimeUnit.SECONDS);

        // gaps between frames while 100,000 rows load; the frame that first draws rows (the
        // table makes its row cells then) is reported on its own as well
        FrameGaps frames = new FrameGaps(() -> !vm[0].shownRows().isEmpty());
        long fxThread = fxThreadId();
        long fxCpu0 = THREADS.getThreadCpuTime(fxThread);
        long renderCpu0 = cpuOf("QuantumRenderer");
        long sandboxCpu0 = cpuOf("sandbox-http");
        long clientCpu0 = cpuOf("flanks-list");
        long rowsCpu0 = cpuOf("console-bg");
        long backgroundWait0 = waitForCoreOf(BACKGROUND);
        long uiMs = timedLoad(vm[0], frames);
        // beside the floor's: the sandbox making pages, the client reading them, the view-model's
        // threads turning them into rows (the floor makes no rows)
        results.put("loadSandboxCpuMs", (cpuOf("sandbox-http") - sandboxCpu0) / 1_000_000);
        results.put("loadClientCpuMs", (cpuOf("flanks-list") - clientCpu0) / 1_000_000);
        results.put("loadRowsCpuMs", (cpuOf("console-bg") - rowsCpu0) / 1_000_000);
        // how long those threads were runnable but waited for a core (Linux schedstat): the
        // floor's and the load's alike, so a slower load shows whether its pages waited for a core
        results.put("loadBackgroundWaitMs", (waitForCoreOf(BACKGROUND) - backgroundWait0) / 1_000_000);
        int rows = WaitForAsyncUtils.asyncFx(() -> vm[0].totalCountProperty().get()).get(10, TimeUnit.SECONDS);
        results.put("listUiMs", uiMs);
        // busy (CPU) time of the UI thread and the renderer during the load: on a quiet machine
        // the gaps follow from these; on a loaded one the threads also wait for a core
        results.put("loadFxThreadCpuMs", (THREADS.getThreadCpuTime(fxThread) - fxCpu0) / 1_000_000);
        results.put("loadRendererCpuMs", (cpuOf("QuantumRenderer") - renderCpu0) / 1_000_000);
        results.put("listUiRows", rows);
        results.put("listSpeedupVsSequential", round((double) sequentialMs / uiMs));
        results.put("listUiVsFloor", round((double) uiMs / floorMs));
        frames.report("load", results);

        long heapAfter = usedHeapAfterGc();
        results.put("retainedHeapMbFor" + rows + "Rows", Math.round((heapAfter - heapBefore) / (1024.0 * 1024.0)));
        if (Boolean.getBoolean("bench.histogram")) { // what the heap holds, for profiling
            String histo = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            histo.lines().limit(40).forEach(System.out::println);
        }

        filter(stage, vm[0]);
        sort(stage);
        browse(stage);
        export(stage, window[0]);
        reloadLoaded(vm[0], heapBefore);

        WaitForAsyncUtils.asyncFx(stage::hide).get(10, TimeUnit.SECONDS);
        background.close();
        session.close();
    }

    /**
     * Keystroke to updated table. Keystrokes come {@value #TYPING_INTERVAL_MS} ms apart (a fast
     * typist: 10 a second) at moments unrelated to the frames. Two figures per keystroke:
     * <ul>
     * <li>{@code filter...}: the console's work for it, that is setting the search text (the
     * view-model's part) plus the CSS and layout passes of the frame that shows it. It leaves out
     * the wait between the two for that frame to begin, which depends only on when the key
     * arrived (0-16.7 ms at 60 frames a second, whatever the console does);</li>
     * <li>{@code filterWithFrameWait...}: keystroke to the end of that frame's layout, wait
     * included.</li>
     * </ul>
     */
    private void filter(Stage stage, CredentialsViewModel vm) throws Exception {
        TextField search = (TextField) stage.getScene().lookup("#search");
        System.out.println("filter phase starts at " + java.time.LocalTime.now(java.time.ZoneOffset.UTC)); // to line up with a profile
        String typed = "user-12";
        List<String> steps = new ArrayList<>();
        for (int i = 1; i <= typed.length(); i++) {
            steps.add(typed.substring(0, i));
        }
        for (int i = typed.length() - 1; i >= 0; i--) {
            steps.add(typed.substring(0, i));
        }
        List<Long> work = new ArrayList<>();
        List<Long> vmPart = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        List<Long> vmCpu = new ArrayList<>(); // UI-thread CPU per keystroke: what a quiet machine's wall time would be
        List<Long> waited = new ArrayList<>();
        java.util.Map<String, List<Long>> workByStep = new java.util.LinkedHashMap<>();
        java.util.Map<String, Long> cpuBefore = threadCpu();
        long rendererBefore = cpuOf("QuantumRenderer");
        java.util.concurrent.ScheduledExecutorService typist = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            for (int round = 0; round < 9; round++) { // rounds 0 and 1 warm up the JIT
                for (int i = 0; i < steps.size(); i++) {
                    Keystroke k = keystroke(stage, search, steps.get(i), typist);
                    if (round > 1) {
                        work.add(k.work());
                        vmPart.add(k.viewModel());
                        cpu.add(k.cpu());
                        vmCpu.add(k.viewModelCpu());
                        waited.add(k.withFrameWait());
                        workByStep.computeIfAbsent((i < typed.length() ? "+" : "-") + "'" + steps.get(i) + "'",
                                x -> new ArrayList<>()).add(k.work());
                    }
                }
            }
        } finally {
            typist.shutdownNow();
        }
        printBusiestThreads("filter phase", cpuBefore, threadCpu());
        // the renderer paints each keystroke's frame beside the UI thread's next work: on two cores it competes
        results.put("filterRendererCpuMsPerKeystroke", round((cpuOf("QuantumRenderer") - rendererBefore) / 1e6 / (9.0 * steps.size())));
        printMedians("work per keystroke, median by step (ms):", workByStep);
        results.put("filterKeystrokes", work.size());
        results.put("filterP50Ms", percentileMs(work, 0.50));
        results.put("filterP95Ms", percentileMs(work, 0.95));
        results.put("filterMaxMs", percentileMs(work, 1.0));
        results.put("filterViewModelP95Ms", percentileMs(vmPart, 0.95));
        results.put("filterFxThreadCpuP50Ms", percentileMs(cpu, 0.50));
        results.put("filterFxThreadCpuP95Ms", percentileMs(cpu, 0.95));
        results.put("filterViewModelCpuP50Ms", percentileMs(vmCpu, 0.50));
        results.put("filterViewModelCpuP95Ms", percentileMs(vmCpu, 0.95));
        results.put("filterWithFrameWaitP50Ms", percentileMs(waited, 0.50));
        results.put("filterWithFrameWaitP95Ms", percentileMs(waited, 0.95));
    }

    /**
     * A click on a column header over 100,000 rows. Timed from the click (the sort order set, as
     * the header does) to the end of the layout of the first frame that shows the table's rows
     * changed; each column ascending (a full sort), then descending (a second click: the sorted
     * run reversed), three rounds (the first warms the JIT and is left out). A fourth round, not
     * timed, records the gaps between frames: how long the window stood still for a click
     * ({@code sortLongestFrameGapMs}). Its frames cost the UI thread CPU on every frame (each
     * thread's CPU is read), which would slow a sort made on another thread meanwhile.
     */
    private void sort(Stage stage) throws Exception {
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<CredentialRow> table =
                (javafx.scene.control.TableView<CredentialRow>) stage.getScene().lookup("#credentialsTable");
        List<String> columns = List.of("col-health", "col-bank", "col-external", "col-updated");
        List<Long> all = new ArrayList<>();
        java.util.Map<String, List<Long>> byColumn = new java.util.LinkedHashMap<>();
        FrameGaps frames = new FrameGaps(null);
        for (int round = 0; round < 4; round++) {
            boolean timed = round == 1 || round == 2;
            if (round == 3) {
                WaitForAsyncUtils.asyncFx(frames::start).get(10, TimeUnit.SECONDS);
            }
            for (String id : columns) {
                javafx.scene.control.TableColumn<CredentialRow, ?> col = table.getColumns().stream()
                        .filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
                // not timed: the column is not sorting yet, so its type changes nothing on screen
                WaitForAsyncUtils.asyncFx(() -> col.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING))
                        .get(10, TimeUnit.SECONDS);
                for (int click = 0; click < 2; click++) {
                    boolean first = click == 0;
                    CountDownLatch laidOut = new CountDownLatch(1);
                    long[] t = new long[2];
                    WaitForAsyncUtils.asyncFx(() -> {
                        onceRowsChangedAndLaidOut(stage.getScene(), table.getItems(), () -> {
                            t[1] = System.nanoTime();
                            laidOut.countDown();
                        });
                        t[0] = System.nanoTime();
                        if (first) { // what a header click does: this column alone, ascending
                            table.getSortOrder().setAll(List.of(col));
                        } else { // and a second click on it: descending
                            col.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
                        }
                    }).get(10, TimeUnit.SECONDS);
                    if (!laidOut.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("no frame after sorting by " + id);
                    }
                    if (timed) {
                        all.add(t[1] - t[0]);
                        byColumn.computeIfAbsent(id + (first ? "" : "-desc"), x -> new ArrayList<>()).add(t[1] - t[0]);
                    }
                }
            }
        }
        WaitForAsyncUtils.asyncFx(frames::stop).get(10, TimeUnit.SECONDS);
        frames.report("sort", results);
        printMedians("header click to sorted frame, median by column (ms):", byColumn);
        results.put("sortClicks", all.size());
        results.put("sortClickToFrameP50Ms", percentileMs(all, 0.5));
        results.put("sortClickToFrameMaxMs", percentileMs(all, 1.0));
        WaitForAsyncUtils.asyncFx(() -> table.getSortOrder().clear()).get(10, TimeUnit.SECONDS);
    }

    /**
     * Going through 100,000 rows as support staff do, each step timed like a keystroke in the
     * search (the console's work for it and the CSS and layout of the frame that shows it): the
     * arrow key to the next row (the detail pane shows it), Page Down, End and Home (the table
     * jumps to the last and first of 100,000 rows), and a click on a health chip (Blocked, then
     * All: the table shows the rows of one health, then all again). Seven rounds; the first two
     * warm up the JIT and are left out.
     */
    private void browse(Stage stage) throws Exception {
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<CredentialRow> table =
                (javafx.scene.control.TableView<CredentialRow>) stage.getScene().lookup("#credentialsTable");
        javafx.scene.control.ToggleButton blocked = (javafx.scene.control.ToggleButton) stage.getScene().lookup("#chip-blocked");
        javafx.scene.control.ToggleButton all = (javafx.scene.control.ToggleButton) stage.getScene().lookup("#chip-all");
        WaitForAsyncUtils.asyncFx(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
            table.getFocusModel().focus(0);
            table.scrollTo(0);
        }).get(10, TimeUnit.SECONDS);
        List<Map.Entry<String, Runnable>> steps = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            steps.add(Map.entry("down", () -> press(table, javafx.scene.input.KeyCode.DOWN)));
        }
        for (int i = 0; i < 4; i++) {
            steps.add(Map.entry("pageDown", () -> press(table, javafx.scene.input.KeyCode.PAGE_DOWN)));
        }
        // the keys must do what they are timed for: End shows the last of all rows, Home the first
        List<String> missed = new ArrayList<>();
        steps.add(Map.entry("end", () -> {
            press(table, javafx.scene.input.KeyCode.END);
            if (table.getSelectionModel().getSelectedIndex() != table.getItems().size() - 1 || table.getItems().size() < ROWS) {
                missed.add("End selected row " + table.getSelectionModel().getSelectedIndex() + " of " + table.getItems().size());
            }
        }));
        steps.add(Map.entry("home", () -> {
            press(table, javafx.scene.input.KeyCode.HOME);
            if (table.getSelectionModel().getSelectedIndex() != 0) {
                missed.add("Home selected row " + table.getSelectionModel().getSelectedIndex());
            }
        }));
        steps.add(Map.entry("chipBlocked", blocked::fire));
        for (int i = 0; i < 3; i++) {
            steps.add(Map.entry("down", () -> press(table, javafx.scene.input.KeyCode.DOWN)));
        }
        steps.add(Map.entry("chipAll", all::fire));
        // all 100,000 rows selected (Ctrl+A, as for a bulk refresh), then one row again (Down)
        steps.add(Map.entry("selectAll", () -> {
            pressShortcut(table, javafx.scene.input.KeyCode.A);
            if (table.getSelectionModel().getSelectedItems().size() != table.getItems().size()) {
                missed.add("Ctrl+A selected " + table.getSelectionModel().getSelectedItems().size() + " rows");
            }
        }));
        steps.add(Map.entry("downFromAll", () -> {
            press(table, javafx.scene.input.KeyCode.DOWN);
            if (table.getSelectionModel().getSelectedItems().size() != 1) {
                missed.add("Down after Ctrl+A left " + table.getSelectionModel().getSelectedItems().size() + " rows selected");
            }
        }));
        Map<String, List<Long>> work = new LinkedHashMap<>();
        Map<String, List<Long>> cpu = new LinkedHashMap<>();
        List<Long> every = new ArrayList<>();
        java.util.concurrent.ScheduledExecutorService user = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int round = 0; round < 7; round++) {
                for (Map.Entry<String, Runnable> step : steps) {
                    Keystroke k = onUiTimed(stage, step.getValue(), user);
                    if (round > 1) {
                        work.computeIfAbsent(step.getKey(), x -> new ArrayList<>()).add(k.work());
                        cpu.computeIfAbsent(step.getKey(), x -> new ArrayList<>()).add(k.cpu());
                        every.add(k.work());
                    }
                }
            }
        } finally {
            user.shutdownNow();
        }
        if (!missed.isEmpty()) {
            throw new IllegalStateException("browsing did not do what it timed: " + missed);
        }
        printMedians("browse, work per step, median (ms):", work);
        printMedians("browse, UI-thread CPU per step, median (ms):", cpu);
        results.put("browseSteps", every.size());
        results.put("browseP95Ms", percentileMs(every, 0.95));
        results.put("browseMaxMs", percentileMs(every, 1.0));
        work.forEach((step, nanos) -> {
            String name = Character.toUpperCase(step.charAt(0)) + step.substring(1);
            results.put("browse" + name + "P50Ms", percentileMs(nanos, 0.5));
            results.put("browse" + name + "MaxMs", percentileMs(nanos, 1.0));
        });
    }

    /**
     * "Export view" of all 100,000 rows to CSV: the click (the rows are taken on the UI thread),
     * the time to the file being written (in the background), and the longest frame gap
     * meanwhile.
     */
    private void export(Stage stage, MainWindow window) throws Exception {
        Path file = Files.createTempFile("bench-export", ".csv");
        io.flanks.console.bulk.ExportViewModel export =
                WaitForAsyncUtils.asyncFx(() -> window.bulkView().exportViewModel()).get(10, TimeUnit.SECONDS);
        FrameGaps frames = new FrameGaps(null);
        WaitForAsyncUtils.asyncFx(frames::start).get(10, TimeUnit.SECONDS);
        java.util.concurrent.ScheduledExecutorService user = Executors.newSingleThreadScheduledExecutor();
        Keystroke click;
        try {
            click = onUiTimed(stage, () -> export.export(file), user);
        } finally {
            user.shutdownNow();
        }
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !export.runningProperty().get());
        long doneMs = (System.nanoTime() - click.typed()) / 1_000_000;
        WaitForAsyncUtils.asyncFx(frames::stop).get(10, TimeUnit.SECONDS);
        long lines;
        try (java.util.stream.Stream<String> all = Files.lines(file)) {
            lines = all.count();
        }
        if (export.errorProperty().get() != null || lines != ROWS + 1) {
            throw new IllegalStateException("export wrote " + lines + " lines, error " + export.errorProperty().get());
        }
        results.put("exportClickMs", round(click.work() / 1e6));
        results.put("exportDoneMs", doneMs);
        results.put("exportMb", round(Files.size(file) / (1024.0 * 1024.0)));
        frames.report("export", results);
        Files.delete(file);
    }

    /**
     * Reload (F5, or auto-refresh) with all 100,000 rows loaded: every page updates rows the
     * table has. Three reloads: the time and longest frame gap of each, and the retained heap
     * after the last (auto-refresh reloads all day: it must not grow).
     */
    private void reloadLoaded(CredentialsViewModel vm, long heapBefore) throws Exception {
        List<Long> times = new ArrayList<>();
        List<Object> gaps = new ArrayList<>();
        List<Long> heap = new ArrayList<>();
        List<Long> fxCpu = new ArrayList<>();
        long fxThread = fxThreadId();
        for (int i = 0; i < Integer.getInteger("bench.reloads", 3); i++) {
            FrameGaps frames = new FrameGaps(null);
            long fx0 = THREADS.getThreadCpuTime(fxThread);
            times.add(timedLoad(vm, frames));
            fxCpu.add((THREADS.getThreadCpuTime(fxThread) - fx0) / 1_000_000); // the UI thread's work for the reload
            Map<String, Object> one = new LinkedHashMap<>();
            frames.report("reload", one);
            gaps.add(one.get("reloadLongestFrameGapMs"));
            heap.add(Math.round((usedHeapAfterGc() - heapBefore) / (1024.0 * 1024.0)));
        }
        results.put("reloadLoadedAllMs", times.toString().replace(" ", ""));
        results.put("reloadLongestFrameGapAllMs", gaps.toString().replace(" ", ""));
        results.put("reloadFxThreadCpuAllMs", fxCpu.toString().replace(" ", ""));
        results.put("retainedHeapMbAfterEachReload", heap.toString().replace(" ", ""));
    }

    /**
     * Reloads {@code vm} with {@code frames} counting from the reload on, and waits until that
     * load has ended; its time (ms), reload to end.
     */
    private static long timedLoad(CredentialsViewModel vm, FrameGaps frames) throws Exception {
        long[] t0 = new long[1];
        java.time.Instant before = vm.lastLoadedProperty().get();
        WaitForAsyncUtils.asyncFx(() -> {
            frames.start();
            t0[0] = System.nanoTime();
            vm.reload();
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS,
                () -> !vm.loadingProperty().get() && vm.lastLoadedProperty().get() != before);
        long took = ms(t0[0]);
        WaitForAsyncUtils.asyncFx(frames::stop).get(10, TimeUnit.SECONDS);
        return took;
    }

    /** A key pressed and released with the table focused, as the keyboard delivers it. */
    private static void press(javafx.scene.Node target, javafx.scene.input.KeyCode key) {
        press(target, key, false);
    }

    /** The UI thread's id, for its CPU time. */
    private static long fxThreadId() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().getId()).get(10, TimeUnit.SECONDS);
    }

    /** The key with the platform's shortcut modifier (Ctrl here), as the table's key handling sees it. */
    private static void pressShortcut(javafx.scene.Node target, javafx.scene.input.KeyCode key) {
        press(target, key, true);
    }

    private static void press(javafx.scene.Node target, javafx.scene.input.KeyCode key, boolean control) {
        for (javafx.event.EventType<javafx.scene.input.KeyEvent> type
                : List.of(javafx.scene.input.KeyEvent.KEY_PRESSED, javafx.scene.input.KeyEvent.KEY_RELEASED)) {
            javafx.event.Event.fireEvent(target, new javafx.scene.input.KeyEvent(type, "", "", key, false, control, false, false));
        }
    }

    private static final long TYPING_INTERVAL_MS = 100;

    /** One keystroke's times (ns), on the UI thread's clocks. */
    private record Keystroke(long typed, long viewModelDone, long frameStart, long laidOut,
            long cpuTyped, long cpuViewModelDone, long cpuFrameStart, long cpuLaidOut) {
        long viewModel() {
            return viewModelDone - typed;
        }

        long work() {
            return viewModel() + (laidOut - frameStart);
        }

        long withFrameWait() {
            return laidOut - typed;
        }

        long viewModelCpu() {
            return cpuViewModelDone - cpuTyped;
        }

        long cpu() {
            return viewModelCpu() + (cpuLaidOut - cpuFrameStart);
        }
    }

    /** Runs {@code action} once, in the next frame: before its CSS pass ({@code beforeCss}) or after its layout pass. */
    private static void onceInNextFrame(Scene scene, boolean beforeCss, Runnable action) {
        Runnable once = new Runnable() {
            @Override
            public void run() {
                if (beforeCss) {
                    scene.removePreLayoutPulseListener(this);
                } else {
                    scene.removePostLayoutPulseListener(this);
                }
                action.run();
            }
        };
        if (beforeCss) {
            scene.addPreLayoutPulseListener(once);
        } else {
            scene.addPostLayoutPulseListener(once);
        }
    }

    /**
     * Runs {@code action} once at the end of the layout of the first frame after {@code rows}
     * changed, from now on (the change may come in this frame or a later one).
     */
    private static void onceRowsChangedAndLaidOut(Scene scene, javafx.collections.ObservableList<?> rows, Runnable action) {
        boolean[] changed = {false};
        javafx.collections.ListChangeListener<Object> onChange = c -> changed[0] = true;
        rows.addListener(onChange);
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                if (changed[0]) {
                    scene.removePostLayoutPulseListener(this);
                    rows.removeListener(onChange);
                    action.run();
                }
            }
        });
    }

    /** Types {@code text} into the search {@link #TYPING_INTERVAL_MS} from now; returns when the frame showing it is laid out. */
    private static Keystroke keystroke(Stage stage, TextField search, String text,
            java.util.concurrent.ScheduledExecutorService typist) throws Exception {
        return onUiTimed(stage, () -> search.setText(text), typist);
    }

    /**
     * Does {@code action} on the UI thread {@link #TYPING_INTERVAL_MS} from now, as a key or click
     * the user makes; returns when the frame showing its result is laid out.
     */
    private static Keystroke onUiTimed(Stage stage, Runnable action,
            java.util.concurrent.ScheduledExecutorService typist) throws Exception {
        CountDownLatch laidOut = new CountDownLatch(1);
        long[] t = new long[8];
        Runnable act = () -> {
            // the frame that shows the action: its CSS pass starts after the pre-layout listeners
            onceInNextFrame(stage.getScene(), true, () -> {
                t[2] = System.nanoTime();
                t[6] = THREADS.getCurrentThreadCpuTime();
            });
            onceInNextFrame(stage.getScene(), false, () -> {
                t[3] = System.nanoTime();
                t[7] = THREADS.getCurrentThreadCpuTime();
                laidOut.countDown();
            });
            t[4] = THREADS.getCurrentThreadCpuTime();
            t[0] = System.nanoTime();
            action.run();
            t[1] = System.nanoTime();
            t[5] = THREADS.getCurrentThreadCpuTime();
        };
        typist.schedule(() -> Platform.runLater(act), TYPING_INTERVAL_MS, TimeUnit.MILLISECONDS);
        if (!laidOut.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no frame after a key or click");
        }
        return new Keystroke(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]);
    }

    /** One line: {@code title key=median key=median ...} (ms). */
    private static void printMedians(String title, java.util.Map<String, List<Long>> nanosByKey) {
        StringBuilder line = new StringBuilder(title);
        nanosByKey.forEach((key, nanos) -> line.append(' ').append(key).append('=').append(percentileMs(nanos, 0.5)));
        System.out.println(line);
    }

    static double percentileMs(List<Long> nanos, double p) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(Long::compare);
        return round(sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * p) - 1)) / 1e6);
    }

    /** CPU time so far of each live thread, by name. */
    private static java.util.Map<String, Long> threadCpu() {
        java.util.Map<String, Long> cpu = new java.util.HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            cpu.merge(t.getName(), Math.max(0, THREADS.getThreadCpuTime(t.getId())), Long::sum);
        }
        return cpu;
    }

    /** Which threads used the CPU during a phase (to tell the UI thread's work from what competes with it). */
    private static void printBusiestThreads(String phase, java.util.Map<String, Long> before, java.util.Map<String, Long> after) {
        StringBuilder sb = new StringBuilder("busiest threads in the " + phase + " (CPU ms):");
        after.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1_000_000))
                .filter(e -> e.getValue() > 0)
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(6)
                .forEach(e -> sb.append(' ').append(e.getKey()).append('=').append(e.getValue()));
        System.out.println(sb);
    }

    /** The threads that make, read and turn pages into rows while listing (kernel names). */
    private static final List<String> BACKGROUND = List.of("sandbox-http", "flanks-list", "console-bg");

    /**
     * How long, so far, the live threads whose kernel name starts with one of {@code prefixes}
     * were runnable but waited for a core (ns, the second figure of Linux schedstat); 0 without /proc.
     */
    private static long waitForCoreOf(List<String> prefixes) {
        long sum = 0;
        for (Map.Entry<Path, String> t : FrameGaps.threadSchedstats().entrySet()) {
            if (prefixes.stream().anyMatch(t.getValue()::startsWith)) {
                sum += FrameGaps.schedstat(t.getKey(), 1);
            }
        }
        return sum;
    }

    /** CPU time so far of the live threads whose name starts with {@code prefix}. */
    private static long cpuOf(String prefix) {
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix)) {
                sum += Math.max(0, THREADS.getThreadCpuTime(t.getId()));
            }
        }
        return sum;
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

    /** The console's window content as a scene, styled as the console styles it. */
    static Scene consoleScene(javafx.scene.Parent root) {
        Scene scene = new Scene(root, 1400, 850);
        scene.getStylesheets().add(ConsoleBenchmark.class.getResource("/css/app.css").toExternalForm());
        return scene;
    }

    static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }

}
