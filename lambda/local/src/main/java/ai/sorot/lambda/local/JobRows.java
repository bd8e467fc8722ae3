package ai.sorot.lambda.local;

import static ai.sorot.lambda.sqlite.Columns.decimal;
import static ai.sorot.lambda.sqlite.Columns.instant;

import ai.sorot.lambda.pipeline.Job;
import ai.sorot.lambda.pipeline.PipelineStep;
import ai.sorot.lambda.pipeline.StepRun;
import ai.sorot.lambda.pipeline.Submission;
import ai.sorot.lambda.screenplay.ScriptFormat;
import ai.sorot.lambda.sqlite.Columns;
import ai.sorot.lambda.sqlite.SqliteConnection;
import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.JobState;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.api.StepStatus;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.Recommendation;
import ai.sorot.model.report.Usage;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How a job and its steps are laid out in the job database's rows, both ways. */
final class JobRows {

    static final String JOB_COLUMNS = "id, state, content_key, source_key, file_name, source_kind, source_bytes, "
            + "trailer_url, request_title, title, created_at, updated_at, completed_at, error_code, error_message, "
            + "recommendation, overall_score";
    static final String STEP_COLUMNS = "job_id, step, status, started_at, finished_at, error_code, error_message, "
            + "provider, model, offline, place, host, input_tokens, output_tokens, characters, video_seconds, cost_usd, "
            + "output_key, attempts";

    private JobRows() {}

    /** The values of {@link #JOB_COLUMNS}, in order, for an insert. */
    static Object[] values(Job job) {
        var s = job.submission();
        var error = job.error();
        return new Object[] {
            job.id(),
            job.state().json(),
            s.contentKey(),
            s.sourceKey(),
            s.fileName(),
            s.kind(),
            s.sourceBytes(),
            s.trailerUrl(),
            s.title(),
            job.title(),
            job.createdAt(),
            job.updatedAt(),
            job.completedAt(),
            error == null ? null : error.code(),
            error == null ? null : error.message(),
            job.recommendation(),
            job.overallScore()
        };
    }

    static Optional<Job> readJob(SqliteConnection c, String id) throws SQLException {
        var row = c.sql("SELECT " + JOB_COLUMNS + " FROM jobs WHERE id = ?")
                .bind(id)
                .first(JobRows::jobRow);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(row.get().toJob(readSteps(c, List.of(id)).getOrDefault(id, List.of())));
    }

    static Map<String, List<StepRun>> readSteps(SqliteConnection c, List<String> ids) throws SQLException {
        var out = new HashMap<String, List<StepRun>>();
        if (ids.isEmpty()) {
            return out;
        }
        var marks = String.join(",", Collections.nCopies(ids.size(), "?"));
        var query =
                c.sql("SELECT " + STEP_COLUMNS + " FROM steps WHERE job_id IN (" + marks + ") ORDER BY job_id, step");
        for (var step : query.bindAll(ids).list(rs -> new StepRow(rs.getString("job_id"), stepRun(rs)))) {
            out.computeIfAbsent(step.jobId(), k -> new ArrayList<>()).add(step.run());
        }
        return out;
    }

    private record StepRow(String jobId, StepRun run) {}

    private static StepRun stepRun(ResultSet rs) throws SQLException {
        var step = PipelineStep.ofNumber(rs.getInt("step"));
        var errorCode = rs.getString("error_code");
        var provider = rs.getString("provider");
        var place = Columns.enumOf(rs, "place", Provenance.Place.class); // null in rows written before places were kept
        var provenance = provider == null
                ? null
                : new Provenance(
                        provider, rs.getString("model"), rs.getInt("offline") == 1, place, rs.getString("host"));
        var status = StepStatus.fromJson(rs.getString("status"));
        var finished = instant(rs, "finished_at");
        var usage = finished == null
                ? null
                : new Usage(
                        rs.getLong("input_tokens"),
                        rs.getLong("output_tokens"),
                        rs.getLong("characters"),
                        rs.getDouble("video_seconds"),
                        rs.getDouble("cost_usd"));
        return new StepRun(
                step,
                status,
                instant(rs, "started_at"),
                finished,
                errorCode == null ? null : new ApiError(errorCode, rs.getString("error_message")),
                provenance,
                usage,
                rs.getString("output_key"),
                rs.getInt("attempts"));
    }

    record JobRow(
            String id,
            JobState state,
            Submission submission,
            ApiError error,
            Instant createdAt,
            Instant updatedAt,
            Instant completedAt,
            String title,
            Recommendation recommendation,
            Double overallScore) {
        Job toJob(List<StepRun> steps) {
            return new Job(
                    id,
                    state,
                    submission,
                    steps,
                    error,
                    createdAt,
                    updatedAt,
                    completedAt,
                    title,
                    recommendation,
                    overallScore);
        }
    }

    static JobRow jobRow(ResultSet rs) throws SQLException {
        var submission = new Submission(
                rs.getString("content_key"),
                rs.getString("source_key"),
                rs.getString("file_name"),
                ScriptFormat.valueOf(rs.getString("source_kind")),
                rs.getLong("source_bytes"),
                rs.getString("trailer_url"),
                rs.getString("request_title"));
        var errorCode = rs.getString("error_code");
        return new JobRow(
                rs.getString("id"),
                JobState.fromJson(rs.getString("state")),
                submission,
                errorCode == null ? null : new ApiError(errorCode, rs.getString("error_message")),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "completed_at"),
                rs.getString("title"),
                Columns.enumOf(rs, "recommendation", Recommendation.class),
                decimal(rs, "overall_score"));
    }

    /** Page position: the last job's creation time and id, opaque to clients. */
    record Cursor(long createdAt, String id) {

        static String encode(Job job) {
            var raw = job.createdAt().toEpochMilli() + ":" + job.id();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                var raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int colon = raw.indexOf(':');
                return new Cursor(Long.parseLong(raw.substring(0, colon)), raw.substring(colon + 1));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new SorotException(ErrorCode.INVALID_PARAMETER, "The cursor is not one this server handed out.");
            }
        }
    }
}
