package ai.sorot.lambda.checks;

import java.util.Set;

/**
 * English closed-class words: articles, pronouns, prepositions, conjunctions, auxiliaries. They
 * are a third or more of any English prose, script action and dialogue included, and they follow
 * rules of order (an article is followed by a noun or an adjective, hardly ever by another
 * function word), which random or shuffled words break.
 */
public final class EnglishWords {

    private EnglishWords() {}

    public static final Set<String> FUNCTION = Set.of(
            "the", "a", "an", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their",
            "i", "you", "he", "she", "it", "we", "they", "me", "him", "us", "them", "myself", "yourself", "himself",
            "herself", "itself", "ourselves", "themselves", "who", "whom", "whose", "which", "what", "where", "when",
            "why", "how", "there", "here", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto",
            "upon", "about", "over", "under", "through", "between", "against", "without", "within", "during", "before",
            "after", "behind", "across", "toward", "towards", "off", "out", "up", "down", "around", "and", "or", "but",
            "nor", "so", "if", "than", "because", "while", "though", "although", "unless", "until", "as", "is", "are",
            "was", "were", "be", "been", "being", "am", "do", "does", "did", "have", "has", "had", "will", "would",
            "shall", "should", "can", "could", "may", "might", "must", "not", "no", "yes", "all", "some", "any", "each",
            "every", "both", "either", "neither", "just", "then", "too", "very", "also", "only", "still", "again",
            "i'm", "you're", "he's", "she's", "it's", "we're", "they're", "i've", "you've", "we've", "i'll", "you'll",
            "don't", "doesn't", "didn't", "can't", "won't", "isn't", "aren't", "wasn't", "that's", "what's", "there's",
            "let's", "i'd", "you'd");

    /** Words after which English almost always puts a noun or an adjective, never an article or a preposition. */
    static final Set<String> DETERMINERS = Set.of("the", "a", "an", "my", "your", "our", "their", "its");

    /** Function words that cannot follow a determiner ("the of", "a the", "my and"). */
    static final Set<String> NOT_AFTER_DETERMINER = Set.of(
            "the", "a", "an", "my", "your", "our", "their", "of", "to", "in", "on", "at", "by", "for", "with", "from",
            "into", "and", "or", "but", "nor", "if", "than", "because", "is", "are", "was", "were", "be", "been", "am",
            "do", "does", "did", "have", "has", "had", "will", "would", "shall", "should", "can", "could", "may",
            "might", "must", "i", "you", "he", "she", "it", "we", "they", "me", "him", "us", "them", "not", "who",
            "which", "what", "where", "when", "why", "how", "there", "i'm", "you're", "it's", "don't", "can't");
}
