package ai.sorot.desktop.settings;

import static ai.sorot.desktop.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.desktop.SorotDesktop;
import ai.sorot.desktop.connection.CertificatePins;
import ai.sorot.desktop.connection.EmbeddedBackend;
import ai.sorot.lambda.local.LocalServer;
import ai.sorot.lambda.local.ServerCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A curator connects Settings to a committee's office server speaking HTTPS with a certificate
 * Sorot made: the test meets an unknown certificate, the dialog shows its fingerprint, refuses a
 * mismatching one from the owner, and once trusted the certificate is pinned and the test passes.
 * A real HTTPS local server on loopback.
 */
@ExtendWith(ApplicationExtension.class)
class CommitteeCertificateSettingsTest {

    @TempDir
    static Path dir;

    static LocalServer server;
    static ServerCertificate certificate;
    private SorotDesktop app;
    private Path home;

    @BeforeAll
    static void startServer() {
        var serverHome = new ai.sorot.lambda.local.SorotHome(dir.resolve("server"));
        certificate = ServerCertificate.selfSigned(serverHome.ensureExists().tls());
        server = LocalServer.start(
                LocalServer.Options.defaults(serverHome).withPort(0).withTls(certificate));
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory(dir, "desktop");
        app = new SorotDesktop(
                new SorotDesktop.Options(Map.of("SOROT_HOME", home.toString()), EmbeddedBackend::new, false));
        var model = new SettingsViewModel(
                app.settingsStore(),
                app.tokens(),
                app.llmKeys(),
                app.choice(),
                app.connection(),
                app.http(),
                app.io(),
                javafx.application.Platform::runLater,
                saved -> {});
        model.load(app.settingsStore().load());
        stage.setScene(new Scene(new SettingsView(model, () -> {}), 1100, 900));
        stage.show();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void anUnknownCertificateIsComparedTrustedAndPinnedThenTheTestPasses(FxRobot robot) throws Exception {
        robot.clickOn("#mode-remote");
        robot.clickOn("#api-url").write(server.url().toString());
        robot.interact(() -> robot.lookup("#api-token").queryAs(TextField.class).setText(server.token()));
        robot.clickOn("#test-connection");

        waitUntil(
                20,
                "the certificate question",
                () -> robot.lookup("#certificate-fingerprint").tryQuery().isPresent());
        assertThat(robot.lookup("#certificate-fingerprint")
                        .queryAs(TextField.class)
                        .getText())
                .isEqualTo(certificate.fingerprint());
        var owners = robot.lookup("#owner-fingerprint").queryAs(TextField.class);
        Node trust = robot.lookup("#trust-certificate").query();

        var wrong = ServerCertificate.selfSigned(dir.resolve("impostor")).fingerprint();
        robot.interact(() -> owners.setText(wrong));
        assertThat(trust.isDisabled()).isTrue();
        assertThat(robot.lookup("#fingerprint-verdict").queryAs(Label.class).getText())
                .contains("differ");

        robot.interact(
                () -> owners.setText(certificate.fingerprint().toLowerCase().replace(":", " ")));
        assertThat(trust.isDisabled()).isFalse();
        assertThat(robot.lookup("#fingerprint-verdict").queryAs(Label.class).getText())
                .contains("match");
        robot.clickOn(trust);

        waitUntil(
                20,
                "the test passing",
                () -> robot.lookup("#test-result")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("Connected"));
        assertThat(new CertificatePins(app.home())
                        .pinFor("127.0.0.1", server.url().getPort()))
                .contains(certificate.fingerprint());
    }

    @Test
    void declinedTheCertificateIsNotPinnedAndTheTestStaysFailed(FxRobot robot) throws Exception {
        robot.clickOn("#mode-remote");
        robot.clickOn("#api-url").write(server.url().toString());
        robot.clickOn("#test-connection");
        waitUntil(
                20,
                "the certificate question",
                () -> robot.lookup("#certificate-fingerprint").tryQuery().isPresent());
        robot.clickOn("Cancel");

        waitUntil(
                10,
                "the dialog closed",
                () -> robot.lookup("#certificate-fingerprint").tryQuery().isEmpty());
        assertThat(robot.lookup("#test-result").queryAs(Label.class).getText()).contains(certificate.fingerprint());
        assertThat(new CertificatePins(app.home())
                        .pinFor("127.0.0.1", server.url().getPort()))
                .isEmpty();
    }
}
