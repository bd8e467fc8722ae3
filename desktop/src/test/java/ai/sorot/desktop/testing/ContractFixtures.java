package ai.sorot.desktop.testing;

import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.StepState;
import ai.sorot.model.api.StepStatus;
import ai.sorot.model.report.AnalysisReport;
import ai.sorot.model.report.AudioSummary;
import ai.sorot.model.report.Claim;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Curation;
import ai.sorot.model.report.Evidence;
import ai.sorot.model.report.GridScore;
import ai.sorot.model.report.ProgrammingNotes;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.Recommendation;
import ai.sorot.model.report.StepRecord;
import ai.sorot.model.report.TrailerAnalysis;
import ai.sorot.model.screenplay.Scene;
import ai.sorot.model.screenplay.Screenplay;
import ai.sorot.model.screenplay.ScreenplayStats;
import ai.sorot.model.screenplay.TitlePage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Contract-shaped answers (built from the {@code shared-model} records, so they are exactly what
 * the backend serialises) for the API-client tests that run without the backend.
 */
public final class ContractFixtures {

    public static final Provenance OFFLINE = new Provenance("offline heuristics", "sorot-offline-1", true);
    /** The coverage of these reports was written by a model, so their verdict stands. */
    public static final Provenance MODEL = new Provenance("Amazon Bedrock", "DeepSeek-R1", false);

    public static final List<String> STEP_NAMES = List.of(
            "Extracting screenplay",
            "Analyzing screenplay",
            "Analyzing trailer",
            "Scoring and curation",
            "Generating audio summary");

    private ContractFixtures() {}

    /** The five steps as {@code /status} lists them when {@code current} is running (0: none started, 6: all done). */
    public static List<StepState> steps(int current, boolean withTrailer, Integer failedStep) {
        var steps = new ArrayList<StepState>();
        var t = Instant.parse("2026-11-28T10:00:00Z");
        for (int i = 1; i <= 5; i++) {
            StepStatus status;
            ApiError error = null;
            if (failedStep != null && i == failedStep) {
                status = StepStatus.FAILED;
                error = new ApiError("ANALYST_FAILED", "The coverage analyst stopped: test failure");
            } else if (i == 3 && !withTrailer && current > 3) {
                status = StepStatus.SKIPPED;
            } else if (i < current) {
                status = StepStatus.COMPLETED;
            } else if (i == current) {
                status = StepStatus.RUNNING;
            } else {
                status = StepStatus.PENDING;
            }
            var started = status == StepStatus.PENDING ? null : t.plusSeconds(i);
            var finished = status.isDone() || status == StepStatus.FAILED
                    ? t.plusSeconds(i).plusMillis(700)
                    : null;
            steps.add(
                    new StepState(STEP_NAMES.get(i - 1), status, started, finished, error, "offline heuristics", null));
        }
        return steps;
    }

    public static AnalysisReport report(
            String analysisId, String title, String fileName, String trailerUrl, int pages) {
        var created = Instant.parse("2026-11-28T10:00:00Z");
        var scenes = new ArrayList<Scene>();
        var lengths = new ArrayList<ScreenplayStats.SceneLength>();
        int sceneCount = Math.max(6, pages * 2);
        for (int i = 1; i <= sceneCount; i++) {
            boolean ext = i % 3 == 0;
            boolean night = i % 2 == 0;
            var heading = (ext ? "EXT. HARBOUR WALL" : "INT. FERRY CABIN") + " - " + (night ? "NIGHT" : "DAY");
            int page = Math.min(pages, 2 + (i - 1) / 2);
            int eighths = 2 + (i * 5) % 30;
            scenes.add(new Scene(
                    i,
                    Integer.toString(i),
                    heading,
                    ext ? "EXT" : "INT",
                    ext ? "HARBOUR WALL" : "FERRY CABIN",
                    night ? "NIGHT" : "DAY",
                    page,
                    page,
                    eighths,
                    List.of("MARA", "JONAS"),
                    i * 6,
                    i * 6 + 5));
            lengths.add(new ScreenplayStats.SceneLength(i, Integer.toString(i), heading, page, eighths));
        }
        var settings = new LinkedHashMap<String, Integer>();
        settings.put("INT", (int)
                scenes.stream().filter(s -> s.setting().equals("INT")).count());
        settings.put("EXT", (int)
                scenes.stream().filter(s -> s.setting().equals("EXT")).count());
        var times = new LinkedHashMap<String, Integer>();
        times.put("DAY", (int)
                scenes.stream().filter(s -> s.timeOfDay().equals("DAY")).count());
        times.put("NIGHT", (int)
                scenes.stream().filter(s -> s.timeOfDay().equals("NIGHT")).count());
        var pageStats = new ArrayList<ScreenplayStats.PageStat>();
        for (int p = 1; p <= pages; p++) {
            int dialogue = p == 1 ? 0 : 60 + (p * 37) % 120;
            int action = p == 1 ? 12 : 80 + (p * 23) % 90;
            pageStats.add(new ScreenplayStats.PageStat(
                    p, dialogue, action, p == 1 ? 0 : 6, dialogue / (double) (dialogue + action)));
        }
        var characters = List.of(
                new ScreenplayStats.CharacterStat("MARA", 41, 1210, 14, 2, 0.46),
                new ScreenplayStats.CharacterStat("JONAS", 33, 860, 12, 2, 0.33),
                new ScreenplayStats.CharacterStat("OLD TEODOR", 12, 420, 5, 4, 0.16),
                new ScreenplayStats.CharacterStat("FERRY CAPTAIN", 4, 130, 2, 7, 0.05));
        var stats = new ScreenplayStats(
                pages,
                pages,
                sceneCount,
                settings,
                times,
                List.of(
                        new ScreenplayStats.LocationStat("FERRY CABIN", sceneCount - sceneCount / 3, 60, 0.6),
                        new ScreenplayStats.LocationStat("HARBOUR WALL", sceneCount / 3, 40, 0.4)),
                characters,
                4,
                2620,
                3100,
                0.46,
                lengths,
                lengths.stream()
                        .sorted((a, b) -> b.eighths() - a.eighths())
                        .limit(3)
                        .toList(),
                pageStats);
        var screenplay = new Screenplay(
                title,
                List.of("A. Writer"),
                pages,
                Screenplay.SourceFormat.PDF,
                new TitlePage(title, List.of("A. Writer"), "Written by", null, null, null, null),
                List.of(),
                scenes,
                stats);
        var coverage = new Coverage(
                "Stranded on a winter ferry, a young mechanic must decide whether to expose the captain who saved her life.",
                "Mara, a ship's mechanic, is trapped aboard a ferry by a storm. Her brother Jonas wants to leave the island; "
                        + "old Teodor knows why the crossing was delayed. Over one night the three of them piece together the truth.",
                List.of("drama", "thriller"),
                "tense, intimate",
                List.of("loyalty", "isolation"),
                List.of(),
                "MARA",
                List.of(
                        Claim.of(
                                "Mara carries the story: 46% of the dialogue, present in 14 scenes.", Evidence.page(2)),
                        Claim.of(
                                "The ferry cabin is used as a pressure cooker.",
                                Evidence.scene(3, "3", 3).withQuote("The engine hums"))),
                List.of(
                        Claim.of(
                                "Dialogue repeats its warnings.",
                                Evidence.page(4).withQuote("We should have left before the storm.")),
                        new Claim("The ending may feel abrupt.", List.of())),
                List.of(
                        new GridScore(
                                "premise",
                                7,
                                "A contained premise with a clear moral choice.",
                                List.of(Evidence.page(2))),
                        new GridScore(
                                "structure",
                                6,
                                "Three movements; the midpoint arrives late.",
                                List.of(Evidence.page(6))),
                        new GridScore("characters", 7, "Three distinct voices.", List.of()),
                        new GridScore("dialogue", 5, "Functional, sometimes on the nose.", List.of(Evidence.page(4))),
                        new GridScore("originality", 6, "Familiar setting, fresh angle.", List.of()),
                        new GridScore("festival fit", 8, "A short-form drama with one location.", List.of())),
                Recommendation.CONSIDER,
                "Strong situation and cast; dialogue needs another pass.",
                MODEL);
        TrailerAnalysis trailer = trailerUrl == null
                ? null
                : new TrailerAnalysis(
                        trailerUrl,
                        "YouTube",
                        "abc123",
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        "Not analysed offline: only the link is known.",
                        OFFLINE);
        var curation = new Curation(
                68.0,
                Recommendation.CONSIDER,
                "A contained drama that would sit well in a shorts block.",
                new ProgrammingNotes(
                        "short (" + pages + " min)",
                        "adult drama audiences",
                        List.of(Claim.of("A storm at sea in night scenes.", Evidence.page(3)))),
                List.of(Claim.of("Score weighs premise and festival fit highest.", Evidence.page(2))));
        var audio = new AudioSummary(
                "wav", "audio/wav", 2.0, "This is the Sorot summary of " + title + ".", "espeak-ng en", OFFLINE);
        var stepRecords = new ArrayList<StepRecord>();
        for (int i = 1; i <= 5; i++) {
            var status = i == 3 && trailerUrl == null ? StepStatus.SKIPPED : StepStatus.COMPLETED;
            stepRecords.add(new StepRecord(
                    i,
                    STEP_NAMES.get(i - 1),
                    status,
                    i == 2 ? MODEL : OFFLINE,
                    created.plusSeconds(i),
                    created.plusSeconds(i).plusMillis(400),
                    400L,
                    null));
        }
        return new AnalysisReport(
                analysisId,
                title,
                List.of("A. Writer"),
                fileName,
                trailerUrl,
                created,
                created.plusSeconds(6),
                screenplay,
                coverage,
                trailer,
                curation,
                audio,
                stepRecords,
                null);
    }
}
