package io.flanks.console.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flanks.console.common.JsonLines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Append-only {@code audit.jsonl} in the data dir: one JSON object a line, written and forced
 * to disk before {@link #append} returns, so the UI reports an outcome only once it is on disk.
 * A torn or unreadable line is skipped on reading and never rewritten.
 */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    public static final String FILE = "audit.jsonl";

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper();

    public AuditLog(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    /** Appends and fsyncs one entry; thread-safe within this process. */
    public synchronized void append(AuditEntry e) throws IOException {
        ObjectNode n = mapper.createObjectNode();
        n.put("time", e.time().toString());
        n.put("os_user", e.osUser());
        n.put("environment", e.environment());
        n.put("base_url", e.baseUrl());
        n.put("action", e.action());
        n.put("credentials_token", e.credentialsToken());
        n.put("bank", e.bank());
        n.put("external_id", e.externalId());
        n.put("outcome", e.outcome());
        n.put("message", e.message());
        n.put("flow_token", e.flowToken());
        byte[] line = (mapper.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(file.getParent());
        if (JsonLines.endsMidLine(file)) {
            // a crash cut the last line short: start ours on a fresh line, keep the torn one
            JsonLines.append(file, new byte[] {'\n'}, false);
        }
        JsonLines.append(file, line, true);
    }

    /** Every readable entry, oldest first; torn lines are skipped (and left in the file). */
    public List<AuditEntry> readAll() {
        List<AuditEntry> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("Could not read the audit log {}: {}", file, e.toString());
            return out;
        }
        int skipped = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = mapper.readTree(line);
                out.add(new AuditEntry(Instant.parse(n.path("time").asText()), text(n, "os_user"),
                        text(n, "environment"), text(n, "base_url"), text(n, "action"),
                        text(n, "credentials_token"), text(n, "bank"), text(n, "external_id"),
                        text(n, "outcome"), text(n, "message"), text(n, "flow_token")));
            } catch (IOException | RuntimeException ex) {
                skipped++;
            }
        }
        if (skipped > 0) {
            LOG.warn("Skipped {} unreadable line(s) in {}", skipped, file);
        }
        return out;
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
