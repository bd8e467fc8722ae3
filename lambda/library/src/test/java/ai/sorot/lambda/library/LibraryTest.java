package ai.sorot.lambda.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.Recommendation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryTest {

    @TempDir
    Path dir;

    Library library;

    @BeforeEach
    void open() {
        library = Library.open(dir);
        library.save(
                Reports.report(
                        "analysis-1",
                        "The Letters",
                        "Ana Ruiz",
                        "A detective reopens her mother's letters.",
                        List.of("Drama", "Mystery"),
                        Recommendation.RECOMMEND,
                        82,
                        104),
                Library.Attachments.NONE);
        library.save(
                Reports.report(
                        "analysis-2",
                        "Brick & Steel",
                        "Stu Maschwitz",
                        "Two retired cops are hunted.",
                        List.of("Action", "Comedy"),
                        Recommendation.CONSIDER,
                        64,
                        12),
                Library.Attachments.NONE);
        library.save(
                Reports.report(
                        "analysis-3",
                        "Night Shift",
                        "Lee Park",
                        "A nurse and a thief share a night.",
                        List.of("Thriller"),
                        Recommendation.PASS,
                        41,
                        96),
                Library.Attachments.NONE);
    }

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void aNewLibraryIsMigratedToTheLatestSchemaInWalMode() throws Exception {
        assertThat(library.schemaVersion()).isEqualTo(LibraryMigrations.latest());
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("library.db"));
                var rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void reopeningALibraryKeepsEverythingAndRunsNoMigrationTwice() {
        library.rate("analysis-1", 5);
        library.close();
        library = Library.open(dir);
        assertThat(library.size()).isEqualTo(3);
        assertThat(library.entry("analysis-1").orElseThrow().rating()).isEqualTo(5);
    }

    @Test
    void anOldLibraryIsMigratedForwardWithItsData() throws Exception {
        library.close();
        Path old = dir.resolve("old");
        Files.createDirectories(old);
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + old.resolve("library.db"));
                var st = c.createStatement()) {
            for (var sql : LibraryMigrations.MIGRATIONS.get(0).split(";\\s*\\n")) {
                if (!sql.isBlank()) {
                    st.execute(sql);
                }
            }
            st.execute("PRAGMA user_version = 1");
            st.execute(
                    "INSERT INTO analyses (id, title, saved_at) VALUES ('analysis-old', 'Old One', '2025-01-01T00:00:00Z')");
        }
        library = Library.open(old);
        assertThat(library.schemaVersion()).isEqualTo(LibraryMigrations.latest());
        assertThat(library.contains("analysis-old")).isTrue();
        assertThat(library.createSession("Round 1", List.of()).name()).isEqualTo("Round 1");
    }

    @Test
    void aLibraryWrittenByANewerSorotIsRefusedAndLeftAsItWas() throws Exception {
        library.close();
        Path newer = dir.resolve("newer");
        Files.createDirectories(newer);
        int future = LibraryMigrations.latest() + 1;
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + newer.resolve("library.db"));
                var st = c.createStatement()) {
            st.execute("CREATE TABLE kept (x TEXT)");
            st.execute("PRAGMA user_version = " + future);
        }
        assertThatThrownBy(() -> Library.open(newer))
                .isInstanceOf(SorotException.class)
                .hasMessageContaining("newer Sorot");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + newer.resolve("library.db"));
                var st = c.createStatement();
                var rs = st.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(future);
        }
        library = Library.open(dir);
    }

    @Test
    void fullTextSearchFindsWordsByPrefixAcrossTitleLoglineNotesAndTags() {
        assertThat(ids(library.search(LibraryQuery.ALL.withText("detect")))).containsExactly("analysis-1");
        assertThat(ids(library.search(LibraryQuery.ALL.withText("brick")))).containsExactly("analysis-2");
        library.setNotes("analysis-3", "Strong ending, weak middle act");
        library.tag("analysis-2", "Midnight Madness");
        assertThat(ids(library.search(LibraryQuery.ALL.withText("ending")))).containsExactly("analysis-3");
        assertThat(ids(library.search(LibraryQuery.ALL.withText("midnight")))).containsExactly("analysis-2");
        assertThat(ids(library.search(LibraryQuery.ALL.withText("retired hunted"))))
                .containsExactly("analysis-2");
        assertThat(library.search(LibraryQuery.ALL.withText("\"; DROP TABLE analyses; --")))
                .isEmpty();
        assertThat(library.size()).isEqualTo(3);
    }

    @Test
    void filtersCombine() {
        library.rate("analysis-1", 4);
        library.setShortlisted("analysis-2", true);
        library.tag("analysis-1", "shorts");
        library.tag("analysis-3", "shorts");
        assertThat(ids(library.search(LibraryQuery.ALL.withRecommendations(Set.of("RECOMMEND", "CONSIDER")))))
                .containsExactlyInAnyOrder("analysis-1", "analysis-2");
        assertThat(ids(library.search(LibraryQuery.ALL.withScore(50.0, 70.0)))).containsExactly("analysis-2");
        assertThat(ids(library.search(LibraryQuery.ALL.withGenre("mystery")))).containsExactly("analysis-1");
        assertThat(ids(library.search(LibraryQuery.ALL.withRated(true)))).containsExactly("analysis-1");
        assertThat(ids(library.search(LibraryQuery.ALL.withRated(false))))
                .containsExactlyInAnyOrder("analysis-2", "analysis-3");
        assertThat(ids(library.search(LibraryQuery.ALL.withShortlisted(true)))).containsExactly("analysis-2");
        assertThat(ids(library.search(
                        LibraryQuery.ALL.withTags(Set.of("shorts")).withScore(null, 50.0))))
                .containsExactly("analysis-3");
        assertThat(library.count(LibraryQuery.ALL.withTags(Set.of("shorts")))).isEqualTo(2);
    }

    @Test
    void anyColumnSorts() {
        assertThat(ids(library.search(LibraryQuery.ALL.sortedBy(LibraryQuery.Sort.SCORE, true))))
                .containsExactly("analysis-1", "analysis-2", "analysis-3");
        assertThat(ids(library.search(LibraryQuery.ALL.sortedBy(LibraryQuery.Sort.TITLE, false))))
                .containsExactly("analysis-2", "analysis-3", "analysis-1");
        assertThat(ids(library.search(LibraryQuery.ALL.sortedBy(LibraryQuery.Sort.PAGES, false))))
                .containsExactly("analysis-2", "analysis-3", "analysis-1");
    }

    @Test
    void theCuratorsVerdictSitsBesideTheAisAndBothAreKept() {
        library.setVerdict("analysis-3", CuratorVerdict.ACCEPT);
        var entry = library.entry("analysis-3").orElseThrow();
        assertThat(entry.recommendation()).isEqualTo("PASS");
        assertThat(entry.verdict()).isEqualTo(CuratorVerdict.ACCEPT);
        library.save(
                Reports.report(
                        "analysis-3",
                        "Night Shift",
                        "Lee Park",
                        "A nurse and a thief share a night.",
                        List.of("Thriller"),
                        Recommendation.PASS,
                        45,
                        96),
                Library.Attachments.NONE);
        assertThat(library.entry("analysis-3").orElseThrow().verdict()).isEqualTo(CuratorVerdict.ACCEPT);
    }

    @Test
    void ratingsAreOneToFiveStars() {
        assertThatThrownBy(() -> library.rate("analysis-1", 6)).isInstanceOf(SorotException.class);
        assertThatThrownBy(() -> library.rate("nope", 3)).isInstanceOf(SorotException.class);
        library.rate("analysis-1", null);
        assertThat(library.entry("analysis-1").orElseThrow().rating()).isNull();
    }

    @Test
    void aiScoresAreRankedWithinTheLibraryAndWithinASession() {
        assertThat(library.percentileInLibrary("analysis-1").orElseThrow().label())
                .isEqualTo("top 34% of 3");
        assertThat(library.percentileInLibrary("analysis-3").orElseThrow().rank())
                .isEqualTo(3);
        var session = library.createSession("Shorts 2027 - Round 1", List.of());
        library.addToSession(session.id(), List.of("analysis-3", "analysis-2"));
        assertThat(library.percentileInSession("analysis-2", session.id())
                        .orElseThrow()
                        .label())
                .isEqualTo("top 50% of 2");
    }

    @Test
    void sessionsKeepOrderProgressAndTheirScoreCard() {
        var rubric = List.of(new ReviewSession.Criterion("Story", 10), new ReviewSession.Criterion("Craft", 5));
        var session = library.createSession("Shorts 2027 - Round 1", rubric);
        library.addToSession(session.id(), List.of("analysis-2", "analysis-1", "analysis-2"));
        library.addToSession(session.id(), List.of("analysis-3"));
        assertThat(library.sessionItems(session.id())).containsExactly("analysis-2", "analysis-1", "analysis-3");
        library.markReviewed(session.id(), "analysis-1", true);
        var reloaded = library.session(session.id()).orElseThrow();
        assertThat(reloaded.size()).isEqualTo(3);
        assertThat(reloaded.reviewed()).isEqualTo(1);
        assertThat(reloaded.rubric()).containsExactlyElementsOf(rubric);
        library.scoreCriterion(session.id(), "analysis-1", "Story", 8);
        assertThatThrownBy(() -> library.scoreCriterion(session.id(), "analysis-1", "Craft", 6))
                .isInstanceOf(SorotException.class);
        assertThat(library.criterionScores(session.id(), "analysis-1")).containsEntry("Story", 8);
        assertThat(ids(library.search(LibraryQuery.ALL.inSession(session.id()))))
                .hasSize(3);
    }

    @Test
    void attachmentsAreWrittenBesideTheReportAndFoundAgain() {
        byte[] wav = {'R', 'I', 'F', 'F', 1, 2, 3};
        library.save(
                Reports.report("analysis-4", "Fourth", "A", "L", List.of(), Recommendation.PASS, 10, 5),
                new Library.Attachments(
                        wav, "audio/wav", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, new byte[] {'%', 'P'}, "4.pdf"));
        assertThat(library.audio("analysis-4"))
                .get()
                .satisfies(p -> assertThat(p).hasBinaryContent(wav));
        assertThat(library.thumbnail("analysis-4")).isPresent();
        assertThat(library.source("analysis-4"))
                .get()
                .satisfies(p -> assertThat(p.getFileName().toString()).isEqualTo("source.pdf"));
        assertThat(library.report("analysis-4").title()).isEqualTo("Fourth");
        assertThat(library.entry("analysis-4").orElseThrow().hasAudio()).isTrue();
        library.delete("analysis-4");
        assertThat(library.contains("analysis-4")).isFalse();
        assertThat(library.audio("analysis-4")).isEmpty();
    }

    @Test
    void idsThatCouldEscapeTheFolderAreRefused() {
        assertThatThrownBy(() -> library.report("../../etc/passwd")).isInstanceOf(SorotException.class);
    }

    private static List<String> ids(List<LibraryEntry> entries) {
        return entries.stream().map(LibraryEntry::id).toList();
    }

    @Test
    void searchInsideASessionFindsItsMatchesWithEveryOtherFilter() {
        long session = library.createSession("Round 1", List.of()).id();
        library.addToSession(session, List.of("analysis-1", "analysis-3"));
        library.tag("analysis-1", "opener");

        var inSession = LibraryQuery.ALL.inSession(session);
        assertThat(library.search(inSession.withText("detective")))
                .extracting(LibraryEntry::id)
                .containsExactly("analysis-1");
        assertThat(library.count(inSession.withText("detective"))).isEqualTo(1);
        // the text matches a script outside the session: nothing
        assertThat(library.search(inSession.withText("cops"))).isEmpty();
        // text, session, score, genre, tags and recommendation together bind in the SQL's order
        var all = inSession
                .withText("letters")
                .withScore(80.0, 90.0)
                .withGenre("Mystery")
                .withTags(Set.of("opener"))
                .withRecommendations(Set.of("RECOMMEND"));
        assertThat(library.search(all)).extracting(LibraryEntry::id).containsExactly("analysis-1");
        assertThat(library.count(all)).isEqualTo(1);
    }
}
