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
    /** Dates and times by their text (one map per reader: a text means something else to each). */
    private final java.util.concurrent.ConcurrentHashMap<String, Object> datesByText = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<String, Object> timesByText = new java.util.concurrent.ConcurrentHashMap<>();

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
        return status(n::get, keepRaw ? n.toString() : null);
    }

    /**
     * The status from its fields, however they were read: nodes of a tree, or of a stream
     * ({@link #listPage}), where flag groups come already read as {@link FlagGroups}.
     */
    private CredentialStatus status(java.util.function.Function<String, Object> field, String raw) {
        java.util.function.Function<String, JsonNode> n = k -> (JsonNode) field.apply(k);
        return new CredentialStatus(
                bool(n.apply("pending")),
                bool(n.apply("blocked")),
                text(n.apply("reset_token")),
                text(n.apply("sca_token")),
                text(n.apply("transaction_token")),
                shared(text(n.apply("name"))),
                parsed(n.apply("last_update"), ApiParser::date, datesByText),
                parsed(n.apply("time"), ApiParser::time, timesByText),
                instant(n.apply("last_update_timestamp")),
                instant(n.apply("created_at_timestamp")),
                parsed(n.apply("last_transaction_date"), ApiParser::date, datesByText),
                field.apply("errored") instanceof FlagGroups g ? g : groups(n.apply("errored")),
                field.apply("created") instanceof FlagGroups g ? g : groups(n.apply("created")),
                raw);
    }

    /** The keys a status is read from; a streamed status keeps only these (see {@link #streamStatus}). */
    private static final List<String> STATUS_KEYS = List.of("pending", "blocked", "reset_token", "sca_token",
            "transaction_token", "name", "last_update", "time", "last_update_timestamp", "created_at_timestamp",
            "last_transaction_date", "errored", "created");
    private static final Map<String, Integer> STATUS_INDEX = new java.util.HashMap<>();

    static {
        for (int i = 0; i < STATUS_KEYS.size(); i++) {
            STATUS_INDEX.put(STATUS_KEYS.get(i), i);
        }
    }

    /**
     * One page of the list. The usual shape (an object with an {@code items} array of objects)
     * is read as a stream, field by field, without building a tree of the whole page: at
     * 100,000 credentials that tree was most of the client's work. Anything else, and anything
     * not valid JSON, is read by the tree reader below, which decides what it means.
     */
    public ListPage listPage(String body, int requestedPage) throws ApiException.Malformed {
        try {
            ListPage streamed = streamListPage(body, requestedPage);
            if (streamed != null) {
                return streamed;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not the usual shape, or not JSON: the tree reader says which
        }
        return treeListPage(body, requestedPage);
    }

    /**
     * One page of the list as the server's bytes, UTF-8: the same page as {@link #listPage(String, int)}
     * of those bytes decoded, read without decoding them first (Jackson reads bytes about a third
     * faster than a string). A body that does not open with '{' and an ASCII byte is decoded and
     * read as a string, so Jackson never guesses another encoding (UTF-16 or 32) from its first bytes.
     */
    public ListPage listPage(byte[] body, int requestedPage) throws ApiException.Malformed {
        if (body.length > 1 && body[0] == '{' && body[1] > 0) {
            try (com.fasterxml.jackson.core.JsonParser p = mapper.getFactory().createParser(body)) {
                ListPage streamed = streamListPage(p, requestedPage);
                if (streamed != null) {
                    return streamed;
                }
            } catch (java.io.IOException | RuntimeException e) {
                // not the usual shape, not JSON or not UTF-8: the string path below says which
            }
        }
        return listPage(new String(body, java.nio.charset.StandardCharsets.UTF_8), requestedPage);
    }

    /** The tree reader: any shape the API may send (NOTES.md). Public for tests comparing the two readers. */
    public ListPage treeListPage(String body, int requestedPage) throws ApiException.Malformed {
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
        if (!root.isObject()) {
            return new ListPage(out, requestedPage, 1); // a bare array is the whole list
        }
        return new ListPage(out, pageOf(root.get("page"), requestedPage),
                pagesOf(root.get("page"), root.get("pages"), requestedPage));
    }

    /** The usual page shape as a stream; {@code null} (or an exception) when it is not that shape. */
    public ListPage streamListPage(String body, int requestedPage) throws java.io.IOException {
        try (com.fasterxml.jackson.core.JsonParser p = mapper.getFactory().createParser(body)) {
            return streamListPage(p, requestedPage);
        }
    }

    private ListPage streamListPage(com.fasterxml.jackson.core.JsonParser p, int requestedPage) throws java.io.IOException {
        if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
            return null;
        }
        List<CredentialItem> out = null;
        JsonNode pageNode = null;
        JsonNode pagesNode = null;
        int skipped = 0;
        while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
            String key = p.currentName();
            com.fasterxml.jackson.core.JsonToken t = p.nextToken();
            if ("items".equals(key)) {
                if (t != com.fasterxml.jackson.core.JsonToken.START_ARRAY || out != null) {
                    return null; // not an array, or twice: the tree reader's rules apply
                }
                out = new ArrayList<>();
                while (p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                    if (p.currentToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                        return null;
                    }
                    CredentialItem ci = streamItem(p);
                    if (ci == null) {
                        skipped++;
                    } else {
                        out.add(ci);
                    }
                }
            } else if ("page".equals(key)) {
                pageNode = value(p);
            } else if ("pages".equals(key)) {
                pagesNode = value(p);
            } else {
                p.skipChildren();
            }
        }
        if (out == null || p.currentToken() != com.fasterxml.jackson.core.JsonToken.END_OBJECT) {
            return null;
        }
        if (skipped > 0) {
            LOG.warn("Skipped {} list item(s) without a credentials_token on page {}", skipped, requestedPage);
        }
        return new ListPage(out, pageOf(pageNode, requestedPage), pagesOf(pageNode, pagesNode, requestedPage));
    }

    /** One item object, the parser on its START_OBJECT; {@code null} when it has no usable token. */
    private CredentialItem streamItem(com.fasterxml.jackson.core.JsonParser p) throws java.io.IOException {
        JsonNode token = null;
        JsonNode external = null;
        JsonNode bankNode = null;
        Object[] status = null;
        JsonNode other = null;
        while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
            String key = p.currentName();
            com.fasterxml.jackson.core.JsonToken t = p.nextToken();
            switch (key) {
                case "credentials_token" -> token = value(p);
                case "external_id" -> external = value(p);
                case "bank" -> bankNode = value(p);
                case "status" -> {
                    // the last "status" counts, as in a tree
                    if (t == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                        status = streamStatus(p);
                        other = null;
                    } else {
                        status = null;
                        other = value(p);
                    }
                }
                default -> p.skipChildren();
            }
        }
        String tok = text(token);
        if (tok == null || tok.isBlank()) {
            return null;
        }
        Object[] f = status;
        return item(tok, external, bankNode, f == null ? null : status(k -> f[STATUS_INDEX.get(k)], null), other);
    }

    /** A status object's known fields (unknown ones skipped), the parser on its START_OBJECT. */
    private Object[] streamStatus(com.fasterxml.jackson.core.JsonParser p) throws java.io.IOException {
        Object[] f = new Object[STATUS_KEYS.size()];
        while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
            Integer i = STATUS_INDEX.get(p.currentName());
            com.fasterxml.jackson.core.JsonToken t = p.nextToken();
            if (i == null) {
                p.skipChildren();
            } else if ((i == ERRORED || i == CREATED) && t == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                f[i] = streamGroups(p);
            } else {
                f[i] = value(p);
            }
        }
        return f;
    }

    private static final int ERRORED = STATUS_KEYS.indexOf("errored");
    private static final int CREATED = STATUS_KEYS.indexOf("created");

    /** The value at the parser as a node, scalars without the cost of a tree read. */
    private JsonNode value(com.fasterxml.jackson.core.JsonParser p) throws java.io.IOException {
        com.fasterxml.jackson.databind.node.JsonNodeFactory nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case VALUE_STRING:
                return nodes.textNode(p.getText());
            case VALUE_TRUE:
                return nodes.booleanNode(true);
            case VALUE_FALSE:
                return nodes.booleanNode(false);
            case VALUE_NULL:
                return nodes.nullNode();
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return nodes.numberNode(p.getIntValue());
                    case LONG:
                        return nodes.numberNode(p.getLongValue());
                    default:
                        return nodes.numberNode(p.getBigIntegerValue());
                }
            default:
                return mapper.readTree(p); // objects, arrays, decimals: as a tree would have them
        }
    }

    /** An {@code errored} or {@code created} object, read as a stream (see {@link #groups}). */
    private FlagGroups streamGroups(com.fasterxml.jackson.core.JsonParser p) throws java.io.IOException {
        Flags product = Flags.UNKNOWN;
        Flags transactions = null; // "transactions" wins over "transaction" unless absent or null
        Flags transaction = Flags.UNKNOWN;
        while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
            String key = p.currentName();
            com.fasterxml.jackson.core.JsonToken t = p.nextToken();
            switch (key) {
                case "product" -> product = streamFlags(p, Flags.PRODUCT_KEYS);
                case "transactions" -> transactions = t == com.fasterxml.jackson.core.JsonToken.VALUE_NULL
                        ? null : streamFlags(p, Flags.TRANSACTION_KEYS);
                case "transaction" -> transaction = streamFlags(p, Flags.TRANSACTION_KEYS);
                default -> p.skipChildren();
            }
        }
        return FlagGroups.of(product, transactions != null ? transactions : transaction);
    }

    /** One flag group object as {@link #flags} reads it; anything but an object is unknown. */
    private Flags streamFlags(com.fasterxml.jackson.core.JsonParser p, List<String> keys) throws java.io.IOException {
        if (p.currentToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
            p.skipChildren();
            return Flags.UNKNOWN;
        }
        int known = 0;
        int trues = 0;
        while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            if (!keys.contains(key)) {
                p.skipChildren();
                continue;
            }
            Boolean b = p.currentToken().isStructStart() ? skipAsNull(p) : bool(value(p));
            int bit = 1 << Flags.bit(key);
            known &= ~bit; // the last value of a key counts, as in a tree
            trues &= ~bit;
            if (b != null) {
                known |= bit;
                if (b) {
                    trues |= bit;
                }
            }
        }
        return Flags.of(known, trues);
    }

    private static Boolean skipAsNull(com.fasterxml.jackson.core.JsonParser p) throws java.io.IOException {
        p.skipChildren();
        return null;
    }

    private static int pageOf(JsonNode pageNode, int requestedPage) {
        Long p = integer(pageNode);
        return p != null && p > 0 && p < Integer.MAX_VALUE ? p.intValue() : requestedPage;
    }

    private static int pagesOf(JsonNode pageNode, JsonNode pagesNode, int requestedPage) {
        Long ps = integer(pagesNode);
        int pages;
        if (ps != null && ps > 0 && ps <= 10_000_000) {
            pages = ps.intValue();
        } else if (ps == null) {
            pages = pageOf(pageNode, requestedPage); // no paging keys: this response is the whole list
        } else {
            pages = 1;
        }
        return Math.max(pages, 1);
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
        boolean object = st != null && st.isObject();
        return item(token, item.get("external_id"), item.get("bank"), object ? status(st, false) : null, object ? null : st);
    }

    /**
     * An item from its read parts, for both readers: a status that is not an object is kept as
     * text (one public client models it as a string); without a bank, the status's name is used.
     */
    private CredentialItem item(String token, JsonNode external, JsonNode bankNode, CredentialStatus status,
                                JsonNode notAnObject) {
        String statusText = notAnObject != null && !notAnObject.isNull()
                ? shorten(notAnObject.isTextual() ? notAnObject.asText() : notAnObject.toString()) : null;
        String bank = shared(text(bankNode));
        if (bank == null && status != null) {
            bank = status.name();
        }
        return new CredentialItem(token, text(external), bank, status, statusText);
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

    /**
     * A date or time read once per distinct text: 100,000 statuses share a few hundred dates,
     * and java.time's parser was a third of reading a list page.
     */
    private <T> T parsed(JsonNode n, java.util.function.Function<JsonNode, T> parse,
                         java.util.concurrent.ConcurrentHashMap<String, Object> parsedTexts) {
        if (n == null || !n.isTextual()) {
            return shared(parse.apply(n));
        }
        String key = n.textValue();
        Object known = parsedTexts.get(key);
        if (known != null) {
            @SuppressWarnings("unchecked")
            T t = known == NONE ? null : (T) known;
            return t;
        }
        T value = shared(parse.apply(n));
        if (parsedTexts.size() < SHARED_MAX) {
            parsedTexts.putIfAbsent(key, value == null ? NONE : value);
        }
        return value;
    }

    private static final Object NONE = new Object();

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
