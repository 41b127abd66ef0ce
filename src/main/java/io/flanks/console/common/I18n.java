package io.flanks.console.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The console's strings, English and Spanish. Each feature keeps its own bundle under
 * {@code i18n/}; lookups search them in order. A missing key shows as {@code !key!} rather than
 * failing, and a test checks that every key exists in both languages.
 */
public final class I18n {
    public static final List<String> BUNDLES = List.of("i18n/messages", "i18n/detail", "i18n/actions", "i18n/bulk", "i18n/history");
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, new Locale("es"));

    private static volatile I18n current = new I18n(defaultLocale());

    private final Locale locale;
    private final List<ResourceBundle> bundles;
    /** Message patterns parsed once each (table cells format "3 min ago" on every scroll and keystroke). */
    private final java.util.concurrent.ConcurrentHashMap<String, MessageFormat> formats = new java.util.concurrent.ConcurrentHashMap<>();

    public I18n(Locale locale) {
        this.locale = locale;
        this.bundles = BUNDLES.stream().map(b -> ResourceBundle.getBundle(b, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))).toList();
    }

    /** The OS language when we have it, else English. */
    public static Locale defaultLocale() {
        return "es".equals(Locale.getDefault().getLanguage()) ? new Locale("es") : Locale.ENGLISH;
    }

    public static I18n current() {
        return current;
    }

    public static void use(Locale locale) {
        current = new I18n(locale);
    }

    /** Shorthand for {@code current().get(key, args)}. */
    public static String tr(String key, Object... args) {
        return current.get(key, args);
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        for (ResourceBundle b : bundles) {
            if (b.containsKey(key)) {
                String s = b.getString(key);
                if (args.length == 0) {
                    return s;
                }
                MessageFormat f = formats.computeIfAbsent(s, p -> new MessageFormat(p, locale));
                synchronized (f) { // a MessageFormat is not thread-safe
                    return f.format(args);
                }
            }
        }
        return "!" + key + "!";
    }


    public boolean has(String key) {
        try {
            return bundles.stream().anyMatch(b -> b.containsKey(key));
        } catch (MissingResourceException e) {
            return false;
        }
    }
}
