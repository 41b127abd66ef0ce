package io.flanks.console.sandbox;

/**
 * Command-line options of the standalone sandbox, turned into a {@link SandboxConfig}. Accepts
 * {@code --name value} and {@code --name=value}; the launcher's own {@code --sandbox-server}
 * flag is ignored.
 */
final class SandboxArgs {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: flanks-console --sandbox-server [options]",
            "  --port N               TCP port on 127.0.0.1 (default 0: any free port)",
            "  --client-id ID         client_id the token endpoint accepts (default sandbox-client)",
            "  --client-secret S      client_secret it accepts (default sandbox-secret)",
            "  --credentials N        credentials to generate, 0 to 1000000 (default 300)",
            "  --seed N               data set seed (default 42)",
            "  --latency-ms N         delay added to every API request (default 0)",
            "  --error-rate X         fraction of API requests answered 500, 0.0 to 1.0 (default 0.0)",
            "  --page-size N          items per list page (default 100)",
            "  --token-ttl-seconds N  access token lifetime (default 3600)",
            "  --help                 show this help");

    /** A bad command line; the message is one plain line for a person. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    private SandboxArgs() {
    }

    static boolean wantsHelp(String[] args) {
        for (String arg : args) {
            if ("--help".equals(arg) || "-h".equals(arg)) {
                return true;
            }
        }
        return false;
    }

    static SandboxConfig parse(String[] args) throws UsageException {
        SandboxConfig config = SandboxConfig.defaults();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ("--sandbox-server".equals(arg)) {
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("Unexpected argument: " + arg);
            }
            String name = arg;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length && isKnown(name)) {
                value = args[++i];
            } else if (isKnown(name)) {
                throw new UsageException("Missing value for " + name);
            } else {
                throw new UsageException("Unknown option: " + name);
            }
            config = apply(config, name, value);
        }
        return config;
    }

    private static boolean isKnown(String name) {
        return switch (name) {
            case "--port", "--client-id", "--client-secret", "--credentials", "--seed", "--latency-ms",
                    "--error-rate", "--page-size", "--token-ttl-seconds" -> true;
            default -> false;
        };
    }

    private static SandboxConfig apply(SandboxConfig config, String name, String value) throws UsageException {
        try {
            return switch (name) {
                case "--port" -> config.withPort(integer(name, value));
                case "--client-id" -> config.withClientId(value);
                case "--client-secret" -> config.withClientSecret(value);
                case "--credentials" -> config.withCredentials(integer(name, value));
                case "--seed" -> config.withSeed(longNumber(name, value));
                case "--latency-ms" -> config.withLatencyMs(integer(name, value));
                case "--error-rate" -> config.withErrorRate(decimal(name, value));
                case "--page-size" -> config.withPageSize(integer(name, value));
                case "--token-ttl-seconds" -> config.withTokenTtlSeconds(longNumber(name, value));
                default -> throw new UsageException("Unknown option: " + name);
            };
        } catch (IllegalArgumentException e) {
            // SandboxConfig's own checks, e.g. a port above 65535
            throw new UsageException("Invalid " + name + ": " + e.getMessage());
        }
    }

    private static int integer(String name, String value) throws UsageException {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("Not a whole number for " + name + ": " + value);
        }
    }

    private static long longNumber(String name, String value) throws UsageException {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("Not a whole number for " + name + ": " + value);
        }
    }

    private static double decimal(String name, String value) throws UsageException {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("Not a number for " + name + ": " + value);
        }
    }
}
