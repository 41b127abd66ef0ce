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
        if (s < 60) {
            return I18n.tr("time.justNow");
        } else if (s < 3600) {
            return relative(0, s / 60, future);
        } else if (s < 86_400) {
            return relative(1, s / 3600, future);
        } else if (s < 60L * 86_400) {
            return relative(2, s / 86_400, future);
        } else {
            return relative(3, s / (30L * 86_400), future);
        }
    }

    private static final String[] UNITS = {"time.minutes", "time.hours", "time.days", "time.months"};

    /**
     * "12 min ago" and the like, each made once per language: a table's "Updated" column shows
     * the same few hundred texts over and over, and making one takes two message formats (5% of
     * the UI thread's work per keystroke while searching 100,000 rows). The texts of one language
     * are kept with it, so a change of language starts afresh, and so does one more than
     * {@value #MOST_TEXTS} texts.
     */
    private static String relative(int unit, long amount, boolean future) {
        I18n language = I18n.current();
        Texts texts = relativeTexts;
        if (texts.language() != language || texts.byKey().size() >= MOST_TEXTS) {
            texts = new Texts(language, new java.util.concurrent.ConcurrentHashMap<>());
            relativeTexts = texts;
        }
        long key = amount << 3 | (long) unit << 1 | (future ? 1 : 0);
        String text = texts.byKey().get(key);
        if (text == null) {
            String v = language.get(UNITS[unit], amount);
            text = future ? language.get("time.in", v) : language.get("time.ago", v);
            texts.byKey().put(key, text);
        }
        return text;
    }

    static final int MOST_TEXTS = 4096;

    /** Texts made in one language, by what they say. */
    private record Texts(I18n language, java.util.Map<Long, String> byKey) {
    }

    private static volatile Texts relativeTexts = new Texts(null, java.util.Map.of());
    /** {@link #utcDate} texts by day since the epoch (one format each: a column of dates shows few distinct days). */
    private static final java.util.Map<Long, String> DATES = new java.util.concurrent.ConcurrentHashMap<>();

    public static String utc(Instant t) {
        return t == null ? "-" : UTC.format(t);
    }

    /** "2026-11-20": the day of {@code t} in UTC, as {@link #utc} begins; "-" for null. */
    public static String utcDate(Instant t) {
        if (t == null) {
            return "-";
        }
        long day = Math.floorDiv(t.getEpochSecond(), 86_400);
        String text = DATES.get(day);
        if (text == null) {
            text = utc(t).substring(0, 10);
            if (DATES.size() >= MOST_TEXTS) {
                DATES.clear();
            }
            DATES.put(day, text);
        }
        return text;
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
