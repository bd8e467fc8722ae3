package ai.sorot.desktop.settings;

import ai.sorot.desktop.connection.ApiFailure;
import ai.sorot.desktop.connection.Connection;
import ai.sorot.desktop.connection.ConnectionChoice;
import ai.sorot.desktop.connection.Endpoint;
import ai.sorot.desktop.connection.SorotApi;
import java.io.IOException;
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
import okhttp3.OkHttpClient;

/**
 * The settings form: local backend or deployed API (URL and token), how many analyses at once,
 * theme, notifications; a connection test; save. The token goes only to {@link TokenStore}.
 */
public final class SettingsViewModel {

    /** Outcome of the connection test, for the form to colour. */
    public record TestResult(boolean ok, String message) {}

    private final SettingsStore store;
    private final TokenStore tokens;
    private final ConnectionChoice choice;
    private final Connection connection;
    private final OkHttpClient http;
    private final Executor io;
    private final Executor ui;
    private final Consumer<Settings> onSaved;

    private final ObjectProperty<Settings.ConnectionMode> mode = new SimpleObjectProperty<>(this, "mode");
    private final StringProperty apiUrl = new SimpleStringProperty(this, "apiUrl", "");
    private final StringProperty token = new SimpleStringProperty(this, "token", "");
    private final ObjectProperty<Settings.Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final IntegerProperty maxConcurrent = new SimpleIntegerProperty(this, "maxConcurrent");
    private final BooleanProperty notifications = new SimpleBooleanProperty(this, "notifications");
    private final ReadOnlyObjectWrapper<TestResult> testResult = new ReadOnlyObjectWrapper<>(this, "testResult");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(this, "testing");
    private final ReadOnlyObjectWrapper<String> saveMessage = new ReadOnlyObjectWrapper<>(this, "saveMessage");
    private Settings current;

    public SettingsViewModel(SettingsStore store, TokenStore tokens, ConnectionChoice choice, Connection connection,
                             OkHttpClient http, Executor io, Executor ui, Consumer<Settings> onSaved) {
        this.store = store;
        this.tokens = tokens;
        this.choice = choice;
        this.connection = connection;
        this.http = http;
        this.io = io;
        this.ui = ui;
        this.onSaved = onSaved;
    }

    /** Fills the form from what is saved (UI thread). */
    public void load(Settings settings) {
        current = settings;
        mode.set(settings.connection());
        apiUrl.set(settings.apiUrl() == null ? "" : settings.apiUrl());
        token.set(tokens.load().orElse(""));
        theme.set(settings.theme());
        maxConcurrent.set(settings.maxConcurrent());
        notifications.set(settings.notifications());
        testResult.set(null);
        saveMessage.set(null);
    }

    Settings edited() {
        var url = apiUrl.get() == null || apiUrl.get().isBlank() ? null : apiUrl.get().strip();
        return new Settings(mode.get(), url, theme.get(), maxConcurrent.get(), notifications.get());
    }

    /** Checks the form's connection without saving it: the deployed URL and token, or the running local backend. */
    public void testConnection() {
        testing.set(true);
        testResult.set(null);
        var edited = edited();
        var typedToken = token.get();
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
                    api = new SorotApi(http, new Endpoint(ConnectionChoice.parse(url), typedToken == null || typedToken.isBlank()
                            ? null : typedToken.strip(), false));
                }
                var health = api.health();
                if (!api.endpoint().hasToken()) {
                    throw new IllegalArgumentException("The API answers (version " + health.version() + ") but no token is set.");
                }
                api.analyses(1, null);
                result = new TestResult(true, "Connected: " + health.mode() + " API, version " + health.version()
                        + (health.analysers() == null || !health.analysers().containsKey("coverage") ? ""
                        : ", coverage by " + health.analysers().get("coverage")) + ".");
            } catch (ApiFailure f) {
                result = new TestResult(false, f.isUnauthorized() ? "The API refused this token." : f.getMessage());
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

    /** Saves the form; returns false (with the reason in {@link #saveMessageProperty()}) when it is not valid. */
    public boolean save() {
        var edited = edited();
        if (edited.connection() == Settings.ConnectionMode.REMOTE && choice.environmentUrl().isEmpty()) {
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
        try {
            store.save(edited);
            var typed = token.get() == null ? "" : token.get().strip();
            if (!Objects.equals(Optional.of(typed).filter(t -> !t.isEmpty()), tokens.load())) {
                tokens.save(typed);
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

    public ObjectProperty<Settings.ConnectionMode> modeProperty() { return mode; }
    public StringProperty apiUrlProperty() { return apiUrl; }
    public StringProperty tokenProperty() { return token; }
    public ObjectProperty<Settings.Theme> themeProperty() { return theme; }
    public IntegerProperty maxConcurrentProperty() { return maxConcurrent; }
    public BooleanProperty notificationsProperty() { return notifications; }
    public ReadOnlyObjectProperty<TestResult> testResultProperty() { return testResult.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty testingProperty() { return testing.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<String> saveMessageProperty() { return saveMessage.getReadOnlyProperty(); }
    public String tokenFile() { return tokens.file().toString(); }
}
