package ai.sorot.lambda.api;

import ai.sorot.lambda.committee.MemberTokens;
import java.util.Optional;

/**
 * Which member a bearer credential acts as. A member token is looked up by its hash (a revoked
 * member's token passes no more: 401); the server's own tokens are the owner, a lead; a signed-in
 * JWT is the member whose {@code subject} is its {@code sub}.
 */
final class CommitteeIdentity {

    private CommitteeIdentity() {}

    static Optional<Caller> caller(Backend backend, String presented) {
        var committee = backend.committee();
        if (committee != null && MemberTokens.looksLikeMemberToken(presented)) {
            return committee
                    .memberByTokenHash(MemberTokens.hash(presented))
                    .filter(m -> !m.revoked())
                    .map(Caller::member);
        }
        var caller = backend.tokens().caller(presented);
        if (committee != null && caller.isPresent() && caller.get().kind() == Caller.Kind.SIGNED_IN) {
            var signedIn = caller.get();
            return Optional.of(committee
                    .memberBySubject(signedIn.subject())
                    .map(signedIn::actingAs)
                    .orElse(signedIn));
        }
        return caller;
    }
}
