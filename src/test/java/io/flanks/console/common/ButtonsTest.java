package io.flanks.console.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.scene.control.ButtonBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The console's dialog buttons follow the language chosen in the console, and close a dialog as cancel does. */
class ButtonsTest {

    @AfterEach
    void english() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void buttonsSpeakTheChosenLanguage() {
        I18n.use(Locale.forLanguageTag("es"));
        assertThat(Buttons.ok().getText()).isEqualTo("Aceptar");
        assertThat(Buttons.cancel().getText()).isEqualTo("Cancelar");
        assertThat(Buttons.close().getText()).isEqualTo("Cerrar");
        I18n.use(Locale.ENGLISH);
        assertThat(Buttons.cancel().getText()).isEqualTo("Cancel");
        assertThat(Buttons.close().getText()).isEqualTo("Close");
    }

    @Test
    void cancelAndCloseCloseTheDialogOkConfirmsIt() {
        assertThat(Buttons.cancel().getButtonData()).isEqualTo(ButtonBar.ButtonData.CANCEL_CLOSE);
        assertThat(Buttons.close().getButtonData()).isEqualTo(ButtonBar.ButtonData.CANCEL_CLOSE);
        assertThat(Buttons.ok().getButtonData()).isEqualTo(ButtonBar.ButtonData.OK_DONE);
    }
}
