package io.flanks.console.api;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret values this process knows (client secrets, access tokens), so logs, crash
 * reports and exports can blank them out wherever they would otherwise appear.
 */
public final class Secrets {
    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();
    public static final String MASK = "***";

    private Secrets() {
    }

    /** Remembers a secret value (values under 8 characters are ignored: they would mask ordinary words). */
    public static void register(String value) {
        if (value != null && value.length() >= 8) {
            VALUES.add(value);
        }
    }

    /** {@code text} with every known secret replaced by {@value #MASK}. */
    public static String redact(String text) {
        if (text == null || VALUES.isEmpty()) {
            return text;
        }
        String out = text;
        for (String v : VALUES) {
            if (out.contains(v)) {
                out = out.replace(v, MASK);
            }
        }
        return out;
    }
}
