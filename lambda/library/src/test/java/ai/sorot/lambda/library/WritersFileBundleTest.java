package ai.sorot.lambda.library;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.support.FormatFixtures;
import ai.sorot.model.report.Recommendation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Final Draft or Highland source stays what it is in the library and travels with a session bundle. */
class WritersFileBundleTest {

    @TempDir
    Path dir;

    @Test
    void finalDraftAndHighlandSourcesKeepTheirExtensionThroughABundle() throws Exception {
        var bundle = dir.resolve("round.zip");
        try (var mine = Library.open(dir.resolve("mine"))) {
            mine.save(
                    Reports.report(
                            "analysis-1",
                            "The Night Ferry",
                            "Wren Halvorsen",
                            "Two strangers, one seat.",
                            List.of("Drama"),
                            Recommendation.CONSIDER,
                            70,
                            2),
                    new Library.Attachments(null, null, null, FormatFixtures.finalDraft(), "night-ferry.fdx"));
            mine.save(
                    Reports.report(
                            "analysis-2",
                            "The Lighthouse Keeper",
                            "Pim Vos",
                            "A storm.",
                            List.of("Drama"),
                            Recommendation.CONSIDER,
                            65,
                            1),
                    new Library.Attachments(null, null, null, FormatFixtures.highland(), "keeper.highland"));
            assertThat(mine.source("analysis-1"))
                    .get()
                    .satisfies(p -> assertThat(p.getFileName().toString()).isEqualTo("source.fdx"));
            var session = mine.createSession("Round", List.of()).id();
            mine.addToSession(session, List.of("analysis-1", "analysis-2"));
            mine.exportBundle(session, bundle);
        }
        try (var theirs = Library.open(dir.resolve("theirs"))) {
            theirs.importBundle(bundle);
            assertThat(theirs.source("analysis-1")).get().satisfies(p -> {
                assertThat(p.getFileName().toString()).isEqualTo("source.fdx");
                assertThat(Files.readAllBytes(p)).isEqualTo(FormatFixtures.finalDraft());
            });
            assertThat(theirs.source("analysis-2"))
                    .get()
                    .satisfies(p -> assertThat(p.getFileName().toString()).isEqualTo("source.highland"));
        }
    }
}
