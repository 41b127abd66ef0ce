package io.flanks.console.credentials;

import io.flanks.console.common.I18n;
import javafx.css.PseudoClass;
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
     * Shows {@code h} on a table cell and its icon: the word, the glyph, and the
     * pseudo class {@code :health-...} that colours both (see app.css). Cells are reused for
     * other rows all the time; a pseudo class costs a cached style lookup where a style class
     * or a new icon node would restyle the cell from scratch.
     */
    public static void apply(javafx.scene.control.Labeled l, FontIcon icon, Health h) {
        Object shown = l.getProperties().get(SHOWN);
        if (shown == h) {
            return;
        }
        if (shown instanceof Health old) {
            l.pseudoClassStateChanged(pseudoClass(old), false);
        }
        l.getProperties().put(SHOWN, h);
        l.pseudoClassStateChanged(pseudoClass(h), true);
        l.setText(I18n.tr(h.key()));
        icon.setIconCode(ikon(h));
    }

    /**
     * The glyph of {@code h}, looked up once: {@code setIconLiteral} looks the name up among
     * thousands of glyphs on every call, and a cell calls it for each other health it shows.
     */
    static org.kordamp.ikonli.Ikon ikon(Health h) {
        return IKONS.computeIfAbsent(h, x -> new FontIcon(x.icon()).getIconCode());
    }

    private static final java.util.Map<Health, org.kordamp.ikonli.Ikon> IKONS = new java.util.EnumMap<>(Health.class);

    private static final String SHOWN = "health.shown";
    private static final java.util.Map<Health, PseudoClass> PSEUDO = new java.util.EnumMap<>(Health.class);

    static {
        for (Health h : Health.values()) {
            PSEUDO.put(h, PseudoClass.getPseudoClass(h.styleClass()));
        }
    }

    /** {@code :health-blocked} etc.: the same names as the style classes. */
    public static PseudoClass pseudoClass(Health h) {
        return PSEUDO.get(h);
    }
}
