package ai.sorot.lambda.committee;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.committee.Member;
import ai.sorot.model.committee.MemberCreated;
import ai.sorot.model.committee.NewMember;
import java.time.Instant;
import java.util.UUID;

/**
 * Adding and revoking members, the same whether a lead asks the API or the owner the command line:
 * the new member's token is made here, shown once in the answer, and only its hash is stored.
 */
public final class CommitteeMembers {

    static final int MAX_NAME = 200;

    private CommitteeMembers() {}

    public static MemberCreated add(CommitteeStore store, NewMember request, Instant now) {
        if (request.name() == null || request.name().isBlank()) {
            throw new SorotException(ErrorCode.MISSING_FIELD, "name is required.");
        }
        var name = request.name().strip();
        if (name.length() > MAX_NAME) {
            throw new SorotException(ErrorCode.INVALID_PARAMETER, "name is longer than " + MAX_NAME + " characters.");
        }
        if (request.role() == null) {
            throw new SorotException(ErrorCode.MISSING_FIELD, "role is required: \"lead\" or \"reader\".");
        }
        var subject = blankToNull(request.subject());
        if (subject != null && store.memberBySubject(subject).isPresent()) {
            throw new SorotException(
                    ErrorCode.INVALID_PARAMETER, "Another active member is already tied to that subject.");
        }
        var token = MemberTokens.newToken();
        var created = new Member(
                "member-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16),
                name,
                blankToNull(request.email()),
                request.role(),
                subject,
                now,
                null);
        store.addMember(created, MemberTokens.hash(token));
        return new MemberCreated(created.memberId(), created.name(), created.role(), token);
    }

    /** Revokes a member (again is no change) and answers the member as now stored; 404 for none. */
    public static Member revoke(CommitteeStore store, String memberId, Instant now) {
        store.revoke(memberId, now);
        return store.member(memberId)
                .orElseThrow(() -> new SorotException(
                        ErrorCode.NOT_FOUND,
                        "No member " + (memberId.length() > 80 ? memberId.substring(0, 80) + "…" : memberId) + "."));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
