package io.flanks.console.sandbox;

import java.util.Map;

/** A JSON response ready to send: status, body bytes and any extra headers. */
record Reply(int status, byte[] body, Map<String, String> headers) {

    static final Reply INTERNAL_ERROR = error(500, "Internal Error");

    static Reply json(int status, Object value) {
        return new Reply(status, Json.write(value), Map.of());
    }

    static Reply ok(Object value) {
        return json(200, value);
    }

    static Reply error(int status, String message) {
        return json(status, Map.of("error", message));
    }

    Reply withHeaders(Map<String, String> extra) {
        return extra.isEmpty() ? this : new Reply(status, body, extra);
    }
}
