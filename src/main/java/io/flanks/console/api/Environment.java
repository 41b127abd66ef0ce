package io.flanks.console.api;

import java.net.URI;
import java.util.Objects;

/**
 * Where the client talks to and as whom. {@link #toString()} never shows the secret.
 */
public record Environment(String name, String baseUrl, String clientId, String clientSecret) {

    public static final String PRODUCTION_URL = "https://api.flanks.io";

    public Environment {
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        name = name == null || name.isBlank() ? hostOf(baseUrl) : name;
        clientId = clientId == null ? "" : clientId;
        clientSecret = clientSecret == null ? "" : clientSecret;
    }

    public String host() {
        return hostOf(baseUrl);
    }

    /** True for 127.0.0.0/8, ::1 and localhost. */
    public boolean isLoopback() {
        String h = host();
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    private static String hostOf(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? url : h;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    @Override
    public String toString() {
        return "Environment[" + name + ", " + baseUrl + ", clientId=" + clientId + ", clientSecret=***]";
    }
}
