package ai.sorot.desktop.report;

import static ai.sorot.desktop.report.ReportBlocks.muted;

import ai.sorot.desktop.pdf.PageViewer;
import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.Claim;
import ai.sorot.model.report.Evidence;
import ai.sorot.model.screenplay.Scene;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Claims and their evidence: every claim that cites a page or a scene opens the screenplay there
 * (the PDF's page, or a Fountain script's scene from its text); one that cites nothing says it is
 * unverified.
 */
final class ClaimList {

    private final ReportViewModel model;
    private final PageViewer pages;

    ClaimList(ReportViewModel model, PageViewer pages) {
        this.model = model;
        this.pages = pages;
    }

    /** The claims, one a line, each with its evidence. */
    VBox list(AnalysisReport report, List<Claim> claims, String id) {
        var box = new VBox(6);
        box.setId(id);
        if (claims.isEmpty()) {
            box.getChildren().add(muted("None noted."));
        }
        for (var claim : claims) {
            box.getChildren().add(row(report, claim, true));
        }
        return box;
    }

    /** One claim: its text, then a link per page or scene it cites, or "unverified". */
    Node row(AnalysisReport report, Claim claim, boolean bullet) {
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
            scene = report.screenplay().scenes().stream()
                    .filter(s -> s.index() == evidence.scene())
                    .findFirst()
                    .orElse(null);
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
            tip.append(tip.isEmpty() ? "" : "\n")
                    .append("“")
                    .append(evidence.quote())
                    .append("”");
        }
        if (!tip.isEmpty()) {
            link.setTooltip(new Tooltip(tip.toString()));
        }
        int target = page == null ? 1 : page;
        var heading = scene == null
                ? "Page " + target
                : "Scene " + (scene.sceneNumber() != null ? scene.sceneNumber() : scene.index()) + " · "
                        + scene.heading();
        int scriptPages = report.screenplay() == null ? 0 : report.screenplay().pageCount();
        Integer citedPage = page;
        link.setOnAction(e -> {
            if (model.pdfProperty().get() == null && model.scriptTextProperty().get() != null) {
                // a script with no printed pages (Fountain): the scene from its text, the quote marked
                pages.openText(
                        model.scriptTextProperty().get(), evidence.scene(), citedPage, heading, evidence.quote());
            } else {
                pages.open(model.pdfProperty().get(), scriptPages, target, heading, evidence.quote());
            }
        });
        link.setDisable(page == null);
        return link;
    }
}
