package ai.sorot.model.committee;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * One member's review of one analysis. {@code version} increases with every write and is the
 * review's ETag: a write based on an older version is refused, never silently overwritten.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Review(
        String analysisId,
        String memberId,
        String memberName,
        Integer rating,
        CommitteeVerdict verdict,
        String notes,
        boolean shortlisted,
        String sessionId,
        Map<String, Integer> scores,
        long version,
        Instant updatedAt) {}
