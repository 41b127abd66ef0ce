package io.flanks.console.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the API's JSON liberally (NOTES.md): {@code transaction} or {@code transactions},
 * missing flag = unknown, timestamps in seconds or milliseconds, unknown keys ignored, one odd
 * list item never fails the page. Everything that is not readable at all becomes
 * {@link ApiException.Malformed}; no other exception leaves this class.
 */
public final class ApiParser {
    private static final Logger LOG = LoggerFactory.getLogger(ApiParser.class);

    /** Above this a timestamp is taken as milliseconds (NOTES.md). */
    static final long MILLIS_THRESHOLD = 100_000_000_000L;
    static final int SNIPPET_CHARS = 500;

    static final int SHARED_MAX = 20_000;

    private final ObjectMapper mapper;
    private final java.util.concurrent.ConcurrentHashMap<Object, Object> sharedValues = new java.util.concurrent.ConcurrentHashMap<>();

    public ApiParser() {
        mapper = new ObjectMapper();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(200)
                .maxStringLength(1_000_000)
                .build());
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Parses a whole body; {@code status} is only used for the error's details. */
    public JsonNode tree(String body, int httpStatus) throws ApiException.Malformed {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw malformed("The server sent an empty response.", httpStatus, body);
            }
            return node;
        } catch (JsonProcessingException | RuntimeException e) {
            throw malformed("The server's response is not valid JSON.", httpStatus, body);
        }
    }

    public CredentialStatus status(String body) throws ApiException.Malformed {
        JsonNode node = tree(body, 200);
        if (!node.isObject()) {
            throw malformed("The credential's status is not a JSON object.", 200, body);
        }
        return status(node);
    }

    /** Reads a status object as a status call returns it, keeping its raw JSON; never throws. */
    public CredentialStatus status(JsonNode n) {
        return status(n, true);
    }

    /**
     * Reads a status object; never throws (every field is optional). A list item's status is
     * read without its raw JSON ({@code keepRaw} false): at 100,000 credentials that text alone
     * would be about 60 MB, and the detail pane fetches a row's status when it needs it.
     * Values that repeat across credentials (bank names, dates, flag groups) are shared.
     */
    CredentialStatus status(JsonNode n, boolean keepRaw) {
        return new CredentialStatus(
                bool(n.get("pending")),
                bool(n.get("blocked")),
                text(n.get("reset_token")),
                text(n.get("sca_token")),
                text(n.get("transaction_token")),
                shared(text(n.get("name"))),
                shared(date(n.get("last_update"))),
                shared(time(n.get("time"))),
                instant(n.get("last_update_timestamp")),
                instant(n.get("created_at_timestamp")),
                shared(date(n.get("last_transaction_date"))),
                groups(n.get("errored")),
                groups(n.get("created")),
                keepRaw ? n.toString() : null);
    }

    public ListPage listPage(String body, int requestedPage) throws ApiException.Malformed {
        JsonNode root = tree(body, 200);
        JsonNode items;
        if (root.isArray()) {
            items = root; // a bare array is a whole list too
        } else if (root.isObject() && root.get("items") != null && root.get("items").isArray()) {
            items = root.get("items");
        } else {
            throw malformed("The credentials list has no \"items\" array.", 200, body);
        }
        List<CredentialItem> out = new ArrayList<>(items.size());
        int skipped = 0;
        for (JsonNode item : items) {
            CredentialItem ci = item(item);
            if (ci == null) {
                skipped++;
            } else {
                out.add(ci);
            }
        }
        if (skipped > 0) {
            LOG.warn("Skipped {} list item(s) without a credentials_token on page {}", skipped, requestedPage);
        }
        int page = requestedPage;
        int pages = 1;
        if (root.isObject()) {
            Long p = integer(root.get("page"));
            Long ps = integer(root.get("pages"));
            if (p != null && p > 0 && p < Integer.MAX_VALUE) {
                page = p.intValue();
            }
            if (ps != null && ps > 0 && ps <= 10_000_000) {
                pages = ps.intValue();
            } else if (ps == null) {
                pages = page; // no paging keys: this response is the whole list
            }
        }
        return new ListPage(out, page, Math.max(pages, 1));
    }

    /** One list item, or {@code null} when it has no usable token. */
    CredentialItem item(JsonNode item) {
        if (item == null || !item.isObject()) {
            return null;
        }
        String token = text(item.get("credentials_token"));
        if (token == null || token.isBlank()) {
            return null;
        }
        JsonNode st = item.get("status");
        CredentialStatus status = st != null && st.isObject() ? status(st, false) : null;
        String statusText = st != null && !st.isObject() && !st.isNull() ? shorten(st.isTextual() ? st.asText() : st.toString()) : null;
        String bank = shared(text(item.get("bank")));
        if (bank == null && status != null) {
            bank = status.name();
        }
        return new CredentialItem(token, text(item.get("external_id")), bank, status, statusText);
    }

    public ForceResult forceResult(ForceKind kind, String body) throws ApiException.Malformed {
        JsonNode root = tree(body, 200);
        String token = root.isObject() ? text(root.get(kind.tokenField())) : null;
        if (token == null) {
            throw malformed("The server did not return a " + kind.tokenField() + ".", 200, body);
        }
        return new ForceResult(kind, token);
    }

    public List<Bank> banks(String body) throws ApiException.Malformed {
        JsonNode root = tree(body, 200);
        JsonNode arr = root.isArray() ? root : root.get("items");
        if (arr == null || !arr.isArray()) {
            throw malformed("The list of banks is not a JSON array.", 200, body);
        }
        List<Bank> banks = new ArrayList<>();
        for (JsonNode b : arr) {
            if (b.isObject()) {
                String id = text(b.get("id"));
                if (id != null) {
                    String name = text(b.get("name"));
                    banks.add(new Bank(id, name == null ? id : name));
                }
            } else if (b.isTextual()) {
                banks.add(new Bank(b.asText(), b.asText()));
            }
        }
        return banks;
    }

    /** The {@code error} (or {@code message}) of an error body, or {@code null}. */
    public String errorMessage(String body) {
        try {
            JsonNode n = mapper.readTree(body);
            if (n != null && n.isObject()) {
                String e = text(n.get("error"));
                if (e == null) {
                    e = text(n.get("message"));
                }
                return e == null ? null : shorten(e);
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // not JSON: the caller shows the status and the body's start instead
        }
        return null;
    }

    /**
     * One shared instance per distinct value, so 100,000 credentials at a handful of banks and
     * dates hold a handful of objects. Bounded: past {@link #SHARED_MAX} values, new ones are
     * simply not shared.
     */
    private <T> T shared(T value) {
        if (value == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        T known = (T) sharedValues.get(value);
        if (known != null) {
            return known;
        }
        if (sharedValues.size() < SHARED_MAX) {
            sharedValues.putIfAbsent(value, value);
        }
        return value;
    }

    static ApiException.Malformed malformed(String message, int status, String body) {
        return new ApiException.Malformed(message, status, snippet(body));
    }

    /** The first ~500 characters of a body, for a details view. */
    public static String snippet(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= SNIPPET_CHARS ? body : body.substring(0, SNIPPET_CHARS) + "…";
    }

    private static String shorten(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000) + "…";
    }

    private FlagGroups groups(JsonNode n) {
        if (n == null || !n.isObject()) {
            return FlagGroups.UNKNOWN;
        }
        JsonNode tx = n.get("transactions");
        if (tx == null || tx.isNull()) {
            tx = n.get("transaction");
        }
        return FlagGroups.of(flags(n.get("product"), Flags.PRODUCT_KEYS), flags(tx, Flags.TRANSACTION_KEYS));
    }

    private Flags flags(JsonNode n, List<String> keys) {
        if (n == null || !n.isObject()) {
            return Flags.UNKNOWN;
        }
        int known = 0;
        int trues = 0;
        for (String k : keys) {
            Boolean b = bool(n.get(k));
            if (b != null) {
                int bit = 1 << Flags.bit(k);
                known |= bit;
                if (b) {
                    trues |= bit;
                }
            }
        }
        return Flags.of(known, trues); // shared instances: no allocation per credential
    }

    static Boolean bool(JsonNode n) {
        if (n == null) {
            return null;
        }
        JsonNodeType t = n.getNodeType();
        if (t == JsonNodeType.BOOLEAN) {
            return n.booleanValue();
        }
        if (t == JsonNodeType.STRING) {
            String s = n.textValue().trim();
            if (s.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (s.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
            return null;
        }
        if (t == JsonNodeType.NUMBER && n.canConvertToLong()) {
            long v = n.longValue();
            return v == 1 ? Boolean.TRUE : v == 0 ? Boolean.FALSE : null;
        }
        return null;
    }

    static String text(JsonNode n) {
        // a boolean is never text: "reset_token": false means "no token", not the token "false"
        if (n == null || n.isNull() || n.isContainerNode() || n.isMissingNode() || n.isBoolean()) {
            return null;
        }
        String s = n.isTextual() ? n.textValue() : n.asText();
        return s == null ? null : shorten(s);
    }

    static Long integer(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            if (n.isIntegralNumber() && n.canConvertToLong()) {
                return n.longValue();
            }
            if (n.isFloatingPointNumber()) {
                double d = n.doubleValue();
                return Double.isFinite(d) && Math.abs(d) < 9.0e18 ? (long) d : null;
            }
            return null;
        }
        if (n.isTextual()) {
            try {
                return Long.parseLong(n.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static Instant instant(JsonNode n) {
        Long v = integer(n);
        if (v == null || v <= 0) {
            return null;
        }
        try {
            return v > MILLIS_THRESHOLD ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static LocalDate date(JsonNode n) {
        String s = text(n);
        if (s == null || s.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(s.substring(0, 10));
        } catch (RuntimeException e) {
            return null;
        }
    }

    static LocalTime time(JsonNode n) {
        String s = text(n);
        if (s == null) {
            return null;
        }
        try {
            return LocalTime.parse(s.trim());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
