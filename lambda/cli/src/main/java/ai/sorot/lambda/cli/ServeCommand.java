package ai.sorot.lambda.cli;

import ai.sorot.lambda.local.LocalBackend;
import ai.sorot.lambda.local.LocalServer;
import ai.sorot.lambda.local.SorotHome;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./sorot serve}: the local API, until Ctrl+C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run the Sorot API on this machine with the offline analysers (no cloud account needed).")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    int port;

    @Option(
            names = "--port",
            defaultValue = "8787",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    void port(int value) {
        if (value < 0 || value > 65_535) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Invalid value for option '--port': " + value + " (a port is 0 to 65535; 0 picks a free one)");
        }
        port = value;
    }

    @Option(
            names = {"--bind", "--host"},
            defaultValue = "127.0.0.1",
            description =
                    "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Any other (0.0.0.0, a LAN "
                            + "address) is served over HTTPS only.")
    String host;

    @Option(
            names = "--tls-cert",
            paramLabel = "cert.pem",
            description = "The festival's certificate chain (PEM, the server's first); with --tls-key.")
    Path tlsCert;

    @Option(
            names = "--tls-key",
            paramLabel = "key.pem",
            description = "Its private key (PEM, unencrypted PKCS#8 or RSA).")
    Path tlsKey;

    @Option(
            names = "--tls-keystore",
            paramLabel = "server.p12",
            description = "The certificate and key as a PKCS#12 keystore instead; its password in SOROT_TLS_PASSWORD.")
    Path tlsKeystore;

    @Option(names = "--tls", description = "Speak HTTPS on loopback too (beyond loopback it always does).")
    boolean tlsOnLoopback;

    @Option(names = "--no-tls", description = "Plain HTTP: refused (TLS_REQUIRED) unless the address is loopback.")
    boolean noTls;

    @Option(names = "--workers", description = "Analyses run at the same time (default: the number of cores, up to 4).")
    Integer workers;

    @Override
    public Integer call() throws InterruptedException {
        var home = SorotHome.fromEnvironment();
        var backendOptions = WorkstationAnalysts.chosenFor(LocalBackend.Options.defaults(home));
        if (workers != null) {
            backendOptions = backendOptions.withWorkers(Math.max(1, workers));
        }
        var tls = new ServeTls(tlsCert, tlsKey, tlsKeystore, tlsOnLoopback, noTls, System.getenv("SOROT_TLS_PASSWORD"))
                .certificate(host, home);
        var server = LocalServer.start(new LocalServer.Options(host, port, backendOptions, tls));
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.stop();
                            stopped.countDown();
                        },
                        "sorot-shutdown"));
        System.out.println("Sorot API listening on " + server.url());
        System.out.println("  token:  " + server.tokenFile() + "  (send 'Authorization: Bearer <token>')");
        System.out.println("  home:   " + server.home().root());
        if (tls != null) {
            // the line members compare with what their desktop shows on first connect
            System.out.println("Fingerprint: " + tls.fingerprint());
            System.out.println("  certificate: "
                    + (tls.generated()
                            ? "made by Sorot, kept in " + home.tls() + " (hand the fingerprint above to the members)"
                            : tls.source()));
            ServeTls.memberUrls(server.url()).forEach(u -> System.out.println("  members connect to: " + u));
        }
        var analysers = server.backend().backend().analysers().get();
        System.out.println("  coverage: " + analysers.get("coverage") + "; trailer: " + analysers.get("trailer")
                + "; voice: " + analysers.get("narrator"));
        System.out.println("  try:    curl "
                + (tls != null && tls.generated() ? "--cacert " + home.tls().resolve("server-cert.pem") + " " : "")
                + ServeTls.onThisComputer(server.url()) + "/health");
        System.out.println("Press Ctrl+C to stop.");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
