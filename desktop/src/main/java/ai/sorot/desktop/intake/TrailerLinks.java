package ai.sorot.desktop.intake;

import ai.sorot.model.api.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Trailer links as the API accepts them: https, on YouTube or Vimeo. Checked on drop so a bad
 * link is refused at once rather than after the script has been sent.
 */
public final class TrailerLinks {

    private static final Set<String> ALLOWED_HOSTS = Set.of("youtube.com", "youtu.be", "vimeo.com");
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"']+");

    private TrailerLinks() {}

    /** A link checked against the allow-list. */
    public sealed interface Check {
        String input();
    }

    public record Valid(String input, String url, String platform) implements Check {}

    public record Invalid(String input, String code, String reason) implements Check {}

    public static Check check(String raw) {
        var text = raw == null ? "" : raw.strip();
        if (text.startsWith("www.")) {
            text = "https://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return new Invalid(raw, ErrorCode.INVALID_URL.name(), "\"" + abbreviate(raw) + "\" is not a link.");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            return new Invalid(raw, ErrorCode.INVALID_URL.name(), "\"" + abbreviate(raw) + "\" is not a web link.");
        }
        var host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        var platform = platformOf(host);
        if (platform == null) {
            return new Invalid(raw, ErrorCode.URL_NOT_ALLOWED.name(),
                    "Trailer links must point to YouTube or Vimeo; " + (host.isEmpty() ? "this link has no host" : host + " is not one") + ".");
        }
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            // the platforms all serve https; upgrading is what a browser would do
            text = "https" + text.substring(4);
        }
        return new Valid(raw, text, platform);
    }

    /** Every web link in a dropped or pasted text ({@code text/uri-list} lines or prose), each once. */
    public static List<String> extract(String text) {
        if (text == null) {
            return List.of();
        }
        var found = new LinkedHashSet<String>();
        for (var line : text.lines().toList()) {
            if (line.startsWith("#")) {
                continue; // uri-list comment
            }
            var matcher = LINK.matcher(line);
            while (matcher.find()) {
                found.add(matcher.group().replaceAll("[.,;:!?)\\]]+$", ""));
            }
        }
        return new ArrayList<>(found);
    }

    private static String platformOf(String host) {
        for (var allowed : ALLOWED_HOSTS) {
            if (host.equals(allowed) || host.endsWith("." + allowed)) {
                return allowed.equals("vimeo.com") ? "Vimeo" : "YouTube";
            }
        }
        return null;
    }

    private static String abbreviate(String raw) {
        var text = raw == null ? "" : raw.strip();
        return text.length() > 60 ? text.substring(0, 59) + "…" : text;
    }
}
