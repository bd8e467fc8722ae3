package ai.sorot.lambda.library;

import ai.sorot.lambda.files.DiskFull;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@link Library}'s exports (CSV, PDF, session bundle) and the bundle import, with their
 * errors turned into the codes the curator sees: a full disk is {@link ErrorCode#DISK_FULL}, a
 * bundle that cannot be read is {@link ErrorCode#UNSUPPORTED_FORMAT}.
 */
final class LibraryExports {

    private final Library library;

    LibraryExports(Library library) {
        this.library = library;
    }

    void csv(Long sessionId, Path out) {
        export(() -> SessionCsv.write(library, sessionId, out));
    }

    void sessionPdf(long sessionId, Path out) {
        export(() -> LibraryPdf.writeSession(library, sessionId, out));
    }

    void analysisPdf(String id, Path out) {
        export(() -> LibraryPdf.writeAnalysis(library, id, out));
    }

    void bundle(long sessionId, Path out) {
        export(() -> SessionBundle.export(library, sessionId, out));
    }

    ReviewSession importBundle(Path bundle) {
        if (!Files.isRegularFile(bundle)) {
            throw new SorotException(ErrorCode.FILE_NOT_FOUND, "No such bundle: " + bundle);
        }
        try {
            return SessionBundle.importBundle(library, bundle);
        } catch (IOException e) {
            throw new SorotException(ErrorCode.UNSUPPORTED_FORMAT, "Cannot read the bundle: " + e.getMessage(), e);
        }
    }

    private interface Export {
        void run() throws IOException;
    }

    private static void export(Export export) {
        try {
            export.run();
        } catch (IOException e) {
            throw DiskFull.or(ErrorCode.INTERNAL, "The export could not be written", e);
        }
    }
}
