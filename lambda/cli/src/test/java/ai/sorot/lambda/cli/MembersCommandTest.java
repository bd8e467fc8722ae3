package ai.sorot.lambda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.local.LocalBackend;
import ai.sorot.lambda.local.LocalServer;
import ai.sorot.lambda.local.SorotHome;
import ai.sorot.lambda.support.ApiClient;
import ai.sorot.model.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sorot members add|list|revoke} on a Sorot home's committee, and the server honouring it. */
class MembersCommandTest {

    @TempDir
    Path home;

    private record Run(int status, String out, String err) {}

    private Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var cli = SorotCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void aMemberAddedOnTheCommandLineIsServedAndARevokedOneIsRefused() throws Exception {
        var added = run("members", "add", "Ada Reader", "--role", "reader", "--json", "--home", home.toString());
        assertThat(added.status()).as(added.err()).isZero();
        var created = Json.mapper().readTree(added.out());
        var token = created.path("token").asText();
        var memberId = created.path("memberId").asText();
        assertThat(token).startsWith("sorot-member-");

        var list = run("members", "list", "--home", home.toString());
        assertThat(list.out())
                .contains(memberId)
                .contains("reader")
                .contains("active")
                .contains("Ada Reader")
                .doesNotContain(token);

        var options = LocalServer.Options.defaults(new SorotHome(home))
                .withPort(0)
                .withBackend(LocalBackend.Options.defaults(new SorotHome(home)).withWorkers(0));
        try (var server = LocalServer.start(options)) {
            var reader = new ApiClient(server.url(), token);
            assertThat(reader.get("/analyses").statusCode()).isEqualTo(200);
            assertThat(reader.post("/members", "{\"name\":\"Eve\",\"role\":\"lead\"}")
                            .statusCode())
                    .isEqualTo(403);

            // revoked while the server runs: refused from the next request on
            var revoked = run("members", "revoke", memberId, "--home", home.toString());
            assertThat(revoked.status()).as(revoked.err()).isZero();
            assertThat(revoked.out()).contains("Revoked " + memberId);
            assertThat(reader.get("/analyses").statusCode()).isEqualTo(401);
        }
        assertThat(run("members", "list", "--home", home.toString()).out()).contains("revoked");
    }

    @Test
    void badInputIsAStableCodeAndExitTwo() {
        var unknown = run("members", "revoke", "member-nobody", "--home", home.toString());
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("NOT_FOUND");
        var badRole = run("members", "add", "Eve", "--role", "boss", "--home", home.toString());
        assertThat(badRole.status()).isEqualTo(2);
        assertThat(run("members", "list", "--home", home.toString()).out()).contains("No members yet");
    }
}
