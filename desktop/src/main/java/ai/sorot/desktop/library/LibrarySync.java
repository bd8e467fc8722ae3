package ai.sorot.desktop.library;

import ai.sorot.desktop.connection.ApiFailure;
import ai.sorot.desktop.connection.SorotApi;
import ai.sorot.desktop.report.AnalysisArchive;
import ai.sorot.model.api.JobState;
import java.io.IOException;
import java.nio.file.Files;
import java.util.function.BooleanSupplier;

/**
 * Brings the API's finished analyses into the library: pages through {@code GET /analyses} and
 * saves each completed one the library lacks, with its report and audio summary, so it opens and
 * plays offline afterwards. Ones already saved are not fetched again. Blocking.
 */
public final class LibrarySync {

    /** What a sync did: how many it saw on the API, how many it saved, how many failed. */
    public record Result(int seen, int saved, int failed) {

        public String describe() {
            if (saved == 0 && failed == 0) {
                return "The library is up to date (" + seen + " on the API).";
            }
            return "Saved " + saved + " analys" + (saved == 1 ? "is" : "es") + " from the API"
                    + (failed > 0 ? "; " + failed + " could not be fetched." : ".");
        }
    }

    private static final int PAGE = 100;

    private final AnalysisArchive archive;

    public LibrarySync(AnalysisArchive archive) {
        this.archive = archive;
    }

    public Result run(SorotApi api, BooleanSupplier cancelled) throws IOException {
        var library = archive.library();
        int seen = 0;
        int saved = 0;
        int failed = 0;
        String cursor = null;
        do {
            var page = api.analyses(PAGE, cursor);
            for (var summary : page.items()) {
                if (cancelled.getAsBoolean()) {
                    return new Result(seen, saved, failed);
                }
                seen++;
                if (summary.status() != JobState.COMPLETED || library.contains(summary.analysisId())) {
                    continue;
                }
                try {
                    var report = api.report(summary.analysisId());
                    byte[] audio = null;
                    String type = null;
                    if (report.audio() != null) {
                        var temp = Files.createTempFile(archive.scratch(), "sync-", ".part");
                        try {
                            type = api.downloadAudio(summary.analysisId(), temp);
                            audio = Files.readAllBytes(temp);
                        } catch (ApiFailure noAudio) {
                            // the report is worth keeping without its audio
                        } finally {
                            Files.deleteIfExists(temp);
                        }
                    }
                    archive.save(report, audio, type, null, null);
                    saved++;
                } catch (ApiFailure | IOException e) {
                    failed++;
                    System.err.println("sorot: could not sync " + summary.analysisId() + ": " + e.getMessage());
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null && !cancelled.getAsBoolean());
        return new Result(seen, saved, failed);
    }
}
