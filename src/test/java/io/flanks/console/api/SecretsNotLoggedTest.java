package io.flanks.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The client secret and the access token never reach a log line, at any level. */
class SecretsNotLoggedTest extends ClientTestBase {
    private static final String SECRET = "S3cr3t-client-secret-7f9a2b";
    private static final String ACCESS_TOKEN = "eyJhbGciOi.access-token-body.Zk9xQ2";
    private static final String RENEWED_TOKEN = "eyJhbGciOi.renewed-token-body.Pq7wE1";

    private ListAppender<ILoggingEvent> appender;
    private Logger root;
    private Logger console;
    private Level consoleLevelBefore;

    @BeforeEach
    void attachAppender() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        console = (Logger) LoggerFactory.getLogger("io.flanks.console");
        consoleLevelBefore = console.getLevel();
        console.setLevel(Level.DEBUG);
        appender = new ListAppender<>();
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
        if (!console.isAdditive()) { // a config that cuts io.flanks.console off the root must not hide events
            console.addAppender(appender);
        }
    }

    @AfterEach
    void detachAppender() {
        root.detachAppender(appender);
        console.detachAppender(appender);
        appender.stop();
        console.setLevel(consoleLevelBefore);
    }

    @Test
    void environmentToStringHidesTheSecret() {
        Environment env = new Environment("prod", Environment.PRODUCTION_URL, "client-1", SECRET);

        assertThat(env.toString()).doesNotContain(SECRET).contains("client-1").contains("api.flanks.io");
        assertThat(env.clientSecret()).isEqualTo(SECRET);
    }

    @Test
    void tokenStatusAndFailureFlowsLogNeitherSecretNorToken() throws Exception {
        FlanksClient c = new FlanksClient(new Environment("test", server.url("/").toString(), CLIENT_ID, SECRET),
                FlanksClient.defaultHttp().newBuilder().readTimeout(READ_TIMEOUT).build(),
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(5), sleeper), clock);
        try (c) {
            // token retried once, then a status, a 401 renewal, server errors, a bad list, a refused token
            script.on("POST", TOKEN, json(500, "{\"error\": \"Internal Error\"}"), tokenResponse(ACCESS_TOKEN, 3600),
                    tokenResponse(RENEWED_TOKEN, 3600));
            script.on("POST", STATUS, ok(STATUS_BODY), json(401, "{\"error\": \"invalid_token\"}"), ok(STATUS_BODY),
                    json(500, "{\"error\": \"Internal Error\"}"));
            script.on("POST", LIST, ok("{\"items\": [{\"credentials_token\": \"ct-aaaa-bbbb-cccc\"},"
                    + " {\"credentials_token\": \"ct-aaaa-bbbb-cccc\"}, 5]}"));
            script.on("PUT", STATUS, new MockResponse.Builder().code(200).body("{\"sca_token\": \"s\"}")
                    .headersDelay(READ_TIMEOUT.toMillis() * 2, java.util.concurrent.TimeUnit.MILLISECONDS).build());

            c.status("ct-1");                 // token (500 then 200) + status
            c.status("ct-1");                 // 401 -> renewal -> retry
            assertThatThrownBy(() -> c.status("ct-1")).isInstanceOf(ApiException.ServerError.class);
            c.listAll(null);                  // duplicate + skipped item warnings
            assertThatThrownBy(() -> c.force("ct-1", ForceKind.SCA)).isInstanceOf(ApiException.Network.class);

            // the secret really went to the server, so the test would see it if it were logged
            assertThat(bodyOf(tokenRequests().get(0))).contains(SECRET);
            assertThat(bearer(requests("POST", STATUS).get(1))).isEqualTo("Bearer " + ACCESS_TOKEN);
            assertThat(bearer(requests("POST", STATUS).get(2))).isEqualTo("Bearer " + RENEWED_TOKEN);

            script.on("POST", TOKEN, json(403, "{\"error\": \"access_denied\"}"));
            assertThatThrownBy(c::testConnection).isInstanceOf(ApiException.AccessDenied.class)
                    .satisfies(e -> assertThat(e.getMessage() + ((ApiException) e).details()).doesNotContain(SECRET));
        }

        List<ILoggingEvent> events = appender.list;
        assertThat(events).as("the flow was logged at all").isNotEmpty();
        assertThat(events).anyMatch(e -> e.getLevel() == Level.DEBUG);
        assertThat(events).anyMatch(e -> e.getLevel() == Level.WARN);
        for (ILoggingEvent e : events) {
            String everything = render(e);
            assertThat(everything).as("log event %s", e.getFormattedMessage())
                    .doesNotContain(SECRET)
                    .doesNotContain(ACCESS_TOKEN)
                    .doesNotContain(RENEWED_TOKEN);
        }
    }

    /** Message, formatted message, arguments, MDC and the whole throwable chain of an event. */
    private static String render(ILoggingEvent e) {
        List<String> parts = new ArrayList<>();
        parts.add(e.getMessage());
        parts.add(e.getFormattedMessage());
        if (e.getArgumentArray() != null) {
            for (Object a : e.getArgumentArray()) {
                parts.add(String.valueOf(a));
            }
        }
        parts.add(String.valueOf(e.getMDCPropertyMap()));
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            parts.add(t.getClassName() + ": " + t.getMessage());
            for (StackTraceElementProxy s : t.getStackTraceElementProxyArray()) {
                parts.add(s.getSTEAsString());
            }
        }
        return String.join("\n", parts);
    }
}
