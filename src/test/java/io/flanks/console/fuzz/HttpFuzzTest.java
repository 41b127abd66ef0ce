package io.flanks.console.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.flanks.console.api.ApiException;
import io.flanks.console.api.Backoff;
import io.flanks.console.api.Environment;
import io.flanks.console.api.FlanksClient;
import io.flanks.console.api.ForceKind;
import io.flanks.console.common.ErrorMessages;
import io.flanks.console.common.I18n;
import io.flanks.console.faults.ApiScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Mutated documents through the whole HTTP path: MockWebServer sends the bytes (invalid UTF-8
 * included, chunked or not, gzip or not), FlanksClient reads them under its body cap and parses.
 * A 200 answer may succeed or be Malformed (never retried), nothing else. Bodies over
 * {@link FlanksClient#MAX_BODY_BYTES}, plain or as a gzip bomb, end as Malformed or Network,
 * never as an OutOfMemoryError.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpFuzzTest {
    static final long MASTER_SEED = Long.getLong("fuzz.seed", 0x5EED_F1A7L);
    static final int CASES = Integer.getInteger("fuzz.httpCases", 300);

    private MockWebServer server;
    private final ApiScript script = new ApiScript();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private String baseUrl;
    private FlanksClient client;

    @BeforeAll
    void start() throws Exception {
        I18n.use(Locale.ENGLISH);
        Seeds.get();
        server = ApiScript.serve(script);
        Quiet.parserWarnings(true);
        baseUrl = "http://127.0.0.1:" + server.getPort();
    }

    @AfterAll
    void stop() {
        Quiet.parserWarnings(false);
        server.close();
    }

    @BeforeEach
    void newClient() {
        script.reset();
        sleeps.clear();
        client = new FlanksClient(new Environment("fuzz", baseUrl, "http-fuzz-id", "http-fuzz-client-secret"),
                FlanksClient.defaultHttp().newBuilder().readTimeout(Duration.ofSeconds(5)).build(),
                new Backoff(Duration.ofMillis(1), Duration.ofSeconds(5), sleeps::add), Clock.systemUTC());
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private enum Call {
        STATUS("POST", ApiScript.STATUS, Seeds.Kind.STATUS),
        LIST("POST", ApiScript.LIST, Seeds.Kind.LIST),
        BANKS("GET", ApiScript.BANKS, Seeds.Kind.BANKS),
        FORCE("PUT", ApiScript.STATUS, Seeds.Kind.FORCE);

        final String method;
        final String path;
        final Seeds.Kind kind;

        Call(String method, String path, Seeds.Kind kind) {
            this.method = method;
            this.path = path;
            this.kind = kind;
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void mutatedBodiesOverHttpSucceedOrAreMalformedAndAreNeverRetried() throws Exception {
        int succeeded = 0;
        int malformed = 0;
        client.accessToken();
        for (int i = 0; i < CASES; i++) {
            long docSeed = MASTER_SEED * 7_919L + i;
            JsonMutator m = new JsonMutator(docSeed);
            Random rnd = m.random();
            Call call = Call.values()[rnd.nextInt(Call.values().length)];
            List<Seeds.Seed> pool = rnd.nextInt(5) == 0 ? Seeds.get() : Seeds.of(call.kind);
            Seeds.Seed seed = pool.get(rnd.nextInt(pool.size()));
            byte[] body = m.mutateBytes(seed.tree());
            MockResponse response = response(body, rnd);
            long before = script.count(call.method, call.path);
            script.on(call.method, call.path, response);
            try {
                switch (call) {
                    case STATUS -> client.status("ct-1");
                    case LIST -> client.listPage(1);
                    case BANKS -> client.banks();
                    case FORCE -> client.force("ct-1", ForceKind.values()[rnd.nextInt(3)]);
                }
                succeeded++;
            } catch (ApiException.Malformed e) {
                malformed++;
                assertThat(ErrorMessages.of(e).summary()).isEqualTo(I18n.tr("error.malformed"));
                assertThat(e.details().length()).isLessThanOrEqualTo(501);
            } catch (Throwable t) {
                fail(call + " on document seed " + docSeed + " (mutations " + m.applied + ", " + body.length
                        + " bytes): " + snippet(body) + "\nescaped: " + ParserFuzzTest.stack(t));
            }
            assertThat(script.count(call.method, call.path) - before)
                    .as("seed %d: a 200 is read once, whatever its body", docSeed).isEqualTo(1);
        }
        assertThat(sleeps).as("nothing was retried").isEmpty();
        assertThat(script.count("POST", ApiScript.TOKEN)).isEqualTo(1);
        System.out.printf(Locale.ROOT, "HTTP fuzz: %d responses, %.1f%% parsed, %.1f%% Malformed%n", CASES,
                100.0 * succeeded / CASES, 100.0 * malformed / CASES);
        assertThat(succeeded).isPositive();
        assertThat(malformed).isPositive();
    }

    private static MockResponse response(byte[] body, Random rnd) throws IOException {
        MockResponse.Builder b = new MockResponse.Builder().code(200);
        String[] types = {"application/json", "application/json; charset=utf-8", "text/html", "text/plain; charset=ISO-8859-1", null};
        String type = types[rnd.nextInt(types.length)];
        if (type != null) {
            b.addHeader("Content-Type", type);
        }
        switch (rnd.nextInt(4)) {
            case 0 -> b.chunkedBody(new Buffer().write(body), 256 + rnd.nextInt(8192));
            case 1 -> b.addHeader("Content-Encoding", "gzip").body(new Buffer().write(gzip(body)));
            default -> b.body(new Buffer().write(body));
        }
        return b.build();
    }

    // ---- the body cap ------------------------------------------------------------------------

    /*
     * The oversized bodies below are valid JSON once read whole (a small document padded with
     * whitespace), so a client without a working cap would accept them: only the cap makes these
     * tests pass.
     */

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aBodyOverTheCapIsMalformedOrNetworkNotAnOutOfMemoryError() {
        long size = FlanksClient.MAX_BODY_BYTES + 1024 * 1024;
        script.on("POST", ApiScript.STATUS, new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "application/json")
                .body(new Padded("{\"pending\": false,", "\"blocked\": false}", size)).build());

        ApiException e = capOutcome(() -> client.status("ct-1"));
        long sends = script.count("POST", ApiScript.STATUS);
        assertThat(sends).isEqualTo(e instanceof ApiException.Network ? FlanksClient.MAX_TRIES : 1);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aChunkedBodyOverTheCapIsAlsoCut() {
        Buffer body = new Buffer().writeUtf8("[");
        byte[] spaces = new byte[64 * 1024];
        java.util.Arrays.fill(spaces, (byte) ' ');
        while (body.size() < FlanksClient.MAX_BODY_BYTES + 1024 * 1024) {
            body.write(spaces);
        }
        body.writeUtf8("]");
        script.on("GET", ApiScript.BANKS, new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "application/json").chunkedBody(body, 256 * 1024).build());

        capOutcome(() -> client.banks());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aGzipBombIsCutAtTheCapAfterDecompression() throws Exception {
        // ~40 KB on the wire, 40 MB once inflated
        byte[] inflated = new byte[40 * 1024 * 1024];
        java.util.Arrays.fill(inflated, (byte) ' ');
        inflated[0] = '[';
        inflated[inflated.length - 1] = ']';
        byte[] bomb = gzip(inflated);
        assertThat(bomb.length).isLessThan(200_000);
        script.on("POST", ApiScript.LIST, new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "application/json").addHeader("Content-Encoding", "gzip")
                .body(new Buffer().write(bomb)).build());

        capOutcome(() -> client.listPage(1));
    }

    @Test
    void aSmallPaddedBodyUnderTheCapIsRead() throws Exception {
        // the control: the same padding under the cap parses
        script.on("POST", ApiScript.STATUS, new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "application/json")
                .body(new Padded("{\"pending\": false,", "\"blocked\": false}", 4 * 1024 * 1024)).build());

        assertThat(client.status("ct-1").blocked()).isFalse();
    }

    @FunctionalInterface
    interface ApiCall {
        void run() throws ApiException;
    }

    private static ApiException capOutcome(ApiCall call) {
        try {
            call.run();
        } catch (ApiException.Malformed | ApiException.Network e) {
            assertThat(ErrorMessages.of(e).summary()).doesNotContain("Exception").isNotBlank();
            return e;
        } catch (Throwable t) {
            fail("a body over the cap must end as Malformed or Network, got " + ParserFuzzTest.stack(t));
        }
        fail("a body over the cap must not be accepted");
        return null;
    }

    /** {@code head}, whitespace, {@code tail}: exactly {@code size} bytes, written in 64 KB slices, never held whole. */
    private static final class Padded implements MockResponseBody {
        private final String head;
        private final String tail;
        private final long size;

        Padded(String head, String tail, long size) {
            this.head = head;
            this.tail = tail;
            this.size = size;
        }

        @Override
        public long getContentLength() {
            return size;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            byte[] slice = new byte[64 * 1024];
            java.util.Arrays.fill(slice, (byte) ' ');
            sink.writeUtf8(head);
            long left = size - head.length() - tail.length();
            while (left > 0) {
                int n = (int) Math.min(slice.length, left);
                sink.write(slice, 0, n);
                left -= n;
            }
            sink.writeUtf8(tail);
            sink.flush();
        }
    }

    private static byte[] gzip(byte[] b) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }

    private static String snippet(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        return s.replace("\u0000", "\\u0000");
    }
}
