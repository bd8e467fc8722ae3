package ai.sorot.lambda.aws.polly;

import ai.sorot.lambda.pipeline.SpeechScript;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a speech script as SSML for Polly's neural voices, in requests Polly accepts: each at
 * most 3,000 billed characters (the spoken text; tags are not billed) and 6,000 characters in
 * all. A longer script is split between paragraphs, a paragraph longer than a request between
 * sentences, and a sentence longer than that (there should be none) between words.
 *
 * <p>Paragraphs are {@code <p>} (Polly pauses between them) with a longer {@code <break>} between
 * the sections of the summary. Neural voices do not take {@code <emphasis>}; the verdict
 * ("Verdict: ...") is set off the way they allow, a little slower ({@code <prosody rate="90%">}).
 */
public final class SsmlChunks {

    /** Polly's limits for SynthesizeSpeech, with a margin. */
    public static final int MAX_BILLED = 2_900;

    public static final int MAX_TOTAL = 5_800;
    static final String SECTION_BREAK = "<break time=\"700ms\"/>";
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");

    /** One request: its SSML and the characters Polly bills for it. */
    public record Chunk(String ssml, int billedCharacters) {}

    private SsmlChunks() {}

    public static List<Chunk> of(SpeechScript script) {
        var pieces = new ArrayList<String>();
        var paragraphs = script.paragraphs();
        for (int i = 0; i < paragraphs.size(); i++) {
            var paragraph = paragraphs.get(i).strip();
            if (paragraph.isEmpty()) {
                continue;
            }
            boolean verdict = paragraph.startsWith("Verdict:"); // the summary writer's closing line
            for (var part : fit(paragraph)) {
                pieces.add(
                        verdict
                                ? SECTION_BREAK + "<p><prosody rate=\"90%\">" + escape(part) + "</prosody></p>"
                                : "<p>" + escape(part) + "</p>");
            }
        }
        var chunks = new ArrayList<Chunk>();
        var current = new StringBuilder();
        int billed = 0;
        for (var piece : pieces) {
            int pieceBilled = billed(piece);
            int extra = piece.length() + (current.isEmpty() ? 0 : SECTION_BREAK.length());
            if (!current.isEmpty()
                    && (billed + pieceBilled > MAX_BILLED || wrapped(current).length() + extra > MAX_TOTAL)) {
                chunks.add(new Chunk(wrapped(current), billed));
                current.setLength(0);
                billed = 0;
            }
            if (!current.isEmpty() && !piece.startsWith(SECTION_BREAK)) {
                current.append(SECTION_BREAK);
            }
            current.append(piece);
            billed += pieceBilled;
        }
        if (!current.isEmpty()) {
            chunks.add(new Chunk(wrapped(current), billed));
        }
        return chunks;
    }

    /** The paragraph in parts that each fit one request. */
    static List<String> fit(String paragraph) {
        if (paragraph.length() <= MAX_BILLED && escape(paragraph).length() <= MAX_TOTAL - 100) {
            return List.of(paragraph);
        }
        var parts = new ArrayList<String>();
        var current = new StringBuilder();
        for (var sentence : SENTENCE_END.split(paragraph)) {
            for (var piece : sentence.length() <= MAX_BILLED ? List.of(sentence) : byWords(sentence)) {
                if (!current.isEmpty() && current.length() + 1 + piece.length() > MAX_BILLED) {
                    parts.add(current.toString());
                    current.setLength(0);
                }
                if (!current.isEmpty()) {
                    current.append(' ');
                }
                current.append(piece);
            }
        }
        if (!current.isEmpty()) {
            parts.add(current.toString());
        }
        return parts;
    }

    private static List<String> byWords(String sentence) {
        var parts = new ArrayList<String>();
        var current = new StringBuilder();
        for (var word : sentence.split("\\s+")) {
            if (!current.isEmpty() && current.length() + 1 + word.length() > MAX_BILLED) {
                parts.add(current.toString());
                current.setLength(0);
            }
            if (!current.isEmpty()) {
                current.append(' ');
            }
            current.append(word.length() > MAX_BILLED ? word.substring(0, MAX_BILLED) : word);
        }
        if (!current.isEmpty()) {
            parts.add(current.toString());
        }
        return parts;
    }

    private static String wrapped(CharSequence body) {
        return "<speak>" + body + "</speak>";
    }

    /** The characters Polly bills: the text without the tags, entities counted as the character they stand for. */
    static int billed(String ssml) {
        var text = ssml.replaceAll("<[^>]+>", "").replaceAll("&(amp|lt|gt|quot|apos);", "x");
        return text.length();
    }

    static String escape(String text) {
        var sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
