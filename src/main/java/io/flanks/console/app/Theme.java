package io.flanks.console.app;

import java.util.Objects;
import javafx.application.Application;

/**
 * AtlantaFX Primer, light or dark; our stylesheets build on its looked-up colours. The console
 * loads its own copy (binary CSS: parsed faster at start), without the rules of controls it never
 * makes: a third of the theme's selectors, which every node's first style lookup would scan and
 * every start would parse. Made by {@code ThemeTrim} in the tests, which also check it is in step
 * with the AtlantaFX on the class path.
 */
public final class Theme {

    private Theme() {
    }

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(url(dark));
    }

    /** The theme's stylesheet, as {@link Application#setUserAgentStylesheet} takes it. */
    static String url(boolean dark) {
        return Objects.requireNonNull(Theme.class.getResource("/theme/" + resourceName(dark)),
                "the theme is missing from the build").toExternalForm();
    }

    static String resourceName(boolean dark) {
        return dark ? "primer-dark.bss" : "primer-light.bss";
    }
}
