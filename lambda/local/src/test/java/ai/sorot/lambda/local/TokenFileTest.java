package ai.sorot.lambda.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {

    @TempDir
    Path dir;

    @Test
    void createsARandomOwnerOnlyTokenOnFirstUseAndKeepsIt() throws Exception {
        var file = dir.resolve("token");
        var first = TokenFile.loadOrCreate(file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(first.token()).hasSizeGreaterThanOrEqualTo(43).matches("[A-Za-z0-9_-]+");
        assertThat(TokenFile.loadOrCreate(file).token()).isEqualTo(first.token());
        assertThat(TokenFile.loadOrCreate(dir.resolve("other")).token()).isNotEqualTo(first.token());
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("token", "other");
        }
    }

    @Test
    void tightensATokenFileOthersCouldRead() throws Exception {
        var file = dir.resolve("token");
        TokenFile.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        TokenFile.loadOrCreate(file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void acceptsOnlyTheExactToken() {
        var tokens = TokenFile.loadOrCreate(dir.resolve("token"));
        assertThat(tokens.accepts(tokens.token())).isTrue();
        assertThat(tokens.accepts(tokens.token() + "x")).isFalse();
        assertThat(tokens.accepts(tokens.token().substring(1))).isFalse();
        assertThat(tokens.accepts("")).isFalse();
        assertThat(tokens.accepts(null)).isFalse();
        assertThat(tokens.toString()).doesNotContain(tokens.token());
    }
}
