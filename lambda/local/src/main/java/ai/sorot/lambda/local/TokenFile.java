package ai.sorot.lambda.local;

import ai.sorot.lambda.api.ApiTokens;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The local API token: 256 random bits, created on first start and kept in {@code token} in the
 * Sorot home, readable by its owner only (mode 600), where the desktop app and the CLI read it.
 */
public final class TokenFile implements ApiTokens {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private final Path file;
    private final byte[] token;

    private TokenFile(Path file, String token) {
        this.file = file;
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the token, creating it first if there is none. */
    public static TokenFile loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            tighten(file);
            var token = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (token.length() < 32) {
                throw new SorotException(
                        ErrorCode.INTERNAL, "The token file " + file + " is damaged; delete it to make a new one.");
            }
            return new TokenFile(file, token);
        } catch (IOException e) {
            throw new SorotException(
                    ErrorCode.INTERNAL, "Cannot read or create the token file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var temp = file.resolveSibling(".token-" + System.nanoTime());
        try {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temp);
        }
        Files.writeString(temp, token + "\n", StandardCharsets.UTF_8);
        try {
            // a hard link never replaces: if another process made the token meanwhile, theirs wins
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            // keep theirs
        } catch (UnsupportedOperationException e) {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void tighten(Path file) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the user profile's ACLs protect it
        }
    }

    public Path file() {
        return file;
    }

    /** The token itself, for the embedding app and the CLI; never log it. */
    public String token() {
        return new String(token, StandardCharsets.UTF_8);
    }

    @Override
    public boolean accepts(String presented) {
        return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "TokenFile[" + file + "]";
    }
}
