package io.flanks.console.actions;

import io.flanks.console.api.ForceKind;
import io.flanks.console.settings.Settings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * End-user URL templates a person configured per flow. Nothing is built in: no public page
 * says how a flow token reaches the end user (NOTES.md), so the console never guesses.
 */
public final class LinkTemplates {
    public static final String[] PLACEHOLDERS = {"{reset_token}", "{sca_token}", "{transaction_token}",
            "{credentials_token}", "{external_id}", "{bank}"};

    private final Settings settings;

    public LinkTemplates(Settings settings) {
        this.settings = settings;
    }

    static String key(ForceKind kind) {
        return "link.template." + kind.wire();
    }

    public String template(ForceKind kind) {
        String t = settings == null ? null : settings.get(key(kind), null);
        return t == null || t.isBlank() ? null : t.trim();
    }

    public void setTemplate(ForceKind kind, String template) {
        settings.put(key(kind), template == null || template.isBlank() ? null : template.trim());
        settings.save();
    }

    /** The built link, or {@code null} when no template is set for that flow or its token is missing. */
    public String build(ForceKind kind, String flowToken, String credentialsToken, String externalId, String bank) {
        String t = template(kind);
        if (t == null || flowToken == null) {
            return null;
        }
        return fill(t, Map.of(
                "{" + kind.tokenField() + "}", flowToken,
                "{credentials_token}", credentialsToken == null ? "" : credentialsToken,
                "{external_id}", externalId == null ? "" : externalId,
                "{bank}", bank == null ? "" : bank));
    }

    /** Replaces each placeholder with its URL-encoded value; other flows' placeholders become empty. */
    static String fill(String template, Map<String, String> values) {
        String out = template;
        for (String p : PLACEHOLDERS) {
            String v = values.getOrDefault(p, "");
            out = out.replace(p, URLEncoder.encode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** A plain sentence when a template cannot work, else {@code null}. */
    public static String validate(String template) {
        if (template == null || template.isBlank()) {
            return null;
        }
        String t = template.trim().toLowerCase(Locale.ROOT);
        if (!t.startsWith("https://") && !t.startsWith("http://")) {
            return "link.invalid.scheme";
        }
        return null;
    }
}
