package io.flanks.console.app;

import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the console's copy of AtlantaFX's Primer theme ({@code src/main/resources/theme/}): its
 * CSS without the rules of controls the console never makes (date and colour pickers, sliders,
 * spinners, pagination, tree views, charts, tool bars, choice boxes, titled panes and a few of
 * AtlantaFX's own), as binary CSS. A third of the theme's selectors go; every node's first style
 * lookup scans the style-class selectors that are left, and the theme is parsed at every start.
 * {@code ThemeTrimTest} checks that the copy is what this makes from the AtlantaFX on the class
 * path (so an upgrade that changes the theme fails until the copy is made again) and that the
 * console makes none of these controls.
 *
 * <p>To make the copy again, in the project's directory: {@code mvn -B -q test-compile
 * org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.flanks.console.app.ThemeTrim}.
 */
public final class ThemeTrim {

    /** Style classes of the controls the console never makes: a selector naming one is dropped. */
    static final Set<String> DROPPED_CLASSES = Set.of(
            "calendar", "date-picker", "date-cell", "date-picker-popup",
            "color-picker", "color-palette", "custom-color-dialog", "color-palette-region",
            "slider", "spinner", "pagination", "html-editor",
            "tree-view", "tree-table-view", "tree-table-row-cell", "tree-cell", "tree-table-cell", "tree-disclosure-node",
            "accordion", "titled-pane", "choice-box", "tool-bar",
            "chart", "axis", "legend", "web-view", "rating",
            "toggle-switch", "modal-pane", "breadcrumbs", "input-group");

    /** Prefixes of those controls' inner parts' style classes (charts' series colours among them). */
    static final List<String> DROPPED_PREFIXES = List.of(
            "chart-", "pie", "bar-", "area-", "bubble", "default-color", "axis-", "legend-",
            "calendar-", "month", "week", "date-", "spinner-", "slider-", "pagination-", "tree-");

    /** The controls themselves, as class names: the console must make none of them. */
    static final List<String> DROPPED_CONTROLS = List.of(
            "javafx/scene/control/DatePicker", "javafx/scene/control/ColorPicker", "javafx/scene/control/Slider",
            "javafx/scene/control/Spinner", "javafx/scene/control/Pagination", "javafx/scene/web/",
            "javafx/scene/control/TreeView", "javafx/scene/control/TreeTableView", "javafx/scene/control/Accordion",
            "javafx/scene/control/TitledPane", "javafx/scene/control/ChoiceBox", "javafx/scene/control/ToolBar",
            "javafx/scene/chart/", "org/controlsfx/control/Rating", "atlantafx/base/controls/");

    private static final Pattern RULE = Pattern.compile("([^{}]*)\\{([^{}]*)\\}");
    private static final Pattern STYLE_CLASS = Pattern.compile("\\.([\\w-]+)");

    private ThemeTrim() {
    }

    /** Whether a style class belongs to a control the console never makes. */
    static boolean dropped(String styleClass) {
        return DROPPED_CLASSES.contains(styleClass) || DROPPED_PREFIXES.stream().anyMatch(styleClass::startsWith);
    }

    /** The stylesheet without the selectors that name a dropped style class (rules left empty go). */
    static String trim(String css) {
        String plain = css.replaceAll("(?s)/\\*.*?\\*/", "");
        List<String> rules = new ArrayList<>();
        Matcher rule = RULE.matcher(plain);
        while (rule.find()) {
            List<String> kept = new ArrayList<>();
            for (String selector : rule.group(1).split(",")) {
                String s = selector.strip();
                if (!s.isEmpty() && !namesDroppedClass(s)) {
                    kept.add(s);
                }
            }
            if (!kept.isEmpty()) {
                rules.add(String.join(",\n", kept) + " {" + rule.group(2) + "}");
            }
        }
        return String.join("\n", rules) + "\n";
    }

    /** Whether a selector names a style class of a control the console never makes. */
    static boolean namesDroppedClass(String selector) {
        Matcher m = STYLE_CLASS.matcher(selector);
        while (m.find()) {
            if (dropped(m.group(1))) {
                return true;
            }
        }
        return false;
    }

    /** AtlantaFX's Primer CSS, light or dark, from the class path. */
    static String primerCss(boolean dark) {
        String name = dark ? "primer-dark.css" : "primer-light.css";
        try (InputStream in = PrimerLight.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("AtlantaFX has no " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The trimmed theme as binary CSS, the way the console loads it. */
    static byte[] binary(boolean dark) throws IOException {
        Path dir = Files.createTempDirectory("theme-trim");
        try {
            Path css = dir.resolve("theme.css");
            Path bss = dir.resolve("theme.bss");
            Files.writeString(css, trim(primerCss(dark)));
            javafx.css.Stylesheet.convertToBinary(css.toFile(), bss.toFile());
            return Files.readAllBytes(bss);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    /** Writes both copies into {@code src/main/resources/theme/}. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of("src/main/resources/theme");
        Files.createDirectories(out);
        for (boolean dark : new boolean[] {false, true}) {
            Path file = out.resolve(Theme.resourceName(dark));
            Files.write(file, binary(dark));
            System.out.println("wrote " + file + " (" + Files.size(file) + " bytes)");
        }
    }
}
