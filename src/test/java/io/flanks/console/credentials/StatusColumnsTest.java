package io.flanks.console.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.api.CredentialItem;
import io.flanks.console.api.CredentialStatus;
import io.flanks.console.api.FlagGroups;
import io.flanks.console.api.Flags;
import io.flanks.console.app.Session;
import io.flanks.console.common.FxBackground;
import io.flanks.console.common.I18n;
import io.flanks.console.sandbox.SandboxConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The columns that show something of a row's status (created, updated, last transaction,
 * errors) hand their cells the row's own status property, not a binding made per cell and row,
 * and show what they showed before: the values, a dash or "?" where the status is not known
 * yet, and a new status as soon as the row gets it.
 */
@ExtendWith(ApplicationExtension.class)
class StatusColumnsTest {
    private static final List<String> STATUS_COLUMNS = List.of("col-created", "col-updated", "col-lastTx", "col-errored");
    private Session session;
    private FxBackground background;
    private CredentialsViewModel vm;
    private CredentialsView view;

    @Start
    void start(Stage stage) throws Exception {
        I18n.use(Locale.ENGLISH);
        session = Session.sandbox(SandboxConfig.defaults());
        background = new FxBackground(2);
        vm = new CredentialsViewModel(session.client(), background, Clock.systemUTC());
        view = new CredentialsView(vm, Clock.systemUTC());
        vm.applyPage(0, List.of(new CredentialItem("tok-known", "e1", "bbva", status(2), null),
                new CredentialItem("tok-unknown", "e2", "bbva", null, null)), 1, 1);
        stage.setScene(new Scene(view.table(), 1200, 300));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        background.close();
        session.close();
    }

    private static CredentialStatus status(int errored) {
        FlagGroups flags = FlagGroups.of(Flags.of(0b111, (1 << errored) - 1), Flags.UNKNOWN);
        return new CredentialStatus(false, false, null, null, null, "bbva", LocalDate.of(2026, 11, 30), null,
                Instant.parse("2026-11-30T10:00:00Z"), Instant.parse("2025-01-02T03:04:05Z"), LocalDate.of(2026, 11, 29),
                flags, null, null);
    }

    @Test
    void statusColumnsHandCellsTheRowsOwnStatusProperty() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            CredentialRow row = vm.allRows().get(0);
            for (String id : STATUS_COLUMNS) {
                TableColumn<CredentialRow, ?> col = column(id);
                assertThat(col.getCellObservableValue(row)).as(id).isSameAs(row.statusProperty());
            }
            return null;
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void cellsShowTheStatusOrThatItIsNotKnownAndFollowANewOne() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(texts(0)).containsExactly("2025-01-02", "2026-11-29", "2");
        assertThat(texts(1)).containsExactly("–", "", "?");
        WaitForAsyncUtils.asyncFx(() -> vm.allRows().get(1).update(new CredentialItem("tok-unknown", "e2", "bbva", status(1), null)))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(texts(1)).as("the row's new status").containsExactly("2025-01-02", "2026-11-29", "1");
    }

    /** Row {@code index}'s created, last transaction and errors cells (the updated one is relative to now). */
    private List<String> texts(int index) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> List.of("col-created", "col-lastTx", "col-errored").stream()
                .map(id -> view.table().lookupAll(".table-cell").stream()
                        .map(n -> (TableCell<?, ?>) n)
                        .filter(c -> c.getTableColumn() != null && id.equals(c.getTableColumn().getId()) && c.getIndex() == index)
                        .findFirst().map(c -> c.getText() == null ? "" : c.getText()).orElse("no cell"))
                .toList()).get(10, TimeUnit.SECONDS);
    }

    private TableColumn<CredentialRow, ?> column(String id) {
        return view.table().getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }
}
