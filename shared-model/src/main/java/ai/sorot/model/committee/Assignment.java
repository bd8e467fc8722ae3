package ai.sorot.model.committee;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One script in one reader's queue. {@code pages} is the script's page count, the unit loads are
 * balanced in; {@code reviewed} is whether the reader's review of it in this session exists.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Assignment(
        String sessionId, String analysisId, String title, String memberId, int pages, boolean reviewed) {}
