package ai.sorot.lambda.api;

/**
 * Which bearer tokens the API accepts: the token file in the Sorot home locally, a Secrets
 * Manager secret in the cloud. Implementations compare in constant time and never log a token.
 */
public interface ApiTokens {

    boolean accepts(String presentedToken);
}
