package ai.sorot.desktop.settings;

import ai.sorot.desktop.connection.CertificatePrompt;
import ai.sorot.desktop.connection.ConnectionChoice;
import ai.sorot.desktop.home.Settings;
import ai.sorot.desktop.ui.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The settings page: where the API is, how much runs at once, how the app looks. */
public final class SettingsView extends ScrollPane {

    public SettingsView(SettingsViewModel model, Runnable close) {
        setId("settings-view");
        getStyleClass().add("detail-pane");
        setFitToWidth(true);

        var title = new Label("Settings");
        title.getStyleClass().add("page-title");

        // ---- connection
        var modes = new ToggleGroup();
        var local = new RadioButton("Local backend on this computer — offline analysers, no account needed");
        local.setId("mode-local");
        local.setToggleGroup(modes);
        local.setUserData(Settings.ConnectionMode.LOCAL);
        var remote = new RadioButton("Deployed Sorot API (AWS) — cloud models");
        remote.setId("mode-remote");
        remote.setToggleGroup(modes);
        remote.setUserData(Settings.ConnectionMode.REMOTE);
        model.modeProperty()
                .subscribe(mode -> modes.selectToggle(mode == Settings.ConnectionMode.REMOTE ? remote : local));
        modes.selectedToggleProperty().subscribe(t -> {
            if (t != null) {
                model.modeProperty().set((Settings.ConnectionMode) t.getUserData());
            }
        });

        var url = new TextField();
        url.setId("api-url");
        url.setPromptText("https://abc123.execute-api.eu-west-1.amazonaws.com");
        url.textProperty().bindBidirectional(model.apiUrlProperty());
        var token = new PasswordField();
        token.setId("api-token");
        token.setPromptText("API token");
        token.textProperty().bindBidirectional(model.tokenProperty());
        var remoteFields = new GridPane();
        remoteFields.getStyleClass().add("settings-grid");
        remoteFields.addRow(0, fieldLabel("API URL"), url);
        remoteFields.addRow(1, fieldLabel("Token"), token);
        GridPane.setHgrow(url, Priority.ALWAYS);
        GridPane.setHgrow(token, Priority.ALWAYS);
        if (model.hasMemberToken()) {
            var member = new PasswordField();
            member.setId("member-token");
            member.setPromptText("Committee member token (from the lead: sorot members add)");
            member.textProperty().bindBidirectional(model.memberTokenProperty());
            remoteFields.addRow(2, fieldLabel("Member token"), member);
            GridPane.setHgrow(member, Priority.ALWAYS);
        }
        if (model.environmentUrl().isEmpty()) {
            remoteFields.disableProperty().bind(remote.selectedProperty().not());
        }
        var tokenNote = muted("The token is kept only in " + model.tokenFile()
                + ", readable by you alone, and never written to a log.");

        var test = new Button("Test connection");
        test.setId("test-connection");
        test.setOnAction(e -> model.testConnection());
        test.disableProperty().bind(model.testingProperty());
        var testing = new ProgressIndicator();
        testing.setMaxSize(18, 18);
        testing.visibleProperty().bind(model.testingProperty());
        var testResult = new Label();
        testResult.setId("test-result");
        testResult.setWrapText(true);
        model.testResultProperty().subscribe(result -> {
            testResult.getStyleClass().removeAll("ok", "bad");
            testResult.getStyleClass().add("test-result");
            if (result == null) {
                testResult.setText("");
            } else {
                testResult.setText(result.message());
                testResult.getStyleClass().add(result.ok() ? "ok" : "bad");
            }
        });
        model.certificateQuestionProperty().subscribe(question -> {
            if (question != null) { // after this pulse: a dialog waits in its own loop
                javafx.application.Platform.runLater(() -> model.answerCertificate(
                        CertificatePrompt.ask(
                                        getScene() == null ? null : getScene().getWindow(), question)
                                ? question
                                : null));
            }
        });
        var testRow = new HBox(10, test, testing, testResult);
        testRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(testResult, Priority.ALWAYS);

        var connection = new VBox(10, local, remote, remoteFields, tokenNote, testRow);
        model.environmentUrl().ifPresent(forced -> {
            local.setDisable(true);
            remote.setDisable(true);
            url.setPromptText(forced);
            url.setDisable(true);
            var note = new Label("SOROT_API_URL is set, so the app uses " + forced + " whatever is chosen here"
                    + (System.getenv(ConnectionChoice.ENV_TOKEN) == null
                            ? "."
                            : ", with the token from SOROT_API_TOKEN."));
            note.setId("env-note");
            note.getStyleClass().add("badge");
            note.setWrapText(true);
            connection.getChildren().add(0, note);
        });

        var localModel = localModelCard(model);

        // ---- queue
        var concurrent = new Spinner<Integer>(
                Settings.MIN_CONCURRENT,
                Settings.MAX_CONCURRENT,
                model.maxConcurrentProperty().get());
        concurrent.setId("max-concurrent");
        concurrent.setEditable(false);
        concurrent
                .getValueFactory()
                .valueProperty()
                .addListener((o, was, now) -> model.maxConcurrentProperty().set(now));
        model.maxConcurrentProperty().subscribe(v -> {
            if (v.intValue() >= Settings.MIN_CONCURRENT
                    && !concurrent.getValue().equals(v.intValue())) {
                concurrent.getValueFactory().setValue(v.intValue());
            }
        });
        var queueRow = new HBox(10, new Label("Analyses running at once"), concurrent);
        queueRow.setAlignment(Pos.CENTER_LEFT);
        var notify = new CheckBox("Show a desktop notification when an analysis completes or fails");
        notify.setId("notifications");
        notify.selectedProperty().bindBidirectional(model.notificationsProperty());

        // ---- appearance
        var themes = new ToggleGroup();
        var light = new RadioButton("Light");
        light.setId("theme-light");
        light.setToggleGroup(themes);
        var dark = new RadioButton("Dark");
        dark.setId("theme-dark");
        dark.setToggleGroup(themes);
        model.themeProperty().subscribe(t -> themes.selectToggle(t == Settings.Theme.DARK ? dark : light));
        themes.selectedToggleProperty().subscribe(t -> {
            if (t != null) {
                model.themeProperty().set(t == dark ? Settings.Theme.DARK : Settings.Theme.LIGHT);
            }
        });
        var themeRow = new HBox(14, light, dark);

        var save = new Button("Save", Icons.of(Icons.CHECK, 13));
        save.setId("save-settings");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.setOnAction(e -> model.save());
        var back = new Button("Back to the queue", Icons.of(Icons.BACK, 13));
        back.setId("close-settings");
        back.setOnAction(e -> close.run());
        var saved = new Label();
        saved.setId("save-message");
        saved.textProperty().bind(model.saveMessageProperty());
        var buttons = new HBox(10, save, back, saved);
        buttons.setAlignment(Pos.CENTER_LEFT);

        // the model serves the local backend only: with a deployed API, the API's own analysers read
        var localModelCard = card("Local model", localModel);
        localModelCard.setId("local-model-card");
        if (model.environmentUrl().isPresent()) {
            localModelCard.setVisible(false);
        } else {
            localModelCard.visibleProperty().bind(model.modeProperty().isEqualTo(Settings.ConnectionMode.LOCAL));
        }
        localModelCard.managedProperty().bind(localModelCard.visibleProperty());
        var content = new VBox(
                18,
                title,
                card("Connection", connection),
                localModelCard,
                card("Queue", new VBox(10, queueRow, notify)),
                card("Appearance", themeRow),
                buttons);
        content.getStyleClass().add("page-content");
        content.setMaxWidth(900);
        setContent(content);
    }

    /** The local backend's model server: URL, a model from the server's list, a key, a test. */
    private static VBox localModelCard(SettingsViewModel model) {
        var url = new TextField();
        url.setId("llm-url");
        url.setPromptText("http://127.0.0.1:11434/v1 (Ollama)");
        url.textProperty().bindBidirectional(model.llmUrlProperty());
        var name = new ComboBox<String>(model.llmModels());
        name.setId("llm-model");
        name.setEditable(true);
        name.setPromptText("Test the connection to list the server's models");
        name.setMaxWidth(Double.MAX_VALUE);
        name.valueProperty().bindBidirectional(model.llmModelProperty());
        var key = new PasswordField();
        key.setId("llm-key");
        key.setPromptText("Key (only if the server asks for one)");
        key.textProperty().bindBidirectional(model.llmKeyProperty());
        var fields = new GridPane();
        fields.getStyleClass().add("settings-grid");
        fields.addRow(0, fieldLabel("Server URL"), url);
        fields.addRow(1, fieldLabel("Model"), name);
        fields.addRow(2, fieldLabel("Key"), key);
        GridPane.setHgrow(url, Priority.ALWAYS);
        GridPane.setHgrow(name, Priority.ALWAYS);
        GridPane.setHgrow(key, Priority.ALWAYS);
        var note = muted("A model served on this computer by Ollama, llama.cpp, LM Studio or vLLM writes the local "
                + "backend's coverage: the script never leaves the computer. Another machine must be reached over https. "
                + "The key is kept only in " + model.llmKeyFile() + ", readable by you alone. Leave the URL empty for "
                + "Sorot's own reading without a model.");
        var test = new Button("Test connection");
        test.setId("test-llm");
        test.setOnAction(e -> model.testLocalModel());
        test.disableProperty().bind(model.llmTestingProperty());
        var testing = new ProgressIndicator();
        testing.setMaxSize(18, 18);
        testing.visibleProperty().bind(model.llmTestingProperty());
        var result = new Label();
        result.setId("llm-test-result");
        result.setWrapText(true);
        model.llmTestResultProperty().subscribe(outcome -> {
            result.getStyleClass().removeAll("ok", "bad");
            result.getStyleClass().add("test-result");
            if (outcome == null) {
                result.setText("");
            } else {
                result.setText(outcome.message());
                result.getStyleClass().add(outcome.ok() ? "ok" : "bad");
            }
        });
        var row = new HBox(10, test, testing, result);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(result, Priority.ALWAYS);
        return new VBox(10, fields, note, row);
    }

    private static VBox card(String title, javafx.scene.Node body) {
        var heading = new Label(title);
        heading.getStyleClass().add("section-title");
        var box = new VBox(10, heading, body);
        box.getStyleClass().add("card-box");
        return box;
    }

    private static Label fieldLabel(String text) {
        var label = new Label(text);
        label.getStyleClass().add("field-label");
        return label;
    }

    private static Label muted(String text) {
        var label = new Label(text);
        label.getStyleClass().add("muted");
        label.setWrapText(true);
        return label;
    }
}
