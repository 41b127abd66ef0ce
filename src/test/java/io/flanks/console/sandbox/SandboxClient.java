package io.flanks.console.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain HTTP client for the tests: real requests, raw answers. */
final class SandboxClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    record Response(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String error() {
            return json().path("error").asText(null);
        }
    }

    private final String baseUrl;

    SandboxClient(SandboxServer server) {
        this(server.baseUrl());
    }

    SandboxClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Response send(String method, String path, String body, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response post(String path, String body, String accessToken) {
        return send("POST", path, body, accessToken);
    }

    Response tokenResponse(String clientId, String clientSecret, String grantType) {
        return post("/v0/token", json("client_id", clientId, "client_secret", clientSecret, "grant_type", grantType), null);
    }

    /** A fresh access token for the default sandbox client. */
    String token() {
        Response response = tokenResponse("sandbox-client", "sandbox-secret", "client_credentials");
        if (response.status() != 200) {
            throw new IllegalStateException("no token: " + response);
        }
        return response.json().get("access_token").asText();
    }

    Response status(String token, String credentialsToken) {
        return post("/v0/bank/credentials/status", json("credentials_token", credentialsToken), token);
    }

    Response page(String token, int page) {
        return post("/v0/bank/credentials/list", "{\"page\": " + page + "}", token);
    }

    /** Every list item, page after page, as the server orders them. */
    List<JsonNode> allItems(String token) {
        List<JsonNode> items = new ArrayList<>();
        int pages = 1;
        for (int page = 1; page <= pages; page++) {
            JsonNode body = page(token, page).json();
            pages = body.get("pages").asInt();
            body.get("items").forEach(items::add);
        }
        return items;
    }

    /** A JSON object from name/value pairs; values are strings. */
    static String json(String... pairs) {
        var node = MAPPER.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.put(pairs[i], pairs[i + 1]);
        }
        return node.toString();
    }
}
