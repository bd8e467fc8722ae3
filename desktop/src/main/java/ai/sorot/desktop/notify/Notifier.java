package ai.sorot.desktop.notify;

/** Tells the curator that something finished while they were looking elsewhere. */
public interface Notifier {

    Notifier NONE = new Notifier() {
        @Override
        public void success(String title, String text) {}

        @Override
        public void failure(String title, String text) {}
    };

    void success(String title, String text);

    void failure(String title, String text);
}
