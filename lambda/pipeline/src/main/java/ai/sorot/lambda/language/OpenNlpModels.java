package ai.sorot.lambda.language;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceModel;

/**
 * OpenNLP's models, each read from its Maven artifact on the classpath once per process, on first
 * use (a holder class per model, so the language detector's 23 MB are not read by a script that
 * only needs the tagger, and nothing is read by a process that never analyses).
 */
final class OpenNlpModels {

    /** OpenNLP's language detector model (103 languages), as Tika's OpenNLP detector artifact ships it. */
    static final String LANGUAGE_DETECTOR = "/opennlp-langdetect-20210413.bin";
    /** OpenNLP 1.5's English maximum-entropy POS tagger (Penn Treebank tags). */
    static final String POS_TAGGER = "/en-pos-maxent.bin";
    /** OpenNLP 1.5's English sentence detector. */
    static final String SENTENCES = "/en-sent.bin";

    private OpenNlpModels() {}

    static LanguageDetectorModel languageDetector() {
        return LanguageHolder.MODEL;
    }

    static POSModel posTagger() {
        return PosHolder.MODEL;
    }

    static SentenceModel sentences() {
        return SentenceHolder.MODEL;
    }

    private static final class LanguageHolder {
        static final LanguageDetectorModel MODEL = read(LANGUAGE_DETECTOR, LanguageDetectorModel::new);
    }

    private static final class PosHolder {
        static final POSModel MODEL = read(POS_TAGGER, POSModel::new);
    }

    private static final class SentenceHolder {
        static final SentenceModel MODEL = read(SENTENCES, SentenceModel::new);
    }

    private interface Reader<T> {
        T read(InputStream in) throws IOException;
    }

    private static <T> T read(String resource, Reader<T> reader) {
        try (var in = OpenNlpModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP model " + resource + " is not on the classpath");
            }
            return reader.read(new BufferedInputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read OpenNLP model " + resource, e);
        }
    }
}
