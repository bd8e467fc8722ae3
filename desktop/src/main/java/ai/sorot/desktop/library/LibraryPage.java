package ai.sorot.desktop.library;

import ai.sorot.desktop.SorotDesktop;
import ai.sorot.desktop.player.AudioPlayerView;
import ai.sorot.desktop.queue.QueueItem;
import ai.sorot.desktop.queue.SubmissionState;
import ai.sorot.desktop.ui.Desktop;
import ai.sorot.desktop.ui.Page;
import ai.sorot.lambda.library.LibraryEntry;
import ai.sorot.lambda.library.ReviewSession;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * The library side of the window: the list, review mode and compare, one at a time. The library
 * syncs with the API when it is first opened while connected, when the connection comes up again,
 * and whenever the curator asks.
 */
public final class LibraryPage extends StackPane implements Page {

    /** What the page shows. */
    public enum Mode {
        LIST,
        REVIEW,
        COMPARE
    }

    private final LibraryViewModel model;
    private final ReviewViewModel review;
    private final LibraryView list;
    private final ReviewView reviewView;
    private final CompareView compare;
    private final AudioPlayerView player = new AudioPlayerView(Desktop.files());
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.LIST);

    public LibraryPage(SorotDesktop app, FilePicker files, Consumer<String> openReport) {
        setId("library-page");
        model = new LibraryViewModel(app.archive(), app.connection(), app.io(), app.ui(), app.intake()::addFiles);
        review = new ReviewViewModel(app.archive(), app.io(), app.ui());
        review.setCommitteeLine(app.committee()::summaryFor);
        list = new LibraryView(model, files, new LibraryView.Actions() {
            @Override
            public void review(ReviewSession session, String startId) {
                startReview(session, startId);
            }

            @Override
            public void compare(List<LibraryEntry> entries) {
                LibraryPage.this.compare.show(entries);
                mode.set(Mode.COMPARE);
            }

            @Override
            public void openReport(String analysisId) {
                openReport.accept(analysisId);
            }
        });
        reviewView = new ReviewView(review, player, this::showList, id -> {
            player.pause();
            openReport.accept(id);
        });
        compare = new CompareView(new CompareViewModel(app.archive(), app.io(), app.ui()), this::showList);
        getChildren().addAll(list, reviewView, compare);
        mode.subscribe(m -> {
            list.setVisible(m == Mode.LIST);
            reviewView.setVisible(m == Mode.REVIEW);
            compare.setVisible(m == Mode.COMPARE);
            if (m != Mode.REVIEW) {
                player.pause();
            }
        });
        // an analysis finishing in the queue shows up in the list open beside it
        app.queue().items().addListener((ListChangeListener<QueueItem>) change -> {
            while (change.next()) {
                if (!change.wasUpdated()) {
                    continue;
                }
                var done = change.getList().subList(change.getFrom(), change.getTo()).stream()
                        .filter(item -> item.state() == SubmissionState.COMPLETED)
                        .toList();
                done.forEach(item -> model.analysisFinished(item.file(), item.analysisId()));
                if (!done.isEmpty() && isVisible()) {
                    model.refreshSoon();
                }
            }
        });
        // past analyses from the API, once connected (and again after each reconnect)
        app.connection().addOnlineListener(() -> app.ui().execute(model::sync));
        // the page is built when first opened: catch up with a connection that came up before
        if (app.connection().isOnline()) {
            model.sync();
        }
    }

    @Override
    public Node view() {
        return this;
    }

    public void startReview(ReviewSession session, String startId) {
        review.open(session, startId);
        mode.set(Mode.REVIEW);
        reviewView.focusForKeys();
    }

    private void showList() {
        review.afterSaves(model::refresh);
        mode.set(Mode.LIST);
        list.table().requestFocus();
    }

    /** The page was shown: the list reflects analyses finished since it was last seen. */
    @Override
    public void shown() {
        model.refresh();
        if (mode.get() == Mode.REVIEW) {
            reviewView.focusForKeys();
        }
    }

    /** The window shows another page: the audio stops. */
    @Override
    public void hidden() {
        player.pause();
    }

    public LibraryViewModel model() {
        return model;
    }

    public ReviewViewModel review() {
        return review;
    }

    public LibraryView listView() {
        return list;
    }

    public ReviewView reviewView() {
        return reviewView;
    }

    public CompareView compareView() {
        return compare;
    }

    public AudioPlayerView player() {
        return player;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }
}
