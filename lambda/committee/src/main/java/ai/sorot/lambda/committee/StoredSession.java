package ai.sorot.lambda.committee;

import ai.sorot.model.committee.Session;
import java.util.List;

/** A session as stored: what the API shows, and the readers its scripts were drawn among. */
public record StoredSession(Session session, List<String> readerIds) {

    public StoredSession {
        readerIds = List.copyOf(readerIds);
    }

    public String id() {
        return session.sessionId();
    }
}
