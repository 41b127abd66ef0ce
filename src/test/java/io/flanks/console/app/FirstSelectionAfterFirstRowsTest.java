package io.flanks.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.common.FxBackground;
import io.flanks.console.credentials.CredentialRow;
import io.flanks.console.credentials.CredentialsViewModel;
import io.flanks.console.sandbox.SandboxConfig;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A load into a shown window with an empty table (a reload after the account was emptied, an
 * environment switched) draws its first rows in a frame of their own: the load selects the first
 * row, and so fills the detail pane, only after that frame. In a cold JVM the two together held
 * the UI thread for 65-107 ms in one frame.
 */
@ExtendWith(ApplicationExtension.class)
class FirstSelectionAfterFirstRowsTest {
    private TestHost.Opened opened;
    /** Per layout pass with rows in the table: the row selected then (null: none). */
    private final List<java.util.Optional<CredentialRow>> selectedPerPassWithRows = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        opened = TestHost.open(SandboxConfig.defaults(), 4, false);
        stage.setScene(new Scene(opened.window().root(), 1400, 850));
        stage.show();
        stage.getScene().addPostLayoutPulseListener(() -> {
            if (!opened.window().credentialsView().table().getItems().isEmpty()) {
                selectedPerPassWithRows.add(java.util.Optional.ofNullable(opened.credentials().selectedProperty().get()));
            }
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        opened.close();
    }

    @Test
    void theFirstRowsAreLaidOutBeforeTheLoadSelectsTheFirstRow() throws Exception {
        CredentialsViewModel credentials = opened.credentials();
        WaitForAsyncUtils.asyncFx(credentials::reload).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> credentials.selectedProperty().get() != null);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> selectedPerPassWithRows.stream().anyMatch(java.util.Optional::isPresent));

        assertThat(selectedPerPassWithRows.get(0)).as("the frame that lays out the first rows selects nothing yet").isEmpty();
        CredentialRow first = WaitForAsyncUtils.asyncFx(() -> opened.window().credentialsView().table().getItems().get(0))
                .get(5, TimeUnit.SECONDS);
        assertThat(credentials.selectedProperty().get()).as("then the load selects the first row").isSameAs(first);
    }
}
