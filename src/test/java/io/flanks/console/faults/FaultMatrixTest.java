package io.flanks.console.faults;

import static io.flanks.console.faults.ApiScript.LIST;
import static io.flanks.console.faults.ApiScript.STATUS;
import static io.flanks.console.faults.ApiScript.TOKEN;
import static io.flanks.console.faults.ApiScript.bearer;
import static io.flanks.console.faults.ApiScript.bodyOf;
import static io.flanks.console.faults.ApiScript.json;
import static io.flanks.console.faults.ApiScript.ok;
import static io.flanks.console.faults.ApiScript.typed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flanks.console.api.ApiException;
import io.flanks.console.api.Backoff;
import io.flanks.console.api.Bank;
import io.flanks.console.api.CredentialItem;
import io.flanks.console.api.CredentialStatus;
import io.flanks.console.api.Environment;
import io.flanks.console.api.FlanksClient;
import io.flanks.console.api.ForceKind;
import io.flanks.console.api.ForceResult;
import io.flanks.console.common.ErrorMessages;
import io.flanks.console.common.I18n;
import io.flanks.console.credentials.Health;
import io.flanks.console.credentials.HealthClassifier;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint x every fault, against one MockWebServer (and loopback-only connect faults, see
 * {@link LoopbackFaults}). The table {@link #MATRIX} below is the specification: one row per
 * fault, one column per endpoint, each cell the expected outcome (the exact ApiException subtype
 * and how many sends reach the faulted route, or a liberal success and what it reads) or N/A.
 *
 * <p>Beyond each cell, every case checks the policy invariants: no exception outside the
 * ApiException set escapes; ErrorMessages gives one plain summary (the one for that subtype, no
 * "Exception", no stack text) with details; a retryable read failure costs exactly
 * {@value FlanksClient#MAX_TRIES} sends and MAX_TRIES - 1 back-off pauses (recorded, never slept);
 * a write (force, delete) is sent exactly once, twice only for the 401-then-renew case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultMatrixTest {

    /** Where redirects point. */
    static final String MOVED = "/moved";

    // ==== endpoints (the columns) ===========================================================

    enum Endpoint {
        TOKEN("POST", ApiScript.TOKEN, true),
        LIST("POST", ApiScript.LIST, true),
        STATUS("POST", ApiScript.STATUS, true),
        FORCE("PUT", ApiScript.STATUS, false),
        DELETE("DELETE", ApiScript.CREDENTIALS, false),
        BANKS("GET", ApiScript.BANKS, true);

        final String method;
        final String path;
        final boolean read;

        Endpoint(String method, String path, boolean read) {
            this.method = method;
            this.path = path;
            this.read = read;
        }
    }

    // ==== outcomes (the cells) ==============================================================

    /** What the client sends where the fault is, for this fault. */
    enum Sends { AT_ENDPOINT, CONNECTS, TOKEN_CALLS, PAGE_3 }

    @FunctionalInterface
    interface Check {
        void verify(Object resultOrError, Rig rig) throws Exception;
    }

    record Outcome(Class<? extends ApiException> error, int sends, Check check) {
        @Override
        public String toString() {
            return (error == null ? "success" : error.getSimpleName()) + " after " + sends + " send(s)";
        }
    }

    static final Class<ApiException.ServerError> SERVER = ApiException.ServerError.class;
    static final Class<ApiException.RateLimited> RATE = ApiException.RateLimited.class;
    static final Class<ApiException.Network> NET = ApiException.Network.class;
    static final Class<ApiException.Malformed> BAD = ApiException.Malformed.class;
    static final Class<ApiException.Unauthorized> UNAUTH = ApiException.Unauthorized.class;
    static final Class<ApiException.AccessDenied> DENIED = ApiException.AccessDenied.class;
    static final Outcome NA = null;

    static Outcome fails(Class<? extends ApiException> type, int sends) {
        return new Outcome(type, sends, (r, rig) -> { });
    }

    static Outcome fails(Class<? extends ApiException> type, int sends, Check check) {
        return new Outcome(type, sends, check);
    }

    static Outcome pass(int sends, Check check) {
        return new Outcome(null, sends, check);
    }

    // ==== faults (the rows) =================================================================

    @FunctionalInterface
    interface Installer {
        void install(Endpoint ep, Rig rig) throws Exception;
    }

    enum Fault {
        HTTP_500_JSON("500 + JSON body", 500, "Internal Error", (ep, rig) -> rig.answer(ep, serverError(500, "json"))),
        HTTP_500_HTML("500 + HTML body", 500, "<title>500", (ep, rig) -> rig.answer(ep, serverError(500, "html"))),
        HTTP_500_EMPTY("500 + empty body", 500, "(empty body)", (ep, rig) -> rig.answer(ep, serverError(500, "empty"))),
        HTTP_502_JSON("502 + JSON body", 502, "Internal Error", (ep, rig) -> rig.answer(ep, serverError(502, "json"))),
        HTTP_502_HTML("502 + HTML body", 502, "502 Bad Gateway", (ep, rig) -> rig.answer(ep, serverError(502, "html"))),
        HTTP_502_EMPTY("502 + empty body", 502, "(empty body)", (ep, rig) -> rig.answer(ep, serverError(502, "empty"))),
        HTTP_503_JSON("503 + JSON body", 503, "Internal Error", (ep, rig) -> rig.answer(ep, serverError(503, "json"))),
        HTTP_503_HTML("503 + HTML body", 503, "<title>503", (ep, rig) -> rig.answer(ep, serverError(503, "html"))),
        HTTP_503_EMPTY("503 + empty body", 503, "(empty body)", (ep, rig) -> rig.answer(ep, serverError(503, "empty"))),
        HTTP_504_JSON("504 + JSON body", 504, "Internal Error", (ep, rig) -> rig.answer(ep, serverError(504, "json"))),
        HTTP_504_HTML("504 + HTML body", 504, "<title>504", (ep, rig) -> rig.answer(ep, serverError(504, "html"))),
        HTTP_504_EMPTY("504 + empty body", 504, "(empty body)", (ep, rig) -> rig.answer(ep, serverError(504, "empty"))),
        RATE_LIMITED_RETRY_AFTER("429 + Retry-After: 2", 429, "Too Many Requests",
                (ep, rig) -> rig.answer(ep, new MockResponse.Builder().code(429).addHeader("Retry-After", "2")
                        .addHeader("Content-Type", "application/json").body("{\"error\": \"Too Many Requests\"}").build())),
        RATE_LIMITED("429, no Retry-After", 429, "Too Many Requests",
                (ep, rig) -> rig.answer(ep, json(429, "{\"error\": \"Too Many Requests\"}"))),
        CONNECT_REFUSED("connection refused", 0, "Connect", (ep, rig) -> rig.divert(ep, LoopbackFaults.Mode.REFUSE)),
        CONNECT_TIMEOUT("connect timeout", 0, "imeout", (ep, rig) -> {
            rig.connectTimeout = Duration.ofMillis(200);
            rig.divert(ep, LoopbackFaults.Mode.BLACKHOLE);
        }),
        READ_TIMEOUT("read timeout", 0, "imeout", (ep, rig) -> {
            rig.readTimeout = Duration.ofMillis(300);
            rig.answer(ep, new MockResponse.Builder(ok(good(ep))).headersDelay(1200, TimeUnit.MILLISECONDS).build());
        }),
        CUT_MID_BODY("connection cut mid-body", 0, "", (ep, rig) -> rig.answer(ep, cutMidBody(padded(good(ep))))),
        NOT_JSON("200 that is not JSON", 200, "Scheduled maintenance",
                (ep, rig) -> rig.answer(ep, typed(200, "text/html", "<html><body>Scheduled maintenance</body></html>"))),
        TRUNCATED_JSON("200 with truncated JSON", 200, "", (ep, rig) -> rig.answer(ep, ok(truncated(good(ep))))),
        WRONG_SCALAR_TYPES("wrong scalar types (string for bool, number for string, bool for token)", 200, "",
                (ep, rig) -> rig.answer(ep, ok(wrongScalars(ep)))),
        WRONG_CONTAINER_TYPES("wrong container types (object for list, array for object)", 200, "",
                (ep, rig) -> rig.answer(ep, ok(wrongContainers(ep)))),
        NUMBERS_OUT_OF_RANGE("numbers out of range (1e400, 2^64, Long.MAX_VALUE, -0)", 200, "",
                (ep, rig) -> rig.answer(ep, ok(outOfRange(ep)))),
        MISSING_FIELDS("required fields missing", 200, "", (ep, rig) -> rig.answer(ep, ok(missingFields(ep)))),
        MISSING_ITEM_FIELDS("fields missing inside items", 200, "", (ep, rig) -> rig.answer(ep, ok(missingItemFields(ep)))),
        EXTRA_FIELDS("extra unknown fields", 200, "", (ep, rig) -> rig.answer(ep, ok(extraFields(ep)))),
        EMPTY_LIST("an empty list", 200, "", (ep, rig) -> rig.answer(ep, ok(ep == Endpoint.BANKS ? "[]"
                : "{\"items\": [], \"page\": 1, \"pages\": 1}"))),
        DUPLICATE_TOKENS("duplicate tokens (within a page and across pages)", 200, "",
                (ep, rig) -> rig.script.handle("POST", LIST, r -> ok(rig.requestedPage(r) == 1
                        ? page(1, 2, "ct-a", "ct-a", "ct-b") : page(2, 2, "ct-b", "ct-c")))),
        UNAUTHORIZED_ONCE("401 mid-session (token revoked elsewhere)", 401, "", (ep, rig) -> {
            rig.client().accessToken(); // the session's token: access-1, then revoked at the server
            rig.script.handle(ep.method, ep.path, r -> bearer(r).equals("Bearer access-1")
                    ? json(401, "{\"error\": \"Unauthorized\"}") : ok(good(ep)));
        }),
        UNAUTHORIZED_DURING_LISTING("401 on pages 2-4 fetched in parallel (token revoked mid-listing)", 401, "",
                (ep, rig) -> rig.script.handle("POST", LIST, r -> {
                    int p = rig.requestedPage(r);
                    return p > 1 && bearer(r).equals("Bearer access-1") ? json(401, "{\"error\": \"Unauthorized\"}")
                            : ok(page(p, 4, "ct-p" + p));
                })),
        UNAUTHORIZED_ALWAYS("401 that persists", 401, "Unauthorized",
                (ep, rig) -> rig.answer(ep, json(401, "{\"error\": \"Unauthorized\"}"))),
        TOKEN_REFUSED_403("403 on the token call", 403, "access_denied",
                (ep, rig) -> rig.script.on("POST", TOKEN, json(403, "{\"error\": \"access_denied\"}"))),
        REDIRECT_307("307 redirect (would re-send method and body, secret included)", 307, "HTTP 307",
                (ep, rig) -> rig.redirect(ep, 307, ok(good(ep)))),
        REDIRECT_302("302 redirect to a sign-in page (would turn into a GET)", 302, "HTTP 302",
                (ep, rig) -> rig.redirect(ep, 302, typed(200, "text/html", "<html><body>Sign in</body></html>"))),
        PAGE_FAILS_AFTER_OTHERS("list page 3 of 4 fails after pages 1-2 succeeded", 500, "Internal Error",
                (ep, rig) -> rig.script.handle("POST", LIST, r -> {
                    int p = rig.requestedPage(r);
                    return p == 3 ? json(500, "{\"error\": \"Internal Error\"}") : ok(page(p, 4, "ct-p" + p));
                }));

        final String label;
        final int httpStatus;
        final String detailsContain;
        final Installer installer;

        Fault(String label, int httpStatus, String detailsContain, Installer installer) {
            this.label = label;
            this.httpStatus = httpStatus;
            this.detailsContain = detailsContain;
            this.installer = installer;
        }

        Sends sends() {
            return switch (this) {
                case CONNECT_REFUSED, CONNECT_TIMEOUT -> Sends.CONNECTS;
                case TOKEN_REFUSED_403, UNAUTHORIZED_DURING_LISTING -> Sends.TOKEN_CALLS;
                case PAGE_FAILS_AFTER_OTHERS -> Sends.PAGE_3;
                default -> Sends.AT_ENDPOINT;
            };
        }

        boolean renews() {
            return this == UNAUTHORIZED_ONCE || this == UNAUTHORIZED_ALWAYS || this == UNAUTHORIZED_DURING_LISTING;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    // ==== cell checks =======================================================================

    static final Check RA = (r, rig) -> assertThat(rig.sleeper.sleeps).as("Retry-After is honoured")
            .allMatch(d -> d.equals(Duration.ofSeconds(2)));
    static final Check NR = (r, rig) -> assertThat(rig.sleeper.sleeps).as("own back-off, no Retry-After")
            .allMatch(d -> d.compareTo(Duration.ofMillis(10)) < 0);
    static final Check NF = (r, rig) -> assertThat(rig.script.count(q -> ApiScript.path(q).equals(MOVED)))
            .as("the redirect was not followed").isZero();
    static final Check TOK_BIG = (r, rig) -> assertThat(r).isEqualTo("big-1");
    static final Check FORCE_INF = (r, rig) -> assertThat(((ForceResult) r).token()).isNotBlank();
    static final Check BANKS_BIG = (r, rig) -> assertThat(r)
            .isEqualTo(List.of(new Bank("18446744073709551616", "0")));
    static final Check ST_NO_TIME = (r, rig) -> {
        CredentialStatus s = (CredentialStatus) r;
        assertThat(s.lastUpdateTimestamp()).isNull();
        assertThat(s.createdAt()).isNull();
        assertThat(s.lastUpdateInstant()).isNull();
        assertThat(s.pending()).isNull();
        assertThat(s.blocked()).isFalse();
    };
    static final Check ALL_PAGES = (r, rig) -> {
        assertThat(tokens(r)).containsExactly("ct-p1", "ct-p2", "ct-p3", "ct-p4");
        for (int p = 2; p <= 4; p++) {
            int page = p;
            // a page sent with the revoked token is sent once more with the new one; a page that started
            // after the renewal goes out once (how many raced into the 401 is up to the scheduler)
            assertThat(rig.script.count(q -> rig.requestedPage(q) == page && bearer(q).equals("Bearer access-1")))
                    .as("page %d with the revoked token", page).isLessThanOrEqualTo(1);
            assertThat(rig.script.count(q -> rig.requestedPage(q) == page && bearer(q).equals("Bearer access-2")))
                    .as("page %d with the new token", page).isEqualTo(1);
        }
    };
    static final Check DELETED = (r, rig) -> assertThat(r).isEqualTo("deleted");
    static final Check TOK_NUM = (r, rig) -> assertThat(r).isEqualTo("12345");
    static final Check TOK_EXTRA = (r, rig) -> assertThat(r).isEqualTo("extra-1");
    static final Check EMPTY = (r, rig) -> assertThat((List<?>) r).isEmpty();
    static final Check LIST_AB = (r, rig) -> assertThat(tokens(r)).containsExactly("ct-a", "ct-b");
    static final Check LIST_ABC = (r, rig) -> {
        assertThat(tokens(r)).containsExactly("ct-a", "ct-b", "ct-c");
        assertThat(rig.deliveries).containsExactly("1/2:[ct-a, ct-b]", "2/2:[ct-c]");
    };
    static final Check LIST_B = (r, rig) -> assertThat(tokens(r)).containsExactly("ct-b");
    static final Check LIST_LIB = (r, rig) -> {
        CredentialItem it = items(r).get(0);
        assertThat(it.credentialsToken()).isEqualTo("777");
        assertThat(it.externalId()).isEqualTo("5");
        assertThat(it.bank()).as("a boolean is not a bank id").isNull();
        assertThat(it.status()).isNull();
        assertThat(it.statusText()).isEqualTo("blocked");
    };
    static final Check ST_OK = (r, rig) -> {
        CredentialStatus s = (CredentialStatus) r;
        assertThat(s.name()).isEqualTo("testbank");
        assertThat(HealthClassifier.classify(s)).isEqualTo(Health.HEALTHY);
    };
    static final Check ST_LIB = (r, rig) -> {
        CredentialStatus s = (CredentialStatus) r;
        assertThat(s.pending()).isTrue();
        assertThat(s.blocked()).isFalse();
        assertThat(s.name()).isEqualTo("42");
        assertThat(s.lastUpdateTimestamp()).isEqualTo(Instant.parse("2025-01-01T10:00:00Z"));
        assertThat(s.resetToken()).as("reset_token: false means no token").isNull();
        assertThat(s.scaToken()).as("sca_token: false means no token").isNull();
        assertThat(s.errored().product().values()).containsEntry("auth", false);
        assertThat(HealthClassifier.classify(s)).isEqualTo(Health.PENDING);
    };
    static final Check ST_UNKNOWN = (r, rig) -> {
        CredentialStatus s = (CredentialStatus) r;
        assertThat(s.pending()).isNull();
        assertThat(s.blocked()).isNull();
        assertThat(HealthClassifier.classify(s)).isEqualTo(Health.UNKNOWN);
    };
    static final Check ST_FLAGS = (r, rig) -> {
        CredentialStatus s = (CredentialStatus) r;
        assertThat(s.errored().product().values()).isEmpty();
        assertThat(s.created().transactions().values()).containsOnlyKeys("account");
    };
    static final Check FORCE_NUM = (r, rig) -> assertThat(r).isEqualTo(new ForceResult(ForceKind.SCA, "987"));
    static final Check FORCE_OK = (r, rig) -> assertThat(r).isEqualTo(new ForceResult(ForceKind.SCA, "sca-1"));
    static final Check BANKS_OK = (r, rig) -> assertThat(r).isEqualTo(List.of(new Bank("testbank", "TestBank")));
    static final Check BANKS_ID = (r, rig) -> assertThat(r).isEqualTo(List.of(new Bank("testbank", "testbank")));
    static final Check BANKS_LIB = (r, rig) -> assertThat(r)
            .as("a number id is read as text; a boolean is not a name")
            .isEqualTo(List.of(new Bank("7", "7"), new Bank("plainbank", "plainbank")));
    static final Check RENEWED = (r, rig) -> {
        List<String> bearers = rig.endpointRequests().stream().map(ApiScript::bearer).toList();
        assertThat(bearers).containsExactly("Bearer access-1", "Bearer access-2");
    };
    static final Check UP_TO_GAP = (r, rig) -> {
        assertThat(rig.deliveries).as("nothing past the gap").containsExactly("1/4:[ct-p1]", "2/4:[ct-p2]");
    };

    @SuppressWarnings("unchecked")
    static List<CredentialItem> items(Object r) {
        return (List<CredentialItem>) r;
    }

    static List<String> tokens(Object r) {
        return items(r).stream().map(CredentialItem::credentialsToken).toList();
    }

    // ==== THE MATRIX ========================================================================

    static final Map<Fault, Outcome[]> MATRIX = new EnumMap<>(Fault.class);

    static {
        // One row per fault, one column per endpoint. A cell reads:
        //   fails(T, n[, check])  the call throws exactly ApiException.T after n sends to the faulted route
        //   pass(n, check)        the call succeeds (the liberal reading) after n sends; check says what it read
        //   NA                    the fault means nothing for that endpoint
        // SERVER = ServerError, RATE = RateLimited, NET = Network, BAD = Malformed, UNAUTH = Unauthorized,
        // DENIED = AccessDenied. "Sends" are requests at the server, or TCP connects for the connect faults
        // (nothing reaches a server then). Reads: 3 = MAX_TRIES. Writes: 1, or 2 after a 401 renewal.
        //                                    TOKEN                LIST                 STATUS               FORCE                DELETE               BANKS
        row(Fault.HTTP_500_JSON,              fails(SERVER, 3),    fails(SERVER, 3),    fails(SERVER, 3),    fails(SERVER, 1),    fails(SERVER, 1),    fails(SERVER, 3));
        row(Fault.HTTP_500_HTML,              fails(SERVER, 3),    fails(SERVER, 3),    fails(SERVER, 3),    fails(SERVER, 1),    fails(SERVER, 1),    fails(SERVER, 3));
        row(Fault.HTTP_500_EMPTY,             fails(SERVER, 3),    fails(SERVER, 3),    fails(SERVER, 3),    fails(SERVER, 1),    fails(SERVER, 1),    fails(SERVER, 3));
        row(Fault.HTTP_502_JSON,              fails(SERVER, 3),    fails(SERVER, 3),    fails(SERVER, 3),    fails(SERVER, 1),    fails(SERVER, 1),    fails(SERVER, 3));
        row(Fault.HTTP_502_HTML,              fails(SERVER, 3),    fails(SERVER, 3),    fails(SERVER, 3),    fails(SERVER, 1),    fails(SERVER, 1),    fails(SERVER, 3));
        row(Fault.HTTP_502_EMPTY,             fails(SERVER, 3),    fails(SERVER, 3),    fails(SERVER, 3),    fails(SERVER, 1),    fails(SERVER, 1),    fails(SERVER, 3));
        row(Fault.HTTP_503_JSON,              fails(SERVER, 3),    fails(SERVER, 3),    fails(SERVER, 3),    fails(SERVER, 1),    fails(SERVER, 1),    fails(SERVER, 3));
        row(Fault.HTTP_503_HTML,              fails(SERVER, 3),    fails(SERVER, 3),    fails(SERVER, 3),    fails(SERVER, 1),    fails(SERVER, 1),    fails(SERVER, 3));
        row(Fault.HTTP_503_EMPTY,             fails(SERVER, 3),    fails(SERVER, 3),    fails(SERVER, 3),    fails(SERVER, 1),    fails(SERVER, 1),    fails(SERVER, 3));
        row(Fault.HTTP_504_JSON,              fails(SERVER, 3),    fails(SERVER, 3),    fails(SERVER, 3),    fails(SERVER, 1),    fails(SERVER, 1),    fails(SERVER, 3));
        row(Fault.HTTP_504_HTML,              fails(SERVER, 3),    fails(SERVER, 3),    fails(SERVER, 3),    fails(SERVER, 1),    fails(SERVER, 1),    fails(SERVER, 3));
        row(Fault.HTTP_504_EMPTY,             fails(SERVER, 3),    fails(SERVER, 3),    fails(SERVER, 3),    fails(SERVER, 1),    fails(SERVER, 1),    fails(SERVER, 3));
        row(Fault.RATE_LIMITED_RETRY_AFTER,   fails(RATE, 3, RA),  fails(RATE, 3, RA),  fails(RATE, 3, RA),  fails(RATE, 1, RA),  fails(RATE, 1, RA),  fails(RATE, 3, RA));
        row(Fault.RATE_LIMITED,               fails(RATE, 3, NR),  fails(RATE, 3, NR),  fails(RATE, 3, NR),  fails(RATE, 1, NR),  fails(RATE, 1, NR),  fails(RATE, 3, NR));
        row(Fault.CONNECT_REFUSED,            fails(NET, 3),       fails(NET, 3),       fails(NET, 3),       fails(NET, 1),       fails(NET, 1),       fails(NET, 3));
        row(Fault.CONNECT_TIMEOUT,            fails(NET, 3),       fails(NET, 3),       fails(NET, 3),       fails(NET, 1),       fails(NET, 1),       fails(NET, 3));
        row(Fault.READ_TIMEOUT,               fails(NET, 3),       fails(NET, 3),       fails(NET, 3),       fails(NET, 1),       fails(NET, 1),       fails(NET, 3));
        row(Fault.CUT_MID_BODY,               fails(NET, 3),       fails(NET, 3),       fails(NET, 3),       fails(NET, 1),       fails(NET, 1),       fails(NET, 3));
        // a malformed 200 is deterministic: never retried. DELETE ignores its body: any 2xx is done.
        row(Fault.NOT_JSON,                   fails(BAD, 1),       fails(BAD, 1),       fails(BAD, 1),       fails(BAD, 1),       pass(1, DELETED),    fails(BAD, 1));
        row(Fault.TRUNCATED_JSON,             fails(BAD, 1),       fails(BAD, 1),       fails(BAD, 1),       fails(BAD, 1),       pass(1, DELETED),    fails(BAD, 1));
        row(Fault.WRONG_SCALAR_TYPES,         pass(1, TOK_NUM),    pass(1, LIST_LIB),   pass(1, ST_LIB),     pass(1, FORCE_NUM),  pass(1, DELETED),    pass(1, BANKS_LIB));
        row(Fault.WRONG_CONTAINER_TYPES,      fails(BAD, 1),       fails(BAD, 1),       fails(BAD, 1),       fails(BAD, 1),       pass(1, DELETED),    fails(BAD, 1));
        row(Fault.NUMBERS_OUT_OF_RANGE,       pass(1, TOK_BIG),    pass(1, LIST_AB),    pass(1, ST_NO_TIME), pass(1, FORCE_INF),  pass(1, DELETED),    pass(1, BANKS_BIG));
        row(Fault.MISSING_FIELDS,             fails(BAD, 1),       fails(BAD, 1),       pass(1, ST_UNKNOWN), fails(BAD, 1),       pass(1, DELETED),    fails(BAD, 1));
        row(Fault.MISSING_ITEM_FIELDS,        NA,                  pass(1, LIST_B),     pass(1, ST_FLAGS),   NA,                  NA,                  pass(1, BANKS_ID));
        row(Fault.EXTRA_FIELDS,               pass(1, TOK_EXTRA),  pass(1, LIST_AB),    pass(1, ST_OK),      pass(1, FORCE_OK),   pass(1, DELETED),    pass(1, BANKS_OK));
        row(Fault.EMPTY_LIST,                 NA,                  pass(1, EMPTY),      NA,                  NA,                  NA,                  pass(1, EMPTY));
        row(Fault.DUPLICATE_TOKENS,           NA,                  pass(2, LIST_ABC),   NA,                  NA,                  NA,                  NA);
        // 401: renew the token once and send once more; the token call itself is never "renewed"
        row(Fault.UNAUTHORIZED_ONCE,          NA,                  pass(2, RENEWED),    pass(2, RENEWED),    pass(2, RENEWED),    pass(2, RENEWED),    pass(2, RENEWED));
        // pages 2-4 race into the 401: sends = token calls, one renewal shared by all
        row(Fault.UNAUTHORIZED_DURING_LISTING, NA,                 pass(2, ALL_PAGES),  NA,                  NA,                  NA,                  NA);
        row(Fault.UNAUTHORIZED_ALWAYS,        fails(UNAUTH, 1),    fails(UNAUTH, 2),    fails(UNAUTH, 2),    fails(UNAUTH, 2),    fails(UNAUTH, 2),    fails(UNAUTH, 2));
        // sends = token calls; the endpoint itself is never reached
        row(Fault.TOKEN_REFUSED_403,          fails(DENIED, 1),    fails(DENIED, 1),    fails(DENIED, 1),    fails(DENIED, 1),    fails(DENIED, 1),    fails(DENIED, 1));
        // a redirect is not followed: a write would be sent twice (307) or "succeed" on a sign-in page (302),
        // and a followed token call would carry the client secret to wherever Location points
        row(Fault.REDIRECT_307,               fails(BAD, 1, NF),   fails(BAD, 1, NF),   fails(BAD, 1, NF),   fails(BAD, 1, NF),   fails(BAD, 1, NF),   fails(BAD, 1, NF));
        row(Fault.REDIRECT_302,               fails(BAD, 1, NF),   fails(BAD, 1, NF),   fails(BAD, 1, NF),   fails(BAD, 1, NF),   fails(BAD, 1, NF),   fails(BAD, 1, NF));
        // sends = requests for page 3; pages 1 and 2 were delivered before the failure
        row(Fault.PAGE_FAILS_AFTER_OTHERS,    NA,                  fails(SERVER, 3, UP_TO_GAP), NA,                 NA,                  NA,                  NA);
    }

    private static void row(Fault fault, Outcome... cells) {
        if (cells.length != Endpoint.values().length || MATRIX.put(fault, cells) != null) {
            throw new IllegalStateException("bad matrix row " + fault);
        }
    }

    // ==== bodies ============================================================================

    static final String STATUS_BODY = "{\"pending\": false, \"blocked\": false, \"reset_token\": null,"
            + " \"sca_token\": null, \"transaction_token\": null, \"name\": \"testbank\","
            + " \"last_update\": \"2025-01-01\", \"time\": \"10:00\", \"last_update_timestamp\": 1735725600,"
            + " \"created_at_timestamp\": 1735000000, \"last_transaction_date\": \"2024-12-31\","
            + " \"errored\": {\"product\": {\"auth\": false, \"account\": false}, \"transactions\": {\"account\": false}},"
            + " \"created\": {\"product\": {\"auth\": true, \"account\": true}, \"transactions\": {\"account\": true}}}";

    static String item(String token) {
        return "{\"credentials_token\": \"" + token + "\", \"external_id\": null, \"bank\": \"testbank\","
                + " \"status\": " + STATUS_BODY + "}";
    }

    static String page(int page, int pages, String... tokens) {
        return "{\"items\": [" + Arrays.stream(tokens).map(FaultMatrixTest::item).collect(Collectors.joining(", "))
                + "], \"page\": " + page + ", \"pages\": " + pages + "}";
    }

    static String good(Endpoint ep) {
        return switch (ep) {
            case TOKEN -> "{\"access_token\": \"access-x\", \"expires_in\": 3600, \"token_type\": \"Bearer\", \"scope\": \"credentials\"}";
            case LIST -> page(1, 1, "ct-a", "ct-b");
            case STATUS -> STATUS_BODY;
            case FORCE -> "{\"sca_token\": \"sca-1\"}";
            case DELETE -> "{\"message\": \"Successfully deleted\"}";
            case BANKS -> "[{\"id\": \"testbank\", \"name\": \"TestBank\"}]";
        };
    }

    static String wrongScalars(Endpoint ep) {
        return switch (ep) {
            case TOKEN -> "{\"access_token\": 12345, \"expires_in\": \"3600\", \"token_type\": true}";
            case LIST -> "{\"items\": [{\"credentials_token\": 777, \"external_id\": 5, \"bank\": true,"
                    + " \"status\": \"blocked\"}], \"page\": \"1\", \"pages\": \"1\"}";
            case STATUS -> "{\"pending\": \"true\", \"blocked\": 0, \"name\": 42, \"reset_token\": false,"
                    + " \"sca_token\": false, \"last_update_timestamp\": \"1735725600\", \"time\": 10,"
                    + " \"errored\": {\"product\": {\"auth\": \"false\", \"account\": \"maybe\"}}}";
            case FORCE -> "{\"sca_token\": 987}";
            case DELETE -> "{\"message\": 1}";
            case BANKS -> "[{\"id\": 7, \"name\": false}, \"plainbank\"]";
        };
    }

    static String wrongContainers(Endpoint ep) {
        return switch (ep) {
            case TOKEN -> "[\"access_token\", \"abc\"]";
            case LIST -> "{\"items\": {\"credentials_token\": \"ct-a\"}, \"page\": 1, \"pages\": 1}";
            case STATUS -> "[" + STATUS_BODY + "]";
            case FORCE -> "{\"sca_token\": {\"value\": \"sca-1\"}}";
            case DELETE -> "[\"Successfully deleted\"]";
            case BANKS -> "{\"items\": {\"id\": \"testbank\"}}";
        };
    }

    static String outOfRange(Endpoint ep) {
        return switch (ep) {
            case TOKEN -> "{\"access_token\": \"big-1\", \"expires_in\": 9223372036854775807}";
            case LIST -> "{\"items\": [" + item("ct-a") + ", " + item("ct-b") + "], \"page\": 1e400,"
                    + " \"pages\": 18446744073709551616}";
            case STATUS -> "{\"pending\": 1e400, \"blocked\": -0, \"last_update_timestamp\": 1e400,"
                    + " \"created_at_timestamp\": 18446744073709551616, \"last_update\": null}";
            case FORCE -> "{\"sca_token\": 1e400}";
            case DELETE -> "{\"message\": -1e400}";
            case BANKS -> "[{\"id\": 18446744073709551616, \"name\": -0}]";
        };
    }

    static String missingFields(Endpoint ep) {
        return switch (ep) {
            case TOKEN -> "{\"token_type\": \"Bearer\", \"expires_in\": 3600}";
            case LIST -> "{\"page\": 1, \"pages\": 1}";
            case STATUS -> "{}";
            case FORCE -> "{\"message\": \"Flow started\"}";
            case DELETE -> "{}";
            case BANKS -> "{\"message\": \"ok\"}";
        };
    }

    static String missingItemFields(Endpoint ep) {
        return switch (ep) {
            case LIST -> "{\"items\": [{\"bank\": \"testbank\", \"status\": " + STATUS_BODY + "}, " + item("ct-b")
                    + ", {\"credentials_token\": null}, {\"credentials_token\": \"  \"}], \"page\": 1, \"pages\": 1}";
            case STATUS -> "{\"errored\": {\"product\": {}}, \"created\": {\"transactions\": {\"account\": true}}}";
            case BANKS -> "[{\"name\": \"No id\"}, {\"id\": \"testbank\"}]";
            default -> throw new IllegalArgumentException(ep.name());
        };
    }

    static String extraFields(Endpoint ep) {
        return switch (ep) {
            case TOKEN -> "{\"access_token\": \"extra-1\", \"expires_in\": 3600, \"refresh_token\": \"r\","
                    + " \"meta\": {\"a\": [1, 2, {\"b\": null}]}}";
            case LIST -> "{\"items\": [" + item("ct-a").replace("{\"credentials_token\"", "{\"future\": {\"x\": [1]}, \"credentials_token\"")
                    + ", " + item("ct-b") + "], \"page\": 1, \"pages\": 1, \"total\": 2, \"_links\": {\"next\": null}}";
            case STATUS -> STATUS_BODY.replace("{\"pending\"", "{\"new_flag\": true, \"ext\": {\"deep\": [[]]}, \"pending\"")
                    .replace("\"transactions\": {\"account\": true}", "\"transactions\": {\"account\": true, \"cards\": true}, \"future_group\": {\"x\": true}");
            case FORCE -> "{\"sca_token\": \"sca-1\", \"expires_at\": \"2025-01-01T00:00:00Z\", \"flow\": {\"kind\": \"sca\"}}";
            case DELETE -> "{\"message\": \"Successfully deleted\", \"deleted_at\": 1735725600, \"items\": []}";
            case BANKS -> "[{\"id\": \"testbank\", \"name\": \"TestBank\", \"country\": \"ES\", \"logo\": {\"url\": null}}]";
        };
    }

    /** A real-looking body with a 4 KB pad, so a cut after the first chunk leaves it incomplete. */
    static String padded(String body) {
        String pad = "\"padding\": \"" + "p".repeat(4096) + "\", ";
        return body.startsWith("{") ? "{" + pad + body.substring(1)
                : "{\"items\": " + body + ", " + pad.substring(0, pad.length() - 2) + "}";
    }

    static String truncated(String body) {
        return body.substring(0, body.length() / 2);
    }

    static MockResponse serverError(int code, String kind) {
        return switch (kind) {
            case "json" -> json(code, "{\"error\": \"Internal Error\"}");
            case "html" -> typed(code, "text/html", "<html><head><title>" + code + " " + reason(code)
                    + "</title></head><body><center><h1>" + code + " " + reason(code)
                    + "</h1></center><hr><center>nginx</center></body></html>");
            default -> new MockResponse.Builder().code(code).build();
        };
    }

    static String reason(int code) {
        return switch (code) {
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Temporarily Unavailable";
            default -> "Gateway Time-out";
        };
    }

    static MockResponse cutMidBody(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body)
                .onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build();
    }

    // ==== the rig: one server for the class, a fresh client per case ========================

    private static final ObjectMapper M = new ObjectMapper();
    private MockWebServer server;
    private ApiScript script;
    private LoopbackFaults sockets;
    private String baseUrl;
    private OkHttpClient baseHttp;

    @BeforeAll
    void startServer() throws Exception {
        I18n.use(Locale.ENGLISH);
        script = new ApiScript();
        server = ApiScript.serve(script);
        baseUrl = "http://127.0.0.1:" + server.getPort();
        sockets = new LoopbackFaults();
        baseHttp = FlanksClient.defaultHttp().newBuilder().writeTimeout(Duration.ofSeconds(3))
                .callTimeout(Duration.ofSeconds(10)).socketFactory(sockets).build();
    }

    @AfterAll
    void stopServer() throws Exception {
        sockets.close();
        server.close();
    }

    /** Records every back-off pause and returns at once: no test waits for a back-off. */
    static final class RecordingSleeper implements Backoff.Sleeper {
        final List<Duration> sleeps = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration d) {
            sleeps.add(d);
        }
    }

    final class Rig implements AutoCloseable {
        final ApiScript script = FaultMatrixTest.this.script;
        final RecordingSleeper sleeper = new RecordingSleeper();
        final List<String> deliveries = new CopyOnWriteArrayList<>();
        Duration connectTimeout = Duration.ofSeconds(2);
        Duration readTimeout = Duration.ofSeconds(3);
        Endpoint endpoint;
        private OkHttpClient http;
        private FlanksClient client;

        FlanksClient client() {
            if (client == null) {
                // derived from one base client: a fresh pool per case, no TLS set-up per case
                http = baseHttp.newBuilder().connectTimeout(connectTimeout).readTimeout(readTimeout)
                        .connectionPool(new ConnectionPool()).dispatcher(new okhttp3.Dispatcher()).build();
                // Retry-After is capped at 5 s as in production; the sleeper never really waits
                client = new FlanksClient(new Environment("faults", baseUrl, "fault-matrix-id", "fault-matrix-client-secret"), http,
                        new Backoff(Duration.ofMillis(1), Duration.ofSeconds(5), sleeper), Clock.systemUTC());
            }
            return client;
        }

        /** The endpoint answers {@code code} with Location {@link #MOVED}; whatever method arrives there gets {@code there}. */
        void redirect(Endpoint ep, int code, MockResponse there) {
            answer(ep, new MockResponse.Builder().code(code).addHeader("Location", MOVED)
                    .addHeader("Content-Type", "text/html").body("<html>Moved</html>").build());
            for (String m : List.of("GET", "POST", "PUT", "DELETE")) {
                script.on(m, MOVED, there);
            }
        }

        void answer(Endpoint ep, MockResponse... responses) {
            script.on(ep.method, ep.path, responses);
        }

        /** From now on connects go to the refused port or the black hole; the session token is fetched first. */
        void divert(Endpoint ep, LoopbackFaults.Mode mode) throws ApiException {
            if (ep != Endpoint.TOKEN) {
                client().accessToken();
            }
            client();
            http.connectionPool().evictAll(); // a pooled connection would skip the connect
            sockets.mode(mode);
        }

        int requestedPage(RecordedRequest r) {
            try {
                return M.readTree(bodyOf(r)).get("page").asInt();
            } catch (Exception e) {
                return -1;
            }
        }

        List<RecordedRequest> endpointRequests() {
            return script.requests().stream()
                    .filter(r -> r.getMethod().equals(endpoint.method) && ApiScript.path(r).equals(endpoint.path))
                    .toList();
        }

        Object call(Endpoint ep) throws ApiException {
            FlanksClient c = client();
            return switch (ep) {
                case TOKEN -> c.accessToken();
                case LIST -> c.listAll((items, page, pages) -> deliveries.add(page + "/" + pages + ":"
                        + items.stream().map(CredentialItem::credentialsToken).toList()));
                case STATUS -> c.status("ct-1");
                case FORCE -> c.force("ct-1", ForceKind.SCA);
                case DELETE -> {
                    c.delete("ct-1");
                    yield "deleted";
                }
                case BANKS -> c.banks();
            };
        }

        @Override
        public void close() {
            sockets.reset();
            if (client != null) {
                client.close();
            }
        }
    }

    // ==== the test ==========================================================================

    static Stream<Arguments> cells() {
        List<Arguments> out = new ArrayList<>();
        for (Fault f : Fault.values()) {
            Outcome[] row = MATRIX.get(f);
            for (Endpoint ep : Endpoint.values()) {
                Outcome o = row[ep.ordinal()];
                if (o != NA) {
                    out.add(Arguments.of(ep, f, o));
                }
            }
        }
        return out.stream();
    }

    @Test
    void everyFaultHasARowAndEveryEndpointACell() {
        assertThat(MATRIX.keySet()).containsExactlyInAnyOrder(Fault.values());
        // the faults the issue requires on every endpoint are never N/A
        for (Fault f : List.of(Fault.HTTP_500_JSON, Fault.RATE_LIMITED, Fault.RATE_LIMITED_RETRY_AFTER,
                Fault.CONNECT_REFUSED, Fault.CONNECT_TIMEOUT, Fault.READ_TIMEOUT, Fault.CUT_MID_BODY, Fault.NOT_JSON,
                Fault.TRUNCATED_JSON, Fault.WRONG_SCALAR_TYPES, Fault.WRONG_CONTAINER_TYPES, Fault.MISSING_FIELDS,
                Fault.EXTRA_FIELDS, Fault.UNAUTHORIZED_ALWAYS, Fault.TOKEN_REFUSED_403, Fault.REDIRECT_307,
                Fault.REDIRECT_302)) {
            assertThat(MATRIX.get(f)).as(f.name()).doesNotContainNull();
        }
        assertThat(cells().count()).isGreaterThanOrEqualTo(160);
    }

    @ParameterizedTest(name = "{0} x {1} -> {2}")
    @MethodSource("cells")
    void endpointUnderFault(Endpoint ep, Fault fault, Outcome expected) throws Exception {
        script.reset();
        sockets.reset();
        for (Endpoint e : Endpoint.values()) {
            if (e != Endpoint.TOKEN && e != Endpoint.FORCE) { // FORCE shares STATUS's path with another method
                script.on(e.method, e.path, ok(good(e)));
            }
        }
        script.on("PUT", STATUS, ok(good(Endpoint.FORCE)));
        try (Rig rig = new Rig()) {
            rig.endpoint = ep;
            fault.installer.install(ep, rig);
            rig.client();
            long tokenCallsBefore = script.count("POST", TOKEN);
            int sleepsBefore = rig.sleeper.sleeps.size();
            assertThat(sleepsBefore).isZero();

            Object result;
            Throwable thrown = null;
            try {
                result = rig.call(ep);
            } catch (Throwable t) {
                result = null;
                thrown = t;
            }

            // ---- the outcome -----------------------------------------------------------------
            if (expected.error() == null) {
                if (thrown != null) {
                    fail("expected success for " + ep + " x " + fault + " but got " + stack(thrown));
                }
                expected.check().verify(result, rig);
            } else {
                if (thrown == null) {
                    fail("expected " + expected.error().getSimpleName() + " for " + ep + " x " + fault
                            + " but the call returned " + result);
                }
                if (!(thrown instanceof ApiException e)) {
                    fail("only ApiException may escape; got " + stack(thrown));
                    return;
                }
                assertThat(e).as(stack(e)).isExactlyInstanceOf(expected.error());
                if (fault.httpStatus > 0 && !(e instanceof ApiException.Network)) {
                    assertThat(e.httpStatus()).isEqualTo(fault.httpStatus);
                }
                if (e instanceof ApiException.Network) {
                    assertThat(e.httpStatus()).isZero();
                }
                assertPlainMessage(e);
                if (!fault.detailsContain.isEmpty()) {
                    assertThat(e.details()).contains(fault.detailsContain);
                }
                expected.check().verify(e, rig);
            }

            // ---- sends and the retry/renew policy --------------------------------------------
            long sends = switch (fault.sends()) {
                case AT_ENDPOINT -> rig.endpointRequests().size();
                case CONNECTS -> sockets.divertedConnects();
                case TOKEN_CALLS -> script.count("POST", TOKEN);
                case PAGE_3 -> script.count(r -> ApiScript.path(r).equals(LIST) && rig.requestedPage(r) == 3);
            };
            assertThat(sends).as("sends to the faulted route").isEqualTo(expected.sends());
            if (!ep.read) {
                assertThat(sends).as("a write is never re-sent (once more only after a 401)")
                        .isLessThanOrEqualTo(fault.renews() ? 2 : 1);
            }
            if (ep != Endpoint.TOKEN) {
                if (fault.sends() == Sends.CONNECTS || fault == Fault.TOKEN_REFUSED_403) {
                    assertThat(rig.endpointRequests()).as("nothing reached the endpoint").isEmpty();
                }
                long tokenCalls = script.count("POST", TOKEN);
                assertThat(tokenCalls).as("token calls").isEqualTo(fault.renews() ? 2 : 1);
            } else {
                assertThat(tokenCallsBefore).isZero();
            }
            boolean retried = thrown instanceof ApiException e && e.retryable() && ep.read;
            assertThat(rig.sleeper.sleeps).as("one back-off pause between tries, none otherwise")
                    .hasSize(retried ? (int) sends - 1 : 0);
        }
    }

    private static final Map<Class<?>, String> SUMMARY_KEYS = Map.of(
            ApiException.NotFound.class, "error.notFound",
            ApiException.Unauthorized.class, "error.unauthorized",
            ApiException.AccessDenied.class, "error.accessDenied",
            ApiException.RateLimited.class, "error.rateLimited",
            ApiException.ServerError.class, "error.server",
            ApiException.Network.class, "error.network",
            ApiException.Malformed.class, "error.malformed",
            ApiException.Rejected.class, "error.rejected");

    /** One plain sentence for people, the technical rest in details. */
    static void assertPlainMessage(ApiException e) {
        ErrorMessages.Message m = ErrorMessages.of(e);
        assertThat(m.summary()).isNotBlank()
                .isEqualTo(I18n.tr(SUMMARY_KEYS.get(e.getClass())))
                .doesNotContain("Exception", "\tat ", "java.", "io.flanks", "\n");
        assertThat(m.details()).isNotBlank().contains(e.getMessage());
        assertThat(e.getMessage()).isNotBlank().doesNotContain("Exception", "\tat ");
    }

    static String stack(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
