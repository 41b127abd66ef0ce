package io.flanks.console.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * The console's command line. Unknown options are an error with a plain message (exit 2),
 * never a stack trace.
 */
public record CommandLine(String apiUrl, Path dataDir, boolean smokeTest, boolean help, boolean version,
                          boolean sandboxServer, String clientId, String clientSecret, boolean readOnly) {

    public static final String USAGE = """
            Usage: flanks-console [options]
              (no options)          open the console on the built-in sandbox
              --api-url URL         use a Flanks API (credentials from FLANKS_CLIENT_ID / FLANKS_CLIENT_SECRET)
              --data-dir DIR        keep settings and logs in DIR instead of the per-user folders
              --read-only           hide every action that changes a credential (force, delete)
              --smoke-test          start, wait for the first rows and the detail pane, print a SMOKE line, exit
              --sandbox-server      run only the sandbox HTTP server (see --sandbox-server --help)
              --version             print the version and exit
              --help                print this help and exit
            """;

    /** Thrown for bad arguments; its message is meant for the person who typed them. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    public static CommandLine parse(String[] args, Map<String, String> env) throws UsageException {
        String apiUrl = null;
        Path dataDir = null;
        boolean smoke = false;
        boolean help = false;
        boolean version = false;
        boolean readOnly = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--api-url" -> apiUrl = value(args, ++i, a);
                case "--data-dir" -> {
                    try {
                        dataDir = Path.of(value(args, ++i, a));
                    } catch (java.nio.file.InvalidPathException e) {
                        throw new UsageException("Not a usable folder for --data-dir: " + args[i]);
                    }
                }
                case "--smoke-test" -> smoke = true;
                case "--read-only" -> readOnly = true;
                case "--help", "-h" -> help = true;
                case "--version" -> version = true;
                case "--sandbox-server" -> {
                    return new CommandLine(null, null, false, false, false, true, null, null, false);
                }
                default -> {
                    if (a.startsWith("--api-url=")) {
                        apiUrl = a.substring("--api-url=".length());
                    } else if (a.startsWith("--data-dir=")) {
                        dataDir = Path.of(a.substring("--data-dir=".length()));
                    } else {
                        throw new UsageException("Unknown option: " + a);
                    }
                }
            }
        }
        if (apiUrl != null) {
            validateUrl(apiUrl);
        }
        return new CommandLine(apiUrl, dataDir, smoke, help, version, false,
                env.get("FLANKS_CLIENT_ID"), env.get("FLANKS_CLIENT_SECRET"), readOnly);
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    /** https everywhere; plain http only for this machine (loopback). */
    public static void validateUrl(String url) throws UsageException {
        java.net.URI u;
        try {
            u = java.net.URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new UsageException("Not a URL: " + url);
        }
        String scheme = u.getScheme();
        String host = u.getHost();
        if (scheme == null || host == null) {
            throw new UsageException("Not a URL: " + url);
        }
        boolean loopback = new io.flanks.console.api.Environment(null, url, null, null).isLoopback();
        if (scheme.equals("http") && !loopback) {
            throw new UsageException("Plain http:// is only allowed for this computer (localhost); use https:// for " + host);
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UsageException("Only https:// URLs are supported: " + url);
        }
    }
}
