package io.flanks.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Page 1 asked for ahead (start-up): the first listAll takes it instead of asking again, once;
 * its failure is that listing's failure; a stale one is asked for again. And a plain-http (loopback) client sets up no TLS.
 */
class FlanksClientPrefetchTest extends ClientTestBase {

    private void servePages(int pages) {
        script.handle("POST", LIST, r -> {
            int n = FlanksClientListTest.requestedPage(r);
            return ok(FlanksClientListTest.page(n, pages, "p" + n));
        });
    }

    private List<Integer> requestedPages() {
        return requests("POST", LIST).stream().map(FlanksClientListTest::requestedPage).toList();
    }

    @Test
    void theFirstListingUsesThePrefetchedPageInsteadOfAskingAgain() throws Exception {
        servePages(3);

        client.prefetchFirstPage();
        assertThat(requestedPages()).containsExactly(1);
        List<CredentialItem> all = client.listAll(null);

        assertThat(FlanksClientListTest.tokens(all)).containsExactly("p1", "p2", "p3");
        assertThat(requestedPages()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(tokenRequests()).hasSize(1);
    }

    @Test
    void onlyTheFirstListingUsesIt() throws Exception {
        servePages(2);
        client.prefetchFirstPage();
        client.listAll(null);

        client.listAll(null); // a reload asks for every page again

        assertThat(requestedPages()).containsExactlyInAnyOrder(1, 2, 1, 2);
    }

    @Test
    void aListingStartedWhileThePrefetchIsOnItsWayWaitsForIt() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        CountDownLatch asked = new CountDownLatch(1);
        script.handle("POST", LIST, r -> {
            int n = FlanksClientListTest.requestedPage(r);
            if (n == 1) {
                asked.countDown();
                await(answer);
            }
            return ok(FlanksClientListTest.page(n, 2, "p" + n));
        });
        CompletableFuture<Void> prefetch = CompletableFuture.runAsync(client::prefetchFirstPage);
        assertThat(asked.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<List<CredentialItem>> listing = CompletableFuture.supplyAsync(() -> {
            try {
                return client.listAll(null);
            } catch (ApiException e) {
                throw new IllegalStateException(e);
            }
        });
        answer.countDown();

        assertThat(FlanksClientListTest.tokens(listing.get(5, TimeUnit.SECONDS))).containsExactly("p1", "p2");
        prefetch.get(5, TimeUnit.SECONDS);
        assertThat(requestedPages()).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void aFailedPrefetchIsWhatTheFirstListingReportsWithoutAskingAgain() {
        // a slow or unreachable API must not make the first load wait through the retries twice
        script.on("POST", LIST, json(403, "{\"error\": \"nope\"}"), ok(FlanksClientListTest.page(1, 1, "a")));
        client.prefetchFirstPage(); // refused: kept for the first listing

        assertThatThrownBy(() -> client.listAll(null)).isInstanceOf(ApiException.AccessDenied.class);
        assertThat(requestedPages()).containsExactly(1);
    }

    @Test
    void afterAFailedFirstListingTheNextAsksAgain() throws Exception {
        script.on("POST", LIST, json(403, "{\"error\": \"nope\"}"), ok(FlanksClientListTest.page(1, 1, "a")));
        client.prefetchFirstPage();
        assertThatThrownBy(() -> client.listAll(null)).isInstanceOf(ApiException.AccessDenied.class);

        assertThat(FlanksClientListTest.tokens(client.listAll(null))).containsExactly("a");
        assertThat(requestedPages()).containsExactly(1, 1);
    }

    @Test
    void aStalePrefetchIsNotUsed() throws Exception {
        servePages(1);
        client.prefetchFirstPage();

        clock.advance(FlanksClient.PREFETCH_FRESH_FOR.plus(Duration.ofSeconds(1)));
        client.listAll(null);

        assertThat(requestedPages()).containsExactly(1, 1);
    }

    @Test
    void aPlainHttpClientSetsUpNoTls() {
        FlanksClient loopback = new FlanksClient(new Environment("sandbox", "http://127.0.0.1:9", "id", "secret"));
        FlanksClient remote = new FlanksClient(new Environment("api", "https://api.example.com", "id", "secret"));
        try {
            // TLS set-up (trust store, SSL context) is what OkHttp skips without a TLS connection spec
            assertThatThrownBy(() -> loopback.http().sslSocketFactory()).isInstanceOf(IllegalStateException.class);
            assertThat(remote.http().sslSocketFactory()).isNotNull();
        } finally {
            loopback.close();
            remote.close();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
