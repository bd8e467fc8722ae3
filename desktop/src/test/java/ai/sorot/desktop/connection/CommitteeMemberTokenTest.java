package ai.sorot.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.desktop.SorotDesktop;
import ai.sorot.desktop.home.DesktopHome;
import ai.sorot.desktop.home.Settings;
import ai.sorot.desktop.home.TokenStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A committee member connects with the member token alone; an API token of their own still wins. */
class CommitteeMemberTokenTest {

    @TempDir
    Path dir;

    private static final Settings REMOTE = new Settings(
            Settings.ConnectionMode.REMOTE, "https://committee.example.org", Settings.Theme.LIGHT, 2, false);

    @Test
    void withNoApiTokenEveryCallCarriesTheMemberToken() throws Exception {
        var home = new DesktopHome(dir);
        var tokens = new TokenStore(home);
        var members = new TokenStore(home, SorotDesktop.MEMBER_TOKEN_FILE);
        members.save("member-secret");
        var choice = new ConnectionChoice(Map.of(), tokens, members, () -> {
            throw new AssertionError("not local");
        });

        assertThat(choice.choose(REMOTE).open().token()).isEqualTo("member-secret");
        tokens.save("api-secret");
        assertThat(choice.choose(REMOTE).open().token()).isEqualTo("api-secret");
    }

    @Test
    void theMemberTokenIsKeptInItsOwnFileReadableByTheOwnerOnly() throws Exception {
        var home = new DesktopHome(dir);
        var members = new TokenStore(home, SorotDesktop.MEMBER_TOKEN_FILE);
        members.save(" member-secret \n");
        assertThat(members.file()).isEqualTo(dir.resolve("desktop/member-token"));
        assertThat(members.load()).contains("member-secret");
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(members.file())))
                    .isEqualTo("rw-------");
        }
    }
}
