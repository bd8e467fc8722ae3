package ai.sorot.desktop.library;

import ai.sorot.desktop.player.AudioPlayerView;
import ai.sorot.desktop.ui.Icons;
import ai.sorot.lambda.library.CuratorVerdict;
import ai.sorot.lambda.library.LibraryEntry;
import ai.sorot.lambda.library.ReviewSession;
import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.Verdicts;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.Rating;
import org.controlsfx.control.SegmentedButton;

/**
 * Review mode, made for the keyboard: J/K next and previous, 1–5 rating, V verdict, S shortlist,
 * N writes a note (Esc leaves it), Space plays the audio summary. The AI's recommendation and
 * score, with where that score ranks, sit beside the curator's own rating, verdict and score card.
 */
public final class ReviewView extends BorderPane {

    private final ReviewViewModel model;
    private final AudioPlayerView player;
    private final Runnable back;
    private final Consumer<String> openReport;
    private final Rating rating = new Rating(5);
    private final ToggleGroup verdicts = new ToggleGroup();
    private final ToggleButton shortlist = new ToggleButton("Shortlist");
    private final TextArea notes = new TextArea();
    private final TextField tags = new TextField();
    private final VBox card = new VBox(8);
    private final GridPane grid = new GridPane();
    private boolean updating;
    private boolean swallowTyped;

    public ReviewView(ReviewViewModel model, AudioPlayerView player, Runnable back, Consumer<String> openReport) {
        this.model = model;
        this.player = player;
        this.back = back;
        this.openReport = openReport;
        setId("review-view");
        getStyleClass().add("review-view");
        setFocusTraversable(true);
        setTop(header());
        var ai = new ScrollPane(aiSide());
        ai.setFitToWidth(true);
        ai.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        HBox.setHgrow(ai, Priority.ALWAYS);
        var curator = curatorSide();
        var body = new HBox(0, ai, curator);
        setCenter(body);
        setBottom(keysHint());
        addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        // the character of a key handled as a command (N above all) must not land in the note
        addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (swallowTyped) {
                swallowTyped = false;
                e.consume();
            }
        });
        setOnMouseClicked(e -> {
            if (!(e.getTarget() instanceof TextInputControl)) {
                requestFocus();
            }
        });
    }

    // ---------------------------------------------------------------- layout

    private Node header() {
        var backButton = new Button("Library", Icons.of(Icons.BACK, 13));
        backButton.setId("review-back");
        backButton.getStyleClass().add("flat");
        backButton.setFocusTraversable(false);
        backButton.setOnAction(e -> leave());
        var name = new Label();
        name.setId("review-session-name");
        name.getStyleClass().add("title");
        name.textProperty().bind(model.sessionProperty().map(ReviewSession::name));
        var position = new Label();
        position.setId("review-position");
        position.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.totalProperty().get() == 0
                                ? ""
                                : (model.indexProperty().get() + 1) + " / "
                                        + model.totalProperty().get(),
                        model.indexProperty(),
                        model.totalProperty()));
        var previous = new Button(null, Icons.of(Icons.PREVIOUS, 14));
        previous.setId("review-previous");
        previous.setTooltip(new Tooltip("Previous (K)"));
        previous.setFocusTraversable(false);
        previous.setOnAction(e -> model.previous());
        var next = new Button(null, Icons.of(Icons.NEXT, 14));
        next.setId("review-next");
        next.setTooltip(new Tooltip("Next (J)"));
        next.setFocusTraversable(false);
        next.setOnAction(e -> model.next());
        var progress = new Label();
        progress.setId("review-progress");
        progress.textProperty().bind(model.progressProperty());
        var bar = new ProgressBar();
        bar.setPrefWidth(160);
        bar.progressProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> model.totalProperty().get() == 0
                                ? 0
                                : model.reviewedProperty().get()
                                        / (double) model.totalProperty().get(),
                        model.reviewedProperty(),
                        model.totalProperty()));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var box = new HBox(10, backButton, name, spacer, progress, bar, previous, position, next);
        box.getStyleClass().add("review-header");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node aiSide() {
        var title = new Label();
        title.setId("review-title");
        title.getStyleClass().add("review-title");
        title.setWrapText(true);
        var meta = new Label();
        meta.setId("review-meta");
        meta.getStyleClass().add("muted");
        var recommendation = new Label();
        recommendation.setId("review-ai-recommendation");
        recommendation.getStyleClass().add("recommendation-badge");
        var score = new Label();
        score.setId("review-ai-score");
        score.getStyleClass().add("review-score");
        var sessionRank = new Label();
        sessionRank.setId("review-session-rank");
        sessionRank.textProperty().bind(model.sessionRankProperty());
        var libraryRank = new Label();
        libraryRank.setId("review-library-rank");
        libraryRank.getStyleClass().add("muted");
        libraryRank.textProperty().bind(model.libraryRankProperty());
        var ranks = new VBox(2, new Label("Model score"), sessionRank, libraryRank);
        ranks.getStyleClass().add("review-ranks");
        var verdictLine = new HBox(14, recommendation, score, ranks);
        verdictLine.setAlignment(Pos.CENTER_LEFT);
        var logline = new Label();
        logline.setId("review-logline");
        logline.setWrapText(true);
        logline.getStyleClass().add("review-logline");
        var synopsis = new Label();
        synopsis.setWrapText(true);
        synopsis.getStyleClass().add("body-text");
        grid.getStyleClass().add("review-grid");
        grid.setHgap(12);
        grid.setVgap(4);
        var open = new Button("Open the full report", Icons.of(Icons.OPEN_EXTERNAL, 12));
        open.setId("review-open-report");
        open.getStyleClass().add("flat");
        open.setFocusTraversable(false);
        open.setOnAction(e -> {
            if (model.entryProperty().get() != null) {
                openReport.accept(model.entryProperty().get().id());
            }
        });
        var problem = new Label();
        problem.getStyleClass().add("row-error");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());

        model.entryProperty().subscribe((LibraryEntry e) -> {
            title.setText(e == null ? "" : e.title());
            meta.setText(
                    e == null
                            ? ""
                            : String.join(
                                    " · ",
                                    Stream.of(
                                                    e.authors(),
                                                    e.pages() == null ? null : e.pages() + " pages",
                                                    e.runtime() == null ? null : Math.round(e.runtime()) + " min",
                                                    e.genres())
                                            .filter(s -> s != null && !s.isBlank())
                                            .toList()));
            recommendation.getStyleClass().removeAll("recommend", "consider", "pass", "not-judged");
            // no model read the script: "Not judged" stands where the verdict would
            recommendation.setText(e == null ? "—" : e.recommendation() == null ? "Not judged" : e.recommendation());
            recommendation.setTooltip(
                    e != null && e.recommendation() == null
                            ? new javafx.scene.control.Tooltip(Verdicts.NOT_JUDGED + ".\n" + Verdicts.HOW_TO_JUDGE)
                            : null);
            if (e != null) {
                recommendation
                        .getStyleClass()
                        .add(
                                e.recommendation() == null
                                        ? "not-judged"
                                        : e.recommendation().toLowerCase(Locale.ROOT));
            }
            score.setText(e == null || e.aiScore() == null ? "—" : Long.toString(Math.round(e.aiScore())));
        });
        model.reportProperty().subscribe((AnalysisReport r) -> {
            var coverage = r == null ? null : r.coverage();
            logline.setText(coverage == null || coverage.logline() == null ? "" : coverage.logline());
            synopsis.setText(coverage == null || coverage.synopsis() == null ? "" : coverage.synopsis());
            grid.getChildren().clear();
            if (coverage != null) {
                int row = 0;
                for (var g : coverage.grid()) {
                    var name = new Label(g.criterion());
                    var bar = new ProgressBar(g.score() / 10.0);
                    bar.setPrefWidth(140);
                    var value = new Label(g.score() + "/10");
                    grid.addRow(row++, name, bar, value);
                }
                // with no model there is no grid: the measured indicators, as figures, never bars
                for (var indicator : coverage.indicators()) {
                    var name = new Label(indicator.name());
                    var figure = new Label(indicator.figure());
                    figure.setWrapText(true);
                    figure.getStyleClass().add("review-indicator");
                    grid.add(name, 0, row);
                    grid.add(figure, 1, row++, 2, 1);
                }
            }
            player.load(model.audioProperty().get(), r == null ? null : r.audio());
        });
        var section = new Label("Audio summary (Space)");
        section.getStyleClass().add("section-title");
        var coverageTitle = new Label("Coverage grid");
        coverageTitle.getStyleClass().add("section-title");
        var box = new VBox(
                12, title, meta, verdictLine, logline, section, player, coverageTitle, grid, synopsis, open, problem);
        box.getStyleClass().add("review-ai");
        return box;
    }

    private Node curatorSide() {
        var heading = new Label("Your review");
        heading.getStyleClass().add("title");
        var reviewed = new Label("✓ reviewed");
        reviewed.setId("review-reviewed");
        reviewed.getStyleClass().add("reviewed-badge");
        reviewed.visibleProperty().bind(model.currentReviewedProperty());

        rating.setId("review-rating");
        rating.setUpdateOnHover(false);
        rating.setPartialRating(false);
        rating.setFocusTraversable(false);
        rating.setRating(0);
        model.ratingProperty().subscribe(r -> {
            updating = true;
            rating.setRating(r == null ? 0 : r);
            updating = false;
        });
        rating.ratingProperty().addListener((o, was, now) -> {
            if (!updating) {
                int stars = (int) Math.round(now.doubleValue());
                model.rate(stars <= 0 ? null : stars);
            }
        });

        var buttons = new SegmentedButton();
        buttons.setToggleGroup(verdicts);
        for (var v : CuratorVerdict.values()) {
            var b = new ToggleButton(v.name().charAt(0) + v.name().substring(1).toLowerCase(Locale.ROOT));
            b.setId("verdict-" + v.name().toLowerCase(Locale.ROOT));
            b.setUserData(v);
            b.setFocusTraversable(false);
            b.getStyleClass().add(v.name().toLowerCase(Locale.ROOT));
            b.setOnAction(e -> model.setVerdict(b.isSelected() ? v : null));
            buttons.getButtons().add(b);
        }
        model.verdictProperty().subscribe(v -> verdicts.getToggles().forEach(t -> t.setSelected(t.getUserData() == v)));

        shortlist.setId("review-shortlist");
        shortlist.setFocusTraversable(false);
        shortlist.setGraphic(Icons.of(Icons.CHECK, 12));
        shortlist.setOnAction(e -> model.toggleShortlist());
        model.shortlistedProperty().subscribe(s -> shortlist.setSelected(s));

        notes.setId("review-notes");
        notes.setPromptText("Notes (N to write, Esc to leave)");
        notes.setWrapText(true);
        notes.setPrefRowCount(8);
        notes.textProperty().bindBidirectional(model.notesProperty());
        VBox.setVgrow(notes, Priority.ALWAYS);

        tags.setId("review-tags");
        tags.setPromptText("Tags, space-separated (T, Enter saves)");
        model.tagsProperty().subscribe(t -> tags.setText(t));
        tags.setOnAction(e -> {
            model.setTags(tags.getText());
            requestFocus();
        });
        tags.focusedProperty().addListener((o, was, now) -> {
            if (!now && !tags.getText().equals(model.tagsProperty().get())) {
                model.setTags(tags.getText());
            }
        });

        card.setId("review-card");
        model.sessionProperty().subscribe(this::buildCard);
        model.cardProperty().addListener((MapChangeListener<String, Integer>) c -> refreshCard());

        var head = new HBox(10, heading, reviewed);
        head.setAlignment(Pos.CENTER_LEFT);
        var committee = new Label(); // a committee member's: the committee's ratings beside their own
        committee.setId("review-committee");
        committee.getStyleClass().add("muted");
        committee.setWrapText(true);
        committee.textProperty().bind(model.committeeProperty());
        committee.visibleProperty().bind(model.committeeProperty().isNotEmpty());
        committee.managedProperty().bind(committee.visibleProperty());
        var box = new VBox(
                10,
                head,
                label("Rating (1–5)"),
                rating,
                committee,
                label("Verdict (V)"),
                buttons,
                shortlist,
                card,
                label("Tags (T)"),
                tags,
                label("Notes (N)"),
                notes);
        box.getStyleClass().add("review-curator");
        box.setPrefWidth(380);
        box.setMinWidth(340);
        return box;
    }

    private static Label label(String text) {
        var l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    /** One row of toggles per criterion of the session's score card. */
    private void buildCard(ReviewSession session) {
        card.getChildren().clear();
        if (session == null || session.rubric().isEmpty()) {
            return;
        }
        card.getChildren().add(label("Score card"));
        for (var criterion : session.rubric()) {
            var group = new ToggleGroup();
            var buttons = new SegmentedButton();
            buttons.setToggleGroup(group);
            for (int i = 1; i <= criterion.scale(); i++) {
                int value = i;
                var b = new ToggleButton(Integer.toString(i));
                b.setUserData(i);
                b.setFocusTraversable(false);
                b.setOnAction(e -> {
                    if (b.isSelected()) {
                        model.score(criterion.name(), value);
                    } else {
                        b.setSelected(true); // a score card line is changed, not emptied
                    }
                });
                buttons.getButtons().add(b);
            }
            buttons.getStyleClass().add("small");
            var name = new Label(criterion.name() + " (1–" + criterion.scale() + ")");
            var row = new VBox(4, name, buttons);
            row.setUserData(criterion.name());
            row.getProperties().put(ToggleGroup.class, group);
            row.getStyleClass().add("card-row");
            card.getChildren().add(row);
        }
        refreshCard();
    }

    private void refreshCard() {
        for (var node : card.getChildren()) {
            if (node.getUserData() instanceof String criterion) {
                var group = (ToggleGroup) node.getProperties().get(ToggleGroup.class);
                var value = model.cardProperty().get(criterion);
                group.getToggles()
                        .forEach(t ->
                                t.setSelected(value != null && t.getUserData().equals(value)));
            }
        }
    }

    private Node keysHint() {
        var hint = new Label(
                "J / K  next, previous   ·   1–5  rate   ·   V  verdict   ·   S  shortlist   ·   T  tags   ·   N  note (Esc leaves it)"
                        + "   ·   Space  play / pause");
        hint.setId("review-keys");
        var box = new HBox(hint);
        box.getStyleClass().add("review-keys");
        return box;
    }

    // ---------------------------------------------------------------- keys

    private void key(KeyEvent e) {
        swallowTyped = false;
        var focus = getScene() == null ? null : getScene().getFocusOwner();
        if (focus instanceof TextInputControl) {
            if (e.getCode() == KeyCode.ESCAPE) {
                requestFocus();
                e.consume();
            }
            return;
        }
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCode()) {
            case J, DOWN -> model.next();
            case K, UP -> model.previous();
            case DIGIT1, NUMPAD1 -> model.rate(1);
            case DIGIT2, NUMPAD2 -> model.rate(2);
            case DIGIT3, NUMPAD3 -> model.rate(3);
            case DIGIT4, NUMPAD4 -> model.rate(4);
            case DIGIT5, NUMPAD5 -> model.rate(5);
            case DIGIT0, NUMPAD0 -> model.rate(null);
            case V -> model.cycleVerdict();
            case S -> model.toggleShortlist();
            case N -> notes.requestFocus();
            case T -> tags.requestFocus();
            case SPACE -> player.toggle();
            case ESCAPE -> leave();
            default -> {
                return;
            }
        }
        swallowTyped = true;
        e.consume();
    }

    private void leave() {
        player.pause();
        back.run();
    }

    /** Review mode was shown: keys go to it. */
    public void focusForKeys() {
        requestFocus();
    }
}
