package io.flanks.console.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes the vendor's CredentialStatus and list shapes key by key, in the vendor's order, with
 * every key present (null where there is no value yet).
 */
final class StatusJson {

    private StatusJson() {
    }

    static byte[] status(StatusView status) {
        return write(256 * 3, g -> writeStatus(g, status));
    }

    static byte[] page(List<Credential> items, List<StatusView> statuses, int page, int pages) {
        return write(900 * Math.max(1, items.size()), g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("items");
            for (int i = 0; i < items.size(); i++) {
                Credential credential = items.get(i);
                g.writeStartObject();
                g.writeStringField("credentials_token", credential.token);
                g.writeStringField("external_id", credential.externalId);
                g.writeStringField("bank", credential.bank);
                g.writeFieldName("status");
                writeStatus(g, statuses.get(i));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("page", page);
            g.writeNumberField("pages", pages);
            g.writeEndObject();
        });
    }

    private static void writeStatus(JsonGenerator g, StatusView s) throws IOException {
        LocalDateTime updated = s.lastUpdate() == null
                ? null : LocalDateTime.ofEpochSecond(s.lastUpdate(), 0, ZoneOffset.UTC);
        g.writeStartObject();
        g.writeBooleanField("pending", s.pending());
        g.writeBooleanField("blocked", s.blocked());
        g.writeStringField("reset_token", s.resetToken());
        g.writeStringField("last_transaction_date",
                s.lastTransactionDate() == null ? null : s.lastTransactionDate().toString());
        g.writeStringField("sca_token", s.scaToken());
        g.writeStringField("transaction_token", s.transactionToken());
        g.writeStringField("name", s.name());
        g.writeStringField("last_update", updated == null ? null : updated.toLocalDate().toString());
        g.writeStringField("time", updated == null ? null : hhmm(updated));
        if (s.lastUpdate() == null) {
            g.writeNullField("last_update_timestamp");
        } else {
            g.writeNumberField("last_update_timestamp", s.lastUpdate());
        }
        g.writeNumberField("created_at_timestamp", s.createdAt());
        writeFlags(g, "errored", s.errored());
        writeFlags(g, "created", s.created());
        g.writeEndObject();
    }

    private static void writeFlags(JsonGenerator g, String name, int mask) throws IOException {
        g.writeObjectFieldStart(name);
        for (Flag.Group group : Flag.Group.values()) {
            g.writeObjectFieldStart(group.key);
            for (Flag flag : Flag.values()) {
                if (flag.group == group) {
                    g.writeBooleanField(flag.key, (mask & flag.bit) != 0);
                }
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static String hhmm(LocalDateTime time) {
        int h = time.getHour();
        int m = time.getMinute();
        return new String(new char[] {(char) ('0' + h / 10), (char) ('0' + h % 10), ':',
                (char) ('0' + m / 10), (char) ('0' + m % 10)});
    }

    private interface Body {
        void writeTo(JsonGenerator generator) throws IOException;
    }

    private static byte[] write(int sizeHint, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint);
        try (JsonGenerator generator = Json.MAPPER.getFactory().createGenerator(out)) {
            body.writeTo(generator);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write status JSON", e);
        }
        return out.toByteArray();
    }
}
