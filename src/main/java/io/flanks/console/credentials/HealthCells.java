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

    /**
     * Puts {@code h} on an existing label (cells are reused; old classes removed). Does nothing
     * when the label shows {@code h} already, and keeps one icon per health on the label: a
     * style class change or a new node costs a CSS pass, and scrolling or typing a search
     * re-uses cells dozens of times per frame.
     */
    public static void apply(Label l, Health h) {
        Object shown = l.getProperties().get(SHOWN);
        if (shown != null && shown == (h == null ? NONE : h)) {
            return;
        }
        l.getProperties().put(SHOWN, h == null ? NONE : h);
        l.getStyleClass().removeIf(c -> c.startsWith("health-") && !c.equals("health-badge"));
        if (h == null) {
            l.setText(null);
            l.setGraphic(null);
            return;
        }
        l.setText(I18n.tr(h.key()));
        @SuppressWarnings("unchecked")
        java.util.Map<Health, FontIcon> icons = (java.util.Map<Health, FontIcon>)
                l.getProperties().computeIfAbsent(ICONS, k -> new java.util.EnumMap<>(Health.class));
        l.setGraphic(icons.computeIfAbsent(h, HealthCells::icon));
        l.getStyleClass().add(h.styleClass());
    }

    private static final String SHOWN = "health.shown";
    private static final String ICONS = "health.icons";
    private static final Object NONE = new Object();
}
