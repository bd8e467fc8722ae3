package ai.sorot.desktop.ui;

/**
 * A one-line message for the notice bar, mostly about the last intake action ("Trailer attached to
 * …", "Already in the queue").
 */
public record Notice(Kind kind, String text) {

    public enum Kind {
        INFO,
        WARNING,
        ERROR
    }

    public static Notice info(String text) {
        return new Notice(Kind.INFO, text);
    }

    public static Notice warning(String text) {
        return new Notice(Kind.WARNING, text);
    }

    public static Notice error(String text) {
        return new Notice(Kind.ERROR, text);
    }
}
