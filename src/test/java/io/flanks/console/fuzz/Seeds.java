package io.flanks.console.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flanks.console.sandbox.SandboxConfig;
import io.flanks.console.sandbox.SandboxServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Real documents to mutate: fetched once per JVM over plain HTTP (java.net.http, not the client
 * under test) from a running sandbox: list pages, statuses, banks, and force answers.
 */
final class Seeds {

    enum Kind { STATUS, LIST, BANKS, FORCE }

    record Seed(Kind kind, String text, JsonNode tree) {
    }

    private static final ObjectMapper M = new ObjectMapper();
    private static List<Seed> cached;

    private Seeds() {
    }

    static synchronized List<Seed> get() throws Exception {
        if (cached == null) {
            cached = List.copyOf(fetch());
        }
        return cached;
    }

    static List<Seed> of(Kind kind) throws Exception {
        return get().stream().filter(s -> s.kind() == kind).toList();
    }

    private static List<Seed> fetch() throws Exception {
        SandboxConfig cfg = SandboxConfig.defaults().withCredentials(40).withPageSize(8).withSeed(7L);
        List<Seed> out = new ArrayList<>();
        try (SandboxServer sandbox = SandboxServer.start(cfg)) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = sandbox.baseUrl();
            String token = M.readTree(send(http, "POST", base + "/v0/token", null,
                    "{\"client_id\": \"" + cfg.clientId() + "\", \"client_secret\": \"" + cfg.clientSecret()
                            + "\", \"grant_type\": \"client_credentials\"}")).get("access_token").asText();
            List<String> tokens = new ArrayList<>();
            for (int page = 1; page <= 2; page++) {
                String body = send(http, "POST", base + "/v0/bank/credentials/list", token, "{\"page\": " + page + "}");
                out.add(seed(Kind.LIST, body));
                for (JsonNode item : M.readTree(body).get("items")) {
                    tokens.add(item.get("credentials_token").asText());
                }
            }
            for (String t : tokens.subList(0, 8)) {
                out.add(seed(Kind.STATUS, send(http, "POST", base + "/v0/bank/credentials/status", token,
                        "{\"credentials_token\": \"" + t + "\"}")));
            }
            out.add(seed(Kind.BANKS, send(http, "GET", base + "/v0/bank/available", token, null)));
            String[] flows = {"sca", "reset", "transaction"};
            for (int i = 0; i < flows.length; i++) {
                out.add(seed(Kind.FORCE, send(http, "PUT", base + "/v0/bank/credentials/status", token,
                        "{\"force\": \"" + flows[i] + "\", \"credentials_token\": \"" + tokens.get(10 + i) + "\"}")));
            }
            // statuses after the flows opened: tokens set rather than null
            for (int i = 0; i < flows.length; i++) {
                out.add(seed(Kind.STATUS, send(http, "POST", base + "/v0/bank/credentials/status", token,
                        "{\"credentials_token\": \"" + tokens.get(10 + i) + "\"}")));
            }
        }
        return out;
    }

    private static Seed seed(Kind kind, String text) throws IOException {
        return new Seed(kind, text, M.readTree(text));
    }

    private static String send(HttpClient http, String method, String url, String bearer, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
