package io.flanks.console.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.flanks.console.api.ApiParser;
import io.flanks.console.api.FlanksClient;
import org.slf4j.LoggerFactory;

/** Thousands of odd documents make thousands of (correct) "skipped an item" warnings: mute them while fuzzing. */
final class Quiet {
    private Quiet() {
    }

    static void parserWarnings(boolean quiet) {
        for (Class<?> c : new Class<?>[] {ApiParser.class, FlanksClient.class}) {
            if (LoggerFactory.getLogger(c) instanceof Logger l) {
                l.setLevel(quiet ? Level.ERROR : null);
            }
        }
    }
}
