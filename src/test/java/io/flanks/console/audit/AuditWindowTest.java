package io.flanks.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.common.Background;
import io.flanks.console.common.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File > Audit log: newest first, filtered by token and action, and readable at its size: the
 * time whole in its column, every header whole, a token by both its ends.
 */
@ExtendWith(ApplicationExtension.class)
class AuditWindowTest {
    private static final String TOKEN_A = "74cb02739d679f05989b056ddc019687156e17fb";
    private static final String TOKEN_B = "9dcb9d00aa11bb22cc33dd44ee55ff6600778326";
    private AuditWindow window;
    private AuditLog log;
    private Stage owner;

    @Start
    void start(Stage owner) throws Exception {
        this.owner = owner;
        I18n.use(Locale.ENGLISH);
        io.flanks.console.app.Theme.apply(false);
        Path dir = Files.createTempDirectory("audit-window");
        log = new AuditLog(dir);
        log.append(entry("2026-12-01T09:15:00Z", "force_sca", TOKEN_A, AuditEntry.OK));
        log.append(entry("2026-12-01T19:31:00Z", "delete", TOKEN_B, AuditEntry.ERROR));
        log.append(entry("2026-12-01T12:00:00Z", "force_reset", TOKEN_A, AuditEntry.OK));
        owner.setScene(new javafx.scene.Scene(new javafx.scene.control.Label("owner"), 300, 100)); // a window needs a scene to be drawn
        owner.show();
        window = new AuditWindow(owner, log, Background.direct(),
                List.of(getClass().getResource("/css/app.css").toExternalForm()));
        window.show();
    }

    private static AuditEntry entry(String time, String action, String token, String outcome) {
        return new AuditEntry(Instant.parse(time), "ana", "SANDBOX", "http://127.0.0.1:8080", action, token, "bbva",
                "user-2224", outcome, AuditEntry.ERROR.equals(outcome) ? "The service is unavailable" : null, "****fa58");
    }

    @SuppressWarnings("unchecked")
    private TableView<AuditEntry> table(FxRobot robot) {
        return robot.from(window.stage().getScene().getRoot()).lookup("#auditTable").queryAs(TableView.class);
    }

    @Test
    void newestFirstAndFilteredByTokenAndAction(FxRobot robot) throws Exception {
        assertThat(table(robot).getItems()).extracting(AuditEntry::action).containsExactly("delete", "force_reset", "force_sca");
        robot.clickOn("#auditToken").write("17fb");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getItems()).extracting(AuditEntry::action).containsExactly("force_reset", "force_sca");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#auditAction").queryComboBox().setValue("force_sca")).get(5, TimeUnit.SECONDS);
        assertThat(table(robot).getItems()).extracting(AuditEntry::action).containsExactly("force_sca");
    }

    @Test
    void timesAndHeadersShowWholeAndTokensByBothEnds(FxRobot robot) throws Exception {
        List<String[]> shown = shownTexts(table(robot));
        assertThat(shown).filteredOn(s -> s[0].equals("Time (UTC)")).hasSize(3)
                .allSatisfy(s -> assertThat(s[2]).as("the whole time").isEqualTo(s[1]));
        assertThat(shown).filteredOn(s -> s[0].equals("header")).hasSizeGreaterThan(5)
                .allSatisfy(s -> assertThat(s[2]).as("header %s", s[1]).isEqualTo(s[1]));
        assertThat(shown).filteredOn(s -> s[1].equals(TOKEN_A)).isNotEmpty()
                .allSatisfy(s -> assertThat(s[2]).as("a token by both ends").startsWith("74cb").endsWith("6e17fb"));
    }

    @Test
    void inSpanishTooEveryHeaderShowsWhole(FxRobot robot) throws Exception {
        AuditWindow spanish = WaitForAsyncUtils.asyncFx(() -> {
            I18n.use(Locale.forLanguageTag("es"));
            AuditWindow w = new AuditWindow(owner, log, Background.direct(),
                    List.of(getClass().getResource("/css/app.css").toExternalForm()));
            w.show();
            return w;
        }).get(5, TimeUnit.SECONDS);
        try {
            @SuppressWarnings("unchecked")
            TableView<AuditEntry> t = (TableView<AuditEntry>) spanish.stage().getScene().lookup("#auditTable");
            List<String[]> shown = shownTexts(t);
            assertThat(shown).filteredOn(s -> s[0].equals("header")).hasSizeGreaterThan(5)
                    .allSatisfy(s -> assertThat(s[2]).as("header %s", s[1]).isEqualTo(s[1]));
        } finally {
            WaitForAsyncUtils.asyncFx(() -> {
                spanish.stage().hide();
                I18n.use(Locale.ENGLISH);
            }).get(5, TimeUnit.SECONDS);
        }
    }

    /** {column or "header", text, text as drawn} of every cell with text and every column header (FX thread). */
    private static List<String[]> shownTexts(TableView<AuditEntry> table) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String[]> out = new java.util.ArrayList<>();
            for (Node n : table.lookupAll(".table-row-cell .table-cell")) {
                TableCell<?, ?> c = (TableCell<?, ?>) n;
                if (c.getText() != null && c.isVisible()) {
                    out.add(new String[] {c.getTableColumn().getText(), c.getText(), io.flanks.console.common.DrawnText.of(c)});
                }
            }
            for (Node n : table.lookupAll(".column-header .label")) {
                Labeled l = (Labeled) n;
                out.add(new String[] {"header", l.getText(), io.flanks.console.common.DrawnText.of(l)});
            }
            return out;
        }).get(5, TimeUnit.SECONDS);
    }
}
