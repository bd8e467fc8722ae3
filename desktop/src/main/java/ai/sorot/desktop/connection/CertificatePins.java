package ai.sorot.desktop.connection;

import ai.sorot.desktop.home.DesktopHome;
import ai.sorot.model.Json;
import ai.sorot.model.api.CertificateFingerprint;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The server certificates the curator accepted, by SHA-256 fingerprint, one per server
 * ({@code host:port}), in {@code desktop/certificate-pins.json} (owner-only: it decides whom the
 * token is sent to). A pinned server is trusted with that certificate only, whatever else it
 * presents later. Read from the file on each look-up, so a pin saved in Settings holds at once.
 */
public final class CertificatePins {

    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};

    private final DesktopHome home;
    private final Path file;

    public CertificatePins(DesktopHome home) {
        this.home = home;
        this.file = home.resolve("certificate-pins.json");
    }

    /** The fingerprint accepted for {@code host:port}, if any. */
    public Optional<String> pinFor(String host, int port) {
        return Optional.ofNullable(load().get(key(host, port)));
    }

    /** Trusts {@code fingerprint} for {@code host:port} from now on, replacing an earlier pin. */
    public synchronized void pin(String host, int port, String fingerprint) {
        var canonical = CertificateFingerprint.normalize(fingerprint);
        if (canonical == null) {
            throw new IllegalArgumentException("Not a SHA-256 fingerprint: " + fingerprint);
        }
        var pins = load();
        pins.put(key(host, port), canonical);
        save(pins);
    }

    /** Forgets the pin for {@code host:port} (the owner changed the certificate, and said so). */
    public synchronized void forget(String host, int port) {
        var pins = load();
        if (pins.remove(key(host, port)) != null) {
            save(pins);
        }
    }

    public Path file() {
        return file;
    }

    private TreeMap<String, String> load() {
        if (!Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        try {
            return Json.mapper().readValue(file.toFile(), MAP);
        } catch (IOException e) {
            // an unreadable file trusts nothing new: every pinned server asks again, none is let through unchecked
            System.err.println("sorot: " + file + " is unreadable (" + e.getMessage() + "); no certificate is pinned");
            return new TreeMap<>();
        }
    }

    private void save(Map<String, String> pins) {
        try {
            home.writePrivate(
                    file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(pins));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot keep the accepted certificate in " + file + ": " + e.getMessage(), e);
        }
    }

    private static String key(String host, int port) {
        var name = host.toLowerCase(Locale.ROOT);
        return (name.contains(":") && !name.startsWith("[") ? "[" + name + "]" : name) + ":" + port;
    }
}
