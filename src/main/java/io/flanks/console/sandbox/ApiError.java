package io.flanks.console.sandbox;

import java.util.Map;

/**
 * A request the API answers with a 4xx and {@code {"error": message}}. It is flow control, not
 * a failure, so it carries no stack trace.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final String NOT_ALLOWED = "You are not allowed to access to this credentials";

    private final int status;
    private final transient Map<String, String> headers;

    ApiError(int status, String message) {
        this(status, message, Map.of());
    }

    ApiError(int status, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.headers = headers;
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    static ApiError notAllowed() {
        return new ApiError(400, NOT_ALLOWED);
    }

    Reply toReply() {
        return Reply.error(status, getMessage()).withHeaders(headers);
    }
}
