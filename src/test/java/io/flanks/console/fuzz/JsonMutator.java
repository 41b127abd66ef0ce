package io.flanks.console.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded mutations of a real JSON document. Structural mutations work on a Jackson tree; what a
 * tree cannot hold (duplicate keys, out-of-range number literals, nesting beyond Jackson's
 * limits) goes in as a placeholder string that is swapped for raw text after serialisation;
 * then, sometimes, the text itself is damaged (truncation, junk, invalid UTF-8). Same seed,
 * same document: a failure report names the seed and nothing else is needed to replay it.
 */
final class JsonMutator {

    private static final ObjectMapper M = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Keys of the API, so random objects look like the real thing often enough to go deep. */
    static final String[] KEYS = {"pending", "blocked", "reset_token", "sca_token", "transaction_token", "name",
        "last_update", "time", "last_update_timestamp", "created_at_timestamp", "last_transaction_date", "errored",
        "created", "product", "transactions", "transaction", "auth", "account", "card", "portfolio", "items", "page",
        "pages", "credentials_token", "external_id", "bank", "status", "id", "error", "message", "access_token"};

    static final String[] RAW_NUMBERS = {"1e400", "-1e400", "1e-400", "-0", "-0.0", "0e0", "18446744073709551616",
        "-18446744073709551617", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "100000000000", "99999999999", "1.5e12", "3.4028235e38", "4.9e-324", "123456789012345678901234567890.5",
        "1" + "0".repeat(1200), "0." + "0".repeat(400) + "1", "NaN", "Infinity", "-Infinity", "01", "+1", "1.", ".5",
        "0x10", "1e", "--1", "2147483648", "-2147483649", "1E+2", "true1", "nul", "tru"};

    static final String[] ODD = {"\uD800", "\uDFFF", "\uDBFF\uDFFF", "\u202E", "\u200F", "\u200B", "\uFEFF", "\u0000",
        "\u0001", "\u001F", "\u007F", "\u0085", "\u2028", "\u2029", "\uFFFD", "\uFFFF", "\uD83D\uDE00",
        "\uD83C\uDDEA\uD83C\uDDF8", "\u0301\u0301\u0301", "e\u0301", "\u05D0\u05D1", "\u0627\u0644", "\\", "\"",
        "\\u0000", "\\ud800", "</script>", "%00", "\r\n", "\t", "𝕏", "ß", "İ", "ﬃ"};

    private final Random rnd;
    private final Map<String, String> raw = new LinkedHashMap<>();
    final List<String> applied = new ArrayList<>();

    JsonMutator(long seed) {
        this.rnd = new Random(seed);
    }

    Random random() {
        return rnd;
    }

    /** One mutated document derived from {@code seed}. */
    String mutate(JsonNode seed) {
        raw.clear();
        applied.clear();
        JsonNode doc = seed.deepCopy();
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            doc = treeMutation(doc);
        }
        String text = serialize(doc);
        if (rnd.nextInt(4) == 0) {
            text = textMutation(text);
        }
        return text;
    }

    /** Bytes of a mutated document, sometimes with invalid UTF-8 sequences spliced in. */
    byte[] mutateBytes(JsonNode seed) {
        byte[] b = mutate(seed).getBytes(StandardCharsets.UTF_8);
        if (rnd.nextInt(3) == 0) {
            b = invalidUtf8(b);
        }
        return b;
    }

    // ---- tree mutations ------------------------------------------------------------------

    private record Slot(JsonNode parent, String key, int index) {
    }

    private JsonNode treeMutation(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots, 0);
        int op = rnd.nextInt(15);
        if (slots.isEmpty() || op == 0) {
            return rootMutation(root);
        }
        Slot s = slots.get(rnd.nextInt(slots.size()));
        switch (op) {
            case 1, 2 -> {
                applied.add("drop");
                remove(s);
            }
            case 3, 4 -> {
                applied.add("retype");
                set(s, randomValue(0));
            }
            case 5 -> {
                if (rnd.nextInt(3) == 0) {
                    applied.add("huge-string");
                    set(s, F.textNode(hugeString()));
                } else {
                    applied.add("long-string");
                    set(s, F.textNode(oddify("y".repeat(1000 + rnd.nextInt(4000)))));
                }
            }
            case 6 -> {
                applied.add("odd-unicode");
                JsonNode cur = get(s);
                String base = cur != null && cur.isTextual() ? cur.textValue() : "x";
                set(s, F.textNode(oddify(base)));
            }
            case 7 -> {
                applied.add("odd-key");
                if (s.parent() instanceof ObjectNode o) {
                    JsonNode v = o.remove(s.key());
                    o.set(oddKey(s.key()), v);
                }
            }
            case 8 -> {
                applied.add("duplicate-key");
                if (s.parent() instanceof ObjectNode o) {
                    String ph = placeholder(null);
                    o.set(ph, rnd.nextBoolean() ? randomValue(0) : get(s).deepCopy());
                    raw.put("\"" + ph + "\"", quote(s.key()));
                }
            }
            case 9 -> {
                String lit = RAW_NUMBERS[rnd.nextInt(RAW_NUMBERS.length)];
                applied.add("raw-number " + abbreviate(lit));
                set(s, F.textNode(placeholder(lit)));
            }
            case 10 -> {
                int depth = new int[] {10, 150, 199, 200, 201, 1000, 5000, 5000}[rnd.nextInt(8)];
                applied.add("deep-nesting " + depth);
                set(s, F.textNode(placeholder(deep(depth))));
            }
            case 11 -> {
                applied.add("edge-number");
                set(s, edgeNumber());
            }
            case 12 -> {
                applied.add("edge-date-or-time");
                set(s, F.textNode(new String[] {"2024-13-45", "9999999999-01-01", "", "2024-02-30", "24:61",
                    "23:59:60", "2024-05-02T10:00:00Z", "10:00:00.123456789", "-1", "0000-00-00", "２０２４-０５-０２"}[rnd.nextInt(11)]));
            }
            case 13 -> {
                applied.add("container-shuffle");
                containerMutation(get(s) != null && get(s).isContainerNode() ? get(s) : s.parent());
            }
            default -> {
                applied.add("odd-key-value");
                if (s.parent() instanceof ObjectNode o) {
                    o.set(KEYS[rnd.nextInt(KEYS.length)], randomValue(0));
                } else if (s.parent() instanceof ArrayNode a) {
                    a.add(randomValue(0));
                }
            }
        }
        return root;
    }

    private JsonNode rootMutation(JsonNode root) {
        switch (rnd.nextInt(6)) {
            case 0 -> {
                applied.add("wrap-root-in-array");
                return F.arrayNode().add(root);
            }
            case 1 -> {
                applied.add("wrap-root-in-object");
                ObjectNode o = F.objectNode();
                o.set(rnd.nextBoolean() ? "items" : "data", root);
                return o;
            }
            case 2 -> {
                applied.add("unwrap-root");
                Iterator<JsonNode> it = root.elements();
                return it.hasNext() ? it.next() : F.nullNode();
            }
            case 3 -> {
                applied.add("root-scalar");
                return randomScalar();
            }
            case 4 -> {
                applied.add("root-empty-container");
                return root.isArray() ? F.objectNode() : F.arrayNode();
            }
            default -> {
                applied.add("root-container-shuffle");
                containerMutation(root);
                return root;
            }
        }
    }

    private void containerMutation(JsonNode c) {
        if (c instanceof ArrayNode a && !a.isEmpty()) {
            switch (rnd.nextInt(4)) {
                case 0 -> a.add(a.get(rnd.nextInt(a.size())).deepCopy()); // duplicate an element (a duplicate token)
                case 1 -> a.removeAll();
                case 2 -> {
                    for (int i = a.size() - 1; i > 0; i--) {
                        int j = rnd.nextInt(i + 1);
                        JsonNode t = a.get(i);
                        a.set(i, a.get(j));
                        a.set(j, t);
                    }
                }
                default -> {
                    JsonNode e = a.get(0);
                    for (int i = 0; i < 300; i++) {
                        a.add(e.deepCopy()); // many (identical) items
                    }
                }
            }
        } else if (c instanceof ObjectNode o && !o.isEmpty()) {
            if (rnd.nextBoolean()) {
                o.removeAll();
            } else {
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                java.util.Collections.reverse(names);
                ObjectNode copy = o.deepCopy();
                o.removeAll();
                for (String k : names) {
                    o.set(k, copy.get(k));
                }
            }
        }
    }

    private void collect(JsonNode n, List<Slot> out, int depth) {
        if (depth > 40) {
            return;
        }
        if (n instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.add(new Slot(o, e.getKey(), -1));
                collect(e.getValue(), out, depth + 1);
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(new Slot(a, null, i));
                collect(a.get(i), out, depth + 1);
            }
        }
    }

    private static JsonNode get(Slot s) {
        return s.key() != null ? s.parent().get(s.key()) : s.parent().get(s.index());
    }

    private static void set(Slot s, JsonNode v) {
        if (s.parent() instanceof ObjectNode o) {
            o.set(s.key(), v);
        } else if (s.parent() instanceof ArrayNode a && s.index() < a.size()) {
            a.set(s.index(), v);
        }
    }

    private static void remove(Slot s) {
        if (s.parent() instanceof ObjectNode o) {
            o.remove(s.key());
        } else if (s.parent() instanceof ArrayNode a && s.index() < a.size()) {
            a.remove(s.index());
        }
    }

    // ---- values --------------------------------------------------------------------------

    private JsonNode randomValue(int depth) {
        int t = rnd.nextInt(depth < 3 ? 8 : 6);
        return switch (t) {
            case 0 -> F.textNode(rnd.nextBoolean() ? "true" : oddify(KEYS[rnd.nextInt(KEYS.length)]));
            case 1 -> F.numberNode(rnd.nextInt(3) - 1);
            case 2 -> edgeNumber();
            case 3 -> F.booleanNode(rnd.nextBoolean());
            case 4 -> F.nullNode();
            case 5 -> F.textNode(new String[] {"", " ", "false", "1", "null", "2024-05-02", "10:00", "{}", "[]"}[rnd.nextInt(9)]);
            case 6 -> {
                ArrayNode a = F.arrayNode();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    a.add(randomValue(depth + 1));
                }
                yield a;
            }
            default -> {
                ObjectNode o = F.objectNode();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    o.set(KEYS[rnd.nextInt(KEYS.length)], randomValue(depth + 1));
                }
                yield o;
            }
        };
    }

    private JsonNode randomScalar() {
        return switch (rnd.nextInt(4)) {
            case 0 -> F.textNode(oddify("x"));
            case 1 -> edgeNumber();
            case 2 -> F.booleanNode(rnd.nextBoolean());
            default -> F.nullNode();
        };
    }

    private JsonNode edgeNumber() {
        return switch (rnd.nextInt(10)) {
            case 0 -> F.numberNode(Long.MAX_VALUE);
            case 1 -> F.numberNode(Long.MIN_VALUE);
            case 2 -> F.numberNode(-0.0d);
            case 3 -> F.numberNode(BigInteger.TWO.pow(64));
            case 4 -> F.numberNode(new BigDecimal("1e400"));
            case 5 -> F.numberNode(Double.MAX_VALUE);
            case 6 -> F.numberNode(1.5e12);
            case 7 -> F.numberNode(100_000_000_001L);
            case 8 -> F.numberNode(Integer.MIN_VALUE);
            default -> F.numberNode(rnd.nextLong());
        };
    }

    private String hugeString() {
        int len = rnd.nextInt(100) == 0 ? 1_100_000 : 100_000 + rnd.nextInt(60_000);
        String unit = rnd.nextBoolean() ? "a" : ODD[rnd.nextInt(ODD.length)] + "b";
        StringBuilder sb = new StringBuilder(len + unit.length());
        while (sb.length() < len) {
            sb.append(unit);
        }
        return sb.toString();
    }

    private String oddify(String base) {
        StringBuilder sb = new StringBuilder(base);
        for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
            sb.insert(rnd.nextInt(sb.length() + 1), ODD[rnd.nextInt(ODD.length)]);
        }
        return sb.toString();
    }

    private String oddKey(String key) {
        return switch (rnd.nextInt(5)) {
            case 0 -> key.toUpperCase(java.util.Locale.ROOT);
            case 1 -> "";
            case 2 -> " " + key;
            case 3 -> key + "\u0000";
            default -> oddify(key);
        };
    }

    private String deep(int depth) {
        StringBuilder sb = new StringBuilder(depth * 8);
        boolean arrays = rnd.nextBoolean();
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? "[" : "{\"pending\":");
        }
        sb.append(rnd.nextBoolean() ? "true" : "{\"credentials_token\": \"deep\"}");
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? "]" : "}");
        }
        return sb.toString();
    }

    private String placeholder(String rawText) {
        String ph = "zzPH" + raw.size() + "x" + rnd.nextInt(1_000_000) + "zz";
        if (rawText != null) {
            raw.put("\"" + ph + "\"", rawText);
        }
        return ph;
    }

    private static String quote(String s) {
        try {
            return M.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String serialize(JsonNode doc) {
        String text;
        try {
            text = M.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (Map.Entry<String, String> e : raw.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        return text;
    }

    // ---- text mutations ------------------------------------------------------------------

    private String textMutation(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int at = rnd.nextInt(text.length());
        switch (rnd.nextInt(8)) {
            case 0, 1, 2 -> {
                applied.add("truncate@" + at);
                return text.substring(0, at);
            }
            case 3 -> {
                applied.add("junk@" + at);
                return text.substring(0, at) + ODD[rnd.nextInt(ODD.length)] + "{[\":,}]".charAt(rnd.nextInt(7))
                        + text.substring(at);
            }
            case 4 -> {
                int end = Math.min(text.length(), at + 1 + rnd.nextInt(20));
                applied.add("cut-range@" + at);
                return text.substring(0, at) + text.substring(end);
            }
            case 5 -> {
                applied.add("bom-and-trailing");
                return "\uFEFF" + text + (rnd.nextBoolean() ? "}}]]" : " " + text);
            }
            case 6 -> {
                applied.add("invalid-utf8-decoded");
                return new String(invalidUtf8(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            }
            default -> {
                applied.add("latin1-mojibake");
                return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
    }

    private static final byte[][] BAD_UTF8 = {
        {(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0x80}, {0x00}};

    private byte[] invalidUtf8(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 16);
        int cuts = 1 + rnd.nextInt(3);
        int prev = 0;
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < cuts; i++) {
            at.add(b.length == 0 ? 0 : rnd.nextInt(b.length));
        }
        at.sort(null);
        for (int p : at) {
            out.write(b, prev, p - prev);
            byte[] bad = BAD_UTF8[rnd.nextInt(BAD_UTF8.length)];
            out.write(bad, 0, bad.length);
            prev = p;
        }
        out.write(b, prev, b.length - prev);
        applied.add("invalid-utf8-bytes");
        return out.toByteArray();
    }

    static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 20) + "…(" + s.length() + ")";
    }
}
