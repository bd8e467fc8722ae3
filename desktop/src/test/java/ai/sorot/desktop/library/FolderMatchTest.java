package ai.sorot.desktop.library;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.desktop.testing.LibraryFixtures;
import ai.sorot.desktop.testing.TestPdfs;
import ai.sorot.lambda.library.Library;
import ai.sorot.lambda.library.LibraryQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderMatchTest {

    @TempDir
    Path dir;

    @Test
    void aDroppedFolderMatchesByFileNameThenByTitleWordsAndLeavesTheRestToAnalyse() throws Exception {
        try (var library = Library.open(dir.resolve("library"))) {
            LibraryFixtures.fill(library, 10);
            var folder = Files.createDirectories(dir.resolve("Shorts 2027"));
            TestPdfs.screenplay(folder.resolve("night-ferry.pdf"), "Night Ferry", "A", 4); // same file name
            TestPdfs.screenplay(folder.resolve("Glass_Orchard_FINAL_v3.pdf"), "Glass Orchard", "B", 4); // title words
            TestPdfs.screenplay(folder.resolve("a-new-script.pdf"), "A New Script", "C", 4); // unknown
            Files.writeString(folder.resolve("notes.txt"), "not a screenplay");

            var result =
                    FolderMatch.match(FolderMatch.screenplays(folder), library.search(LibraryQuery.ALL.page(1000, 0)));

            assertThat(result.matched()).containsExactlyInAnyOrder("lib-00000", "lib-00008");
            assertThat(result.unknown())
                    .extracting(p -> p.getFileName().toString())
                    .containsExactly("a-new-script.pdf");
        }
    }

    @Test
    void aTitleSharingOneWordIsNotAMatch() throws Exception {
        try (var library = Library.open(dir.resolve("library"))) {
            LibraryFixtures.fill(library, 10);
            var entries = library.search(LibraryQuery.ALL.page(1000, 0));
            assertThat(FolderMatch.best("winter-garden.pdf", entries)).isNull();
            assertThat(FolderMatch.best("WINTER LIGHT.pdf", entries).id()).isEqualTo("lib-00002");
        }
    }

    @Test
    void aScoreCardIsOneCriterionALineWithItsScale() {
        var rubric = RubricDialog.parse("Story: 5\nFestival fit = 10\n\nCharacters\nStory: 3\nPace 20");
        assertThat(rubric)
                .extracting(c -> c.name() + "/" + c.scale())
                .containsExactly("Story/5", "Festival fit/10", "Characters/5", "Pace/10");
    }
}
