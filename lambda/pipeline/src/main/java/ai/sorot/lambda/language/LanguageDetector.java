package ai.sorot.lambda.language;

import opennlp.tools.langdetect.LanguageDetectorME;

/**
 * Names the language of a text with OpenNLP's language detector (character n-grams, 103 languages).
 * The model loads once per process, on the first call; the detector holds no state between calls.
 */
public final class LanguageDetector {

    /** Enough text for the detector: its accuracy no longer grows past a few thousand characters. */
    static final int SAMPLE_CHARS = 6_000;

    private LanguageDetector() {}

    /** The most likely language of {@code text} (an even sample of it when long); null for no letters. */
    public static DetectedLanguage detect(CharSequence text) {
        if (text == null || text.codePoints().noneMatch(Character::isLetter)) {
            return null;
        }
        opennlp.tools.langdetect.Language[] ranked;
        synchronized (Detector.INSTANCE) { // the detector is not documented thread-safe; a call takes milliseconds
            ranked = Detector.INSTANCE.predictLanguages(sample(text));
        }
        return DetectedLanguage.of(
                ranked[0].getLang(), ranked[0].getConfidence(), ranked.length > 1 ? ranked[1].getConfidence() : 0);
    }

    /** Up to {@link #SAMPLE_CHARS} characters taken in ten slices spread through the text. */
    static CharSequence sample(CharSequence text) {
        if (text.length() <= SAMPLE_CHARS) {
            return text;
        }
        var out = new StringBuilder(SAMPLE_CHARS + 20);
        int slices = 10;
        int slice = SAMPLE_CHARS / slices;
        for (int i = 0; i < slices; i++) {
            int from = (int) ((long) (text.length() - slice) * i / (slices - 1));
            out.append(text, from, from + slice).append(' ');
        }
        return out;
    }

    private static final class Detector {
        static final LanguageDetectorME INSTANCE = new LanguageDetectorME(OpenNlpModels.languageDetector());
    }
}
