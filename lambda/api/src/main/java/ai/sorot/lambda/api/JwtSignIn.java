package ai.sorot.lambda.api;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Optional sign-in for browser clients: a bearer JWT from the stack's identity provider (an Amazon
 * Cognito user pool, or any OpenID issuer), checked here in the handler rather than by an API
 * Gateway authorizer, so that one route takes either a signed-in browser or a desktop's API token.
 * The signature is checked against the issuer's JWKS (fetched once, cached, refetched when a token
 * names a key it has not seen), then the issuer exactly, the audience (an ID token's {@code aud} or
 * a Cognito access token's {@code client_id}), the expiry and the subject.
 */
public final class JwtSignIn {

    private static final Pattern JWT_SHAPE = Pattern.compile("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$");
    private static final System.Logger LOG = System.getLogger(JwtSignIn.class.getName());

    /**
     * @param issuer   the token's {@code iss}, e.g. {@code https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123}
     * @param audience the app client id the tokens are issued for
     * @param jwks     where the issuer publishes its keys; by default {@code {issuer}/.well-known/jwks.json}
     */
    public record Settings(String issuer, String audience, URI jwks) {

        public Settings {
            if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank()) {
                throw new IllegalArgumentException("JWT sign-in needs an issuer and an audience");
            }
            if (!issuer.startsWith("https://")
                    && !issuer.startsWith("http://127.0.0.1")
                    && !issuer.startsWith("http://localhost")) {
                throw new IllegalArgumentException("the JWT issuer must be an https URL: " + issuer);
            }
            jwks = jwks != null ? jwks : URI.create(issuer.replaceAll("/+$", "") + "/.well-known/jwks.json");
        }

        /** From the environment the template sets; empty when no issuer is configured (sign-in off). */
        public static Optional<Settings> fromEnvironment(java.util.Map<String, String> env) {
            var issuer = env.getOrDefault("SOROT_JWT_ISSUER", "").strip();
            if (issuer.isEmpty()) {
                return Optional.empty();
            }
            var jwks = env.getOrDefault("SOROT_JWT_JWKS_URL", "").strip();
            return Optional.of(new Settings(
                    issuer,
                    env.getOrDefault("SOROT_JWT_AUDIENCE", "").strip(),
                    jwks.isEmpty() ? null : URI.create(jwks)));
        }
    }

    private final Settings settings;
    private final DefaultJWTProcessor<SecurityContext> processor;

    public JwtSignIn(Settings settings) {
        this.settings = settings;
        JWKSource<SecurityContext> keys;
        try {
            var retriever = new DefaultResourceRetriever(
                    (int) Duration.ofSeconds(3).toMillis(),
                    (int) Duration.ofSeconds(3).toMillis(),
                    256 * 1024);
            keys = JWKSourceBuilder.create(settings.jwks().toURL(), retriever)
                    .cache(
                            Duration.ofHours(12).toMillis(),
                            Duration.ofSeconds(10).toMillis())
                    .rateLimited(Duration.ofSeconds(30).toMillis())
                    .retrying(true)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a JWKS URL: " + settings.jwks(), e);
        }
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.ES256), keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                null, new JWTClaimsSet.Builder().issuer(settings.issuer()).build(), Set.of("sub", "exp", "iss"), null));
    }

    /** Whether a bearer credential has a JWT's shape (three base64url parts); API tokens never do. */
    public static boolean looksLikeJwt(String token) {
        return token != null
                && token.length() < 16_384
                && JWT_SHAPE.matcher(token).matches();
    }

    /** The signed-in caller, or empty for a token that is not valid here (the reason is logged, the token never). */
    public Optional<Caller> verify(String token) {
        if (!looksLikeJwt(token)) {
            return Optional.empty();
        }
        try {
            var claims = processor.process(token, null);
            var audience = claims.getAudience();
            var clientId = claims.getClaim("client_id");
            if (!(audience != null && audience.contains(settings.audience()))
                    && !settings.audience().equals(clientId)) {
                LOG.log(System.Logger.Level.INFO, "JWT refused: issued for another audience");
                return Optional.empty();
            }
            return Optional.of(Caller.signedIn(claims.getSubject()));
        } catch (BadJOSEException | com.nimbusds.jose.JOSEException | java.text.ParseException e) {
            LOG.log(System.Logger.Level.INFO, "JWT refused: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
