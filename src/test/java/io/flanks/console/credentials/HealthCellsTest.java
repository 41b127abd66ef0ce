package io.flanks.console.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A reused health cell shows each health it is given: its word, its glyph and its colour class alone. */
@ExtendWith(ApplicationExtension.class)
class HealthCellsTest {

    @Start
    void start(Stage stage) {
        // the toolkit is all these tests need
    }

    @Test
    void aCellShowsEveryHealthInTurnWithItsOwnGlyph() throws Exception {
        List<String> wrong = WaitForAsyncUtils.asyncFx(() -> {
            Label cell = new Label();
            FontIcon icon = new FontIcon();
            List<String> out = new ArrayList<>();
            List<Health> order = new ArrayList<>(List.of(Health.values()));
            order.addAll(List.of(Health.BLOCKED, Health.HEALTHY, Health.BLOCKED)); // and back again
            for (Health h : order) {
                HealthCells.apply(cell, icon, h);
                if (!h.icon().equals(icon.getIconLiteral()) || !new FontIcon(h.icon()).getText().equals(icon.getText())) {
                    out.add(h + " shows glyph " + icon.getIconLiteral());
                }
                for (Health other : Health.values()) {
                    if (cell.getPseudoClassStates().contains(HealthCells.pseudoClass(other)) != (other == h)) {
                        out.add(h + " has pseudo class of " + other + ": " + (other != h));
                    }
                }
            }
            return out;
        }).get(10, TimeUnit.SECONDS);

        assertThat(wrong).isEmpty();
    }

    @Test
    void eachHealthsGlyphIsLookedUpOnce() {
        for (Health h : Health.values()) {
            assertThat(HealthCells.ikon(h)).isSameAs(HealthCells.ikon(h));
            assertThat(HealthCells.ikon(h).getDescription()).isEqualTo(h.icon());
        }
    }
}
