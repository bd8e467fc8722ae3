package ai.sorot.desktop.intake;

import ai.sorot.model.api.SorotException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Trailer links as the API accepts them: https, on YouTube or Vimeo, naming a video. Checked on
 * drop so a bad link is refused at once rather than after the script has been sent.
 */
public final class TrailerLinks {

    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"']+");

    private TrailerLinks() {}

    /** A link checked against the allow-list. */
    public sealed interface Check {
        String input();
    }

    public record Valid(String input, String url, String platform) implements Check {}

    public record Invalid(String input, String code, String reason) implements Check {}

    /**
     * The API's own allow-list ({@link ai.sorot.model.api.TrailerLinks}), so a link passes
     * here exactly when the API will take it. A browser's {@code www.} or {@code http://} form is
     * upgraded to https first, as the browser itself would.
     */
    public static Check check(String raw) {
        var text = raw == null ? "" : raw.strip();
        if (text.regionMatches(true, 0, "www.", 0, 4)) {
            text = "https://" + text;
        } else if (text.regionMatches(true, 0, "http://", 0, 7)) {
            text = "https://" + text.substring(7);
        }
        try {
            var link = ai.sorot.model.api.TrailerLinks.check(text);
            return new Valid(raw, link.url().toString(), link.platform().equals("vimeo") ? "Vimeo" : "YouTube");
        } catch (SorotException e) {
            return new Invalid(raw, e.code().name(), e.getMessage());
        }
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
}
