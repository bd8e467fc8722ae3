package ai.sorot.desktop.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingSessionLinksTest {

    @TempDir
    Path dir;

    @Test
    void linksSurviveReopeningAndAreTakenOnce() {
        var links = PendingSessionLinks.in(dir);
        links.put(dir.resolve("scripts/../scripts/a.pdf"), 7);
        links.put(dir.resolve("scripts/b.fountain"), 9);

        var reopened = PendingSessionLinks.in(dir);
        assertThat(reopened.take(dir.resolve("scripts/a.pdf"))).isEqualTo(OptionalLong.of(7));
        assertThat(reopened.take(dir.resolve("scripts/a.pdf"))).isEmpty();
        assertThat(PendingSessionLinks.in(dir).snapshot())
                .containsOnlyKeys(dir.resolve("scripts/b.fountain").toString());
    }

    @Test
    void anUnreadableFileIsSetAsideAndStartsEmpty() throws Exception {
        Files.writeString(dir.resolve("pending-sessions.json"), "{not json");
        var links = PendingSessionLinks.in(dir);
        assertThat(links.snapshot()).isEmpty();
        assertThat(dir.resolve("pending-sessions.json.unreadable")).exists();
        links.put(dir.resolve("c.pdf"), 3);
        assertThat(PendingSessionLinks.in(dir).snapshot())
                .containsEntry(dir.resolve("c.pdf").toString(), 3L);
    }
}
