package io.flanks.console.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The console's logging, set up in code (found by logback through {@code META-INF/services}):
 * a rolling {@code console.log} in {@code flanks.logDir}, warnings and errors also on stderr.
 * Messages and stack traces pass through the secret-redacting converters. In code rather than
 * {@code logback.xml} because parsing the XML (Joran) cost a start ~0.5 s and ~500 classes.
 * <p>
 * Steps aside, so logback goes on with its usual search, when {@code -Dlogback.configurationFile}
 * names a file or the class path has a {@code logback-test.xml} (the tests' console-only set-up).
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** File appender layout: the same fields as ever, secrets blanked. */
    static final String FILE_PATTERN = "%d{ISO8601,UTC} %-5level [%thread] %logger{30} - %redactedMsg%n%redactedEx";
    static final String STDERR_PATTERN = "%-5level %logger{20} - %redactedMsg%n%redactedEx";

    @Override
    public ExecutionStatus configure(LoggerContext ctx) {
        if (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        install(ctx, System.getProperty("flanks.logDir", System.getProperty("java.io.tmpdir") + "/flanks-console-logs"));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Adds the file and stderr appenders to {@code ctx}, the file in {@code dir}. */
    static void install(LoggerContext ctx, String dir) {
        @SuppressWarnings("unchecked")
        Map<String, Supplier<?>> rules = (Map<String, Supplier<?>>) ctx.getObject(ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
        if (rules == null) {
            rules = new java.util.HashMap<>();
            ctx.putObject(ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
        }
        rules.put("redactedMsg", RedactingMessageConverter::new);
        rules.put("redactedEx", RedactingThrowableConverter::new);

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(ctx);
        file.setName("FILE");
        file.setFile(dir + "/console.log");
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(ctx);
        policy.setParent(file);
        policy.setFileNamePattern(dir + "/console.%d{yyyy-MM-dd}.%i.log");
        policy.setMaxFileSize(FileSize.valueOf("5MB"));
        policy.setMaxHistory(14);
        policy.setTotalSizeCap(FileSize.valueOf("50MB"));
        policy.start();
        file.setRollingPolicy(policy);
        file.setEncoder(encoder(ctx, FILE_PATTERN));
        file.start();

        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(ctx);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        ThresholdFilter warn = new ThresholdFilter();
        warn.setLevel("WARN");
        warn.start();
        stderr.addFilter(warn);
        stderr.setEncoder(encoder(ctx, STDERR_PATTERN));
        stderr.start();

        ctx.getLogger("okhttp3").setLevel(Level.WARN);
        ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
        root.addAppender(stderr);
    }

    private static PatternLayoutEncoder encoder(LoggerContext ctx, String pattern) {
        PatternLayoutEncoder e = new PatternLayoutEncoder();
        e.setContext(ctx);
        e.setPattern(pattern);
        e.start();
        return e;
    }
}
