package ai.sorot.lambda.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.sorot.lambda.api.SubmissionService;
import ai.sorot.lambda.checks.CoherenceCalibration;
import ai.sorot.lambda.checks.ScriptChecks;
import ai.sorot.lambda.local.LocalBackend;
import ai.sorot.lambda.local.SorotHome;
import ai.sorot.lambda.screenplay.ScreenplayReader;
import ai.sorot.lambda.support.TestScripts;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.Check;
import ai.sorot.model.report.Evidence;
import ai.sorot.model.report.Verdicts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole no-model analysis over the real local backend (SQLite job store, files): verdict, evidence, checks. */
class NoModelAnalysisTest {

    @TempDir
    Path home;

    LocalBackend backend;

    @AfterEach
    void close() {
        if (backend != null) {
            backend.close();
        }
    }

    private AnalysisReport analyse(byte[] content, String fileName, String title) {
        return analyse(content, fileName, title, null);
    }

    private AnalysisReport analyse(byte[] content, String fileName, String title, ScriptChecks.Form form) {
        if (backend == null) {
            backend = LocalBackend.open(
                    LocalBackend.Options.defaults(new SorotHome(home)).withWorkers(0));
        }
        var id = new SubmissionService(backend.backend())
                .analyzeFile(content, fileName, null, title, true, form)
                .analysisId();
        assertThat(backend.pipeline().run(id)).isEqualTo(Pipeline.Outcome.COMPLETED);
        return new ReportAssembler(backend.blobs())
                .report(backend.jobs().find(id).orElseThrow());
    }

    private static List<String> codes(AnalysisReport report) {
        return report.checks().stream().map(Check::code).toList();
    }

    @Test
    void aNoModelReportHasNoVerdictAndEveryEvidenceItemSaysHowItWasChecked() {
        var report = analyse(TestScripts.cyberBobPdf(), "cyber-bob.pdf", null);
        assertThat(report.curation().isJudged()).isFalse();
        assertThat(report.curation().overallScore()).isNull();
        assertThat(report.coverage().recommendation()).isNull();
        assertThat(report.coverage().grid()).isEmpty();
        assertThat(report.curation().summary()).startsWith(Verdicts.NOT_JUDGED);
        assertThat(report.audio().script()).contains("Not judged: no model read this script.");
        var job = backend.jobs().find(report.analysisId()).orElseThrow();
        assertThat(job.recommendation()).isNull();
        assertThat(job.overallScore()).isNull();

        int pages = report.screenplay().pageCount();
        var evidence = new ArrayList<Evidence>();
        report.curation().claims().forEach(c -> evidence.addAll(c.evidence()));
        report.curation().notes().contentFlags().forEach(c -> evidence.addAll(c.evidence()));
        report.coverage().indicators().forEach(i -> evidence.addAll(i.evidence()));
        assertThat(evidence).isNotEmpty().allSatisfy(e -> {
            assertThat(e.verification())
                    .isIn(Evidence.Verification.QUOTED, Evidence.Verification.LOCATED, Evidence.Verification.STATISTIC);
            if (e.verification() == Evidence.Verification.STATISTIC) {
                assertThat(e.page()).isNull();
            } else {
                assertThat(e.page()).isBetween(1, pages);
            }
        });
        // the length claim is a whole-script figure: a statistic, not the last page
        assertThat(report.curation().claims().getFirst().evidence())
                .extracting(Evidence::verification)
                .containsExactly(Evidence.Verification.STATISTIC);
    }

    @Test
    void theSameScriptAsPdfAndThenAsFountainUnderAnotherTitleIsAPossibleDuplicateOfTheFirstAndANewScriptIsNot() {
        var first = analyse(TestScripts.cyberBobPdf(), "cyber-bob.pdf", null);
        assertThat(codes(first)).doesNotContain("POSSIBLE_DUPLICATE");
        var again = analyse(
                TestScripts.resource("cyber-bob-ep1.fountain"), "traffic-control-draft2.fountain", "Traffic Control");
        var duplicate = again.checks().stream()
                .filter(c -> c.code().equals("POSSIBLE_DUPLICATE"))
                .findFirst()
                .orElseThrow();
        assertThat(duplicate.relatedAnalysisId()).isEqualTo(first.analysisId());
        assertThat(duplicate.message()).contains("cyber-bob.pdf");
        var other =
                analyse(TestScripts.cyberBobDebateFountain().getBytes(StandardCharsets.UTF_8), "debate.fountain", null);
        assertThat(codes(other)).doesNotContain("POSSIBLE_DUPLICATE");
    }

    @Test
    void aScreenplayOfRandomWordsIsFlaggedIncoherentAndARealOneIsNot() {
        var real = new ScreenplayReader().readFountain(TestScripts.cyberBobDebateFountain());
        var words = new ArrayList<String>();
        for (var e : real.elements()) {
            words.addAll(List.of(e.text().toLowerCase().split("\\W+")));
        }
        words.removeIf(String::isBlank);
        java.util.Collections.shuffle(words, new Random(7));
        var shuffled = CoherenceCalibration.rewrite(real, words, new Random(7));
        var report = analyse(shuffled.getBytes(StandardCharsets.UTF_8), "shuffled.fountain", null);
        assertThat(codes(report)).contains("INCOHERENT_TEXT");
        var coherent =
                analyse(TestScripts.cyberBobDebateFountain().getBytes(StandardCharsets.UTF_8), "debate.fountain", null);
        assertThat(codes(coherent)).doesNotContain("INCOHERENT_TEXT");
    }

    @Test
    void aScriptNotInEnglishGetsALanguageCheckAndNoEnglishWordLists() {
        var french = new StringBuilder("Title: La Nuit\nAuthor: A. Auteur\n\n");
        for (int i = 1; i <= 12; i++) {
            french.append(
                    "INT. CUISINE - NUIT\n\nMarie entre dans la cuisine et elle ouvre la fenêtre. Le vent est froid et "
                            + "la ville dort encore.\n\nMARIE\nJe ne sais pas ce que tu veux de moi, mais je suis là avec toi.\n\n"
                            + "PAUL\nC'est la dernière fois que nous parlons de cela dans cette maison.\n\n");
        }
        var report = analyse(french.toString().getBytes(StandardCharsets.UTF_8), "la-nuit.fountain", null);
        var language = report.checks().stream()
                .filter(c -> c.code().equals("LANGUAGE"))
                .findFirst()
                .orElseThrow();
        assertThat(language.severity()).isEqualTo(Check.Severity.INFO);
        assertThat(language.message()).contains("French");
        assertThat(codes(report)).doesNotContain("INCOHERENT_TEXT");
        assertThat(report.coverage().genres()).isEmpty();
        assertThat(report.coverage().themes()).isEmpty();
    }

    @Test
    void aLanguageSorotHasNoWordsForIsNamedByOpenNlpNotCalledIncoherent() {
        var finnish = new StringBuilder("Title: Yö\nAuthor: A. Kirjoittaja\n\n");
        for (int i = 1; i <= 12; i++) {
            finnish.append(
                    "INT. KEITTIÖ - YÖ\n\nMaria astuu keittiöön ja avaa ikkunan. Tuuli on kylmä ja kaupunki nukkuu "
                            + "vielä.\n\nMARIA\nEn tiedä mitä haluat minulta, mutta olen täällä sinun kanssasi.\n\n"
                            + "PAAVO\nTämä on viimeinen kerta kun puhumme tästä asiasta tässä talossa.\n\n");
        }
        var report = analyse(finnish.toString().getBytes(StandardCharsets.UTF_8), "yo.fountain", null);
        var language = report.checks().stream()
                .filter(c -> c.code().equals("LANGUAGE"))
                .findFirst()
                .orElseThrow();
        assertThat(language.message()).contains("Finnish");
        assertThat(codes(report)).doesNotContain("INCOHERENT_TEXT");
        assertThat(report.coverage().genres()).isEmpty();
    }

    @Test
    void aFiftyPageScriptSubmittedAsAShortGetsFormLengthAndTheSameUnsubmittedDoesNot() {
        var debate = TestScripts.cyberBobDebateFountain();
        var body = debate.substring(debate.indexOf("\n\n") + 2);
        var text = new StringBuilder("Title: The Long Debate\nAuthor: R. A. Hall\n\n");
        for (int i = 0; i < 7; i++) {
            text.append(body).append("\n\n");
        }
        var bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        var asShort = analyse(bytes, "long-debate.fountain", null, ScriptChecks.Form.SHORT);
        assertThat(asShort.screenplay().pageCount()).isBetween(41, 69);
        var check = asShort.checks().stream()
                .filter(c -> c.code().equals("FORM_LENGTH"))
                .findFirst()
                .orElseThrow();
        assertThat(check.message()).startsWith("Submitted as a short");
        assertThat(codes(analyse(bytes, "long-debate-2.fountain", null, null))).doesNotContain("FORM_LENGTH");
        assertThat(codes(analyse(bytes, "long-debate-3.fountain", null, ScriptChecks.Form.parse("Feature Screenplay"))))
                .contains("FORM_LENGTH");
    }

    @Test
    void aFormThatIsNoneIsRefusedBeforeAnythingIsStored() {
        assertThat(ScriptChecks.Form.parse("Short Film")).isEqualTo(ScriptChecks.Form.SHORT);
        assertThat(ScriptChecks.Form.parse("Television Pilot")).isEqualTo(ScriptChecks.Form.EPISODE);
        assertThat(ScriptChecks.Form.parse(" ")).isNull();
        assertThatThrownBy(() -> ScriptChecks.Form.parse("documentary"))
                .isInstanceOfSatisfying(
                        SorotException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
    }

    @Test
    void theSpokenSummaryFitsTheScriptAShortUnder45SecondsAFeatureBetween45And120() {
        var shortReport = analyse(TestScripts.cyberBobPdf(), "cyber-bob.pdf", null);
        assertThat(shortReport.screenplay().pageCount()).isLessThan(40);
        assertThat(shortReport.audio().durationSeconds()).isBetween(5.0, 45.0);
        // a feature: the open-licence episode's body, thirteen times over (about 100 pages)
        var debate = TestScripts.cyberBobDebateFountain();
        var body = debate.substring(debate.indexOf("\n\n") + 2);
        var feature = new StringBuilder("Title: The Long Debate\nAuthor: R. A. Hall\n\n");
        for (int i = 0; i < 13; i++) {
            feature.append(body).append("\n\n");
        }
        var featureReport = analyse(feature.toString().getBytes(StandardCharsets.UTF_8), "long-debate.fountain", null);
        assertThat(featureReport.screenplay().pageCount()).isGreaterThanOrEqualTo(70);
        assertThat(featureReport.audio().durationSeconds()).isBetween(45.0, 120.0);
        assertThat(featureReport.audio().script()).contains("Not judged: no model read this script.");
    }

    @Test
    void aScriptWithoutHeadingsOrTitlePageIsFlaggedSo() {
        var text = "Marie walks into the kitchen and opens the window. The wind is cold and the city is asleep.\n\n"
                + "MARIE\nI don't know what you want from me, but I am here with you tonight.\n";
        var report = analyse(text.getBytes(StandardCharsets.UTF_8), "fragment.fountain", null);
        assertThat(codes(report)).contains("NO_SCENE_HEADINGS", "NO_TITLE_PAGE");
    }
}
