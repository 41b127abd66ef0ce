package io.flanks.console.app;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import io.flanks.console.api.Secrets;

/** Logback {@code %redactedEx}: stack traces with every known secret blanked out. */
public final class RedactingThrowableConverter extends ExtendedThrowableProxyConverter {
    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return Secrets.redact(super.throwableProxyToString(tp));
    }
}
