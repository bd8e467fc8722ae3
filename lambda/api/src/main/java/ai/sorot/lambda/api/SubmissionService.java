package ai.sorot.lambda.api;

import ai.sorot.lambda.checks.ScriptChecks;
import ai.sorot.lambda.pipeline.BlobKeys;
import ai.sorot.lambda.pipeline.CreateOutcome;
import ai.sorot.lambda.pipeline.Job;
import ai.sorot.lambda.pipeline.Submission;
import ai.sorot.lambda.screenplay.ScriptFormat;
import ai.sorot.model.api.AnalyzeAccepted;
import ai.sorot.model.api.AnalyzeRequest;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.api.TrailerLinks;
import ai.sorot.model.api.UploadTicket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code POST /analyze} and {@code POST /uploads}: checks a submission completely before
 * accepting it (size, base64, the format's signature, trailer link), stores the screenplay, records the
 * job and queues it, all before answering; the analysis itself runs elsewhere.
 */
public final class SubmissionService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private static final System.Logger LOG = System.getLogger(SubmissionService.class.getName());

    private final Backend backend;

    public SubmissionService(Backend backend) {
        this.backend = backend;
    }

    public AnalyzeAccepted analyze(AnalyzeRequest request) {
        var form = ScriptChecks.Form.parse(request.form()); // an unknown form is refused before anything is stored
        return accept(
                source(request), request.fileName(), request.trailerUrl(), request.title(), request.forced(), form);
    }

    /** A submission over the API, from a caller the router has authenticated (logged by kind and subject). */
    public AnalyzeAccepted analyze(AnalyzeRequest request, Caller caller) {
        var accepted = analyze(request);
        LOG.log(System.Logger.Level.INFO, "analysis {0} accepted from {1}", accepted.analysisId(), caller.describe());
        return accepted;
    }

    /**
     * A screenplay handed over in-process (the CLI): its format detected from its bytes (Fountain,
     * which has no signature, by its name), up to the upload limit.
     */
    public AnalyzeAccepted analyzeFile(
            byte[] content, String fileName, String trailerUrl, String title, boolean force) {
        return analyzeFile(content, fileName, trailerUrl, title, force, null);
    }

    /** The same, with the form it is submitted as (null: none; its length is then checked against its title page only). */
    public AnalyzeAccepted analyzeFile(
            byte[] content, String fileName, String trailerUrl, String title, boolean force, ScriptChecks.Form form) {
        var limits = backend.limits();
        if (content.length == 0) {
            throw new SorotException(ErrorCode.EMPTY_FILE, "The file is empty.");
        }
        if (content.length > limits.uploadMaxBytes()) {
            throw tooLarge(content.length, limits.uploadMaxBytes());
        }
        var kind = detectedKind(content, fileName)
                .orElseThrow(() -> new SorotException(
                        ErrorCode.UNSUPPORTED_FORMAT,
                        "Sorot reads PDF, Fountain (.fountain), Final Draft (.fdx) and Highland (.highland) screenplays; "
                                + fileName + " is none of them."));
        requireSignature(kind, content, fileName);
        return accept(new Source(content, kind, null), fileName, trailerUrl, title, force, form);
    }

    /** The one format detector (the CLI's and the desktop's too), as the kind a submission is stored under. */
    static Optional<ScriptFormat> detectedKind(byte[] content, String fileName) {
        var head = Arrays.copyOf(content, Math.min(content.length, ScriptFormat.HEAD_BYTES));
        return ScriptFormat.detect(head, fileName);
    }

    private AnalyzeAccepted accept(
            Source source,
            String requestedName,
            String trailerUrl,
            String requestedTitle,
            boolean force,
            ScriptChecks.Form form) {
        var limits = backend.limits();
        var fileName = fileName(requestedName, source.kind());
        String trailer = null;
        String trailerKey = "-";
        if (trailerUrl != null && !trailerUrl.isBlank()) {
            var link = TrailerLinks.check(trailerUrl);
            trailer = trailerUrl.strip();
            trailerKey = TrailerLinks.canonical(link);
        }
        var title = requestedTitle == null || requestedTitle.isBlank() ? null : requestedTitle.strip();
        if (title != null && title.length() > limits.maxTitleLength()) {
            throw new SorotException(
                    ErrorCode.INVALID_PARAMETER,
                    "The title is longer than " + limits.maxTitleLength() + " characters.");
        }
        var now = backend.clock().instant();
        var id = "analysis-" + now.toEpochMilli() + "-" + random(8);
        var contentKey = sha256(source.bytes()) + "|" + trailerKey;
        var sourceKey = BlobKeys.source(id, source.kind());
        var submission =
                new Submission(contentKey, sourceKey, fileName, source.kind(), source.bytes().length, trailer, title);
        backend.blobs().put(sourceKey, source.bytes(), source.kind().contentType());
        var formKey = form == null ? null : BlobKeys.form(id);
        CreateOutcome outcome;
        try {
            if (formKey != null) {
                // beside the source, not in the job record: the job stores' schemas stay as they are
                backend.blobs().put(formKey, form.name().getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
            }
            outcome = backend.jobs()
                    .create(Job.accepted(id, submission, title != null ? title : baseName(fileName), now), !force);
        } catch (RuntimeException e) {
            // the job was not recorded (a full disk, say): its screenplay must not stay behind as an orphan
            deleteQuietly(sourceKey, e);
            if (formKey != null) {
                deleteQuietly(formKey, e);
            }
            throw e;
        }
        if (outcome instanceof CreateOutcome.Existing existing) {
            backend.blobs().delete(sourceKey);
            if (formKey != null) {
                backend.blobs().delete(formKey);
            }
            if (source.uploadKey() != null) {
                backend.blobs().delete(source.uploadKey());
            }
            return AnalyzeAccepted.existing(existing.job().id(), existing.job().state());
        }
        if (source.uploadKey() != null) {
            backend.blobs().delete(source.uploadKey());
        }
        try {
            backend.queue().enqueue(id);
        } catch (SorotException e) {
            backend.jobs().failQueued(id, e.toApiError(), backend.clock().instant());
            throw e;
        }
        return AnalyzeAccepted.started(id);
    }

    private void deleteQuietly(String key, RuntimeException cause) {
        try {
            backend.blobs().delete(key);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * An upload ticket. A declared size is the most the upload may then carry: the local server
     * refuses more bytes than declared (413); a presigned S3 PUT cannot bound its size, so there
     * the configured maximum is checked when the upload is analysed.
     */
    public UploadTicket createUpload(Long declaredSize) {
        var limits = backend.limits();
        if (declaredSize != null && declaredSize <= 0) {
            throw invalidUploadSize();
        }
        if (declaredSize != null && declaredSize > limits.uploadMaxBytes()) {
            throw tooLarge(declaredSize, limits.uploadMaxBytes());
        }
        var id = "upload-" + backend.clock().millis() + "-" + random(16);
        return backend.blobs()
                .createUpload(
                        id, limits.uploadValidity(), declaredSize != null ? declaredSize : limits.uploadMaxBytes());
    }

    /** A declared upload size that is not the file's length in bytes (not a whole number, or not above 0). */
    static SorotException invalidUploadSize() {
        return new SorotException(
                ErrorCode.INVALID_PARAMETER, "size is the file's length in bytes: a whole number above 0.");
    }

    private record Source(byte[] bytes, ScriptFormat kind, String uploadKey) {}

    private Source source(AnalyzeRequest request) {
        int given = (request.pdfData() != null ? 1 : 0)
                + (request.fountainText() != null ? 1 : 0)
                + (request.fdxData() != null ? 1 : 0)
                + (request.highlandData() != null ? 1 : 0)
                + (request.uploadId() != null ? 1 : 0);
        if (given == 0) {
            throw new SorotException(
                    ErrorCode.MISSING_FIELD,
                    "Send the screenplay as pdfData (base64), fountainText, "
                            + "fdxData (a Final Draft file, base64), highlandData (a Highland file, base64), or the uploadId of a finished upload.");
        }
        if (given > 1) {
            throw new SorotException(
                    ErrorCode.INVALID_PARAMETER,
                    "Send only one of pdfData, fountainText, fdxData, highlandData and uploadId.");
        }
        var limits = backend.limits();
        if (request.pdfData() != null) {
            var bytes = decodeBase64(request.pdfData(), limits.inlineMaxBytes());
            requirePdf(bytes);
            return new Source(bytes, ScriptFormat.PDF, null);
        }
        if (request.fdxData() != null) {
            var bytes = decodeBase64(request.fdxData(), limits.inlineMaxBytes(), "fdxData");
            if (detectedKind(bytes, null).orElse(null) != ScriptFormat.FINAL_DRAFT) {
                throw new SorotException(
                        ErrorCode.FDX_INVALID,
                        "fdxData is not a Final Draft file (XML whose root element is <FinalDraft>).");
            }
            return new Source(bytes, ScriptFormat.FINAL_DRAFT, null);
        }
        if (request.highlandData() != null) {
            var bytes = decodeBase64(request.highlandData(), limits.inlineMaxBytes(), "highlandData");
            if (detectedKind(bytes, null).orElse(null) != ScriptFormat.HIGHLAND) {
                throw new SorotException(
                        ErrorCode.UNSUPPORTED_FORMAT,
                        "highlandData is not a Highland file (a zip archive holding the Fountain text).");
            }
            return new Source(bytes, ScriptFormat.HIGHLAND, null);
        }
        if (request.fountainText() != null) {
            if (request.fountainText().isBlank()) {
                throw new SorotException(ErrorCode.EMPTY_FILE, "fountainText is empty.");
            }
            var bytes = request.fountainText().getBytes(StandardCharsets.UTF_8);
            if (bytes.length > limits.inlineMaxBytes()) {
                throw tooLarge(bytes.length, limits.inlineMaxBytes());
            }
            return new Source(bytes, ScriptFormat.FOUNTAIN, null);
        }
        var uploadId = request.uploadId().strip();
        if (!BlobKeys.isUploadId(uploadId)) {
            throw new SorotException(ErrorCode.UPLOAD_NOT_FOUND, "No upload " + uploadId + ".");
        }
        var key = BlobKeys.upload(uploadId);
        var info = backend.blobs()
                .stat(key)
                .orElseThrow(() -> new SorotException(
                        ErrorCode.UPLOAD_NOT_FOUND, "No upload " + uploadId + ": it was never sent, or it expired."));
        if (info.size() > limits.uploadMaxBytes()) {
            throw tooLarge(info.size(), limits.uploadMaxBytes());
        }
        var bytes = backend.blobs()
                .get(key)
                .orElseThrow(() ->
                        new SorotException(ErrorCode.UPLOAD_NOT_FOUND, "No upload " + uploadId + ": it expired."));
        if (bytes.length == 0) {
            throw new SorotException(ErrorCode.EMPTY_FILE, "The uploaded file is empty.");
        }
        // the bytes say what the upload is: a PDF, a Highland zip, Final Draft XML; Fountain text by its name
        var kind = detectedKind(bytes, request.fileName())
                .orElseThrow(() -> new SorotException(
                        ErrorCode.UNSUPPORTED_FORMAT,
                        "The uploaded file is not a screenplay Sorot reads: not a PDF (%PDF-), a Final Draft file (<FinalDraft> XML) "
                                + "or a Highland file (zip); Fountain text needs a .fountain name."));
        requireSignature(kind, bytes, request.fileName());
        return new Source(bytes, kind, key);
    }

    static byte[] decodeBase64(String data, long maxBytes) {
        return decodeBase64(data, maxBytes, "pdfData");
    }

    /** {@code field}: the request field the data came in, for the messages. */
    static byte[] decodeBase64(String data, long maxBytes, String field) {
        var text = data.strip();
        if (text.startsWith("data:")) {
            int comma = text.indexOf(',');
            text = comma < 0 ? "" : text.substring(comma + 1);
        }
        if (text.isEmpty()) {
            throw new SorotException(ErrorCode.EMPTY_FILE, field + " is empty.");
        }
        // base64 is 4 characters for 3 bytes: refuse before decoding what could never fit
        if ((long) text.length() * 3 / 4 > maxBytes + 3) {
            throw tooLarge((long) text.length() * 3 / 4, maxBytes);
        }
        var compact = text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf(' ') >= 0
                ? text.replaceAll("\\s+", "")
                : text;
        byte[] bytes;
        try {
            bytes = compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0
                    ? java.util.Base64.getUrlDecoder().decode(compact)
                    : java.util.Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new SorotException(ErrorCode.INVALID_BASE64, field + " is not valid base64: " + e.getMessage() + ".");
        }
        if (bytes.length == 0) {
            throw new SorotException(ErrorCode.EMPTY_FILE, field + " decodes to an empty file.");
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(bytes.length, maxBytes);
        }
        return bytes;
    }

    /** A file only named .pdf (a Word file saved under the wrong name) is refused now, not at the first step. */
    private static void requireSignature(ScriptFormat kind, byte[] bytes, String fileName) {
        if (kind == ScriptFormat.PDF && !ScriptFormat.hasPdfMagic(bytes)) {
            throw new SorotException(
                    ErrorCode.NOT_A_PDF,
                    (fileName == null ? "The file" : fileName)
                            + " is named .pdf but is not a PDF (it does not start with %PDF-).");
        }
    }

    private static void requirePdf(byte[] bytes) {
        if (!ScriptFormat.hasPdfMagic(bytes)) {
            throw new SorotException(
                    ErrorCode.NOT_A_PDF,
                    "pdfData is not a PDF (it does not start with %PDF-). "
                            + "Send Fountain text as fountainText, a Final Draft file as fdxData, a Highland file as highlandData.");
        }
    }

    private static SorotException tooLarge(long size, long max) {
        return new SorotException(
                ErrorCode.FILE_TOO_LARGE,
                "The file is %.1f MB; up to %.0f MB can be sent %s."
                        .formatted(
                                size / 1048576.0,
                                max / 1048576.0,
                                max <= ApiLimits.DEFAULT.inlineMaxBytes()
                                        ? "inline: use POST /uploads for bigger files"
                                        : "in one upload"));
    }

    private static String fileName(String given, ScriptFormat kind) {
        var fallback = "screenplay." + kind.extension();
        if (given == null || given.isBlank()) {
            return fallback;
        }
        var name = given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}]", "")
                .strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return fallback;
        }
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int length) {
        var chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
