package ai.sorot.desktop.settings;

import ai.sorot.desktop.connection.ApiFailure;
import ai.sorot.desktop.connection.Connection;
import ai.sorot.desktop.connection.ConnectionChoice;
import ai.sorot.desktop.connection.Endpoint;
import ai.sorot.desktop.connection.PinnedTrust;
import ai.sorot.desktop.connection.SorotApi;
import ai.sorot.desktop.connection.UntrustedCertificate;
import ai.sorot.desktop.home.Settings;
import ai.sorot.desktop.home.SettingsStore;
import ai.sorot.desktop.home.TokenStore;
import ai.sorot.lambda.localmodel.LocalModelSettings;
import ai.sorot.lambda.localmodel.ModelServer;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.Provenance;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import okhttp3.OkHttpClient;

/**
 * The settings form: local backend or deployed API (URL and token), the local backend's model
 * server (URL, model picked from the server's list, key), how many analyses at once, theme,
 * notifications; connection tests; save. The token and the key go only to their {@link TokenStore}s.
 */
public final class SettingsViewModel {

    /** Outcome of the connection test, for the form to colour. */
    public record TestResult(boolean ok, String message) {}

    private final SettingsStore store;
    private final TokenStore tokens;
    private final TokenStore llmKeys;
    private final ConnectionChoice choice;
    private final Connection connection;
    private final OkHttpClient http;
    private final Executor io;
    private final Executor ui;
    private final Consumer<Settings> onSaved;

    private final ObjectProperty<Settings.ConnectionMode> mode = new SimpleObjectProperty<>(this, "mode");
    private final StringProperty apiUrl = new SimpleStringProperty(this, "apiUrl", "");
    private final StringProperty token = new SimpleStringProperty(this, "token", "");
    private final StringProperty memberToken = new SimpleStringProperty(this, "memberToken", "");
    private TokenStore memberTokens;
    private final ObjectProperty<Settings.Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final IntegerProperty maxConcurrent = new SimpleIntegerProperty(this, "maxConcurrent");
    private final BooleanProperty notifications = new SimpleBooleanProperty(this, "notifications");
    private final ReadOnlyObjectWrapper<TestResult> testResult = new ReadOnlyObjectWrapper<>(this, "testResult");
    /** A server certificate met in a test, for the curator to compare and trust (CertificatePrompt). */
    private final ReadOnlyObjectWrapper<UntrustedCertificate> certificateQuestion =
            new ReadOnlyObjectWrapper<>(this, "certificateQuestion");

    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(this, "testing");
    private final ReadOnlyObjectWrapper<String> saveMessage = new ReadOnlyObjectWrapper<>(this, "saveMessage");
    private final StringProperty llmUrl = new SimpleStringProperty(this, "llmUrl", "");
    private final StringProperty llmModel = new SimpleStringProperty(this, "llmModel", "");
    private final StringProperty llmKey = new SimpleStringProperty(this, "llmKey", "");
    private final ObservableList<String> llmModels = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TestResult> llmTestResult = new ReadOnlyObjectWrapper<>(this, "llmTestResult");
    private final ReadOnlyBooleanWrapper llmTesting = new ReadOnlyBooleanWrapper(this, "llmTesting");
    private Settings current;

    public SettingsViewModel(
            SettingsStore store,
            TokenStore tokens,
            TokenStore llmKeys,
            ConnectionChoice choice,
            Connection connection,
            OkHttpClient http,
            Executor io,
            Executor ui,
            Consumer<Settings> onSaved) {
        this.store = store;
        this.tokens = tokens;
        this.llmKeys = llmKeys;
        this.choice = choice;
        this.connection = connection;
        this.http = http;
        this.io = io;
        this.ui = ui;
        this.onSaved = onSaved;
    }

    /** Where the committee member's token is kept (the form shows its field only when set). */
    public SettingsViewModel withMemberTokens(TokenStore store) {
        memberTokens = store;
        return this;
    }

    /** Fills the form from what is saved (UI thread). */
    public void load(Settings settings) {
        current = settings;
        mode.set(settings.connection());
        apiUrl.set(settings.apiUrl() == null ? "" : settings.apiUrl());
        token.set(tokens.load().orElse(""));
        memberToken.set(memberTokens == null ? "" : memberTokens.load().orElse(""));
        theme.set(settings.theme());
        maxConcurrent.set(settings.maxConcurrent());
        notifications.set(settings.notifications());
        llmUrl.set(settings.llmUrl() == null ? "" : settings.llmUrl());
        llmModel.set(settings.llmModel() == null ? "" : settings.llmModel());
        llmKey.set(llmKeys.load().orElse(""));
        if (settings.llmModel() != null && !llmModels.contains(settings.llmModel())) {
            llmModels.setAll(settings.llmModel());
        }
        testResult.set(null);
        llmTestResult.set(null);
        saveMessage.set(null);
    }

    Settings edited() {
        var url = apiUrl.get() == null || apiUrl.get().isBlank()
                ? null
                : apiUrl.get().strip();
        return new Settings(
                mode.get(), url, theme.get(), maxConcurrent.get(), notifications.get(), llmUrl.get(), llmModel.get());
    }

    /**
     * Asks the model server at the form's URL for its models (filling the list, and the model
     * when none is chosen) and, with a model, which server it is and the window the model runs
     * with. Nothing is saved and no script is sent.
     */
    public void testLocalModel() {
        llmTesting.set(true);
        llmTestResult.set(null);
        var url = llmUrl.get() == null ? "" : llmUrl.get().strip();
        var model = llmModel.get() == null ? "" : llmModel.get().strip();
        var key = llmKey.get();
        io.execute(() -> {
            TestResult result;
            List<String> models = List.of();
            String picked = model;
            try {
                if (url.isEmpty()) {
                    throw new IllegalArgumentException(
                            "Enter the model server's URL first, e.g. http://127.0.0.1:11434/v1 for Ollama.");
                }
                var listing = new ModelServer(localModel(url, model.isEmpty() ? "(any)" : model, key));
                models = listing.models();
                if (picked.isEmpty() && !models.isEmpty()) {
                    picked = models.getFirst();
                }
                if (picked.isEmpty()) {
                    throw new IllegalArgumentException(
                            "The server at " + url + " lists no models; install one (ollama pull qwen3:8b).");
                }
                var settings = localModel(url, picked, key);
                var identity = new ModelServer(settings).identify();
                var who = Provenance.localModel(picked, identity.server(), settings.hostLabel(), settings.loopback());
                result = new TestResult(
                        true,
                        String.format(
                                Locale.ROOT,
                                "Connected: %s; a %,d-token window (%s).",
                                who.label(),
                                identity.contextTokens(),
                                identity.contextSource()));
            } catch (SorotException | IllegalArgumentException e) {
                result = new TestResult(false, e.getMessage());
            }
            var outcome = result;
            var listed = models;
            var chosen = picked;
            ui.execute(() -> {
                if (!listed.isEmpty()) {
                    llmModels.setAll(listed);
                }
                if (!chosen.isEmpty()) {
                    llmModel.set(chosen);
                }
                llmTesting.set(false);
                llmTestResult.set(outcome);
            });
        });
    }

    /** The form's model server as the backend's settings; they refuse plain http beyond loopback. */
    static LocalModelSettings localModel(String url, String model, String key) {
        try {
            return new LocalModelSettings(new URI(url.strip()), model, key);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("\"" + url + "\" is not a URL.");
        }
    }

    /** Checks the form's connection without saving it: the deployed URL and token, or the running local backend. */
    public void testConnection() {
        testing.set(true);
        testResult.set(null);
        var edited = edited();
        // a committee member without an API token of their own calls the API with the member token
        var typedToken = token.get() == null || token.get().isBlank() ? memberToken.get() : token.get();
        boolean local = choice.environmentUrl().isEmpty() && edited.connection() == Settings.ConnectionMode.LOCAL;
        io.execute(() -> {
            TestResult result;
            try {
                SorotApi api;
                if (local) {
                    api = connection.api();
                    if (api == null || !connection.source().local()) {
                        throw new IllegalStateException("The local backend is not running yet; save to start it.");
                    }
                } else {
                    var url = choice.environmentUrl().orElse(edited.apiUrl());
                    if (url == null) {
                        throw new IllegalArgumentException("Enter the API URL first.");
                    }
                    api = new SorotApi(
                            http,
                            new Endpoint(
                                    ConnectionChoice.parse(url),
                                    typedToken == null || typedToken.isBlank() ? null : typedToken.strip(),
                                    false));
                }
                var health = api.health();
                if (!api.endpoint().hasToken()) {
                    throw new IllegalArgumentException(
                            "The API answers (version " + health.version() + ") but no token is set.");
                }
                api.analyses(1, null);
                result = new TestResult(
                        true,
                        "Connected: " + health.mode() + " API, version " + health.version()
                                + (health.analysers() == null
                                                || !health.analysers().containsKey("coverage")
                                        ? ""
                                        : ", coverage by " + health.analysers().get("coverage"))
                                + ".");
            } catch (ApiFailure f) {
                result = new TestResult(false, f.isUnauthorized() ? "The API refused this token." : f.getMessage());
                f.untrustedCertificate()
                        .filter(c -> c.kind() == UntrustedCertificate.Kind.UNKNOWN)
                        .ifPresent(c -> ui.execute(() -> certificateQuestion.set(c)));
            } catch (RuntimeException e) {
                result = new TestResult(false, e.getMessage());
            }
            var outcome = result;
            ui.execute(() -> {
                testing.set(false);
                testResult.set(outcome);
            });
        });
    }

    /**
     * The curator compared the fingerprint and trusts the certificate: pinned for its server from
     * now on, the app reconnects, and the test runs again. Null: they did not.
     */
    public void answerCertificate(UntrustedCertificate trusted) {
        certificateQuestion.set(null);
        if (trusted == null) {
            return;
        }
        var pins = PinnedTrust.of(http).map(PinnedTrust::pins);
        if (pins.isEmpty()) {
            testResult.set(new TestResult(false, "This app's connection cannot keep an accepted certificate."));
            return;
        }
        pins.get().pin(trusted.host(), trusted.port(), trusted.fingerprint());
        connection.retryNow();
        testConnection();
    }

    public ReadOnlyObjectProperty<UntrustedCertificate> certificateQuestionProperty() {
        return certificateQuestion.getReadOnlyProperty();
    }

    /** Saves the form; returns false (with the reason in {@link #saveMessageProperty()}) when it is not valid. */
    public boolean save() {
        var edited = edited();
        if (edited.connection() == Settings.ConnectionMode.REMOTE
                && choice.environmentUrl().isEmpty()) {
            if (edited.apiUrl() == null) {
                saveMessage.set("Enter the deployed API's URL, or choose the local backend.");
                return false;
            }
            try {
                ConnectionChoice.parse(edited.apiUrl());
            } catch (IllegalArgumentException e) {
                saveMessage.set(e.getMessage());
                return false;
            }
        }
        if (edited.llmUrl() != null || edited.llmModel() != null) {
            try {
                if (edited.llmUrl() == null) {
                    throw new IllegalArgumentException("Enter the model server's URL, or clear the model.");
                }
                localModel(edited.llmUrl(), edited.llmModel(), null);
            } catch (SorotException | IllegalArgumentException e) {
                saveMessage.set(e.getMessage());
                return false;
            }
        }
        try {
            store.save(edited);
            var typed = token.get() == null ? "" : token.get().strip();
            if (!Objects.equals(Optional.of(typed).filter(t -> !t.isEmpty()), tokens.load())) {
                tokens.save(typed);
            }
            var typedMember = memberToken.get() == null ? "" : memberToken.get().strip();
            if (memberTokens != null
                    && !Objects.equals(Optional.of(typedMember).filter(t -> !t.isEmpty()), memberTokens.load())) {
                memberTokens.save(typedMember);
            }
            var typedKey = llmKey.get() == null ? "" : llmKey.get().strip();
            if (!Objects.equals(Optional.of(typedKey).filter(t -> !t.isEmpty()), llmKeys.load())) {
                llmKeys.save(typedKey);
            }
        } catch (IOException e) {
            saveMessage.set("Cannot save the settings: " + e.getMessage());
            return false;
        }
        current = edited;
        saveMessage.set("Saved.");
        onSaved.accept(edited);
        return true;
    }

    public Settings current() {
        return current;
    }

    public Optional<String> environmentUrl() {
        return choice.environmentUrl();
    }

    public ObjectProperty<Settings.ConnectionMode> modeProperty() {
        return mode;
    }

    public StringProperty apiUrlProperty() {
        return apiUrl;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public StringProperty memberTokenProperty() {
        return memberToken;
    }

    public boolean hasMemberToken() {
        return memberTokens != null;
    }

    public ObjectProperty<Settings.Theme> themeProperty() {
        return theme;
    }

    public IntegerProperty maxConcurrentProperty() {
        return maxConcurrent;
    }

    public BooleanProperty notificationsProperty() {
        return notifications;
    }

    public ReadOnlyObjectProperty<TestResult> testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> saveMessageProperty() {
        return saveMessage.getReadOnlyProperty();
    }

    public String tokenFile() {
        return tokens.file().toString();
    }

    public StringProperty llmUrlProperty() {
        return llmUrl;
    }

    public StringProperty llmModelProperty() {
        return llmModel;
    }

    public StringProperty llmKeyProperty() {
        return llmKey;
    }

    public ObservableList<String> llmModels() {
        return llmModels;
    }

    public ReadOnlyObjectProperty<TestResult> llmTestResultProperty() {
        return llmTestResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty llmTestingProperty() {
        return llmTesting.getReadOnlyProperty();
    }

    public String llmKeyFile() {
        return llmKeys.file().toString();
    }
}
