package io.flanks.console;

import io.flanks.console.app.CommandLine;
import io.flanks.console.app.Startup;
import io.flanks.console.app.Version;
import io.flanks.console.sandbox.SandboxMain;
import io.flanks.console.settings.AppDirs;

/**
 * Entry point. Not an Application subclass, so the plain class path works with JavaFX jars.
 * Sets the log folder before any logger exists.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        io.flanks.console.app.StartupTrace.mark("main");
        CommandLine cl;
        try {
            cl = CommandLine.parse(args, System.getenv());
        } catch (CommandLine.UsageException e) {
            System.err.println(e.getMessage());
            System.err.print(CommandLine.USAGE);
            System.exit(2);
            return;
        }
        if (cl.sandboxServer()) {
            SandboxMain.main(args);
            return;
        }
        if (cl.help()) {
            System.out.print(CommandLine.USAGE);
            return;
        }
        if (cl.version()) {
            System.out.println("flanks-console " + Version.get());
            return;
        }
        AppDirs dirs = AppDirs.of(cl.dataDir());
        System.setProperty("flanks.logDir", dirs.logs().toString());
        // logging, settings, sandbox and first page go ahead on their own thread while the toolkit starts
        Startup.launch(cl, dirs);
    }
}
