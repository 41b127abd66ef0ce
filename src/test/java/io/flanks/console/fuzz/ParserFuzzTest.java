package io.flanks.console.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.flanks.console.api.ApiException;
import io.flanks.console.api.ApiParser;
import io.flanks.console.api.Bank;
import io.flanks.console.api.CredentialItem;
import io.flanks.console.api.CredentialStatus;
import io.flanks.console.api.ForceKind;
import io.flanks.console.api.ForceResult;
import io.flanks.console.api.ListPage;
import io.flanks.console.common.ErrorMessages;
import io.flanks.console.common.I18n;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * At least 10,000 seeded mutations of real sandbox documents fed to every ApiParser entry point.
 * The contract: a document parses (into something sane) or fails as ApiException.Malformed;
 * nothing else escapes, and no parse takes more than {@link #MAX_PARSE}. Replay a failure with
 * {@code -Dfuzz.seed=<master seed>} (the failure names the document's own seed too).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParserFuzzTest {
    static final long MASTER_SEED = Long.getLong("fuzz.seed", 0x5EED_F1A7L);
    static final int DOCS = Integer.getInteger("fuzz.docs", 12_000);
    static final Duration MAX_PARSE = Duration.ofSeconds(2);

    enum Entry { STATUS, LIST_PAGE, BANKS, FORCE_RESULT }

    private List<Seeds.Seed> seeds;
    private final ApiParser parser = new ApiParser();
    private final Map<Entry, int[]> stats = new EnumMap<>(Entry.class); // [parsed, malformed]

    @BeforeAll
    void loadSeeds() throws Exception {
        I18n.use(Locale.ENGLISH);
        seeds = Seeds.get();
        Quiet.parserWarnings(true);
        for (Entry e : Entry.values()) {
            stats.put(e, new int[2]);
        }
    }

    @org.junit.jupiter.api.AfterAll
    void loud() {
        Quiet.parserWarnings(false);
    }

    @Test
    void theRealDocumentsParse() throws Exception {
        for (Seeds.Seed s : Seeds.of(Seeds.Kind.STATUS)) {
            assertThat(parser.status(s.text()).rawJson()).isNotBlank();
        }
        for (Seeds.Seed s : Seeds.of(Seeds.Kind.LIST)) {
            assertThat(parser.listPage(s.text(), 1).items()).hasSize(8);
        }
        assertThat(parser.banks(Seeds.of(Seeds.Kind.BANKS).get(0).text())).isNotEmpty();
        assertThat(Seeds.of(Seeds.Kind.FORCE)).hasSize(3);
        assertThat(Seeds.of(Seeds.Kind.STATUS)).anyMatch(s -> {
            try {
                CredentialStatus st = parser.status(s.text());
                return st.scaToken() != null || st.resetToken() != null || st.transactionToken() != null;
            } catch (ApiException e) {
                return false;
            }
        });
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedDocumentsParseOrAreMalformedAndNothingElse() {
        long started = System.nanoTime();
        long slowest = 0;
        long totalChars = 0;
        for (int i = 0; i < DOCS; i++) {
            long docSeed = MASTER_SEED * 1_000_003L + i;
            JsonMutator mutator = new JsonMutator(docSeed);
            Random rnd = mutator.random();
            Seeds.Seed seed = seeds.get(rnd.nextInt(seeds.size()));
            String doc = mutator.mutate(seed.tree());
            totalChars += doc.length();
            // every document goes to the parser it was derived for, and to one other
            Entry own = own(seed.kind());
            Entry other = Entry.values()[rnd.nextInt(Entry.values().length)];
            slowest = Math.max(slowest, feed(own, doc, rnd, docSeed, seed, mutator));
            if (other != own) {
                slowest = Math.max(slowest, feed(other, doc, rnd, docSeed, seed, mutator));
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "Parser fuzz: %,d documents (%,d MB of text, master seed %d) in %d ms, slowest parse %d ms%n",
                DOCS, totalChars >> 20, MASTER_SEED, took.toMillis(), TimeUnit.NANOSECONDS.toMillis(slowest)));
        int parsed = 0;
        int malformed = 0;
        for (Entry e : Entry.values()) {
            int[] s = stats.get(e);
            parsed += s[0];
            malformed += s[1];
            report.append(String.format(Locale.ROOT, "  %-12s %,6d parses: %5.1f%% parsed, %5.1f%% Malformed%n",
                    e, s[0] + s[1], 100.0 * s[0] / Math.max(1, s[0] + s[1]), 100.0 * s[1] / Math.max(1, s[0] + s[1])));
        }
        report.append(String.format(Locale.ROOT, "  all          %,6d parses: %5.1f%% parsed, %5.1f%% Malformed",
                parsed + malformed, 100.0 * parsed / (parsed + malformed), 100.0 * malformed / (parsed + malformed)));
        System.out.println(report);

        assertThat(DOCS).isGreaterThanOrEqualTo(10_000);
        assertThat(streamedPages).as("pages the streaming reader read (and the tree reader agreed)").isPositive();
        for (Entry e : Entry.values()) {
            // the fuzz reaches both sides of every parser, or it is not testing much
            assertThat(stats.get(e)[0]).as(e + " parsed").isPositive();
            assertThat(stats.get(e)[1]).as(e + " malformed").isPositive();
        }
    }

    private static Entry own(Seeds.Kind k) {
        return switch (k) {
            case STATUS -> Entry.STATUS;
            case LIST -> Entry.LIST_PAGE;
            case BANKS -> Entry.BANKS;
            case FORCE -> Entry.FORCE_RESULT;
        };
    }

    /** Parses once; returns the nanoseconds it took. */
    private long feed(Entry entry, String doc, Random rnd, long docSeed, Seeds.Seed seed, JsonMutator m) {
        int requestedPage = 1 + rnd.nextInt(3);
        ForceKind kind = ForceKind.values()[rnd.nextInt(ForceKind.values().length)];
        long t0 = System.nanoTime();
        try {
            switch (entry) {
                case STATUS -> checkStatus(parser.status(doc), true);
                case LIST_PAGE -> {
                    ListPage page = parser.listPage(doc, requestedPage);
                    checkPage(page);
                    sameAsTheTreeReader(doc, requestedPage, page);
                }
                case BANKS -> checkBanks(parser.banks(doc));
                case FORCE_RESULT -> checkForce(parser.forceResult(kind, doc), kind);
            }
            stats.get(entry)[0]++;
        } catch (ApiException.Malformed e) {
            stats.get(entry)[1]++;
            ErrorMessages.Message msg = ErrorMessages.of(e);
            if (msg.summary().isBlank() || msg.summary().contains("Exception") || e.details().length() > 501) {
                fail(describe(entry, docSeed, seed, m, doc) + "\nbad message: " + msg);
            }
        } catch (Throwable t) {
            fail(describe(entry, docSeed, seed, m, doc) + "\nescaped: " + stack(t));
        }
        long took = System.nanoTime() - t0;
        if (took > MAX_PARSE.toNanos()) {
            fail(describe(entry, docSeed, seed, m, doc) + "\ntook " + TimeUnit.NANOSECONDS.toMillis(took) + " ms");
        }
        return took;
    }

    /** A status call keeps its raw JSON; a list item's status does not. */
    private static void checkStatus(CredentialStatus s, boolean raw) {
        if (s == null || (s.rawJson() != null) != raw || s.errored() == null || s.created() == null) {
            throw new AssertionError("status not sane: " + s);
        }
        s.lastUpdateInstant(); // must not throw either
    }

    /** The streaming list reader and the tree reader agree on every page both accept. */
    private void sameAsTheTreeReader(String doc, int requestedPage, ListPage page) throws Exception {
        ListPage tree = parser.treeListPage(doc, requestedPage);
        if (!tree.equals(page)) {
            throw new AssertionError("streamed and tree pages differ:\n" + page + "\n" + tree);
        }
        // the client reads pages from the bytes that came: the same page as their text gives
        byte[] bytes = doc.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Object asText = outcome(() -> parser.listPage(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), requestedPage));
        Object fromBytes = outcome(() -> parser.listPage(bytes, requestedPage));
        if (!fromBytes.equals(asText)) {
            throw new AssertionError("pages read from bytes and from text differ:\n" + fromBytes + "\n" + asText);
        }
        ListPage streamed;
        try {
            streamed = parser.streamListPage(doc, requestedPage);
        } catch (java.io.IOException | RuntimeException e) {
            return; // left to the tree reader
        }
        if (streamed != null) {
            streamedPages++;
        }
    }

    private int streamedPages;

    /** A page, or what it was refused for: two reads agree when these are equal. */
    private static Object outcome(java.util.concurrent.Callable<ListPage> read) throws Exception {
        try {
            return read.call();
        } catch (ApiException.Malformed e) {
            return "Malformed: " + e.getMessage();
        }
    }

    private static void checkPage(ListPage p) {
        if (p == null || p.items() == null || p.page() < 1 || p.pages() < 1 || p.pages() > 10_000_000) {
            throw new AssertionError("page not sane: " + p);
        }
        for (CredentialItem it : p.items()) {
            if (it.credentialsToken() == null || it.credentialsToken().isBlank()) {
                throw new AssertionError("item without token: " + it);
            }
            if (it.status() != null) {
                checkStatus(it.status(), false);
            }
        }
    }

    private static void checkBanks(List<Bank> banks) {
        for (Bank b : banks) {
            if (b.id() == null || b.name() == null) {
                throw new AssertionError("bank not sane: " + b);
            }
        }
    }

    private static void checkForce(ForceResult r, ForceKind kind) {
        if (r.token() == null || r.kind() != kind) {
            throw new AssertionError("force result not sane: " + r);
        }
    }

    static String describe(Entry entry, long docSeed, Seeds.Seed seed, JsonMutator m, String doc) {
        String snippet = doc.length() <= 300 ? doc : doc.substring(0, 300) + "…(" + doc.length() + " chars)";
        return entry + " on document seed " + docSeed + " (from a " + seed.kind() + " seed; mutations " + m.applied
                + "): " + snippet.replace("\u0000", "\\u0000");
    }

    static String stack(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
