package ai.sorot.desktop.committee;

import ai.sorot.model.committee.Assignment;
import ai.sorot.model.committee.CommitteeVerdict;
import ai.sorot.model.committee.Review;
import ai.sorot.model.committee.ReviewInput;
import java.util.Locale;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The committee page: the session to read in, "My queue" on the left, and for the chosen script
 * the curator's own rating and verdict beside the committee's; the reviews waiting for the network
 * and any conflict to settle along the top. Binds to a {@link CommitteeViewModel}; looks in committee.css.
 */
public final class CommitteeView extends BorderPane {

    private final CommitteeViewModel model;
    private final ToggleGroup stars = new ToggleGroup();
    private final ToggleGroup verdicts = new ToggleGroup();
    private final VBox conflictBox = new VBox(8);
    private boolean updating;

    public CommitteeView(CommitteeViewModel model) {
        this.model = model;
        setId("committee-view");
        getStyleClass().add("committee-view");
        getStylesheets()
                .add(Objects.requireNonNull(CommitteeView.class.getResource("/ai/sorot/desktop/committee.css"))
                        .toExternalForm());
        setTop(new VBox(header(), conflicts()));
        setLeft(queue());
        setCenter(detail());
    }

    /**
     * The page as the app shows it: a member (one with a member token in Settings) syncs whenever
     * the API comes back, so reviews written offline go out without being asked.
     */
    public static CommitteeView forApp(ai.sorot.desktop.SorotDesktop app, CommitteeViewModel model) {
        app.connection().addOnlineListener(() -> {
            if (app.memberTokens().load().isPresent()) {
                model.syncNow();
            }
        });
        if (app.memberTokens().load().isPresent()) {
            model.restore(); // a solo curator's desktop never opens committee state
        }
        return new CommitteeView(model);
    }

    public CommitteeViewModel model() {
        return model;
    }

    private Node header() {
        var title = new Label("Committee");
        title.getStyleClass().add("page-title");
        var session = new TextField();
        session.setId("committee-session");
        session.setPromptText("Session id from the lead");
        session.setPrefColumnCount(18);
        session.textProperty().bindBidirectional(model.sessionIdProperty());
        session.setOnAction(e -> model.openSession());
        var open = new Button("Open my queue");
        open.setId("committee-open");
        open.setOnAction(e -> model.openSession());
        var sync = new Button("Sync now");
        sync.setId("committee-sync");
        sync.getStyleClass().add("accent");
        sync.setOnAction(e -> model.syncNow());
        var busy = new ProgressIndicator();
        busy.setMaxSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        var waiting = new Label();
        waiting.setId("committee-waiting");
        waiting.getStyleClass().add("badge");
        waiting.textProperty()
                .bind(model.waitingProperty().map(n -> n.intValue() == 0 ? "All sent" : n + " waiting to send"));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        for (var fixed : new Region[] {title, open, sync, waiting}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        var row = new HBox(10, title, spacer, session, open, sync, busy, waiting);
        row.setAlignment(Pos.CENTER_LEFT);
        var message = new Label();
        message.setId("committee-message");
        message.getStyleClass().add("muted");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        var box = new VBox(6, row, message);
        box.getStyleClass().add("committee-header");
        return box;
    }

    private Node queue() {
        var heading = new Label("My queue");
        heading.getStyleClass().add("section-title");
        var list = new ListView<Assignment>(model.queue());
        list.setId("committee-queue");
        list.setPlaceholder(new Label("Open a session to see the scripts assigned to you."));
        list.setCellFactory(v -> new AssignmentCell());
        list.getSelectionModel().selectedItemProperty().subscribe(a -> {
            if (a != null && a != model.selectedProperty().get()) {
                model.select(a);
            }
        });
        model.selectedProperty().subscribe(a -> {
            if (a != null && list.getSelectionModel().getSelectedItem() != a) {
                list.getSelectionModel().select(a);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        var box = new VBox(8, heading, list);
        box.getStyleClass().add("committee-queue");
        box.setPrefWidth(320);
        return box;
    }

    private Node detail() {
        var title = new Label();
        title.setId("committee-title");
        title.getStyleClass().add("review-title");
        title.textProperty()
                .bind(model.selectedProperty()
                        .map(a -> a.title() + " · " + a.pages() + " pages")
                        .orElse("Choose a script"));

        var mine = new Label("Your review");
        mine.getStyleClass().add("section-title");
        var starRow = new HBox(4);
        for (int i = 1; i <= 5; i++) {
            var star = new ToggleButton(i + "★");
            star.setId("my-star-" + i);
            star.setUserData(i);
            star.setToggleGroup(stars);
            starRow.getChildren().add(star);
        }
        var verdictRow = new HBox(4);
        for (var verdict : CommitteeVerdict.values()) {
            var button = new ToggleButton(CommitteeSummary.label(verdict));
            button.setId("my-verdict-" + verdict.name().toLowerCase(Locale.ROOT));
            button.setUserData(verdict);
            button.setToggleGroup(verdicts);
            verdictRow.getChildren().add(button);
        }
        model.myRatingProperty().subscribe(r -> select(stars, r));
        model.myVerdictProperty().subscribe(v -> select(verdicts, v));
        stars.selectedToggleProperty().addListener((o, was, now) -> {
            if (!updating) {
                model.rate(now == null ? null : (Integer) now.getUserData());
            }
        });
        verdicts.selectedToggleProperty().addListener((o, was, now) -> {
            if (!updating) {
                model.setVerdict(now == null ? null : (CommitteeVerdict) now.getUserData());
            }
        });
        var own = new VBox(8, mine, starRow, verdictRow);
        own.getStyleClass().addAll("committee-card", "committee-own");

        var theirs = new Label("The committee");
        theirs.getStyleClass().add("section-title");
        var aggregate = new Label();
        aggregate.setId("committee-aggregate");
        aggregate.setWrapText(true);
        aggregate.textProperty().bind(model.committeeTextProperty());
        var others = new VBox(4);
        others.setId("committee-reviews");
        model.committeeProperty().subscribe(reviews -> {
            others.getChildren().clear();
            if (reviews != null && !reviews.hidden() && reviews.reviews() != null) {
                for (var review : reviews.reviews()) {
                    var line = new Label(describe(review));
                    line.getStyleClass().add("committee-review");
                    others.getChildren().add(line);
                }
            }
        });
        var committee = new VBox(8, theirs, aggregate, others);
        committee.getStyleClass().addAll("committee-card", "committee-others");
        HBox.setHgrow(own, Priority.ALWAYS);
        HBox.setHgrow(committee, Priority.ALWAYS);
        var sides = new HBox(16, own, committee);
        var box = new VBox(14, title, sides);
        box.getStyleClass().add("committee-detail");
        box.disableProperty().bind(model.selectedProperty().isNull());
        return box;
    }

    private Node conflicts() {
        conflictBox.setId("committee-conflicts");
        conflictBox.getStyleClass().add("committee-conflicts");
        conflictBox.managedProperty().bind(conflictBox.visibleProperty());
        model.conflicts().addListener((ListChangeListener<CommitteeStore.Pending>) c -> showConflicts());
        showConflicts();
        return conflictBox;
    }

    private void showConflicts() {
        conflictBox.getChildren().clear();
        conflictBox.setVisible(!model.conflicts().isEmpty());
        for (var pending : model.conflicts()) {
            var current = pending.conflict().current();
            var text = new Label("Your review of " + title(pending.analysisId())
                    + " was changed on another device too.  This computer: "
                    + describe(pending.input()) + "  ·  The other device: "
                    + (current == null ? "removed" : describe(current.rating(), current.verdict(), current.notes()))
                    + "  ·  Which should the committee see?");
            text.setWrapText(true);
            HBox.setHgrow(text, Priority.ALWAYS);
            var mine = new Button("Keep this computer's");
            mine.setId("keep-mine");
            mine.setMinWidth(Region.USE_PREF_SIZE);
            mine.setOnAction(e -> model.keepMine(pending.analysisId()));
            var theirs = new Button("Keep the other device's");
            theirs.setId("keep-theirs");
            theirs.setMinWidth(Region.USE_PREF_SIZE);
            theirs.setOnAction(e -> model.keepTheirs(pending.analysisId()));
            var row = new HBox(10, text, mine, theirs);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("committee-conflict");
            conflictBox.getChildren().add(row);
        }
    }

    private String title(String analysisId) {
        return model.queue().stream()
                .filter(a -> a.analysisId().equals(analysisId))
                .map(Assignment::title)
                .findFirst()
                .map(t -> "\u201c" + t + "\u201d")
                .orElse(analysisId);
    }

    private void select(ToggleGroup group, Object value) {
        updating = true;
        try {
            group.selectToggle(group.getToggles().stream()
                    .filter(t -> Objects.equals(t.getUserData(), value))
                    .findFirst()
                    .orElse(null));
        } finally {
            updating = false;
        }
    }

    static String describe(Review review) {
        return (review.memberName() == null ? review.memberId() : review.memberName()) + ": "
                + describe(review.rating(), review.verdict(), review.notes());
    }

    static String describe(ReviewInput input) {
        return describe(input.rating(), input.verdict(), input.notes());
    }

    private static String describe(Integer rating, CommitteeVerdict verdict, String notes) {
        var text = (rating == null ? "no rating" : rating + "★")
                + (verdict == null ? "" : ", " + CommitteeSummary.label(verdict));
        return notes == null || notes.isBlank() ? text : text + " \u2014 \u201c" + clip(notes) + "\u201d";
    }

    private static String clip(String notes) {
        var line = notes.strip().replaceAll("\\s+", " ");
        return line.length() <= 80 ? line : line.substring(0, 79) + "…";
    }

    private static final class AssignmentCell extends ListCell<Assignment> {
        @Override
        protected void updateItem(Assignment item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            var name = new Label(item.title());
            name.getStyleClass().add("assignment-title");
            var meta = new Label(item.pages() + " pages" + (item.reviewed() ? " · ✓ reviewed" : ""));
            meta.getStyleClass().add("muted");
            setText(null);
            setGraphic(new VBox(2, name, meta));
        }
    }
}
