package ai.sorot.desktop.report;

import static ai.sorot.desktop.report.ReportBlocks.section;

import ai.sorot.desktop.pdf.PageViewer;
import ai.sorot.desktop.player.AudioPlayerView;
import ai.sorot.desktop.ui.Format;
import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.StepRecord;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
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
            .withLocale(Locale.UK)
            .withZone(ZoneId.systemDefault());

    private final ReportViewModel model;
    private final AudioPlayerView player;
    private final PageViewer pages;
    private final VBox content = new VBox();
    private final ScrollPane scroller = new ScrollPane(content);
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final Label problem = new Label();
    private final ReportSections sections;

    public ReportView(ReportViewModel model, AudioPlayerView player, PageViewer pages) {
        this.model = model;
        this.player = player;
        this.pages = pages;
        this.sections = new ReportSections(model, pages);
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
            content.getChildren().addAll(sections.coverage(report, report.coverage()));
        }
        if (report.curation() != null) {
            content.getChildren().add(sections.curation(report));
        }
        content.getChildren().add(sections.trailer(report, report.trailer()));
        var stats = report.screenplay() == null ? null : report.screenplay().stats();
        if (stats != null) {
            content.getChildren().add(sections.statistics(stats));
        }
        if (!report.steps().isEmpty()) {
            content.getChildren().add(sections.steps(report.steps()));
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
                verdict.getStyleClass()
                        .addAll(
                                "verdict",
                                "large",
                                curation.recommendation().name().toLowerCase(Locale.ROOT));
                verdictBox.getChildren().add(verdict);
            }
        }
        var header = new HBox(18, lines, verdictBox);
        header.getStyleClass().add("report-header");
        return header;
    }

    private Node provenanceBadge(AnalysisReport report) {
        var sources = new ArrayList<Provenance>();
        report.steps().stream()
                .map(StepRecord::provenance)
                .filter(Objects::nonNull)
                .forEach(sources::add);
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
        var said = ProvenanceBadge.of(
                sources, report.coverage() == null ? null : report.coverage().provenance());
        badge.setText(said.text());
        badge.getStyleClass().add(said.style());
        var detail = new StringBuilder("Produced by:");
        for (var step : report.steps()) {
            detail.append("\n")
                    .append(step.number())
                    .append(". ")
                    .append(step.name())
                    .append(" — ")
                    .append(
                            step.provenance() == null
                                    ? "not recorded"
                                    : step.provenance().label());
        }
        badge.setTooltip(new Tooltip(detail.toString()));
        return badge;
    }
}
