package ai.sorot.desktop.committee;

import ai.sorot.desktop.connection.Endpoint;
import ai.sorot.desktop.home.DesktopHome;
import ai.sorot.desktop.report.AnalysisArchive;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The committee feature's services for one desktop: which API and token it acts with, and the sync
 * state for that member. The state lives in {@code desktop/committee-<id>.db}, one file per member
 * token (named by a hash of it, never the token), so a second member on the same computer does not
 * inherit the first one's outbox.
 */
public final class CommitteeDesk implements AutoCloseable {

    private final DesktopHome home;
    private final AnalysisArchive archive;
    private final Supplier<OkHttpClient> http;
    private final Supplier<Endpoint> endpoint;
    private final Supplier<Optional<String>> memberToken;
    private String openKey;
    private CommitteeSync sync;

    /**
     * @param http the app's single client ({@code SorotDesktop::http}), asked for on the first call:
     *     its pinned trust reaches an office server with a self-signed certificate
     * @param endpoint the connected API, or null while offline
     * @param memberToken the member token from Settings; without one, the API's own token (an owner, who is a lead)
     */
    public CommitteeDesk(
            DesktopHome home,
            AnalysisArchive archive,
            Supplier<OkHttpClient> http,
            Supplier<Endpoint> endpoint,
            Supplier<Optional<String>> memberToken) {
        this.home = home;
        this.archive = archive;
        this.http = http;
        this.endpoint = endpoint;
        this.memberToken = memberToken;
    }

    /** The client to call the committee with, or empty while offline. */
    public Optional<CommitteeClient> client() {
        var at = endpoint.get();
        if (at == null) {
            return Optional.empty();
        }
        var token = memberToken.get().filter(t -> !t.isBlank()).orElse(at.token());
        return Optional.of(new CommitteeClient(http.get(), at.baseUrl(), token));
    }

    /** The sync for the member the token names, opening their state on first use. */
    public synchronized CommitteeSync sync() {
        var key = keyOf(memberToken.get().filter(t -> !t.isBlank()).orElse("owner"));
        if (!key.equals(openKey)) {
            if (sync != null) {
                sync.store().close();
            }
            sync = new CommitteeSync(CommitteeStore.open(home.resolve("committee-" + key + ".db")), archive);
            openKey = key;
        }
        return sync;
    }

    /**
     * The committee's reviews of {@code analysisId} in one line, as last synced, for review mode to
     * show beside the curator's own rating; "" for a curator without a member token (no committee).
     * The server's blind rule already applies to what was pulled. Blocking.
     */
    public String summaryFor(String analysisId, boolean ownExists) {
        if (memberToken.get().filter(t -> !t.isBlank()).isEmpty()) {
            return "";
        }
        var text =
                CommitteeSummary.describe(sync().store().reviews("", analysisId).orElse(null), ownExists);
        return Character.isDigit(text.charAt(0)) ? "Committee: " + text : text; // "3 reviews · …" needs saying whose
    }

    public AnalysisArchive archive() {
        return archive;
    }

    private static String keyOf(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (sync != null) {
            sync.store().close();
            sync = null;
            openKey = null;
        }
    }
}
