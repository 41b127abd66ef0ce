package io.flanks.console.credentials;

import java.util.HashMap;
import java.util.Map;

/** Hash maps made with room for a known number of entries, so filling them never grows them. */
final class Presized {
    private Presized() {
    }

    /** A copy of {@code map} that holds {@code entries} entries without growing. */
    static <K, V> HashMap<K, V> copy(Map<K, V> map, int entries) {
        HashMap<K, V> copy = new HashMap<>((int) Math.ceil(Math.max(entries, map.size()) / 0.75));
        copy.putAll(map);
        return copy;
    }
}
