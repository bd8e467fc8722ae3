package ai.sorot.desktop.settings;

import static ai.sorot.desktop.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.desktop.SorotDesktop;
import ai.sorot.desktop.connection.EmbeddedBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Settings page's local model: the URL, a model picked from the list the server gives, the
 * key kept like the API token; against a loopback server answering as Ollama does.
 */
@ExtendWith(ApplicationExtension.class)
class LocalModelSettingsTest {

    @TempDir
    static Path dir;

    private SorotDesktop app;
    private MockWebServer ollama;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private Path home;

    @Start
    void start(Stage stage) throws Exception {
        ollama = new MockWebServer();
        ollama.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                var path = request.getUrl().encodedPath();
                requests.add(request.getMethod() + " " + path + " "
                        + request.getHeaders().get("Authorization"));
                return switch (path) {
                    case "/v1/models" ->
                        json("{\"object\":\"list\",\"data\":[{\"id\":\"qwen3:14b\",\"object\":\"model\","
                                + "\"created\":1764000000,\"owned_by\":\"library\"},{\"id\":\"qwen3:8b\",\"object\":\"model\","
                                + "\"created\":1764000000,\"owned_by\":\"library\"}]}");
                    case "/api/show" ->
                        json("{\"parameters\":\"num_ctx                        32768\\ntemperature 0.6\"}");
                    default ->
                        new MockResponse.Builder()
                                .code(404)
                                .body("404 page not found")
                                .build();
                };
            }
        });
        ollama.start();
        home = Files.createTempDirectory(dir, "home");
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
    void stop() throws Exception {
        app.close();
        ollama.close();
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private String base() {
        return "http://127.0.0.1:" + ollama.getPort() + "/v1";
    }

    @Test
    void testingTheConnectionListsTheServersModelsAndSavingKeepsTheKeyInAnOwnerOnlyFile(FxRobot robot)
            throws Exception {
        robot.clickOn("#llm-url").write(base());
        robot.clickOn("#llm-key").write("sk-festival-key");
        robot.clickOn("#test-llm");
        waitUntil(
                10,
                "test result",
                () -> !robot.lookup("#llm-test-result")
                        .queryAs(Label.class)
                        .getText()
                        .isEmpty());
        assertThat(robot.lookup("#llm-test-result").queryAs(Label.class).getText())
                .isEqualTo("Connected: qwen3:14b via Ollama, on this computer; a 32,768-token window (the server).");
        @SuppressWarnings("unchecked")
        ComboBox<String> models = robot.lookup("#llm-model").queryAs(ComboBox.class);
        assertThat(models.getItems()).containsExactly("qwen3:14b", "qwen3:8b");
        assertThat(models.getValue()).isEqualTo("qwen3:14b");
        assertThat(requests).contains("GET /v1/models Bearer sk-festival-key", "POST /api/show Bearer sk-festival-key");
        assertThat(requests).noneMatch(r -> r.contains("/chat/completions")); // a test sends no script

        robot.clickOn("#save-settings");
        waitUntil(
                5,
                "saved",
                () -> "Saved."
                        .equals(robot.lookup("#save-message")
                                .queryAs(Label.class)
                                .getText()));
        var settings = Files.readString(home.resolve("desktop/settings.json"));
        assertThat(settings).contains(base()).contains("qwen3:14b").doesNotContain("sk-festival-key");
        var key = home.resolve("desktop/llm-key");
        assertThat(Files.readString(key)).isEqualTo("sk-festival-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        assertThat(app.settingsStore().load().hasLocalModel()).isTrue();
    }

    @Test
    void plainHttpToAnotherMachineIsNotSaved(FxRobot robot) throws Exception {
        robot.clickOn("#llm-url").write("http://192.0.2.10:11434/v1");
        robot.clickOn("#llm-model").write("qwen3:14b");
        robot.clickOn("#save-settings");
        waitUntil(
                5,
                "refused",
                () -> robot.lookup("#save-message").queryAs(Label.class).getText() != null);
        assertThat(robot.lookup("#save-message").queryAs(Label.class).getText())
                .contains("https")
                .contains("192.0.2.10");
        assertThat(app.settingsStore().load().hasLocalModel()).isFalse();
    }
}
