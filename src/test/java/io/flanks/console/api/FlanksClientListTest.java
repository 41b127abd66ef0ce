package io.flanks.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** listAll and listEach: paging, ordering, duplicates, failure, bounded concurrency, cancellation. */
class FlanksClientListTest extends ClientTestBase {

    record Delivery(List<String> tokens, int page, int pages) {
    }

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    private FlanksClient.PageListener recorder() {
        return (items, page, pages) -> deliveries.add(new Delivery(tokens(items), page, pages));
    }

    static List<String> tokens(List<CredentialItem> items) {
        return items.stream().map(CredentialItem::credentialsToken).toList();
    }

    static String item(String token) {
        return "{\"credentials_token\": \"" + token + "\", \"external_id\": null, \"bank\": \"testbank\","
                + " \"status\": {\"pending\": false}}";
    }

    static String page(int page, int pages, String... tokens) {
        return "{\"items\": [" + java.util.Arrays.stream(tokens).map(FlanksClientListTest::item)
                .collect(Collectors.joining(", ")) + "], \"page\": " + page + ", \"pages\": " + pages + "}";
    }

    static int requestedPage(RecordedRequest r) {
        try {
            return jsonBody(r).get("page").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves page n of {@code pages} with tokens "pn-a", "pn-b". */
    private void servePages(int pages) {
        servePages(n -> ok(page(n, pages, "p" + n + "-a", "p" + n + "-b")));
    }

    private void servePages(IntFunction<MockResponse> pageResponse) {
        script.handle("POST", LIST, r -> pageResponse.apply(requestedPage(r)));
    }

    private List<Integer> requestedPages() {
        return requests("POST", LIST).stream().map(FlanksClientListTest::requestedPage).sorted().toList();
    }

    @Test
    void allPagesAreFetchedAndDeliveredInListOrder() throws Exception {
        // page 2 answers only after pages 3..5 have been asked for, so it arrives late
        CountDownLatch laterPagesAsked = new CountDownLatch(3);
        servePages(n -> {
            if (n >= 3) {
                laterPagesAsked.countDown();
            } else if (n == 2) {
                await(laterPagesAsked, 300); // bounded below the read timeout
            }
            return ok(page(n, 5, "p" + n + "-a", "p" + n + "-b"));
        });

        List<CredentialItem> all = client.listAll(recorder());

        assertThat(tokens(all)).containsExactly("p1-a", "p1-b", "p2-a", "p2-b", "p3-a", "p3-b",
                "p4-a", "p4-b", "p5-a", "p5-b");
        assertThat(requestedPages()).containsExactly(1, 2, 3, 4, 5);
        assertThat(requestedPage(requests("POST", LIST).get(0))).as("page 1 first").isEqualTo(1);
        assertThat(deliveries).containsExactly(
                new Delivery(List.of("p1-a", "p1-b"), 1, 5),
                new Delivery(List.of("p2-a", "p2-b"), 2, 5),
                new Delivery(List.of("p3-a", "p3-b"), 3, 5),
                new Delivery(List.of("p4-a", "p4-b"), 4, 5),
                new Delivery(List.of("p5-a", "p5-b"), 5, 5));
        assertThat(tokenRequests()).hasSize(1);
    }

    @Test
    void listEachKeepsNoPageOnceDelivered() throws Exception {
        servePages(6);
        List<java.lang.ref.WeakReference<CredentialItem>> earlier = new ArrayList<>();
        List<Boolean> pageOneCollectable = new ArrayList<>();

        int count = client.listEach((items, page, pages) -> {
            deliveries.add(new Delivery(tokens(items), page, pages));
            if (page == 1) {
                items.forEach(it -> earlier.add(new java.lang.ref.WeakReference<>(it)));
            } else if (page == pages) {
                // while the list still runs, nothing but the listener held page 1's items
                for (int i = 0; i < 20 && earlier.stream().anyMatch(r -> r.get() != null); i++) {
                    System.gc();
                }
                pageOneCollectable.add(earlier.stream().allMatch(r -> r.get() == null));
            }
        });

        assertThat(count).isEqualTo(12);
        assertThat(deliveries).extracting(Delivery::page).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(pageOneCollectable).as("page 1 collectable before the list ends").containsExactly(true);
    }

    @Test
    void withoutPagingKeysTheFirstResponseIsTheWholeList() throws Exception {
        script.on("POST", LIST, ok("{\"items\": [" + item("a") + ", " + item("b") + "]}"));

        List<CredentialItem> all = client.listAll(recorder());

        assertThat(tokens(all)).containsExactly("a", "b");
        assertThat(requests("POST", LIST)).hasSize(1);
        assertThat(deliveries).containsExactly(new Delivery(List.of("a", "b"), 1, 1));
    }

    @Test
    void aBareArrayIsTheWholeList() throws Exception {
        script.on("POST", LIST, ok("[" + item("a") + ", " + item("b") + ", " + item("c") + "]"));

        List<CredentialItem> all = client.listAll(null);

        assertThat(tokens(all)).containsExactly("a", "b", "c");
        assertThat(all.get(0).bank()).isEqualTo("testbank");
        assertThat(requests("POST", LIST)).hasSize(1);
    }

    @Test
    void aTokenListedTwiceIsKeptOnceAtItsFirstPlace() throws Exception {
        servePages(n -> switch (n) {
            case 1 -> ok(page(1, 3, "a", "b"));
            case 2 -> ok("{\"items\": [{\"credentials_token\": \"b\", \"bank\": \"other\"}, " + item("c")
                    + "], \"page\": 2, \"pages\": 3}");
            default -> ok(page(3, 3, "c", "d"));
        });

        List<CredentialItem> all = client.listAll(recorder());

        assertThat(tokens(all)).containsExactly("a", "b", "c", "d");
        assertThat(all.get(1).bank()).as("the first occurrence wins").isEqualTo("testbank");
        assertThat(deliveries).extracting(Delivery::tokens)
                .containsExactly(List.of("a", "b"), List.of("c"), List.of("d"));
    }

    @Test
    void aPageFailingAfterOthersSucceededFailsTheWholeListing() {
        servePages(n -> n == 3 ? json(500, "{\"error\": \"Internal Error\"}") : ok(page(n, 4, "p" + n)));

        assertThatThrownBy(() -> client.listAll(recorder()))
                .isInstanceOfSatisfying(ApiException.ServerError.class, e -> assertThat(e.httpStatus()).isEqualTo(500));

        assertThat(requests("POST", LIST).stream().filter(r -> requestedPage(r) == 3)).hasSize(3);
        assertThat(deliveries).extracting(Delivery::page).as("nothing delivered past the gap").containsExactly(1, 2);
    }

    @Test
    void aSkippedItemDoesNotFailItsPage() throws Exception {
        script.on("POST", LIST, ok("{\"items\": [" + item("a") + ", 42, {\"bank\": \"x\"}, " + item("b")
                + "], \"page\": 1, \"pages\": 1}"));

        assertThat(tokens(client.listAll(null))).containsExactly("a", "b");
    }

    @Test
    void atMostEightPagesAreInFlightAndMoreThanOne() throws Exception {
        int pages = 40;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        // the first wave waits until 9 requests are in flight (which must never happen), giving up
        // after a bounded wait; later requests are answered at once
        CountDownLatch ninth = new CountDownLatch(FlanksClient.LIST_CONCURRENCY + 1);
        servePages(n -> {
            if (n == 1) {
                return ok(page(1, pages, "p1"));
            }
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            ninth.countDown();
            try {
                ninth.await(300, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return ok(page(n, pages, "p" + n));
        });

        List<CredentialItem> all = client.listAll(null);

        assertThat(all).hasSize(pages);
        assertThat(requestedPages()).isEqualTo(IntStream.rangeClosed(1, pages).boxed().toList());
        assertThat(maxInFlight.get()).isLessThanOrEqualTo(FlanksClient.LIST_CONCURRENCY).isGreaterThan(1);
    }

    @Test
    void interruptingTheCallerWhileItWaitsForPagesCancels() throws Exception {
        CountDownLatch page2Asked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        servePages(n -> {
            if (n == 2) {
                page2Asked.countDown();
            }
            if (n > 1) {
                await(release);
            }
            return ok(page(n, 3, "p" + n));
        });
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        AtomicInteger interruptedAfter = new AtomicInteger(-1);
        Thread caller = new Thread(() -> {
            try {
                outcome.complete(client.listAll(null));
            } catch (Throwable t) {
                interruptedAfter.set(Thread.currentThread().isInterrupted() ? 1 : 0);
                outcome.complete(t);
            }
        }, "lister");
        try {
            caller.start();
            assertThat(page2Asked.await(5, TimeUnit.SECONDS)).isTrue();
            caller.interrupt();
            assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(java.util.concurrent.CancellationException.class);
            assertThat(interruptedAfter.get()).as("interrupt status kept").isEqualTo(1);
        } finally {
            release.countDown();
            caller.join(5000);
        }
    }

    @Test
    void anAlreadyInterruptedCallerIsCancelledBeforeSendingAnything() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> client.listAll(null)).isInstanceOf(java.util.concurrent.CancellationException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void interruptingTheCallerDuringPageOneCancels() throws Exception {
        CountDownLatch page1Asked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        servePages(n -> {
            page1Asked.countDown();
            await(release);
            return ok(page(n, 3, "p" + n));
        });
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                outcome.complete(client.listAll(null));
            } catch (Throwable t) {
                outcome.complete(t);
            }
        }, "lister");
        try {
            caller.start();
            assertThat(page1Asked.await(5, TimeUnit.SECONDS)).isTrue();
            caller.interrupt();
            release.countDown();
            assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(java.util.concurrent.CancellationException.class);
            assertThat(requestedPages()).as("no further page once cancelled").containsExactly(1);
        } finally {
            release.countDown();
            caller.join(5000);
        }
    }

    @Test
    void anAbsurdPageCountDoesNotBreakTheListingBeforeItStarts() {
        // 300 items x 7.2 million pages overflowed an int capacity hint into an IllegalArgumentException;
        // the listener aborts after page 1 so nothing else is fetched
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add("t" + i);
        }
        script.on("POST", LIST, ok(page(1, 7_200_000, many.toArray(String[]::new))));
        RuntimeException stop = new RuntimeException("stop after page 1");

        assertThatThrownBy(() -> client.listAll((items, page, pages) -> {
            assertThat(items).hasSize(300);
            assertThat(pages).isEqualTo(7_200_000);
            throw stop;
        })).isSameAs(stop);
        assertThat(requests("POST", LIST)).hasSize(1);
    }

    @Test
    void pagesAreQueuedOnlyABoundedWindowAheadOfDelivery() {
        int window = 2 * FlanksClient.LIST_CONCURRENCY; // pages 2..17 may be queued while page 2 is awaited
        CountDownLatch beyondWindowAsked = new CountDownLatch(1);
        servePages(n -> {
            if (n > 1 + window) {
                beyondWindowAsked.countDown();
            }
            if (n == 2) {
                // hold page 2 until a page beyond the window is asked for (must not happen), at most 300 ms
                try {
                    beyondWindowAsked.await(300, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return json(400, "{\"error\": \"bad page\"}");
            }
            return ok(page(n, 1000, "p" + n));
        });

        assertThatThrownBy(() -> client.listAll(null)).isInstanceOf(ApiException.Rejected.class);

        assertThat(requestedPages()).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(1 + window));
    }

    private static void await(CountDownLatch latch) {
        await(latch, 5000);
    }

    private static void await(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
