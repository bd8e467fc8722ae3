package ai.sorot.lambda.api;

import ai.sorot.lambda.committee.SessionProgressReport;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

/**
 * {@code ?limit=} and {@code ?cursor=} of {@code GET /sessions/{id}}: which page of the session's
 * scripts to answer. The cursor is what the previous answer's {@code nextCursor} said; clients
 * pass it back unread.
 */
final class ProgressPaging {

    private ProgressPaging() {}

    static SessionProgressReport.Page page(APIGatewayV2HTTPEvent event, int scripts) {
        var params = event == null ? null : event.getQueryStringParameters();
        var rawLimit = params == null ? null : params.get("limit");
        var rawCursor = params == null ? null : params.get("cursor");
        int limit = SessionProgressReport.DEFAULT_LIMIT;
        if (rawLimit != null) {
            limit = number(rawLimit, -1);
            if (limit < 1 || limit > SessionProgressReport.MAX_LIMIT) {
                throw new SorotException(
                        ErrorCode.INVALID_PARAMETER,
                        "limit must be a whole number from 1 to " + SessionProgressReport.MAX_LIMIT + ".");
            }
        }
        int offset = 0;
        if (rawCursor != null && !rawCursor.isBlank()) {
            offset = number(rawCursor, -1);
            if (offset < 0 || offset > scripts) {
                throw new SorotException(
                        ErrorCode.INVALID_PARAMETER,
                        "cursor is not one this session answered: pass back the last answer's nextCursor.");
            }
        }
        return new SessionProgressReport.Page(offset, limit);
    }

    private static int number(String raw, int otherwise) {
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
