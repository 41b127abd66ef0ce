package io.flanks.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The console's copy of the Primer theme: in step with AtlantaFX, and without anything the console shows. */
class ThemeTrimTest {

    @Test
    void theCopiesAreWhatTheTrimMakesFromTheAtlantaFxOnTheClassPath() throws IOException {
        for (boolean dark : new boolean[] {false, true}) {
            Path made = Files.createTempFile("theme", ".bss");
            try {
                Files.write(made, ThemeTrim.binary(dark));
                // compared rule by rule: binary CSS's string table is not written in the same order every time
                assertThat(rules(new URL(Theme.url(dark))))
                        .as("%s is what ThemeTrim makes from the AtlantaFX on the class path (its comment says how to make it again)",
                                Theme.resourceName(dark))
                        .isEqualTo(rules(made.toUri().toURL()))
                        .hasSizeGreaterThan(500);
            } finally {
                Files.delete(made);
            }
        }
    }

    private static List<String> rules(URL bss) throws IOException {
        return javafx.css.Stylesheet.loadBinary(bss).getRules().stream().map(Object::toString).toList();
    }

    @Test
    void selectorsOfControlsNeverMadeGoAndEverythingElseStays() {
        String css = """
                /* colours */
                .root { -color-accent: #0969da; }
                .button, .date-picker > .arrow-button { -fx-padding: 4px; }
                .tree-view .tree-cell { -fx-padding: 2px; }
                .table-view .column-header .label, .chart-pie { -fx-font-weight: bold; }
                """;

        String trimmed = ThemeTrim.trim(css);

        assertThat(trimmed).contains(".root { -color-accent: #0969da; }", ".button {", ".table-view .column-header .label {")
                .doesNotContain("date-picker", "tree-view", "tree-cell", "chart-pie", "colours");
    }

    @Test
    void aboutAThirdOfPrimersSelectorsGoAndNoneOfTheTablesButtonsOrMenus() {
        String full = ThemeTrim.primerCss(false);
        String trimmed = ThemeTrim.trim(full);

        List<String> before = selectors(full);
        List<String> after = selectors(trimmed);
        assertThat(after.size()).isBetween(before.size() / 2, before.size() * 3 / 4);
        // every selector that names only classes of controls the console makes is still there, in its order
        assertThat(after).containsExactlyElementsOf(before.stream().filter(s -> !ThemeTrim.namesDroppedClass(s)).toList());
        for (String used : List.of(".table-view", ".table-row-cell", ".button", ".menu-bar", ".text-field", ".split-pane", ".scroll-bar", ".tab-pane")) {
            assertThat(count(after, used)).as(used).isPositive();
        }
    }

    @Test
    void theConsoleMakesNoneOfTheDroppedControlsAndUsesNoneOfTheirStyleClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(Theme.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = classes.relativize(p).toString();
                if (name.endsWith(".class")) {
                    Constants constants = constants(p);
                    for (String n : constants.names()) {
                        if (ThemeTrim.DROPPED_CONTROLS.stream().anyMatch(n::contains)) {
                            offending.add(name + ": " + n);
                        }
                    }
                    for (String literal : constants.literals()) {
                        if (ThemeTrim.dropped(literal)) {
                            offending.add(name + ": \"" + literal + "\"");
                        }
                    }
                } else if (name.endsWith(".css")) {
                    Matcher m = Pattern.compile("\\.([a-z][\\w-]*)").matcher(Files.readString(p));
                    while (m.find()) {
                        if (ThemeTrim.dropped(m.group(1))) {
                            offending.add(name + ": ." + m.group(1));
                        }
                    }
                }
            }
        }
        assertThat(offending).as("the theme's copy lacks their rules: keep them in ThemeTrim").isEmpty();
    }

    private static List<String> selectors(String css) {
        List<String> all = new ArrayList<>();
        Matcher rule = Pattern.compile("([^{}]*)\\{[^{}]*\\}").matcher(css.replaceAll("(?s)/\\*.*?\\*/", ""));
        while (rule.find()) {
            for (String s : rule.group(1).split(",")) {
                if (!s.isBlank()) {
                    all.add(s.strip());
                }
            }
        }
        return all;
    }

    private static long count(List<String> selectors, String styleClass) {
        return selectors.stream().filter(s -> Pattern.compile(Pattern.quote(styleClass) + "(?![\\w-])").matcher(s).find()).count();
    }

    /**
     * A class file's constant pool: the names and descriptors it refers to (for the controls) and
     * its string literals (for style classes), apart.
     */
    private record Constants(List<String> names, List<String> literals) {
    }

    private static Constants constants(Path classFile) throws IOException {
        java.util.Map<Integer, String> utf8 = new java.util.HashMap<>();
        List<Integer> literalIndexes = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(Files.newInputStream(classFile))) {
            in.skipBytes(8); // magic, minor, major
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8.put(i, new String(in.readNBytes(in.readUnsignedShort()), StandardCharsets.UTF_8));
                    case 8 -> literalIndexes.add(in.readUnsignedShort());
                    case 7, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++; // takes two entries
                    }
                    default -> throw new IOException(classFile + ": constant tag " + tag);
                }
            }
        }
        List<String> literals = literalIndexes.stream().map(utf8::get).toList();
        return new Constants(List.copyOf(utf8.values()), literals);
    }
}
