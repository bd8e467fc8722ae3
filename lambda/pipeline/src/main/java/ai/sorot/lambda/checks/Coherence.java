package ai.sorot.lambda.checks;

import java.util.List;

/**
 * Whether a script's English prose reads as language or as a bag of words, from two figures:
 * <ul>
 *   <li>{@code functionShare}: the share of closed-class words (the, of, to, she...). English prose
 *       is a third or more of them; words drawn at random from a dictionary almost never are;</li>
 *   <li>{@code brokenAfterDeterminer}: of the words right after an article or a possessive, the
 *       share that cannot stand there ("the of", "a she"). Real English: a few percent, mostly
 *       parse noise; shuffled words: as often as function words come up at all.</li>
 * </ul>
 * Thresholds are calibrated on every script in the shared corpora (bench/coherence-calibration.sh,
 * docs/no-model-analysis.md): no real script crosses either; random and shuffled ones cross one.
 */
public record Coherence(int words, double functionShare, int determiners, double brokenAfterDeterminer) {

    /** Below this many prose words a script is too short to judge (a test page, a fragment). */
    static final int MIN_WORDS = 150;
    static final double MIN_FUNCTION_SHARE = 0.20;
    static final double MAX_BROKEN_AFTER_DETERMINER = 0.16;
    /** The order test needs enough articles to count. */
    static final int MIN_DETERMINERS = 15;

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
        return new Coherence(words, words == 0 ? 0 : function / (double) words, determiners,
                determiners == 0 ? 0 : broken / (double) determiners);
    }

    public boolean enoughText() {
        return words >= MIN_WORDS;
    }

    /** True when the figures say the words are not English sentences (only meaningful with {@link #enoughText()}). */
    public boolean incoherent() {
        if (!enoughText()) {
            return false;
        }
        if (functionShare < MIN_FUNCTION_SHARE) {
            return true;
        }
        return determiners >= MIN_DETERMINERS && brokenAfterDeterminer > MAX_BROKEN_AFTER_DETERMINER;
    }

    public String figures() {
        return "%d words; %.0f%% function words (English prose: a third or more); after %d articles, %.0f%% of the "
                .formatted(words, functionShare * 100, determiners, brokenAfterDeterminer * 100)
                + "next words cannot stand there (English: under 2%)";
    }
}
