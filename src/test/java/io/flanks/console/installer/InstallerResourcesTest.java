package io.flanks.console.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The committed icon renders and installer resources stay complete and consistent: what the
 * window loads is in the jar, every render has its size, the argument files point at icons that
 * exist, the Windows upgrade code never changes, and the overridden Debian scripts keep
 * jpackage's menu integration. No toolkit, no jpackage: the installer itself is proven by .ci/run.
 */
class InstallerResourcesTest {

    private static final Path ICONS = Path.of("icons");
    private static final Path PACKAGING = Path.of("packaging");
    /** Generated once; a new value would make Windows install a second console beside the first. */
    private static final String UPGRADE_UUID = "9b1737f6-242d-490d-b996-83395ce0bc72";

    @Test
    void theWindowFindsItsIconInEverySizeInTheJar() throws IOException {
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            try (InputStream in = getClass().getResourceAsStream("/icons/app-" + size + ".png")) {
                assertThat(in).as("/icons/app-%d.png on the class path", size).isNotNull();
                BufferedImage img = ImageIO.read(in);
                assertThat(img.getWidth()).as("width of app-%d", size).isEqualTo(size);
                assertThat(img.getHeight()).as("height of app-%d", size).isEqualTo(size);
            }
        }
    }

    @Test
    void everyPngRenderHasItsSizeAndAnAlphaChannel() throws IOException {
        assertThat(ICONS.resolve("app.svg")).exists();
        assertThat(ICONS.resolve("app-small.svg")).exists();
        for (int size : new int[] {16, 32, 48, 64, 128, 256, 512}) {
            BufferedImage img = ImageIO.read(ICONS.resolve("app-" + size + ".png").toFile());
            assertThat(img.getWidth()).as("app-%d.png", size).isEqualTo(size);
            assertThat(img.getHeight()).as("app-%d.png", size).isEqualTo(size);
            assertThat(img.getColorModel().hasAlpha()).as("app-%d.png has alpha", size).isTrue();
            // rounded tile: the corner pixel is transparent, the centre opaque
            assertThat(img.getRGB(0, 0) >>> 24).as("corner of app-%d", size).isLessThan(64);
            assertThat(img.getRGB(size / 2, size / 2) >>> 24).as("centre of app-%d", size).isEqualTo(255);
        }
    }

    @Test
    void theIcoHoldsEverySizeWindowsAsksFor() throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(ICONS.resolve("app.ico"))).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getShort(0)).as("reserved").isZero();
        assertThat(b.getShort(2)).as("type 1 = icon").isEqualTo((short) 1);
        int count = b.getShort(4);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int w = Byte.toUnsignedInt(b.get(6 + 16 * i));
            sizes.add(w == 0 ? 256 : w);
        }
        assertThat(sizes).contains(16, 24, 32, 48, 64, 128, 256);
    }

    @Test
    void theIcnsHoldsSizesUpTo1024() throws IOException {
        byte[] bytes = Files.readAllBytes(ICONS.resolve("app.icns"));
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("icns");
        assertThat(b.getInt(4)).as("declared length").isEqualTo(bytes.length);
        List<String> types = new ArrayList<>();
        for (int at = 8; at < bytes.length; at += b.getInt(at + 4)) {
            types.add(new String(bytes, at, 4, StandardCharsets.US_ASCII));
        }
        // 16, 32, 48, 128, 256, 512 and 1024 (512@2x) px
        assertThat(types).contains("is32", "il32", "ih32", "it32", "ic08", "ic09", "ic10");
    }

    @Test
    void everyIconTheArgumentFilesNameIsCommitted() throws IOException {
        Pattern icon = Pattern.compile("^--icon\\s+icons/(\\S+)$", Pattern.MULTILINE);
        for (String os : new String[] {"linux", "windows", "macos"}) {
            String args = read(PACKAGING.resolve(os).resolve("jpackage.txt"));
            Matcher m = icon.matcher(args);
            assertThat(m.find()).as("%s names an icon", os).isTrue();
            assertThat(ICONS.resolve(m.group(1))).as("%s icon", os).exists();
        }
    }

    @Test
    void theWindowsUpgradeCodeNeverChanges() throws IOException {
        assertThat(read(PACKAGING.resolve("windows/jpackage.txt")))
                .containsPattern("(?m)^--win-upgrade-uuid " + UPGRADE_UUID + "$");
    }

    @Test
    void argumentFilesTakeNameVersionVendorAndDescriptionFromThePom() throws IOException {
        assertThat(read(PACKAGING.resolve("jpackage.txt")))
                .contains("--app-version ${installer.version}")
                .contains("--vendor \"${installer.vendor}\"")
                .contains("--description \"${project.description}\"");
        assertThat(read(PACKAGING.resolve("linux/flanks-console.desktop")))
                .contains("Name=${project.name}")
                .contains("Comment=${project.description}")
                .containsPattern("(?m)^Categories=.+;$")
                .contains("Exec=APPLICATION_LAUNCHER", "Icon=APPLICATION_ICON");
    }

    @Test
    void theDebianScriptsKeepJpackagesMenuIntegrationAndHandleTheArchive() throws IOException {
        // jpackage fills in only its .deb placeholders (APPLICATION_DIRECTORY is an .rpm one):
        // the scripts find appcds.sh through dpkg, wherever the app was installed
        String findScript = "dpkg-query -L APPLICATION_PACKAGE";
        assertThat(read(PACKAGING.resolve("linux/postinst")))
                .contains("DESKTOP_COMMANDS_INSTALL", findScript, "sh \"$appcds\" create")
                .doesNotContain("APPLICATION_DIRECTORY");
        assertThat(read(PACKAGING.resolve("linux/prerm")))
                .contains("DESKTOP_COMMANDS_UNINSTALL", "UTILITY_SCRIPTS", findScript, "sh \"$appcds\" remove")
                .doesNotContain("APPLICATION_DIRECTORY");
        assertThat(read(PACKAGING.resolve("linux/jpackage.txt")))
                .contains("-XX:SharedArchiveFile=$APPDIR/flanks-console.jsa");
        assertThat(PACKAGING.resolve("linux/app/flanks-console.classlist")).isNotEmptyFile();
    }

    /**
     * Every {@code -XX} option the launcher passes (but the archive's, which names the installed
     * file) is one this JVM takes and really sets: a misspelt one would stop the installed
     * console from starting at all.
     */
    @Test
    void theLaunchersJvmOptionsAreOnesTheJvmTakes() throws Exception {
        List<String> options = LauncherOptions.jvmOptions("", "linux/", "windows/", "macos/");
        assertThat(options).as("the start-up's compiler thresholds").anyMatch(o -> o.startsWith("-XX:Tier4InvocationThreshold="));
        // huge pages made each growth of the heap during a big load a GC pause of 50-100 ms more (packaging/README.md)
        assertThat(options).as("no heap in huge pages").doesNotContain("-XX:+UseTransparentHugePages");
        assertThat(options).as("rows promoted at their first collection").contains("-XX:MaxTenuringThreshold=0");
        assertThat(options).as("unused heap given back when idle").anyMatch(o -> o.startsWith("-XX:G1PeriodicGCInterval="));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(options);
        cmd.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        for (String option : options) {
            String flag = option.substring("-XX:".length());
            if (flag.startsWith("+") || flag.startsWith("-")) {
                // a flag on or off: the JVM knows it (it started); it may turn it off itself
                // where the system cannot have it (huge pages where the kernel has them off)
                assertThat(out).as(option).containsPattern("(?m)^\\s*bool\\s+" + flag.substring(1) + "\\s+= ");
                continue;
            }
            String[] nameValue = flag.split("=", 2);
            assertThat(out).as(option).containsPattern("(?m)^\\s*\\S+\\s+" + nameValue[0] + "\\s+= " + nameValue[1] + "\\s");
        }
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
