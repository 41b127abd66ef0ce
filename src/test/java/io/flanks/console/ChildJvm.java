package io.flanks.console;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command for the real console in a child JVM, headless (Monocle), on the tests' class path
 * without the test classes: so the child sets up logging as the console does, not with the
 * tests' {@code logback-test.xml}.
 */
public final class ChildJvm {
    /** Headless JavaFX, as the UI tests run. */
    public static final List<String> HEADLESS = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Dheadless.geometry=1600x1000-32", "-Djava.awt.headless=true");

    private ChildJvm() {
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The tests' class path without the test classes' folder. */
    public static String consoleClassPath() {
        Path testClasses = Path.of("target", "test-classes").toAbsolutePath();
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !Path.of(e).toAbsolutePath().equals(testClasses))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** {@code java -cp <console class path> <headless> [jvmOptions] io.flanks.console.Launcher}; add the arguments. */
    public static List<String> console(String... jvmOptions) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-cp", consoleClassPath()));
        cmd.addAll(HEADLESS);
        cmd.addAll(List.of(jvmOptions));
        cmd.add("io.flanks.console.Launcher");
        return cmd;
    }
}
