package io.flanks.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

class SandboxServerTest {

    @Test
    void listensOnLoopbackOnly() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxConfig.defaults().withCredentials(1))) {
            assertThat(server.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
            assertThat(server.port()).isPositive();
            assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port());
            assertThat(server.config().credentials()).isEqualTo(1);
        }
    }

    @Test
    void servesEightClientsInParallel() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxConfig.defaults().withCredentials(100))) {
            SandboxClient client = new SandboxClient(server);
            String token = client.token();
            server.setLatencyMs(500);
            ExecutorService callers = Executors.newFixedThreadPool(8);
            try {
                long t0 = System.nanoTime();
                List<Future<Integer>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    results.add(callers.submit(() -> client.page(token, 1).status()));
                }
                for (Future<Integer> result : results) {
                    assertThat(result.get()).isEqualTo(200);
                }
                long millis = (System.nanoTime() - t0) / 1_000_000;
                // one after another would take 4 s
                assertThat(millis).isBetween(450L, 2_500L);
            } finally {
                callers.shutdownNow();
            }
        }
    }

    @Test
    void concurrentDeletesAndListsStayConsistent() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxConfig.defaults().withCredentials(1_000).withPageSize(50))) {
            SandboxClient client = new SandboxClient(server);
            String token = client.token();
            List<JsonNode> all = client.allItems(token);
            List<CompletableFuture<Void>> work = new ArrayList<>();
            ExecutorService callers = Executors.newFixedThreadPool(8);
            try {
                for (int i = 0; i < 200; i++) {
                    String victim = all.get(i * 5).get("credentials_token").asText();
                    work.add(CompletableFuture.runAsync(() -> assertThat(client.send("DELETE", "/v0/bank/credentials",
                            SandboxClient.json("credentials_token", victim), token).status()).isEqualTo(200), callers));
                    int page = 1 + i % 20;
                    work.add(CompletableFuture.runAsync(() -> assertThat(client.page(token, page).status()).isEqualTo(200), callers));
                }
                CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
            } finally {
                callers.shutdownNow();
            }

            assertThat(server.credentialCount()).isEqualTo(800);
            List<JsonNode> left = client.allItems(token);
            assertThat(left).hasSize(800);
            assertThat(client.page(token, 1).json().get("pages").asInt()).isEqualTo(16);
            // still creation order, minus the deleted
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (i % 5 != 0 || i / 5 >= 200) {
                    expected.add(all.get(i).get("credentials_token").asText());
                }
            }
            assertThat(left.stream().map(item -> item.get("credentials_token").asText())).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void closesPromptlyEvenWithSlowRequestsInFlight() throws Exception {
        SandboxServer server = SandboxServer.start(SandboxConfig.defaults().withCredentials(1).withLatencyMs(10_000));
        SandboxClient client = new SandboxClient(server);
        CompletableFuture<SandboxClient.Response> slow = CompletableFuture.supplyAsync(() -> client.send("GET", "/v0/bank/available", null, null));
        while (server.requestCount("GET", "/v0/bank/available") == 0) {
            Thread.onSpinWait();
        }

        long t0 = System.nanoTime();
        server.close();
        server.close(); // twice is harmless

        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3_000);
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), server.port()).close()).isInstanceOf(IOException.class);
        assertThatThrownBy(slow::join).hasCauseInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aFailingRouteCostsOneRequestNotTheServer() throws Exception {
        Router router = new Router()
                .add("GET", "/boom", request -> {
                    throw new IllegalStateException("planted bug");
                })
                .add("GET", "/ok", request -> Reply.ok(Map.of("ok", true)));
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        http.createContext("/", new Dispatcher(router, new Faults(0, 0.0), new RequestCounter()));
        http.start();
        try {
            SandboxClient client = new SandboxClient(baseUrl(http));
            for (int i = 0; i < 3; i++) {
                ErrorResponsesTest.assertError(client.send("GET", "/boom", null, null), 500, "Internal Error");
            }
            assertThat(client.send("GET", "/ok", null, null).body()).isEqualTo("{\"ok\":true}");
        } finally {
            http.stop(0);
        }
    }

    @Test
    void rejectsBadSettings() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxConfig.defaults().withCredentials(1))) {
            assertThatThrownBy(() -> server.setErrorRate(1.5)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> server.setErrorRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> server.setLatencyMs(-1)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> SandboxConfig.defaults().withPageSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxConfig.defaults().withClientSecret(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxConfig.defaults().withPort(70_000)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String baseUrl(HttpServer http) {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }
}
