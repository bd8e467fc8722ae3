package ai.sorot.lambda.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.AnalysisReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library searched by meaning, on a real library file and the real embedding model, with
 * open-licence scripts from the shared corpus (skipped where it is absent).
 */
class SemanticLibraryTest {

    @TempDir
    Path dir;

    Path corpus;

    @BeforeEach
    void needsTheCorpus() {
        corpus = SemanticLibraryTestSupport.corpus();
        assumeTrue(corpus != null, "the shared corpus is not on this machine");
    }

    @Test
    void twoEpisodesOfOneSeriesAreCloserToEachOtherThanToAnUnrelatedScript() throws IOException {
        try (var library = Library.open(dir.resolve("library"))) {
            SemanticLibraryTestSupport.save(library, corpus, "episode-1", SemanticLibraryTestSupport.EPISODE_1);
            SemanticLibraryTestSupport.save(
                    library, corpus, "episode-lincoln", SemanticLibraryTestSupport.EPISODE_LINCOLN);
            SemanticLibraryTestSupport.save(library, corpus, "brick", SemanticLibraryTestSupport.BRICK_AND_STEEL);
            var semantic = new SemanticLibrary(library);

            var neighbours = semantic.similar("episode-1", 5);

            assertThat(neighbours).extracting(n -> n.entry().id()).containsExactly("episode-lincoln", "brick");
            assertThat(neighbours.get(0).similarity())
                    .isGreaterThan(neighbours.get(1).similarity() + 0.05);
            assertThat(neighbours).allSatisfy(n -> assertThat(n.similarity()).isBetween(-1.0, 1.0));
        }
    }

    @Test
    void aPhraseFindsTheScriptItDescribesFirst() throws IOException {
        try (var library = Library.open(dir.resolve("library"))) {
            SemanticLibraryTestSupport.save(library, corpus, "episode-1", SemanticLibraryTestSupport.EPISODE_1);
            SemanticLibraryTestSupport.save(library, corpus, "brick", SemanticLibraryTestSupport.BRICK_AND_STEEL);
            SemanticLibraryTestSupport.save(library, corpus, "guru", SemanticLibraryTestSupport.GURU_PEAK);
            SemanticLibraryTestSupport.save(library, corpus, "freak-out", SemanticLibraryTestSupport.LIBRARY_FREAK_OUT);
            var semantic = new SemanticLibrary(library);

            assertThat(semantic.byMeaning("a hike up a mountain trail", 4, -1))
                    .first()
                    .satisfies(n -> assertThat(n.entry().id()).isEqualTo("guru"));
            assertThat(semantic.byMeaning("two retired police detectives", 4, -1))
                    .first()
                    .satisfies(n -> assertThat(n.entry().id()).isEqualTo("brick"));
        }
    }

    @Test
    void theSearchListsWordMatchesFirstThenAnalysesCloseInMeaning() throws IOException {
        try (var library = Library.open(dir.resolve("library"))) {
            SemanticLibraryTestSupport.save(library, corpus, "brick", SemanticLibraryTestSupport.BRICK_AND_STEEL);
            SemanticLibraryTestSupport.save(library, corpus, "guru", SemanticLibraryTestSupport.GURU_PEAK);
            var semantic = new SemanticLibrary(library);

            // "Brick" is in one title (a word match); nothing is about mountains by its words
            var hits = semantic.search("brick", 10);
            assertThat(hits).first().satisfies(h -> {
                assertThat(h.entry().id()).isEqualTo("brick");
                assertThat(h.match()).isEqualTo(SemanticLibrary.Match.WORDS);
                assertThat(h.similarity()).isNull();
            });
            var byMeaning = semantic.search("climbing a mountain", 10);
            assertThat(byMeaning).first().satisfies(h -> {
                assertThat(h.entry().id()).isEqualTo("guru");
                assertThat(h.match()).isEqualTo(SemanticLibrary.Match.MEANING);
                assertThat(h.similarity()).isGreaterThanOrEqualTo(SemanticLibrary.PHRASE_THRESHOLD);
            });
        }
    }

    @Test
    void analysesSavedBeforeAreEmbeddedOnFirstUseAndADeletedOneIsNoLongerListed() throws IOException {
        var folder = dir.resolve("library");
        try (var library = Library.open(folder)) {
            SemanticLibraryTestSupport.save(library, corpus, "episode-1", SemanticLibraryTestSupport.EPISODE_1);
            SemanticLibraryTestSupport.save(
                    library, corpus, "episode-lincoln", SemanticLibraryTestSupport.EPISODE_LINCOLN);
            SemanticLibraryTestSupport.save(library, corpus, "brick", SemanticLibraryTestSupport.BRICK_AND_STEEL);
        }
        try (var library = Library.open(folder)) {
            var semantic = new SemanticLibrary(library);
            assertThat(semantic.embedPending()).isEqualTo(3);
            assertThat(semantic.embedPending()).isZero();
            assertThat(semantic.similar("episode-1", 5)).hasSize(2);

            library.delete("episode-lincoln");
            assertThat(semantic.similar("episode-1", 5))
                    .extracting(n -> n.entry().id())
                    .containsExactly("brick");
        }
        try (var library = Library.open(folder)) {
            // a new analysis of the same script (another completion time) is embedded again
            var report = library.report("brick");
            library.save(
                    new AnalysisReport(
                            report.analysisId(),
                            report.title(),
                            report.authors(),
                            report.fileName(),
                            null,
                            report.createdAt(),
                            Instant.parse("2026-11-02T10:00:00Z"),
                            report.screenplay(),
                            report.coverage(),
                            null,
                            report.curation(),
                            null,
                            List.of(),
                            null),
                    Library.Attachments.NONE);
            assertThat(new SemanticLibrary(library).embedPending()).isEqualTo(1);
        }
    }

    @Test
    void anAnalysisEmbeddedAsItIsSavedLeavesNothingForTheFirstUseToEmbed() throws IOException {
        var folder = dir.resolve("library");
        try (var library = Library.open(folder)) {
            SemanticLibraryTestSupport.save(library, corpus, "episode-1", SemanticLibraryTestSupport.EPISODE_1);
            SavedEmbedding.embed(library, "episode-1", null);
            SemanticLibraryTestSupport.save(library, corpus, "brick", SemanticLibraryTestSupport.BRICK_AND_STEEL);
            SavedEmbedding.embed(library, "brick", null);
            int stored = library.query("SELECT count(*) FROM analysis_vectors", st -> {}, rs -> rs.getInt(1));
            assertThat(stored).isEqualTo(2);
            assertThat(new SemanticLibrary(library).embedSaved("brick")).isFalse(); // current already
        }
        try (var library = Library.open(folder)) {
            var semantic = new SemanticLibrary(library);
            assertThat(semantic.embedPending()).isZero();
            assertThat(semantic.similar("episode-1", 5))
                    .extracting(n -> n.entry().id())
                    .containsExactly("brick");
        }
    }

    @Test
    void twoGroupsPutTheEpisodesOfOneSeriesTogether() throws IOException {
        try (var library = Library.open(dir.resolve("library"))) {
            SemanticLibraryTestSupport.save(library, corpus, "episode-1", SemanticLibraryTestSupport.EPISODE_1);
            SemanticLibraryTestSupport.save(
                    library, corpus, "episode-lincoln", SemanticLibraryTestSupport.EPISODE_LINCOLN);
            SemanticLibraryTestSupport.save(library, corpus, "brick", SemanticLibraryTestSupport.BRICK_AND_STEEL);

            var clusters = new SemanticLibrary(library).clusters(null, 2);

            assertThat(clusters).hasSize(2);
            assertThat(clusters.getFirst().members())
                    .extracting(LibraryEntry::id)
                    .containsExactlyInAnyOrder("episode-1", "episode-lincoln");
            assertThat(clusters.getLast().members())
                    .extracting(LibraryEntry::id)
                    .containsExactly("brick");
            // these no-model reports name no themes: the label says so rather than inventing one
            assertThat(clusters.getFirst().label()).isEqualTo("no themes named in the reports");
        }
    }

    @Test
    void anUnknownAnalysisIsNotFound() {
        try (var library = Library.open(dir.resolve("library"))) {
            assertThatThrownBy(() -> new SemanticLibrary(library).similar("nope", 5))
                    .isInstanceOf(SorotException.class)
                    .satisfies(e -> assertThat(((SorotException) e).code()).isEqualTo(ErrorCode.NOT_FOUND));
        }
    }

    @Test
    void aLibraryOfTheLastSchemaGainsTheVectorTable() {
        try (var library = Library.open(dir.resolve("library"))) {
            assertThat(library.schemaVersion())
                    .isEqualTo(LibraryMigrations.latest())
                    .isEqualTo(4);
            int rows = library.query("SELECT count(*) FROM analysis_vectors", st -> {}, rs -> rs.getInt(1));
            assertThat(rows).isZero();
        }
    }
}
