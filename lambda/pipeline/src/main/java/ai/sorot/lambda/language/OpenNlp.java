package ai.sorot.lambda.language;

import java.util.concurrent.atomic.AtomicBoolean;

/** The language tools as a whole: warming their models up before a script needs them. */
public final class OpenNlp {

    private static final System.Logger LOG = System.getLogger(OpenNlp.class.getName());
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private OpenNlp() {}

    /**
     * Loads the language detector's and the POS tagger's models, each on its own daemon thread (the
     * two largest, 1-3 s each), the first time it is called in a process; later calls do nothing.
     * A script checked before they are loaded waits for them in the holder's class initialisation.
     */
    public static void warmUp() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        start("sorot-langdetect-load", OpenNlpModels::languageDetector);
        start("sorot-postag-load", () -> {
            OpenNlpModels.posTagger();
            OpenNlpModels.sentences();
        });
    }

    private static void start(String name, Runnable load) {
        var thread = new Thread(
                () -> {
                    try {
                        load.run();
                    } catch (RuntimeException | LinkageError e) {
                        // the check that needs the model will fail with the cause; here it is only noted
                        LOG.log(System.Logger.Level.WARNING, "could not load an OpenNLP model: " + e);
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
    }
}
