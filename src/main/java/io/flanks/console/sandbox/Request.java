package io.flanks.console.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;

/** What a route sees of a request: the body is already read and size-checked. */
final class Request {

    private final String method;
    private final String path;
    private final Headers headers;
    private final byte[] body;
    private ObjectNode json;

    Request(String method, String path, Headers headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.body = body;
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    String header(String name) {
        return headers.getFirst(name);
    }

    /** The body as a JSON object, parsed once; 400 "Malformed JSON body" when it is not one. */
    ObjectNode json() {
        if (json == null) {
            json = Json.readObject(body);
        }
        return json;
    }

    /** A string field, or null when missing, null or not a string. */
    String text(String field) {
        JsonNode node = json().get(field);
        return node != null && node.isTextual() ? node.asText() : null;
    }

    String credentialsToken() {
        String token = text("credentials_token");
        if (token == null || token.isBlank()) {
            throw new ApiError(400, "credentials_token is required");
        }
        return token;
    }
}
