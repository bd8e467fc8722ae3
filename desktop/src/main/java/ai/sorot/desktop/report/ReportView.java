package ai.sorot.desktop.report;

import ai.sorot.desktop.pdf.PageViewer;
import ai.sorot.desktop.player.AudioPlayerView;
import ai.sorot.desktop.ui.Format;
import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.Claim;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Evidence;
import ai.sorot.model.report.GridScore;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.StepRecord;
import ai.sorot.model.report.TrailerAnalysis;
import ai.sorot.model.screenplay.Eighths;
import ai.sorot.model.screenplay.Scene;
import ai.sorot.model.screenplay.ScreenplayStats;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The curation report: the verdict and score first, then what a reader writes (logline,
 * synopsis, the coverage grid with reasons), the trailer, programming notes, the screenplay's
 * figures as charts, and how each step was produced. Every claim that cites a page or a scene
 * opens the screenplay there; one that cites nothing says it is unverified.
 */
public final class ReportView extends StackPane {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(Locale.UK).withZone(ZoneId.systemDefault());

    private final ReportViewModel model;
    private final AudioPlayerView player;
    private final PageViewer pages;
    private final VBox content = new VBox();
    private final ScrollPane scroller = new ScrollPane(content);
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final Label problem = new Label();

    public ReportView(ReportViewModel model, AudioPlayerView player, PageViewer pages) {
        this.model = model;
        this.player = player;
        this.pages = pages;
        setId("report-view");
        getStyleClass().add("detail-pane");
        content.getStyleClass().add("page-content");
        content.setMaxWidth(1180);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        spinner.setMaxSize(56, 56);
        problem.setWrapText(true);
        problem.getStyleClass().add("row-error");
        problem.setMaxWidth(520);
        getChildren().addAll(scroller, spinner, problem);

        spinner.visibleProperty().bind(model.loadingProperty());
        problem.visibleProperty().bind(model.errorProperty().isNotNull());
        problem.textProperty().bind(model.errorProperty());
        model.reportProperty().subscribe(this::show);
    }

    private void show(AnalysisReport report) {
        pages.release();
        content.getChildren().clear();
        if (report == null) {
            player.dispose();
            return;
        }
        content.getChildren().add(header(report));
        var checks = CheckList.panel(report.checks());
        if (checks != null) {
            content.getChildren().add(checks);
        }
        player.load(model.audioProperty().get(), report.audio());
        var audioBox = section("Audio summary", player);
        if (report.audio() != null && report.audio().script() != null) {
            var transcript = new Label(report.audio().script());
            transcript.setWrapText(true);
            transcript.getStyleClass().addAll("body-text", "muted");
            var pane = new javafx.scene.control.TitledPane("Transcript", transcript);
            pane.setExpanded(false);
            pane.setAnimated(false);
            audioBox.getChildren().add(pane);
        }
        content.getChildren().add(audioBox);
        if (report.coverage() != null) {
            content.getChildren().addAll(coverage(report, report.coverage()));
        }
        if (report.curation() != null) {
            content.getChildren().add(curation(report));
        }
        content.getChildren().add(trailer(report, report.trailer()));
        var stats = report.screenplay() == null ? null : report.screenplay().stats();
        if (stats != null) {
            content.getChildren().add(statistics(stats));
        }
        if (!report.steps().isEmpty()) {
            content.getChildren().add(steps(report.steps()));
        }
        scroller.setVvalue(0);
    }

    // ---------------------------------------------------------------- header

    private Node header(AnalysisReport report) {
        var title = new Label(report.title() == null ? report.fileName() : report.title());
        title.setId("report-title");
        title.getStyleClass().add("page-title");
        title.setWrapText(true);
        var lines = new VBox(4, title);
        if (!report.authors().isEmpty()) {
            var by = new Label("by " + String.join(" & ", report.authors()));
            by.getStyleClass().add("page-subtitle");
            lines.getChildren().add(by);
        }
        var facts = new ArrayList<String>();
        if (report.fileName() != null) {
            facts.add(report.fileName());
        }
        var stats = report.screenplay() == null ? null : report.screenplay().stats();
        if (stats != null) {
            facts.add(Format.plural(stats.pageCount(), "page"));
            facts.add("~" + Math.round(stats.runtimeMinutes()) + " min");
        }
        if (report.completedAt() != null) {
            facts.add("analysed " + WHEN.format(report.completedAt()));
        }
        var meta = new Label(String.join(" · ", facts));
        meta.getStyleClass().add("muted");
        meta.setWrapText(true); // a long file name wraps rather than cutting the facts after it
        var badges = new HBox(6, provenanceBadge(report));
        badges.setAlignment(Pos.CENTER_LEFT);
        lines.getChildren().addAll(meta, badges);
        HBox.setHgrow(lines, Priority.ALWAYS);

        var verdictBox = new VBox(6);
        verdictBox.setAlignment(Pos.CENTER_RIGHT);
        verdictBox.setMinWidth(Region.USE_PREF_SIZE); // a long title wraps; the verdict never shrinks
        var curation = report.curation();
        if (curation != null && !curation.isJudged()) {
            verdictBox.getChildren().add(CheckList.notJudged());
        } else if (curation != null) {
            var score = new Label(Long.toString(Math.round(curation.overallScore())));
            score.setId("overall-score");
            score.getStyleClass().addAll("score", "large");
            var outOf = new Label("/100");
            outOf.getStyleClass().add("muted");
            var scoreLine = new HBox(2, score, outOf);
            scoreLine.setAlignment(Pos.BASELINE_RIGHT);
            verdictBox.getChildren().add(scoreLine);
            if (curation.recommendation() != null) {
                var verdict = new Label(curation.recommendation().name());
                verdict.setId("recommendation");
                verdict.getStyleClass().addAll("verdict", "large", curation.recommendation().name().toLowerCase(Locale.ROOT));
                verdictBox.getChildren().add(verdict);
            }
        }
        var header = new HBox(18, lines, verdictBox);
        header.getStyleClass().add("report-header");
        return header;
    }

    private Node provenanceBadge(AnalysisReport report) {
        var sources = new ArrayList<Provenance>();
        report.steps().stream().map(StepRecord::provenance).filter(Objects::nonNull).forEach(sources::add);
        if (report.coverage() != null && report.coverage().provenance() != null) {
            sources.add(report.coverage().provenance());
        }
        if (report.trailer() != null && report.trailer().provenance() != null) {
            sources.add(report.trailer().provenance());
        }
        if (report.audio() != null && report.audio().provenance() != null) {
            sources.add(report.audio().provenance());
        }
        var badge = new Label();
        badge.setId("provenance-badge");
        badge.getStyleClass().add("badge");
        if (sources.isEmpty()) {
            badge.setText("Analysers not recorded");
            return badge;
        }
        var said = ProvenanceBadge.of(sources, report.coverage() == null ? null : report.coverage().provenance());
        badge.setText(said.text());
        badge.getStyleClass().add(said.style());
        var detail = new StringBuilder("Produced by:");
        for (var step : report.steps()) {
            detail.append("\n").append(step.number()).append(". ").append(step.name()).append(" — ")
                    .append(step.provenance() == null ? "not recorded" : step.provenance().label());
        }
        badge.setTooltip(new Tooltip(detail.toString()));
        return badge;
    }

    // ---------------------------------------------------------------- coverage

    private List<Node> coverage(AnalysisReport report, Coverage coverage) {
        var nodes = new ArrayList<Node>();
        var summary = new VBox(10);
        if (coverage.logline() != null) {
            var logline = new Label(coverage.logline());
            logline.setId("logline");
            logline.getStyleClass().add("logline");
            logline.setWrapText(true);
            summary.getChildren().add(logline);
        }
        var tags = new ArrayList<String>();
        if (!coverage.genres().isEmpty()) {
            tags.add("Genre: " + String.join(", ", coverage.genres()));
        }
        if (coverage.tone() != null) {
            tags.add("Tone: " + coverage.tone());
        }
        if (coverage.protagonist() != null) {
            tags.add("Protagonist: " + coverage.protagonist());
        }
        if (!coverage.themes().isEmpty()) {
            tags.add("Themes: " + String.join(", ", coverage.themes()));
        }
        if (!coverage.comparables().isEmpty()) {
            tags.add("Comparable: " + String.join(", ", coverage.comparables()));
        }
        if (!tags.isEmpty()) {
            var line = new Label(String.join("   ·   ", tags));
            line.getStyleClass().add("muted");
            line.setWrapText(true);
            summary.getChildren().add(line);
        }
        if (coverage.synopsis() != null) {
            summary.getChildren().addAll(subheading("Synopsis"), text(coverage.synopsis()));
        }
        nodes.add(section("Coverage", summary));

        if (!coverage.grid().isEmpty()) {
            nodes.add(section("Coverage grid", grid(report, coverage.grid())));
        }
        if (!coverage.indicators().isEmpty()) {
            var indicators = new VBox(6);
            indicators.setId("craft-indicators");
            for (var indicator : coverage.indicators()) {
                indicators.getChildren().add(claimRow(report, new Claim(indicator.name() + ": " + indicator.figure() + ". "
                        + indicator.meaning(), indicator.evidence()), true));
            }
            nodes.add(section("Craft indicators (measured, not judged)", indicators));
        }
        var strengths = claims(report, coverage.strengths(), "strengths");
        var concerns = claims(report, coverage.concerns(), "concerns");
        var columns = new HBox(18, titled("Strengths", strengths), titled("Concerns", concerns));
        columns.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        var verdict = new VBox(10, columns);
        if (coverage.rationale() != null) {
            verdict.getChildren().addAll(subheading(coverage.recommendation() == null ? "Why there is no verdict"
                    : "Why " + coverage.recommendation().name()), text(coverage.rationale()));
        }
        nodes.add(section("Strengths and concerns", verdict));
        return nodes;
    }

    private Node grid(AnalysisReport report, List<GridScore> scores) {
        var grid = new GridPane();
        grid.setId("coverage-grid");
        grid.getStyleClass().add("grid-table");
        grid.setHgap(14);
        grid.setVgap(10);
        var c0 = new ColumnConstraints();
        c0.setMinWidth(110);
        var c1 = new ColumnConstraints();
        c1.setMinWidth(30);
        c1.setHalignment(HPos.RIGHT);
        var c2 = new ColumnConstraints();
        c2.setMinWidth(110);
        var c3 = new ColumnConstraints();
        c3.setHgrow(Priority.ALWAYS);
        c3.setMinWidth(200);
        grid.getColumnConstraints().addAll(c0, c1, c2, c3);
        int row = 0;
        for (var score : scores) {
            var criterion = new Label(capitalise(score.criterion()));
            criterion.getStyleClass().add("grid-criterion");
            var value = new Label(Integer.toString(score.score()));
            value.getStyleClass().add("grid-score");
            var bar = new ProgressBar(score.score() / 10.0);
            bar.getStyleClass().add("score-bar");
            bar.getStyleClass().add(score.score() >= 7 ? "success" : score.score() <= 4 ? "danger" : "warning");
            var reason = claimRow(report, new Claim(score.reason() == null ? "" : score.reason(), score.evidence()), false);
            grid.addRow(row++, criterion, value, bar, reason);
            GridPane.setValignment(criterion, javafx.geometry.VPos.TOP);
            GridPane.setValignment(value, javafx.geometry.VPos.TOP);
            GridPane.setValignment(bar, javafx.geometry.VPos.TOP);
            GridPane.setMargin(bar, new Insets(6, 0, 0, 0));
        }
        return grid;
    }

    // ---------------------------------------------------------------- curation

    private Node curation(AnalysisReport report) {
        var curation = report.curation();
        var box = new VBox(10);
        if (curation.summary() != null) {
            box.getChildren().add(text(curation.summary()));
        }
        var notes = curation.notes();
        if (notes != null) {
            var facts = new HBox(12);
            if (notes.runtimeSlot() != null) {
                facts.getChildren().add(noteTile(notes.runtimeSlot(), "runtime slot"));
            }
            if (notes.audience() != null) {
                facts.getChildren().add(noteTile(notes.audience(), "audience"));
            }
            if (!facts.getChildren().isEmpty()) {
                box.getChildren().add(facts);
            }
            box.getChildren().add(titled("Content flags", claims(report, notes.contentFlags(), "content-flags")));
        }
        if (!curation.claims().isEmpty()) {
            box.getChildren().add(titled(curation.isJudged() ? "Evidence behind the score" : "Evidence",
                    claims(report, curation.claims(), "curation-claims")));
        }
        return section("Programming notes", box);
    }

    // ---------------------------------------------------------------- trailer

    private Node trailer(AnalysisReport report, TrailerAnalysis trailer) {
        var box = new VBox(8);
        box.setId("trailer-panel");
        if (trailer == null && report.trailerUrl() == null) {
            box.getChildren().add(muted("No trailer link was given. Drop a YouTube or Vimeo link on the row to analyse it with one."));
            return section("Trailer", box);
        }
        var url = trailer != null && trailer.url() != null ? trailer.url() : report.trailerUrl();
        var link = new Hyperlink(url);
        link.setId("trailer-link");
        link.setOnAction(e -> ai.sorot.desktop.ui.Desktop.openLink(url));
        var first = new HBox(8, link);
        first.setAlignment(Pos.CENTER_LEFT);
        if (trailer != null && trailer.platform() != null) {
            var platform = new Label(trailer.platform());
            platform.getStyleClass().add("badge");
            first.getChildren().add(platform);
        }
        box.getChildren().add(first);
        if (trailer == null) {
            box.getChildren().add(muted("The trailer was not analysed."));
        } else if (!trailer.analysed()) {
            box.getChildren().add(muted(trailer.note() == null ? "Not analysed: only the link is known." : trailer.note()));
        } else {
            var facts = new HBox(12);
            if (trailer.score() != null) {
                facts.getChildren().add(tile(trailer.score() + "/10", "trailer score"));
            }
            if (trailer.durationSeconds() != null) {
                facts.getChildren().add(tile(Format.elapsed(java.time.Duration.ofSeconds(Math.round(trailer.durationSeconds()))), "length"));
            }
            if (!facts.getChildren().isEmpty()) {
                box.getChildren().add(facts);
            }
            addLabelled(box, "Pacing", trailer.pacing());
            addLabelled(box, "Tone", trailer.tone());
            addLabelled(box, "Hook", trailer.hook());
            addLabelled(box, "Promise vs script", trailer.promiseVsScript());
            if (!trailer.observations().isEmpty()) {
                box.getChildren().add(claims(report, trailer.observations(), "trailer-observations"));
            }
            if (trailer.note() != null) {
                box.getChildren().add(muted(trailer.note()));
            }
        }
        return section("Trailer", box);
    }

    // ---------------------------------------------------------------- statistics

    private Node statistics(ScreenplayStats stats) {
        var tiles = new FlowPane(10, 10,
                tile(Integer.toString(stats.pageCount()), "pages"),
                tile("~" + Math.round(stats.runtimeMinutes()) + " min", "runtime"),
                tile(Integer.toString(stats.sceneCount()), "scenes"),
                tile(Integer.toString(stats.speakingRoles()), "speaking roles"),
                tile(Format.percent(stats.dialogueShare()), "dialogue"),
                tile(Integer.toString(stats.locations().size()), "locations"));
        var pies = new HBox(12, StatsCharts.split("chart-int-ext", "Interior / exterior", stats.settings()),
                StatsCharts.split("chart-day-night", "Day / night", stats.timesOfDay()));
        pies.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        var bars = new HBox(12, StatsCharts.dialogueShare(stats), StatsCharts.sceneLengths(stats));
        bars.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        var box = new VBox(12, tiles, pies, bars, StatsCharts.dialogueDensity(stats));
        if (!stats.longestScenes().isEmpty()) {
            var longest = new VBox(4);
            for (var scene : stats.longestScenes().stream().limit(5).toList()) {
                var link = new Hyperlink(scene.heading() + " — " + Eighths.format(scene.eighths()) + " pages (p. " + scene.page() + ")");
                link.getStyleClass().add("evidence-link");
                link.setOnAction(e -> pages.open(model.pdfProperty().get(), stats.pageCount(), scene.page(), "Scene " + scene.scene(), null));
                longest.getChildren().add(link);
            }
            box.getChildren().add(titled("Longest scenes", longest));
        }
        var section = section("Screenplay statistics", box);
        section.setId("statistics");
        return section;
    }

    // ---------------------------------------------------------------- steps

    private Node steps(List<StepRecord> steps) {
        var grid = new GridPane();
        grid.setId("step-records");
        grid.setHgap(16);
        grid.setVgap(6);
        int row = 0;
        for (var step : steps) {
            var name = new Label(step.number() + ". " + step.name());
            var status = new Label(step.status() == null ? "" : step.status().json());
            status.getStyleClass().add("muted");
            var by = new Label(step.provenance() == null ? "" : step.provenance().label());
            var took = new Label(step.durationMillis() == null ? "" : step.durationMillis() < 1000
                    ? step.durationMillis() + " ms" : "%.1f s".formatted(step.durationMillis() / 1000.0));
            took.getStyleClass().add("muted");
            grid.addRow(row++, name, status, by, took);
        }
        return section("How this report was made", grid);
    }

    // ---------------------------------------------------------------- claims and evidence

    private VBox claims(AnalysisReport report, List<Claim> claims, String id) {
        var box = new VBox(6);
        box.setId(id);
        if (claims.isEmpty()) {
            box.getChildren().add(muted("None noted."));
        }
        for (var claim : claims) {
            box.getChildren().add(claimRow(report, claim, true));
        }
        return box;
    }

    private Node claimRow(AnalysisReport report, Claim claim, boolean bullet) {
        var text = new Label((bullet ? "• " : "") + claim.text());
        text.getStyleClass().add("claim-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        var row = new FlowPane(4, 2);
        row.getStyleClass().add("claim-row");
        var box = new VBox(2, text, row);
        if (!claim.isVerified()) {
            var unverified = new Label("unverified");
            unverified.getStyleClass().addAll("badge", "unverified");
            unverified.setTooltip(new Tooltip("Nothing in the script backs this claim (no page or scene, or its quote "
                    + "is not in the script): check it yourself."));
            row.getChildren().add(unverified);
        }
        for (var evidence : claim.evidence()) {
            row.getChildren().add(evidenceNode(report, evidence));
        }
        return box;
    }

    /**
     * What a piece of evidence shows: a link to its page or scene; for a whole-script figure a
     * plain "whole script" (there is no page to open); for a quote a model gave that is not in the
     * script, "quote not found" with the words, never a link.
     */
    private Node evidenceNode(AnalysisReport report, Evidence evidence) {
        if (evidence.verification() == Evidence.Verification.STATISTIC) {
            var whole = new Label("whole script");
            whole.getStyleClass().addAll("muted", "evidence-statistic");
            whole.setTooltip(new Tooltip("A figure measured over the whole script: no one page shows it."));
            return whole;
        }
        if (evidence.verification() == Evidence.Verification.NOT_FOUND) {
            var missing = new Label("quote not found");
            missing.getStyleClass().addAll("badge", "unverified", "evidence-not-found");
            missing.setTooltip(new Tooltip("The model quoted words that are not in the script"
                    + (evidence.quote() == null ? "." : ": “" + evidence.quote() + "”")));
            return missing;
        }
        return evidenceLink(report, evidence);
    }

    private Hyperlink evidenceLink(AnalysisReport report, Evidence evidence) {
        Integer page = evidence.page();
        Scene scene = null;
        if (evidence.scene() != null && report.screenplay() != null) {
            scene = report.screenplay().scenes().stream().filter(s -> s.index() == evidence.scene()).findFirst().orElse(null);
            if (page == null && scene != null) {
                page = scene.startPage();
            }
        }
        var label = new StringBuilder();
        if (evidence.scene() != null) {
            label.append("sc. ").append(evidence.sceneNumber() != null ? evidence.sceneNumber() : evidence.scene());
        }
        if (page != null) {
            label.append(label.isEmpty() ? "" : ", ").append("p. ").append(page);
        }
        var link = new Hyperlink(label.toString());
        link.getStyleClass().add("evidence-link");
        var tip = new StringBuilder();
        if (scene != null) {
            tip.append(scene.heading());
        }
        if (evidence.quote() != null) {
            tip.append(tip.isEmpty() ? "" : "\n").append("“").append(evidence.quote()).append("”");
        }
        if (!tip.isEmpty()) {
            link.setTooltip(new Tooltip(tip.toString()));
        }
        int target = page == null ? 1 : page;
        var heading = scene == null ? "Page " + target : "Scene " + (scene.sceneNumber() != null ? scene.sceneNumber() : scene.index())
                + " · " + scene.heading();
        int scriptPages = report.screenplay() == null ? 0 : report.screenplay().pageCount();
        Integer citedPage = page;
        link.setOnAction(e -> {
            if (model.pdfProperty().get() == null && model.scriptTextProperty().get() != null) {
                // a script with no printed pages (Fountain): the scene from its text, the quote marked
                pages.openText(model.scriptTextProperty().get(), evidence.scene(), citedPage, heading, evidence.quote());
            } else {
                pages.open(model.pdfProperty().get(), scriptPages, target, heading, evidence.quote());
            }
        });
        link.setDisable(page == null);
        return link;
    }

    // ---------------------------------------------------------------- little builders

    private static VBox section(String title, Node body) {
        var heading = new Label(title);
        heading.getStyleClass().add("section-title");
        var box = new VBox(10, heading, body);
        box.getStyleClass().add("card-box");
        return box;
    }

    private static VBox titled(String title, Node body) {
        var box = new VBox(6, subheading(title), body);
        box.setMinWidth(0);
        return box;
    }

    private static Label subheading(String text) {
        var label = new Label(text);
        label.getStyleClass().add("text-bold");
        return label;
    }

    private static Label text(String text) {
        var label = new Label(text);
        label.getStyleClass().add("body-text");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label muted(String text) {
        var label = text(text);
        label.getStyleClass().add("muted");
        return label;
    }

    private static void addLabelled(VBox box, String name, String value) {
        if (value != null && !value.isBlank()) {
            box.getChildren().add(new VBox(2, subheading(name), text(value)));
        }
    }

    private static VBox tile(String value, String label) {
        var v = new Label(value);
        v.getStyleClass().add("stat-value");
        var l = new Label(label);
        l.getStyleClass().add("stat-label");
        var tile = new VBox(2, v, l);
        tile.getStyleClass().add("stat-tile");
        return tile;
    }

    /** A programming note is a sentence, not a figure: it shares the row with the others and wraps. */
    private static VBox noteTile(String value, String label) {
        var tile = tile(value, label);
        tile.getStyleClass().add("note-tile");
        ((Label) tile.getChildren().getFirst()).setWrapText(true);
        tile.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(tile, Priority.ALWAYS);
        return tile;
    }

    private static String capitalise(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
