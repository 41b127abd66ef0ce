package io.flanks.console.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One group of flags ({@code created.product}, {@code errored.transactions}, ...). A key absent
 * from the map is unknown, which is not the same as {@code false}.
 */
public record Flags(Map<String, Boolean> values) {

    public static final List<String> PRODUCT_KEYS =
            List.of("auth", "account", "card", "portfolio", "investment", "liability", "holders");
    public static final List<String> TRANSACTION_KEYS =
            List.of("account", "card", "investment", "liability");

    public static final Flags UNKNOWN = new Flags(Map.of());

    public Flags {
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** {@code null} when the flag was missing or unreadable. */
    public Boolean get(String key) {
        return values.get(key);
    }

    public boolean anyTrue() {
        return values.containsValue(Boolean.TRUE);
    }

    public long countTrue() {
        return values.values().stream().filter(Boolean.TRUE::equals).count();
    }
}
