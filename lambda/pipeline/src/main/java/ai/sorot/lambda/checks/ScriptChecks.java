package ai.sorot.lambda.checks;

import ai.sorot.lambda.language.LanguageDetector;
import ai.sorot.lambda.language.OpenNlp;
import ai.sorot.lambda.language.TagConfidence;
import ai.sorot.model.report.Check;
import ai.sorot.model.report.Check.Severity;
import ai.sorot.model.report.CheckCode;
import ai.sorot.model.report.Evidence;
import ai.sorot.model.screenplay.Screenplay;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks a reader would do before reading a page, from the parsed script alone: its
 * language, whether its words make sentences, whether it has scene headings and a title page,
 * and whether its length fits the form it declares. (Duplicates need earlier analyses: the
 * pipeline asks for those.)
 */
public final class ScriptChecks {

    /** The form of a script: as submitted (a session's, a FilmFreeway category) or declared on its title page. */
    public enum Form {
        SHORT,
        FEATURE,
        EPISODE;

        /**
         * The form a submission names: "short", "feature", "episode", or a FilmFreeway category ("Short
         * Film", "Feature Screenplay", "Television Pilot", "TV Series"); null for none; an
         * {@code INVALID_PARAMETER} for a name that is no form.
         */
        public static Form parse(String name) {
            if (name == null || name.isBlank()) {
                return null;
            }
            var text = name.toLowerCase(Locale.ROOT);
            if (ScriptChecks.SHORT.matcher(text).find()) {
                return Form.SHORT;
            }
            if (ScriptChecks.EPISODE.matcher(text).find()
                    || text.matches("(?s).*\\b(tv|television|series|web series)\\b.*")) {
                return Form.EPISODE;
            }
            if (ScriptChecks.FEATURE.matcher(text).find()) {
                return Form.FEATURE;
            }
            throw new ai.sorot.model.api.SorotException(
                    ai.sorot.model.api.ErrorCode.INVALID_PARAMETER,
                    "The form must be short, feature or episode (or a FilmFreeway category naming one), not: "
                            + clip(name) + ".");
        }
    }

    private static final Pattern SHORT = Pattern.compile("(?i)\\bshort(\\s+film|\\s+screenplay)?\\b");
    private static final Pattern FEATURE = Pattern.compile("(?i)\\bfeature(\\s+film|\\s+screenplay)?\\b");
    private static final Pattern EPISODE = Pattern.compile("(?i)\\b(episode|pilot|teleplay)\\b");

    /** Enough words to name a language (a title page's worth is not). */
    static final int MIN_WORDS_FOR_LANGUAGE = 30;

    private ScriptChecks() {}

    /**
     * Starts loading the OpenNLP models in the background (once per process), so they are ready by
     * the time a script read meanwhile is checked: loading them takes 1-3 s, reading a PDF as long.
     */
    public static void warmUp() {
        OpenNlp.warmUp();
    }

    /** What the text checks found: the checks, and the language (null when none was recognised). */
    public record Result(List<Check> checks, Language language, Coherence coherence) {

        /**
         * Whether English-only measures (word lists, content flags) may run on this script: English
         * that reads as sentences, or too little text to tell and no other language recognised.
         */
        public boolean englishWordListsApply() {
            if (!coherence.enoughText()) {
                return language == null || language.isEnglish();
            }
            return language != null && language.isEnglish() && !coherence.incoherent();
        }

        /** Why the word lists were not run, for the report; null when they were. */
        public String whyNoWordLists() {
            if (englishWordListsApply()) {
                return null;
            }
            return language != null && !language.isEnglish()
                    ? "Not assessed: the word lists are English and the script appears to be in " + language.name()
                            + "."
                    : "Not assessed: the words do not read as English sentences (see the checks).";
        }
    }

    /**
     * Only the language and coherence figures (what the analysts need to know which measures apply).
     * One analysis asks three times (the checks, the coverage and the curation steps), so the last
     * few scripts' figures are kept: the POS tagger is the costly part.
     */
    public static Result text(Screenplay screenplay) {
        synchronized (RECENT) {
            for (var entry : RECENT) {
                if (entry.getKey() == screenplay) {
                    return entry.getValue();
                }
            }
        }
        var measured = measure(screenplay);
        synchronized (RECENT) {
            RECENT.addFirst(Map.entry(screenplay, measured));
            while (RECENT.size() > 4) {
                RECENT.removeLast();
            }
        }
        return measured;
    }

    private static final Deque<Map.Entry<Screenplay, Result>> RECENT = new ArrayDeque<>();

    private static Result measure(Screenplay screenplay) {
        var paragraphs = ProseWords.paragraphs(screenplay);
        var texts = ProseWords.texts(screenplay);
        var detected = ProseWords.count(paragraphs) >= MIN_WORDS_FOR_LANGUAGE
                ? LanguageDetector.detect(String.join("\n", texts))
                : null;
        var language = Language.detect(paragraphs, detected);
        var coherence = Coherence.measure(paragraphs);
        if (coherence.enoughText() && language != null && language.isEnglish() && !coherence.incoherent()) {
            // the tagger is English; it is asked only when the cheaper figures have not already decided
            coherence = coherence.withTags(TagConfidence.measure(texts));
        }
        return new Result(List.of(), language, coherence);
    }

    public static Result run(Screenplay screenplay) {
        return run(screenplay, null);
    }

    /** The checks, with the form the script was submitted as ({@code null}: only what its title page declares). */
    public static Result run(Screenplay screenplay, Form submittedAs) {
        var checks = new ArrayList<Check>();
        var measured = text(screenplay);
        var language = measured.language();
        var coherence = measured.coherence();
        if (language != null && !language.isEnglish() && coherence.words() >= MIN_WORDS_FOR_LANGUAGE) {
            checks.add(Check.of(
                            CheckCode.LANGUAGE,
                            Severity.INFO,
                            "The script appears to be in " + language.name()
                                    + ". The English word lists (genre, tone, themes, "
                                    + "content flags) and the coherence check were not run on it.")
                    .withEvidence(Evidence.statistic()));
        } else if (coherence.enoughText()) {
            if (language == null) {
                checks.add(Check.of(
                                CheckCode.INCOHERENT_TEXT,
                                Severity.WARNING,
                                "The text has a screenplay's shape, but its words do not form sentences in any language Sorot "
                                        + "recognises (" + coherence.figures()
                                        + "). Check that it is the script you meant to send.")
                        .withEvidence(Evidence.statistic()));
            } else if (language.isEnglish() && coherence.incoherent()) {
                checks.add(Check.of(
                                CheckCode.INCOHERENT_TEXT,
                                Severity.WARNING,
                                "The text has a screenplay's shape, but its words do not read as English sentences: "
                                        + coherence.figures() + ". It may be placeholder or generated text.")
                        .withEvidence(Evidence.statistic()));
            }
        }
        if (screenplay.scenes().isEmpty()) {
            checks.add(Check.of(
                    CheckCode.NO_SCENE_HEADINGS,
                    Severity.WARNING,
                    "No scene headings (INT./EXT. ... DAY/NIGHT) were found: the scene, location and time-of-day figures "
                            + "are empty, and the script may not be in screenplay format."));
        }
        if (screenplay.isTextLayerRepaired()) {
            checks.add(Check.of(
                            CheckCode.TEXT_LAYER_GARBLED,
                            Severity.INFO,
                            "The PDF's text layer did not decode to what its pages show (characters stored in one encoding and "
                                    + "labelled as another, or '!' for spaces); Sorot repaired it, so names, headings and quotes read "
                                    + "as printed. Copy-paste from this PDF elsewhere will show the garbled text.")
                    .withEvidence(Evidence.statistic()));
        }
        if (screenplay.titlePage() == null || screenplay.titlePage().isEmpty()) {
            checks.add(Check.of(
                    CheckCode.NO_TITLE_PAGE,
                    Severity.INFO,
                    "No title page: the title and writer come from the file name or the submission."));
        }
        var form = submittedAs != null ? submittedAs : declaredForm(screenplay);
        var length = formLength(form, screenplay.pageCount(), submittedAs != null);
        if (length != null) {
            checks.add(length);
        }
        return new Result(List.copyOf(checks), language, coherence);
    }

    private static String clip(String name) {
        var clean = name.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }

    /** A short over 40 pages or a feature under 70, when the form is known. */
    public static Check formLength(Form form, int pages) {
        return formLength(form, pages, false);
    }

    private static Check formLength(Form form, int pages, boolean submitted) {
        var how = submitted ? "Submitted as" : "Declared";
        if (form == Form.SHORT && pages > 40) {
            return Check.of(
                            CheckCode.FORM_LENGTH,
                            Severity.WARNING,
                            "%s a short, but %d pages runs about %d minutes: most shorts programmes take under 40."
                                    .formatted(how, pages, pages))
                    .withEvidence(Evidence.statistic());
        }
        if (form == Form.FEATURE && pages < 70) {
            return Check.of(
                            CheckCode.FORM_LENGTH,
                            Severity.WARNING,
                            "%s a feature, but %d pages runs about %d minutes: a feature usually runs 70 pages or more."
                                    .formatted(how, pages, pages))
                    .withEvidence(Evidence.statistic());
        }
        return null;
    }

    /** The form the title page declares, or null when it says none. */
    public static Form declaredForm(Screenplay screenplay) {
        var page = screenplay.titlePage();
        if (page == null || page.isEmpty()) {
            return null;
        }
        var text = String.join(
                        "\n",
                        java.util.stream.Stream.of(page.title(), page.credit(), page.source(), page.notes())
                                .filter(java.util.Objects::nonNull)
                                .toList())
                .toLowerCase(Locale.ROOT);
        if (SHORT.matcher(text).find()) {
            return Form.SHORT;
        }
        if (EPISODE.matcher(text).find()) {
            return Form.EPISODE;
        }
        if (FEATURE.matcher(text).find()) {
            return Form.FEATURE;
        }
        return null;
    }
}
