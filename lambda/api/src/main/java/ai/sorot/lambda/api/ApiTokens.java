package ai.sorot.lambda.api;

import java.util.Optional;

/**
 * Which bearer credentials the API accepts: the token file in the Sorot home locally, a Secrets
 * Manager secret in the cloud, and there optionally a signed-in member's JWT. Implementations
 * compare in constant time and never log a credential.
 */
public interface ApiTokens {

    boolean accepts(String presentedToken);

    /** Who presented the credential, or empty when it is not accepted. */
    default Optional<Caller> caller(String presentedToken) {
        return accepts(presentedToken) ? Optional.of(Caller.apiToken()) : Optional.empty();
    }

    /**
     * These tokens, and beside them JWTs from a sign-in issuer: one route takes a desktop's API
     * token or a signed-in browser, whichever is presented.
     */
    default ApiTokens orSignedIn(JwtSignIn signIn) {
        var tokens = this;
        return new ApiTokens() {
            @Override
            public boolean accepts(String presented) {
                return caller(presented).isPresent();
            }

            @Override
            public Optional<Caller> caller(String presented) {
                if (JwtSignIn.looksLikeJwt(presented)) {
                    return signIn.verify(presented);
                }
                return tokens.caller(presented);
            }
        };
    }
}
