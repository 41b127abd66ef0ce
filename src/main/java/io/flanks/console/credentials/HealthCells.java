package io.flanks.console.credentials;

import io.flanks.console.common.I18n;
import javafx.scene.control.Label;
import org.kordamp.ikonli.javafx.FontIcon;

/** The health badge (icon + word + colour class) used by the table and the quick filters. */
public final class HealthCells {

    private HealthCells() {
    }

    public static FontIcon icon(Health h) {
        FontIcon icon = new FontIcon(h.icon());
        icon.getStyleClass().addAll("health-icon", h.styleClass());
        return icon;
    }

    /** A label with icon and word, coloured by the health's style class. */
    public static Label badge(Health h) {
        Label l = new Label(I18n.tr(h.key()), icon(h));
        l.getStyleClass().addAll("health-badge", h.styleClass());
        return l;
    }

    /** Puts {@code h} on an existing label (cells are reused; old classes removed). */
    public static void apply(Label l, Health h) {
        l.getStyleClass().removeIf(c -> c.startsWith("health-") && !c.equals("health-badge"));
        if (h == null) {
            l.setText(null);
            l.setGraphic(null);
            return;
        }
        l.setText(I18n.tr(h.key()));
        l.setGraphic(icon(h));
        l.getStyleClass().add(h.styleClass());
    }
}
