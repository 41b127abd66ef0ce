package io.flanks.console.bulk;

import io.flanks.console.api.CredentialStatus;
import io.flanks.console.api.FlagGroups;
import io.flanks.console.api.Flags;
import io.flanks.console.credentials.CredentialRow;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes credentials as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read
 * bank names right). One column per table column, then every flag: {@code true}, {@code false},
 * or empty when the server did not say. Flow tokens are never written, only whether each is
 * set: a flow token lets someone act on an end user's account. The credentials token is the
 * row's identity and is written in full. Cells a spreadsheet would run as a formula get a
 * leading quote. No JavaFX: rows are snapshot on the UI thread and written elsewhere.
 */
public final class CsvExport {

    /** One row as it was when the export started (the health word already in the person's language). */
    public record Line(String healthWord, String bankName, String bankId, String externalId, String token,
                       CredentialStatus status) {

        public static Line of(CredentialRow r, String healthWord) {
            return new Line(healthWord, r.bankName(), r.bankId(), r.externalId(), r.token(), r.status());
        }
    }

    private static final List<String> HEADER;

    static {
        List<String> h = new ArrayList<>(List.of("health", "bank_name", "bank_id", "external_id", "credentials_token",
                "created_utc", "last_update_utc", "last_transaction_date", "errored_count",
                "pending", "blocked", "reset_token_set", "sca_token_set", "transaction_token_set"));
        for (String group : List.of("created", "errored")) {
            Flags.PRODUCT_KEYS.forEach(k -> h.add(group + ".product." + k));
            Flags.TRANSACTION_KEYS.forEach(k -> h.add(group + ".transactions." + k));
        }
        HEADER = Collections.unmodifiableList(h);
    }

    private CsvExport() {
    }

    public static List<String> header() {
        return HEADER;
    }

    /** The cells of one line, in {@link #header()} order, already made safe for spreadsheets. */
    public static List<String> cells(Line l) {
        CredentialStatus s = l.status();
        List<String> c = new ArrayList<>(HEADER.size());
        c.add(l.healthWord());
        c.add(l.bankName());
        c.add(l.bankId());
        c.add(l.externalId());
        c.add(l.token());
        c.add(iso(s == null ? null : s.createdAt()));
        c.add(iso(s == null ? null : s.lastUpdateInstant()));
        LocalDate tx = s == null ? null : s.lastTransactionDate();
        c.add(tx == null ? "" : tx.toString());
        c.add(s == null ? "" : String.valueOf(s.errored().countTrue()));
        c.add(bool(s == null ? null : s.pending()));
        c.add(bool(s == null ? null : s.blocked()));
        c.add(bool(s == null ? null : s.resetToken() != null));
        c.add(bool(s == null ? null : s.scaToken() != null));
        c.add(bool(s == null ? null : s.transactionToken() != null));
        for (FlagGroups g : s == null ? List.of(FlagGroups.UNKNOWN, FlagGroups.UNKNOWN) : List.of(s.created(), s.errored())) {
            Flags.PRODUCT_KEYS.forEach(k -> c.add(bool(g.product().get(k))));
            Flags.TRANSACTION_KEYS.forEach(k -> c.add(bool(g.transactions().get(k))));
        }
        c.replaceAll(CsvExport::safe);
        return c;
    }

    /**
     * Writes {@code lines} to {@code target} atomically: a temporary file beside it, then a move,
     * so a reader never sees half a file and a failed export leaves the old file as it was.
     * Stops with {@link java.util.concurrent.CancellationException} when {@code cancelled} says so.
     * Returns the number of credentials written.
     */
    public static int write(List<Line> lines, Path target, BooleanSupplier cancelled) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write('\uFEFF'); // before the printer: it writes the header as it is made
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get());
                int n = 0;
                for (Line l : lines) {
                    if ((++n & 1023) == 0 && cancelled.getAsBoolean()) {
                        throw new java.util.concurrent.CancellationException("Export cancelled");
                    }
                    csv.printRecord(cells(l));
                }
                csv.flush();
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return lines.size();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * CSV injection: a cell starting with {@code = + - @} (or a tab or carriage return) is read as
     * a formula by spreadsheet programs; a leading single quote makes it plain text.
     */
    static String safe(String v) {
        if (v == null || v.isEmpty()) {
            return "";
        }
        char c = v.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + v : v;
    }

    private static String bool(Boolean b) {
        return b == null ? "" : b.toString();
    }

    private static String iso(Instant t) {
        return t == null ? "" : t.toString();
    }
}
