package io.flanks.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.flanks.console.common.FxBackground;
import io.flanks.console.common.I18n;
import io.flanks.console.sandbox.SandboxConfig;
import io.flanks.console.sandbox.SandboxServer;
import io.flanks.console.settings.ConnectionDialog;
import io.flanks.console.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The connection dialog: "Test connection" reports plainly, and no secret reaches the settings file. */
@ExtendWith(ApplicationExtension.class)
class ConnectionDialogTest {
    @TempDir
    Path dir;
    private SandboxServer server;
    private FxBackground background;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        I18n.use(Locale.ENGLISH);
        Theme.apply(false);
        server = SandboxServer.start(SandboxConfig.defaults().withClientSecret("the-real-secret-123"));
        background = new FxBackground(2);
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
        stage.setX(600); // room around the owner, so the dialog opens fully on screen
        stage.setY(300);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        background.close();
        server.close();
    }

    @Test
    void testConnectionReportsFailureAndSuccessAndKeepsTheSecretOutOfTheFile(FxRobot robot) throws Exception {
        Settings settings = new Settings(dir);
        CompletableFuture<Optional<ConnectionDialog.Choice>> result = new CompletableFuture<>();
        io.flanks.console.settings.SecretStore store = new io.flanks.console.settings.SecretStore.MemoryStore();
        Platform.runLater(() -> result.complete(ConnectionDialog.show(stage, settings, background, null, store)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#connApi").tryQuery().map(n -> n.getScene().getWindow().isShowing()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#connSecretNote").queryAs(Label.class).getText()).isEqualTo(I18n.tr("conn.secret.memory"));
        robot.clickOn("#connApi");
        robot.interact(() -> {
            robot.lookup("#connUrl").queryAs(TextField.class).setText(server.baseUrl());
            robot.lookup("#connClientId").queryAs(TextField.class).setText("sandbox-client");
            robot.lookup("#connSecret").queryAs(TextField.class).setText("wrong-secret");
        });
        robot.clickOn("#connTest");
        Label status = robot.lookup("#connResult").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> status.getText().startsWith("Failed"));
        assertThat(status.getText()).isEqualTo("Failed: " + I18n.tr("error.accessDenied"));

        robot.interact(() -> robot.lookup("#connSecret").queryAs(TextField.class).setText("the-real-secret-123"));
        robot.clickOn("#connTest");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> status.getText().equals(I18n.tr("conn.testOk")));

        robot.clickOn("Connect");
        Optional<ConnectionDialog.Choice> choice = result.get(10, TimeUnit.SECONDS);
        assertThat(choice).isPresent();
        assertThat(choice.get().sandbox()).isFalse();
        assertThat(choice.get().environment().baseUrl()).isEqualTo(server.baseUrl());
        assertThat(choice.get().environment().clientSecret()).isEqualTo("the-real-secret-123");
        String file = Files.readString(dir.resolve("settings.properties"));
        assertThat(file).contains("env.clientId=sandbox-client").doesNotContain("the-real-secret-123");
        // the secret went to the secret store (the keychain when there is one), and the dialog said where
        assertThat(store.load(io.flanks.console.settings.SecretStore.account(server.baseUrl(), "sandbox-client")))
                .contains("the-real-secret-123");
    }

    @Test
    void refusesPlainHttpToAnotherHostBeforeSendingAnything(FxRobot robot) throws Exception {
        Settings settings = new Settings(dir);
        Platform.runLater(() -> ConnectionDialog.show(stage, settings, background, null));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#connApi").tryQuery().map(n -> n.getScene().getWindow().isShowing()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#connApi");
        robot.interact(() -> {
            robot.lookup("#connUrl").queryAs(TextField.class).setText("http://api.flanks.io");
            robot.lookup("#connClientId").queryAs(TextField.class).setText("id");
            robot.lookup("#connSecret").queryAs(TextField.class).setText("secret");
        });
        robot.clickOn("#connTest");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#connResult").queryAs(Label.class).getText()).isEqualTo(I18n.tr("conn.invalidUrl"));
        robot.clickOn("Cancel");
    }

    /** In Spanish every field's name shows whole, and the buttons speak Spanish too. */
    @Test
    void inSpanishTheFieldNamesShowWholeAndTheButtonsAreSpanish(FxRobot robot) throws Exception {
        Settings settings = new Settings(dir);
        I18n.use(Locale.forLanguageTag("es"));
        try {
            Platform.runLater(() -> ConnectionDialog.show(stage, settings, background, null));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#connApi").tryQuery().map(n -> n.getScene().getWindow().isShowing()).orElse(false));
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.Parent dialog = robot.lookup("#connApi").query().getScene().getRoot();
            java.util.List<String[]> names = WaitForAsyncUtils.asyncFx(() -> {
                java.util.List<String[]> out = new java.util.ArrayList<>();
                for (String key : new String[] {"conn.baseUrl", "conn.clientId", "conn.clientSecret"}) {
                    Label l = robot.from(dialog).lookup((Label x) -> I18n.tr(key).equals(x.getText())).queryAs(Label.class);
                    out.add(new String[] {l.getText(), io.flanks.console.common.DrawnText.of(l)});
                }
                return out;
            }).get(5, TimeUnit.SECONDS);
            assertThat(names).allSatisfy(n -> assertThat(n[1]).as("shown whole").isEqualTo(n[0]));
            assertThat(robot.from(dialog).lookup(".button").queryAllAs(javafx.scene.control.Button.class))
                    .extracting(javafx.scene.control.Button::getText).contains("Cancelar").doesNotContain("Cancel");
            robot.clickOn("Cancelar");
        } finally {
            I18n.use(Locale.ENGLISH);
        }
    }
}
