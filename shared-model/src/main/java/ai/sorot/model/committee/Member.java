package ai.sorot.model.committee;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A member as {@code GET /members} lists them. Never carries a token or its hash. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Member(
        String memberId, String name, String email, Role role, String subject, Instant createdAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
