package ai.sorot.lambda.checks;

import ai.sorot.model.report.Check;
import ai.sorot.model.report.Check.Severity;
import ai.sorot.model.report.CheckCode;
import ai.sorot.model.report.Evidence;
import ai.sorot.model.screenplay.Screenplay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The checks a reader would do before reading a page, from the parsed script alone: its
 * language, whether its words make sentences, whether it has scene headings and a title page,
 * and whether its length fits the form it declares. (Duplicates need earlier analyses: the
 * pipeline asks for those.)
 */
public final class ScriptChecks {

    /** The form a script declares on its title page ("A short film by...", "Pilot"), when it does. */
    public enum Form { SHORT, FEATURE, EPISODE }

    private static final Pattern SHORT = Pattern.compile("(?i)\\bshort(\\s+film|\\s+screenplay)?\\b");
    private static final Pattern FEATURE = Pattern.compile("(?i)\\bfeature(\\s+film|\\s+screenplay)?\\b");
    private static final Pattern EPISODE = Pattern.compile("(?i)\\b(episode|pilot|teleplay)\\b");

    /** Enough words to name a language (a title page's worth is not). */
    static final int MIN_WORDS_FOR_LANGUAGE = 30;

    private ScriptChecks() {}

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
                    ? "Not assessed: the word lists are English and the script appears to be in " + language.name() + "."
                    : "Not assessed: the words do not read as English sentences (see the checks).";
        }
    }

    /** Only the language and coherence figures (what the analysts need to know which measures apply). */
    public static Result text(Screenplay screenplay) {
        var paragraphs = ProseWords.paragraphs(screenplay);
        return new Result(List.of(), Language.detect(paragraphs), Coherence.measure(paragraphs));
    }

    public static Result run(Screenplay screenplay) {
        var checks = new ArrayList<Check>();
        var measured = text(screenplay);
        var language = measured.language();
        var coherence = measured.coherence();
        if (language != null && !language.isEnglish() && coherence.words() >= MIN_WORDS_FOR_LANGUAGE) {
            checks.add(Check.of(CheckCode.LANGUAGE, Severity.INFO,
                    "The script appears to be in " + language.name() + ". The English word lists (genre, tone, themes, "
                            + "content flags) and the coherence check were not run on it.")
                    .withEvidence(Evidence.statistic()));
        } else if (coherence.enoughText()) {
            if (language == null) {
                checks.add(Check.of(CheckCode.INCOHERENT_TEXT, Severity.WARNING,
                        "The text has a screenplay's shape, but its words do not form sentences in any language Sorot "
                                + "recognises (" + coherence.figures() + "). Check that it is the script you meant to send.")
                        .withEvidence(Evidence.statistic()));
            } else if (language.isEnglish() && coherence.incoherent()) {
                checks.add(Check.of(CheckCode.INCOHERENT_TEXT, Severity.WARNING,
                        "The text has a screenplay's shape, but its words do not read as English sentences: "
                                + coherence.figures() + ". It may be placeholder or generated text.")
                        .withEvidence(Evidence.statistic()));
            }
        }
        if (screenplay.scenes().isEmpty()) {
            checks.add(Check.of(CheckCode.NO_SCENE_HEADINGS, Severity.WARNING,
                    "No scene headings (INT./EXT. ... DAY/NIGHT) were found: the scene, location and time-of-day figures "
                            + "are empty, and the script may not be in screenplay format."));
        }
        if (screenplay.isTextLayerRepaired()) {
            checks.add(Check.of(CheckCode.TEXT_LAYER_GARBLED, Severity.INFO,
                    "The PDF's text layer did not decode to what its pages show (characters stored in one encoding and "
                            + "labelled as another, or '!' for spaces); Sorot repaired it, so names, headings and quotes read "
                            + "as printed. Copy-paste from this PDF elsewhere will show the garbled text.")
                    .withEvidence(Evidence.statistic()));
        }
        if (screenplay.titlePage() == null || screenplay.titlePage().isEmpty()) {
            checks.add(Check.of(CheckCode.NO_TITLE_PAGE, Severity.INFO,
                    "No title page: the title and writer come from the file name or the submission."));
        }
        var form = declaredForm(screenplay);
        var length = formLength(form, screenplay.pageCount());
        if (length != null) {
            checks.add(length);
        }
        return new Result(List.copyOf(checks), language, coherence);
    }

    /** A short over 40 pages or a feature under 70, when the form is known. */
    public static Check formLength(Form form, int pages) {
        if (form == Form.SHORT && pages > 40) {
            return Check.of(CheckCode.FORM_LENGTH, Severity.WARNING,
                    "Declared a short, but %d pages runs about %d minutes: most shorts programmes take under 40."
                            .formatted(pages, pages)).withEvidence(Evidence.statistic());
        }
        if (form == Form.FEATURE && pages < 70) {
            return Check.of(CheckCode.FORM_LENGTH, Severity.WARNING,
                    "Declared a feature, but %d pages runs about %d minutes: a feature usually runs 70 pages or more."
                            .formatted(pages, pages)).withEvidence(Evidence.statistic());
        }
        return null;
    }

    /** The form the title page declares, or null when it says none. */
    public static Form declaredForm(Screenplay screenplay) {
        var page = screenplay.titlePage();
        if (page == null || page.isEmpty()) {
            return null;
        }
        var text = String.join("\n", java.util.stream.Stream.of(page.title(), page.credit(), page.source(), page.notes())
                .filter(java.util.Objects::nonNull).toList()).toLowerCase(Locale.ROOT);
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
