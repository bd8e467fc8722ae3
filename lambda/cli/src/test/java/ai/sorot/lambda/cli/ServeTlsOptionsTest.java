package ai.sorot.lambda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** {@code ./sorot serve}'s TLS options through the real command line: what is refused, and how. */
class ServeTlsOptionsTest {

    private record Run(int status, String output) {}

    private static Run run(String... args) {
        var out = new StringWriter();
        var cli = SorotCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int status = cli.execute(args);
        return new Run(status, out.toString());
    }

    @Test
    void plainHttpOnANetworkAddressIsRefusedWithTlsRequired() {
        var refused = run("serve", "--bind", "0.0.0.0", "--port", "0", "--no-tls");
        assertThat(refused.status()).as(refused.output()).isEqualTo(2);
        assertThat(refused.output())
                .contains("TLS_REQUIRED")
                .contains("in clear")
                .doesNotContain("unexpected")
                .doesNotContain("listening");
    }

    @Test
    void aCertificateWithoutItsKeyIsRefusedBeforeAnythingStarts() {
        var refused = run("serve", "--bind", "0.0.0.0", "--port", "0", "--tls-cert", "cert.pem");
        assertThat(refused.status()).as(refused.output()).isEqualTo(2);
        assertThat(refused.output())
                .contains("INVALID_PARAMETER")
                .contains("--tls-key")
                .doesNotContain("listening");
    }

    @Test
    void aWildcardBindListsAddressesMembersCanReachNeverTheWildcard() {
        var urls = ServeTls.memberUrls(URI.create("https://0.0.0.0:8787"));
        assertThat(urls).isNotEmpty().allSatisfy(u -> assertThat(u.getPort()).isEqualTo(8787));
        assertThat(ServeTls.memberUrls(URI.create("https://192.0.2.7:8787")))
                .containsExactly(URI.create("https://192.0.2.7:8787"));
        assertThat(ServeTls.onThisComputer(URI.create("https://[0:0:0:0:0:0:0:0]:8787")))
                .isEqualTo(URI.create("https://127.0.0.1:8787"));
        assertThat(ServeTls.isLoopback("127.0.0.1")).isTrue();
        assertThat(ServeTls.isLoopback("localhost")).isTrue();
        assertThat(ServeTls.isLoopback("0.0.0.0")).isFalse();
    }
}
