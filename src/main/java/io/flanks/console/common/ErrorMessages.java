package io.flanks.console.common;

import io.flanks.console.api.ApiException;
import java.util.concurrent.CancellationException;

/** Turns any failure into one plain sentence and an expandable details text, in one place. */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    private static final java.util.Map<Class<?>, String> KEYS = java.util.Map.of(
            ApiException.NotFound.class, "error.notFound",
            ApiException.Unauthorized.class, "error.unauthorized",
            ApiException.AccessDenied.class, "error.accessDenied",
            ApiException.RateLimited.class, "error.rateLimited",
            ApiException.ServerError.class, "error.server",
            ApiException.Network.class, "error.network",
            ApiException.Malformed.class, "error.malformed",
            ApiException.Rejected.class, "error.rejected");

    public record Message(String summary, String details) {
    }

    public static Message of(Throwable t) {
        if (t instanceof ApiException e) {
            String key = KEYS.getOrDefault(e.getClass(), "error.unexpected");
            return new Message(I18n.tr(key), e.getMessage() + (e.details().isEmpty() ? "" : "\n\n" + e.details()));
        }
        if (t instanceof CancellationException) {
            return new Message(I18n.tr("error.cancelled"), "");
        }
        return new Message(I18n.tr("error.unexpected"), String.valueOf(t));
    }
}
