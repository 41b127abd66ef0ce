package io.flanks.console.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.app.MainWindow;
import io.flanks.console.app.TestHost;
import io.flanks.console.credentials.CredentialsViewModel;
import io.flanks.console.sandbox.SandboxConfig;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first window draws its first rows with the table alone; the menu bar and the search field
 * (with the quick filters) come a few frames later. Shortcuts pressed before that are not lost:
 * Ctrl+F focuses the search field once it is there, a menu item's shortcut (Ctrl+E, export)
 * works at once, and once the menu bar is in, its own shortcut works, once a press.
 */
@ExtendWith(ApplicationExtension.class)
class FirstWindowShortcutsTest {
    private TestHost.Opened opened;
    private CredentialsViewModel credentials;
    private MainWindow window;
    private Scene scene;
    private final AtomicInteger exportsAsked = new AtomicInteger();
    private boolean chromeMissingAtFirstKeys;

    @Start
    void start(Stage stage) throws Exception {
        opened = TestHost.open(SandboxConfig.defaults(), 2, true);
        credentials = opened.credentials();
        window = opened.window();
        window.bulkView().setChooser((owner, name) -> {
            exportsAsked.incrementAndGet();
            return null; // the user cancels the file dialog
        });
        scene = new Scene(window.root(), 1400, 850);
        stage.setScene(scene);
        stage.show();
        // before any rows, so before the menu bar and the search field are in the window
        chromeMissingAtFirstKeys = scene.lookup("#search") == null && scene.lookup(".menu-bar") == null;
        shortcut(KeyCode.F);
        shortcut(KeyCode.E);
        credentials.reload();
    }

    private void shortcut(KeyCode key) {
        boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
        Event.fireEvent(scene, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, !mac, false, mac));
    }

    @AfterEach
    void tearDown() throws Exception {
        opened.close();
    }

    @Test
    void shortcutsPressedBeforeTheMenusAndSearchFieldAreThereAreNotLost() throws Exception {
        window.whenDetailLaidOut().toCompletableFuture().get(20, TimeUnit.SECONDS);

        assertThat(chromeMissingAtFirstKeys).as("the keys came before the menu bar and the search field").isTrue();
        assertThat(exportsAsked.get()).as("Ctrl+E before the menu bar: the export asked for its file").isEqualTo(1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.Node search = scene.lookup("#search");
            return search != null && scene.getFocusOwner() == search;
        }).get());

        WaitForAsyncUtils.asyncFx(() -> shortcut(KeyCode.E)).get(5, TimeUnit.SECONDS);
        assertThat(exportsAsked.get()).as("Ctrl+E with the menu bar in: once a press").isEqualTo(2);
    }
}
