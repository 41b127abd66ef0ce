package io.flanks.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Access token: cached, renewed shortly before expiry and once on a 401, shared by threads. */
class FlanksClientTokenTest extends ClientTestBase {

    @Test
    void tokenIsCachedAcrossCalls() throws Exception {
        script.on("POST", STATUS, ok(STATUS_BODY));
        script.on("POST", LIST, ok("{\"items\": []}"));
        script.on("GET", BANKS, ok("[]"));

        client.status("a");
        client.listPage(1);
        client.banks();
        client.status("b");

        assertThat(tokenRequests()).hasSize(1);
        assertThat(script.requests()).filteredOn(r -> !path(r).equals(TOKEN))
                .hasSize(4)
                .allSatisfy(r -> assertThat(bearer(r)).isEqualTo("Bearer access-1"));
    }

    @Test
    void tokenIsRenewedShortlyBeforeItExpires() throws Exception {
        script.on("POST", STATUS, ok(STATUS_BODY));

        client.status("a");
        clock.advance(Duration.ofSeconds(3000)); // 10 minutes left: keep it
        client.status("a");
        assertThat(tokenRequests()).hasSize(1);

        clock.advance(Duration.ofSeconds(590)); // 10 s before expiry: renew first
        client.status("a");

        assertThat(tokenRequests()).hasSize(2);
        List<RecordedRequest> st = requests("POST", STATUS);
        assertThat(st).extracting(ClientTestBase::bearer)
                .containsExactly("Bearer access-1", "Bearer access-1", "Bearer access-2");
        assertThat(calls()).containsExactly("POST " + TOKEN, "POST " + STATUS, "POST " + STATUS,
                "POST " + TOKEN, "POST " + STATUS);
    }

    @Test
    void aShortLivedTokenIsAlsoRenewedBeforeExpiry() throws Exception {
        script.tokenTtlSeconds = 30;
        script.on("POST", STATUS, ok(STATUS_BODY));

        client.status("a");
        clock.advance(Duration.ofSeconds(20));
        client.status("a");
        assertThat(tokenRequests()).hasSize(1);

        clock.advance(Duration.ofSeconds(9)); // 1 s left
        client.status("a");
        assertThat(tokenRequests()).hasSize(2);
        assertThat(bearer(requests("POST", STATUS).get(2))).isEqualTo("Bearer access-2");
    }

    @Test
    void a401RenewsTheTokenOnceAndRetriesWithTheNewOne() throws Exception {
        script.on("POST", STATUS, json(401, "{\"error\": \"invalid_token\"}"), ok(STATUS_BODY));

        CredentialStatus st = client.status("ct-1");

        assertThat(st.name()).isEqualTo("testbank");
        assertThat(calls()).containsExactly("POST " + TOKEN, "POST " + STATUS, "POST " + TOKEN, "POST " + STATUS);
        List<RecordedRequest> sent = requests("POST", STATUS);
        assertThat(bearer(sent.get(0))).isEqualTo("Bearer access-1");
        assertThat(bearer(sent.get(1))).isEqualTo("Bearer access-2");
        assertThat(jsonBody(sent.get(1))).isEqualTo(jsonBody(sent.get(0)));
        assertThat(sleeper.sleeps).as("a 401 is not a back-off case").isEmpty();

        client.status("ct-1"); // the renewed token is now the cached one
        assertThat(tokenRequests()).hasSize(2);
        assertThat(bearer(requests("POST", STATUS).get(2))).isEqualTo("Bearer access-2");
    }

    @Test
    void aSecond401IsUnauthorizedWithoutALoop() {
        script.on("POST", STATUS, json(401, "{\"error\": \"invalid_token\"}"));

        assertThatThrownBy(() -> client.status("ct-1"))
                .isInstanceOfSatisfying(ApiException.Unauthorized.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(401));

        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(calls()).containsExactly("POST " + TOKEN, "POST " + STATUS, "POST " + TOKEN, "POST " + STATUS);
    }

    @Test
    void concurrentCallersOnAnExpiredTokenShareOneRenewal() throws Exception {
        script.on("POST", STATUS, ok(STATUS_BODY));
        client.accessToken();
        clock.advance(Duration.ofHours(2));

        int n = 8;
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<CompletableFuture<CredentialStatus>> results = new ArrayList<>();
        // hold the renewal until every other caller is parked on the client's token lock
        script.handle("POST", TOKEN, r -> {
            awaitOthersParked(threads, n - 1);
            return tokenResponse("access-" + script.tokensIssued.incrementAndGet(), 3600);
        });
        for (int i = 0; i < n; i++) {
            CompletableFuture<CredentialStatus> f = new CompletableFuture<>();
            results.add(f);
            Thread t = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    f.complete(client.status("ct"));
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                }
            }, "caller-" + i);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        assertThat(ready.await(5, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        for (CompletableFuture<CredentialStatus> f : results) {
            assertThat(f.get(10, TimeUnit.SECONDS).name()).isEqualTo("testbank");
        }

        assertThat(tokenRequests()).as("one initial token and ONE shared renewal").hasSize(2);
        assertThat(requests("POST", STATUS)).hasSize(n)
                .allSatisfy(r -> assertThat(bearer(r)).isEqualTo("Bearer access-2"));
    }

    /**
     * Spins (no sleep) until {@code count} of the threads wait on a lock. Gives up after 300 ms,
     * below the client's read timeout, so a client without a shared renewal fails on the count.
     */
    private static void awaitOthersParked(List<Thread> threads, int count) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            long parked = threads.stream()
                    .map(Thread::getState)
                    .filter(s -> s == Thread.State.BLOCKED || s == Thread.State.WAITING)
                    .count();
            if (parked >= count) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void a403OnTheTokenCallIsAccessDeniedAndNotRetried() {
        script.on("POST", TOKEN, json(403, "{\"error\": \"access_denied\"}"));

        assertThatThrownBy(() -> client.status("ct-1"))
                .isInstanceOfSatisfying(ApiException.AccessDenied.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(e.details()).contains("access_denied");
                });

        assertThat(calls()).containsExactly("POST " + TOKEN);
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void a500OnTheTokenCallIsRetried() throws Exception {
        script.on("POST", TOKEN, json(500, "{\"error\": \"Internal Error\"}"),
                json(500, "{\"error\": \"Internal Error\"}"), tokenResponse("access-x", 3600));
        script.on("POST", STATUS, ok(STATUS_BODY));

        client.status("ct-1");

        assertThat(calls()).containsExactly("POST " + TOKEN, "POST " + TOKEN, "POST " + TOKEN, "POST " + STATUS);
        assertThat(bearer(requests("POST", STATUS).get(0))).isEqualTo("Bearer access-x");
        assertThat(sleeper.sleeps).hasSize(2);
    }

    @Test
    void a500OnTheTokenCallThreeTimesIsServerErrorAndNothingElseIsSent() {
        script.on("POST", TOKEN, json(500, "{\"error\": \"Internal Error\"}"));

        assertThatThrownBy(() -> client.status("ct-1"))
                .isInstanceOfSatisfying(ApiException.ServerError.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(500));

        assertThat(calls()).containsExactly("POST " + TOKEN, "POST " + TOKEN, "POST " + TOKEN);
    }

    @Test
    void aTokenResponseWithoutAccessTokenIsMalformed() {
        script.on("POST", TOKEN, ok("{\"token_type\": \"Bearer\"}"));

        assertThatThrownBy(() -> client.accessToken()).isInstanceOf(ApiException.Malformed.class);
        assertThat(calls()).containsExactly("POST " + TOKEN);
    }

    @Test
    void testConnectionAlwaysFetchesAFreshToken() throws Exception {
        client.accessToken();
        client.testConnection();
        assertThat(tokenRequests()).hasSize(2);
        assertThat(client.accessToken()).isEqualTo("access-2");
    }
}
