package ai.sorot.lambda.pipeline;

import ai.sorot.lambda.screenplay.ScriptFormat;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.util.regex.Pattern;

/**
 * The one place blob keys are built. Ids are checked before they become part of a key, so a
 * crafted id cannot reach outside its folder in a file system or a bucket.
 */
public final class BlobKeys {

    private static final Pattern ANALYSIS_ID = Pattern.compile("analysis-\\d{10,16}-[a-z0-9]{6,16}");
    private static final Pattern UPLOAD_ID = Pattern.compile("upload-\\d{10,16}-[a-z0-9]{6,32}");

    private BlobKeys() {}

    public static boolean isAnalysisId(String id) {
        return id != null && ANALYSIS_ID.matcher(id).matches();
    }

    public static boolean isUploadId(String id) {
        return id != null && UPLOAD_ID.matcher(id).matches();
    }

    public static String source(String analysisId, ScriptFormat kind) {
        return folder(analysisId) + "source." + kind.extension();
    }

    public static String stepOutput(String analysisId, PipelineStep step) {
        return folder(analysisId)
                + switch (step) {
                    case EXTRACT -> "screenplay.json";
                    case COVERAGE -> "coverage.json";
                    case TRAILER -> "trailer.json";
                    case CURATION -> "curation.json";
                    case AUDIO -> "audio.json";
                };
    }

    /** The checks a step made (the coverage's: quotes not found, a model that could not be used). */
    public static String checks(String analysisId, PipelineStep step) {
        return folder(analysisId) + step.name().toLowerCase(java.util.Locale.ROOT) + "-checks.json";
    }

    public static String audio(String analysisId, String format) {
        if (!format.matches("[a-z0-9]{2,5}")) {
            throw new IllegalArgumentException("bad audio format " + format);
        }
        return folder(analysisId) + "summary." + format;
    }

    /** The form the script was submitted as (short, feature, episode), when the submission named one. */
    public static String form(String analysisId) {
        return folder(analysisId) + "form.txt";
    }

    public static String report(String analysisId) {
        return folder(analysisId) + "report.json";
    }

    public static String upload(String uploadId) {
        if (!isUploadId(uploadId)) {
            throw new SorotException(ErrorCode.UPLOAD_NOT_FOUND, "No such upload: " + uploadId);
        }
        return "uploads/" + uploadId;
    }

    private static String folder(String analysisId) {
        if (!isAnalysisId(analysisId)) {
            throw new SorotException(ErrorCode.NOT_FOUND, "No analysis " + analysisId);
        }
        return "analyses/" + analysisId + "/";
    }
}
