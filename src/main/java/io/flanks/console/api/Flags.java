package io.flanks.console.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One group of flags ({@code created.product}, {@code errored.transactions}, ...). A key absent
 * is unknown, which is not the same as {@code false}. Stored as two bit masks over
 * {@link #PRODUCT_KEYS} (the transaction keys are a subset) and shared: there are only 128 x 128
 * possible groups, so 100,000 credentials cost no flag objects of their own.
 */
public final class Flags {

    public static final List<String> PRODUCT_KEYS =
            List.of("auth", "account", "card", "portfolio", "investment", "liability", "holders");
    public static final List<String> TRANSACTION_KEYS =
            List.of("account", "card", "investment", "liability");

    private static final Flags[] CACHE = new Flags[1 << 14];
    public static final Flags UNKNOWN = of(0, 0);

    /** Bit i set: the flag PRODUCT_KEYS[i] is known. */
    private final int known;
    /** Bit i set: the flag PRODUCT_KEYS[i] is true (only where known). */
    private final int trues;

    private Flags(int known, int trues) {
        this.known = known;
        this.trues = trues & known;
    }

    /** Flags from a map; keys that are not flags of either group are ignored, null values are unknown. */
    public Flags(Map<String, Boolean> values) {
        this(maskOf(values, true), maskOf(values, false));
    }

    private static int maskOf(Map<String, Boolean> values, boolean knownMask) {
        int m = 0;
        if (values != null) {
            for (Map.Entry<String, Boolean> e : values.entrySet()) {
                int i = PRODUCT_KEYS.indexOf(e.getKey());
                if (i >= 0 && e.getValue() != null && (knownMask || e.getValue())) {
                    m |= 1 << i;
                }
            }
        }
        return m;
    }

    /** The shared instance for these masks. */
    public static Flags of(int known, int trues) {
        int k = known & 0x7f;
        int t = trues & k;
        int idx = (k << 7) | t;
        Flags f = CACHE[idx];
        if (f == null) {
            f = new Flags(k, t);
            CACHE[idx] = f; // benign race: equal instances
        }
        return f;
    }

    /** Bit index of a flag key, or -1. */
    public static int bit(String key) {
        return PRODUCT_KEYS.indexOf(key);
    }

    /** {@code null} when the flag was missing or unreadable. */
    public Boolean get(String key) {
        int i = PRODUCT_KEYS.indexOf(key);
        if (i < 0 || (known & (1 << i)) == 0) {
            return null;
        }
        return (trues & (1 << i)) != 0;
    }

    /** The known flags, in key order. */
    public Map<String, Boolean> values() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (int i = 0; i < PRODUCT_KEYS.size(); i++) {
            if ((known & (1 << i)) != 0) {
                m.put(PRODUCT_KEYS.get(i), (trues & (1 << i)) != 0);
            }
        }
        return Collections.unmodifiableMap(m);
    }

    public boolean anyTrue() {
        return trues != 0;
    }

    public long countTrue() {
        return Integer.bitCount(trues);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Flags f && f.known == known && f.trues == trues;
    }

    @Override
    public int hashCode() {
        return known * 31 + trues;
    }

    @Override
    public String toString() {
        return "Flags" + values();
    }
}
