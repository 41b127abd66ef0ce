package io.flanks.console.bench;

import io.flanks.console.api.ApiException;
import io.flanks.console.api.ApiParser;
import io.flanks.console.api.CredentialItem;
import io.flanks.console.api.CredentialStatus;
import io.flanks.console.api.ListPage;
import io.flanks.console.credentials.CredentialRow;
import io.flanks.console.credentials.HealthClassifier;
import io.flanks.console.sandbox.SandboxConfig;
import io.flanks.console.sandbox.SandboxServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH micro-benchmarks for the code under the list and the search box: the parser, the health
 * classifier and the search predicate. All input is what the embedded sandbox sends (seed 42),
 * fetched over HTTP once per fork. Run as the {@code jmh} phase of {@link ConsoleBenchmark}:
 * {@code mvn -B -Pbench test -Dbench.only=jmh}.
 *
 * <p>One fork per benchmark (a fresh JIT profile each), 3 warm-up (the parsers more) and 5
 * measured iterations of 1 s: about 75 s in all. The forked JVM gets Surefire's {@code java.class.path}, a
 * manifest-only jar whose Class-Path names target/test-classes and every test dependency.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MicroBenchmarks {
    static final int MIX = 1_000;
    static final int ROWS = 100_000;

    /** One list page of 100 and one status document, as bodies. */
    @State(Scope.Benchmark)
    public static class Bodies {
        final ApiParser parser = new ApiParser();
        String page100;
        byte[] page100Bytes;
        String status;

        @Setup
        public void fetch() throws Exception {
            try (Sandbox s = new Sandbox(SandboxConfig.defaults())) {
                page100 = s.listPage(1);
                page100Bytes = page100.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                status = s.status(parser.listPage(page100, 1).items().get(0).credentialsToken());
            }
        }
    }

    /** The sandbox's mix of statuses (about 78% healthy, the rest pending, blocked, SCA, ...). */
    @State(Scope.Benchmark)
    public static class Statuses {
        CredentialStatus[] mix;

        @Setup
        public void fetch() throws Exception {
            mix = Sandbox.items(MIX).stream().map(CredentialItem::status).toArray(CredentialStatus[]::new);
        }
    }

    /**
     * 100,000 rows and two needles: {@code user-12} (the UI filter figure's last keystroke,
     * about 0.1% of rows) and {@code u} (its first, about 70%: user-, cust-, unicaja).
     */
    @State(Scope.Benchmark)
    public static class Rows {
        CredentialRow[] rows;
        String few = "user-12";
        String most = "u";

        @Setup
        public void fetch() throws Exception {
            long t0 = System.nanoTime();
            rows = Sandbox.items(ROWS).stream().map(CredentialRow::new).toArray(CredentialRow[]::new);
            System.out.printf("%d rows in %d ms; '%s' matches %d, '%s' matches %d%n", rows.length,
                    (System.nanoTime() - t0) / 1_000_000, few, count(rows, few), most, count(rows, most));
        }
    }

    /** Jackson, dates and flags make a lot of code for the JIT: it settles after 4 to 8 s here. */
    @Benchmark
    @Warmup(iterations = 8, time = 1)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ListPage parsePage100(Bodies b) throws ApiException.Malformed {
        return b.parser.listPage(b.page100, 1);
    }

    /** The same page as the client reads it: from the bytes that came, not decoded first. */
    @Benchmark
    @Warmup(iterations = 8, time = 1)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ListPage parsePage100Bytes(Bodies b) throws ApiException.Malformed {
        return b.parser.listPage(b.page100Bytes, 1);
    }

    @Benchmark
    @Warmup(iterations = 5, time = 1)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public CredentialStatus parseStatus(Bodies b) throws ApiException.Malformed {
        return b.parser.status(b.status);
    }

    /** Per status. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(MIX)
    public int classify(Statuses s) {
        int sum = 0;
        for (CredentialStatus st : s.mix) {
            sum += HealthClassifier.classify(st).ordinal();
        }
        return sum;
    }

    /** Per pass over all rows. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int filter100kRowsFewMatches(Rows r) {
        return count(r.rows, r.few);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int filter100kRowsMostMatches(Rows r) {
        return count(r.rows, r.most);
    }

    private static int count(CredentialRow[] rows, String needle) {
        int n = 0;
        for (CredentialRow row : rows) {
            if (row.matches(needle)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Runs every benchmark above and puts each score into {@code results} as
     * {@code jmh<Name><Unit>} (e.g. {@code jmhParsePage100Us}) with its 99.9% error beside it;
     * {@code -Dbench.jmh=<regex>} runs only those whose name it finds.
     */
    public static void run(Map<String, Object> results) throws RunnerException {
        for (RunResult r : new Runner(new OptionsBuilder()
                // -Dbench.jmh=parsePage: only the benchmarks whose name matches
                .include(Pattern.quote(MicroBenchmarks.class.getName()) + "\\..*(" + System.getProperty("bench.jmh", "") + ")")
                .build()).run()) {
            String method = r.getParams().getBenchmark().substring(MicroBenchmarks.class.getName().length() + 1);
            Result<?> score = r.getPrimaryResult();
            String key = "jmh" + Character.toUpperCase(method.charAt(0)) + method.substring(1)
                    + (score.getScoreUnit().startsWith("ns") ? "Ns" : score.getScoreUnit().startsWith("us") ? "Us" : "Ms");
            results.put(key, round(score.getScore()));
            if (Double.isFinite(score.getScoreError())) { // NaN with fewer than 2 iterations
                results.put(key + "Error", round(score.getScoreError()));
            }
        }
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }

    /** The embedded sandbox and a token for it; bodies come back exactly as sent. */
    private static final class Sandbox implements AutoCloseable {
        private final SandboxServer server;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private String token;

        Sandbox(SandboxConfig config) throws Exception {
            server = SandboxServer.start(config);
            Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(post("/v0/token",
                    "{\"client_id\":\"sandbox-client\",\"client_secret\":\"sandbox-secret\",\"grant_type\":\"client_credentials\"}"));
            if (!m.find()) {
                throw new IllegalStateException("no access token from the sandbox");
            }
            token = m.group(1);
        }

        /** The first {@code n} credentials as the parser reads them, in pages of 1,000. */
        static List<CredentialItem> items(int n) throws Exception {
            ApiParser parser = new ApiParser();
            List<CredentialItem> items = new ArrayList<>(n);
            try (Sandbox s = new Sandbox(SandboxConfig.defaults().withCredentials(n).withPageSize(1_000))) {
                for (int p = 1; items.size() < n; p++) {
                    items.addAll(parser.listPage(s.listPage(p), p).items());
                }
            }
            return items;
        }

        String listPage(int page) throws Exception {
            return post("/v0/bank/credentials/list", "{\"page\":" + page + "}");
        }

        String status(String credentialsToken) throws Exception {
            return post("/v0/bank/credentials/status", "{\"credentials_token\":\"" + credentialsToken + "\"}");
        }

        private String post(String path, String json) throws Exception {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            if (token != null) {
                req.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + ": HTTP " + r.statusCode() + " " + r.body());
            }
            return r.body();
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
