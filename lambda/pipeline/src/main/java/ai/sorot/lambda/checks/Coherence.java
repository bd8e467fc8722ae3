package ai.sorot.lambda.checks;

import ai.sorot.lambda.language.TagConfidence;
import java.util.List;

/**
 * Whether a script's English prose reads as language or as a bag of words, from three figures:
 * <ul>
 *   <li>{@code functionShare}: the share of closed-class words (the, of, to, she...). English prose
 *       is a third or more of them; words drawn at random from a dictionary almost never are;</li>
 *   <li>{@code brokenAfterDeterminer}: of the words right after an article or a possessive, the
 *       share that cannot stand there ("the of", "a she"). Real English: a few percent, mostly
 *       parse noise; shuffled words: as often as function words come up at all.</li>
 * </ul>
 * Thresholds are calibrated on every script in the shared corpora (bench/coherence-calibration.sh,
 * docs/no-model-analysis.md): no real script crosses either; random and shuffled ones cross one.
 * <ul>
 *   <li>{@code tags}: OpenNLP's English POS tagger's confidence (the mean probability of its best tag
 *       sequence per token) over a sample of the sentences: a statistical model of English word order.
 *       Real scripts 0.85-0.90; shuffled or random words 0.67-0.76. Measured only on English.</li>
 * </ul>
 */
public record Coherence(
        int words, double functionShare, int determiners, double brokenAfterDeterminer, TagConfidence tags) {

    /** Below this many prose words a script is too short to judge (a test page, a fragment). */
    static final int MIN_WORDS = 150;

    static final double MIN_FUNCTION_SHARE = 0.20;
    static final double MAX_BROKEN_AFTER_DETERMINER = 0.16;
    /** The order test needs enough articles to count. */
    static final int MIN_DETERMINERS = 15;
    /** Under this tag confidence the words are not English sentences (calibration: real 0.851+, generated 0.760-). */
    static final double MIN_TAG_CONFIDENCE = 0.80;
    /** The tag figure needs this many tagged tokens to be stable. */
    static final int MIN_TAGGED_TOKENS = 150;

    static Coherence measure(List<List<String>> paragraphs) {
        int words = 0;
        int function = 0;
        int determiners = 0;
        int broken = 0;
        for (var paragraph : paragraphs) {
            for (int i = 0; i < paragraph.size(); i++) {
                var word = paragraph.get(i);
                words++;
                if (EnglishWords.FUNCTION.contains(word)) {
                    function++;
                }
                if (EnglishWords.DETERMINERS.contains(word) && i + 1 < paragraph.size()) {
                    determiners++;
                    if (EnglishWords.NOT_AFTER_DETERMINER.contains(paragraph.get(i + 1))) {
                        broken++;
                    }
                }
            }
        }
        return new Coherence(
                words,
                words == 0 ? 0 : function / (double) words,
                determiners,
                determiners == 0 ? 0 : broken / (double) determiners,
                null);
    }

    /** These figures with the POS tagger's confidence on the same prose. */
    Coherence withTags(TagConfidence measured) {
        return new Coherence(words, functionShare, determiners, brokenAfterDeterminer, measured);
    }

    /** True when the tagger's confidence says the words are not English sentences. */
    public boolean tagsUnsure() {
        return tags != null && tags.tokens() >= MIN_TAGGED_TOKENS && tags.meanProbability() < MIN_TAG_CONFIDENCE;
    }

    public boolean enoughText() {
        return words >= MIN_WORDS;
    }

    /** True when the figures say the words are not English sentences (only meaningful with {@link #enoughText()}). */
    public boolean incoherent() {
        if (!enoughText()) {
            return false;
        }
        if (functionShare < MIN_FUNCTION_SHARE || tagsUnsure()) {
            return true;
        }
        return determiners >= MIN_DETERMINERS && brokenAfterDeterminer > MAX_BROKEN_AFTER_DETERMINER;
    }

    public String figures() {
        return "%d words; %.0f%% function words (English prose: a third or more); after %d articles, %.0f%% of the "
                        .formatted(words, functionShare * 100, determiners, brokenAfterDeterminer * 100)
                + "next words cannot stand there (English: under 2%)"
                + (tags == null
                        ? ""
                        : "; the English POS tagger's confidence %.2f over %d words (English prose: 0.85 or more)"
                                .formatted(tags.meanProbability(), tags.tokens()));
    }
}
