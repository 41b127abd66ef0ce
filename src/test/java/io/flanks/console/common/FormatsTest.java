package io.flanks.console.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Relative times and dates are made once and reused; reused, they still say what they should. */
class FormatsTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @AfterEach
    void english() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void aRelativeTimeMadeInOneLanguageIsNotShownInTheNext() {
        I18n.use(Locale.ENGLISH);
        assertThat(Formats.relative(NOW.minusSeconds(2 * 86_400), NOW)).isEqualTo("2 d ago");
        assertThat(Formats.relative(NOW.plusSeconds(3 * 3600 + 5), NOW)).isEqualTo("in 3 h");
        I18n.use(new Locale("es"));
        assertThat(Formats.relative(NOW.minusSeconds(2 * 86_400), NOW)).isEqualTo("hace 2 d");
        assertThat(Formats.relative(NOW.plusSeconds(3 * 3600 + 5), NOW)).isEqualTo("en 3 h");
        I18n.use(Locale.ENGLISH);
        assertThat(Formats.relative(NOW.minusSeconds(2 * 86_400), NOW)).isEqualTo("2 d ago");
    }

    @Test
    void agoAndInOfTheSameAmountAreKeptApart() {
        I18n.use(Locale.ENGLISH);
        for (int i = 0; i < 2; i++) { // the second round reads what the first one kept
            assertThat(Formats.relative(NOW.minusSeconds(12 * 60), NOW)).isEqualTo("12 min ago");
            assertThat(Formats.relative(NOW.plusSeconds(12 * 60 + 30), NOW)).isEqualTo("in 12 min");
            assertThat(Formats.relative(NOW.minusSeconds(12 * 3600), NOW)).isEqualTo("12 h ago");
            assertThat(Formats.relative(NOW.minusSeconds(12 * 86_400), NOW)).isEqualTo("12 d ago");
            assertThat(Formats.relative(NOW.minusSeconds(12 * 30L * 86_400), NOW)).isEqualTo("12 mo ago");
        }
    }

    @Test
    void moreDistinctTimesThanAreKeptAreStillRight() {
        I18n.use(Locale.ENGLISH);
        for (long months = 2; months < Formats.MOST_TEXTS + 500; months++) {
            String text = Formats.relative(NOW.minusSeconds(months * 30L * 86_400), NOW);
            // grouped as the message format groups it: "1,000 mo ago"
            assertThat(text).isEqualTo(java.text.NumberFormat.getIntegerInstance(Locale.ENGLISH).format(months) + " mo ago");
        }
    }

    @Test
    void aDateIsTheDayItsUtcTimeBeginsWith() {
        for (String t : new String[] {"2026-11-20T23:59:59Z", "2026-11-21T00:00:00Z", "1969-12-31T23:00:00Z", "2000-02-29T12:00:00Z"}) {
            Instant i = Instant.parse(t);
            for (int round = 0; round < 2; round++) {
                assertThat(Formats.utcDate(i)).isEqualTo(t.substring(0, 10)).isEqualTo(Formats.utc(i).substring(0, 10));
            }
        }
        assertThat(Formats.utcDate(null)).isEqualTo("-");
    }
}
