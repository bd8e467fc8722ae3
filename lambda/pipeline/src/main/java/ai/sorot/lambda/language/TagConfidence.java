package ai.sorot.lambda.language;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.SimpleTokenizer;

/**
 * How sure OpenNLP's English POS tagger is of its tags on a script's prose: English sentences tag
 * with confidence (each word's tag follows from its neighbours), words in random order do not.
 * A statistical language model's view of coherence, beside Sorot's own word-order figures.
 *
 * @param sentences the sentences tagged (a sample spread through the script)
 * @param tokens the tokens tagged
 * @param meanProbability the mean probability of the tagger's best tag sequence, per token
 * @param unsureShare the share of tokens whose tag had a probability under {@link #UNSURE}
 */
public record TagConfidence(int sentences, int tokens, double meanProbability, double unsureShare) {

    /** A tag the tagger gives with less probability than this is a guess. */
    static final double UNSURE = 0.5;
    /** Enough sentences for a stable figure (3,000-4,000 tokens); more only costs time (about 0.1 ms a token). */
    static final int MAX_SENTENCES = 250;

    /**
     * Tags a sample of the sentences in {@code paragraphs} (action and dialogue, as written),
     * splitting each with OpenNLP's English sentence detector, which keeps "Dr." and "Mr." whole.
     */
    public static TagConfidence measure(List<String> paragraphs) {
        var sentences = new ArrayList<String>();
        var splitter = new SentenceDetectorME(OpenNlpModels.sentences());
        int step = Math.max(1, paragraphs.size() / MAX_SENTENCES);
        for (int i = 0; i < paragraphs.size() && sentences.size() < MAX_SENTENCES; i += step) {
            for (var sentence : splitter.sentDetect(paragraphs.get(i).replace('\n', ' '))) {
                sentences.add(sentence);
            }
        }
        var tagger = new POSTaggerME(OpenNlpModels.posTagger());
        int tokens = 0;
        double sum = 0;
        int unsure = 0;
        int tagged = 0;
        for (var sentence : sentences) {
            var words = SimpleTokenizer.INSTANCE.tokenize(sentence);
            if (words.length == 0) {
                continue;
            }
            tagger.tag(words);
            for (double p : tagger.probs()) {
                sum += p;
                tokens++;
                if (p < UNSURE) {
                    unsure++;
                }
            }
            tagged++;
        }
        return new TagConfidence(
                tagged, tokens, tokens == 0 ? 0 : sum / tokens, tokens == 0 ? 0 : unsure / (double) tokens);
    }
}
