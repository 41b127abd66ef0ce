package io.flanks.console.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Dates and times as the console shows them: relative in cells, exact in tooltips. */
public final class Formats {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private Formats() {
    }

    /** "just now", "12 min ago", "3 h ago", "2 d ago", "5 mo ago"; "-" for null. */
    public static String relative(Instant t, Instant now) {
        if (t == null) {
            return "-";
        }
        Duration d = Duration.between(t, now);
        boolean future = d.isNegative();
        long s = Math.abs(d.getSeconds());
        String v;
        if (s < 60) {
            return I18n.tr("time.justNow");
        } else if (s < 3600) {
            v = I18n.tr("time.minutes", s / 60);
        } else if (s < 86_400) {
            v = I18n.tr("time.hours", s / 3600);
        } else if (s < 60L * 86_400) {
            v = I18n.tr("time.days", s / 86_400);
        } else {
            v = I18n.tr("time.months", s / (30L * 86_400));
        }
        return future ? I18n.tr("time.in", v) : I18n.tr("time.ago", v);
    }

    public static String utc(Instant t) {
        return t == null ? "-" : UTC.format(t);
    }

    public static String local(Instant t) {
        return t == null ? "-" : LOCAL.format(t.atZone(ZoneId.systemDefault()));
    }

    /**
     * "2026-11-20 14:03 UTC / 2026-11-20 15:03 CET": for tooltips and the detail header; just
     * the UTC time where the local zone is UTC at that moment.
     */
    public static String exact(Instant t) {
        if (t == null) {
            return "-";
        }
        boolean localIsUtc = ZoneId.systemDefault().getRules().getOffset(t).getTotalSeconds() == 0;
        return localIsUtc ? utc(t) : utc(t) + " / " + local(t);
    }

    /** First 6 and last 4 characters of a token. */
    public static String shortToken(String t) {
        if (t == null) {
            return "-";
        }
        return t.length() <= 12 ? t : t.substring(0, 6) + "…" + t.substring(t.length() - 4);
    }
}
