package ai.sorot.desktop.intake;

import ai.sorot.lambda.screenplay.ScriptFormat;
import java.nio.file.Path;

/** What pre-flight decided about one file. */
public sealed interface PreflightResult {

    Path file();

    String fileName();

    /**
     * A readable screenplay.
     *
     * @param pagesEstimated true for Fountain, whose pages exist only once printed
     * @param sha256         the content hash: the same file dropped twice is recognised
     * @param thumbnailPng   the first page, 160 px wide; null for Fountain or an undrawable page
     */
    record Accepted(
            Path file,
            String fileName,
            ScriptFormat format,
            String title,
            int pages,
            boolean pagesEstimated,
            long sizeBytes,
            String sha256,
            byte[] thumbnailPng)
            implements PreflightResult {}

    /** Not sent: {@code code} is one of the API's error codes, {@code reason} a sentence for the curator. */
    record Refused(Path file, String fileName, String code, String reason) implements PreflightResult {}
}
