package io.flanks.console.api;

/**
 * The closed set of failures the client reports. The UI switches on the concrete type to
 * pick a plain message; {@link #details()} carries what a person may expand to read.
 */
public abstract sealed class ApiException extends Exception
        permits ApiException.NotFound, ApiException.Unauthorized, ApiException.AccessDenied,
                ApiException.RateLimited, ApiException.ServerError, ApiException.Network,
                ApiException.Malformed, ApiException.Rejected {

    private final int httpStatus;
    private final String details;

    ApiException(String message, int httpStatus, String details, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.details = details == null ? "" : details;
    }

    /** HTTP status, or 0 when no response was read. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Extra text for an expandable details view: the start of the body, the cause. */
    public String details() {
        return details;
    }

    /** Whether a read may be tried again after this failure. */
    public boolean retryable() {
        return false;
    }

    /** 400 "You are not allowed to access to this credentials": unknown or deleted token. */
    public static final class NotFound extends ApiException {
        public NotFound(String message, String details) {
            super(message, 400, details, null);
        }
    }

    /** 401: the access token was refused, even after one renewal. */
    public static final class Unauthorized extends ApiException {
        public Unauthorized(String message, String details) {
            super(message, 401, details, null);
        }
    }

    /** 403 at the token call: client id, secret or grant type are wrong. */
    public static final class AccessDenied extends ApiException {
        public AccessDenied(String message, String details) {
            super(message, 403, details, null);
        }
    }

    /** 429, with the server's Retry-After in seconds when it sent one (else -1). */
    public static final class RateLimited extends ApiException {
        private final long retryAfterSeconds;

        public RateLimited(String message, long retryAfterSeconds, String details) {
            super(message, 429, details, null);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** 5xx, whatever the body (JSON, a proxy's HTML, nothing). */
    public static final class ServerError extends ApiException {
        public ServerError(String message, int httpStatus, String details) {
            super(message, httpStatus, details, null);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** Refused, timed out, cut mid-body, unknown host. */
    public static final class Network extends ApiException {
        public Network(String message, Throwable cause) {
            super(message, 0, cause == null ? "" : cause.toString(), cause);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** A response that is not JSON, or not of the expected shape; details keep its start. */
    public static final class Malformed extends ApiException {
        public Malformed(String message, int httpStatus, String details) {
            super(message, httpStatus, details, null);
        }
    }

    /** Any other 4xx (the request itself was refused: missing field, too large, ...). */
    public static final class Rejected extends ApiException {
        public Rejected(String message, int httpStatus, String details) {
            super(message, httpStatus, details, null);
        }
    }
}
