package ai.sorot.lambda.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.local.LocalBackend;
import ai.sorot.lambda.local.SorotHome;
import ai.sorot.model.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One route, two kinds of caller: a browser signed in through the stack's issuer (a JWT checked
 * against its JWKS, served here on loopback) and a desktop with an API token, through the Lambda
 * handler and real payload-2.0 events.
 */
@Timeout(120)
class SignInRouteTest {

    @TempDir
    static Path home;

    static LocalBackend local;
    static ApiRouter router;
    static WireMockServer issuer;
    static String issuerUrl;
    static RSAKey key;
    static RSAKey strangerKey;

    @BeforeAll
    static void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("pool-key").generate();
        strangerKey = new RSAKeyGenerator(2048).keyID("pool-key").generate();
        issuer = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        issuer.start();
        issuerUrl = "http://127.0.0.1:" + issuer.port() + "/eu-west-1_Festival";
        issuer.stubFor(get(urlEqualTo("/eu-west-1_Festival/.well-known/jwks.json"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(new JWKSet(key.toPublicJWK()).toString())));
        local = LocalBackend.open(LocalBackend.Options.defaults(new SorotHome(home)));
        var b = local.backend();
        var signIn = new JwtSignIn(new JwtSignIn.Settings(issuerUrl, "festival-web", null));
        var both = new Backend(
                b.mode(),
                b.version(),
                b.jobs(),
                b.blobs(),
                b.queue(),
                b.tokens().orSignedIn(signIn),
                b.analysers(),
                b.uploads(),
                b.limits(),
                b.clock());
        router = new ApiRouter(both);
    }

    @AfterAll
    static void stop() {
        local.close();
        issuer.stop();
    }

    private static String jwt(RSAKey signingKey, JWTClaimsSet.Builder claims) throws Exception {
        var token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(signingKey.getKeyID())
                        .build(),
                claims.build());
        token.sign(new RSASSASigner(signingKey));
        return token.serialize();
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer(issuerUrl)
                .subject("reader-42")
                .audience("festival-web")
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))));
    }

    private static int list(String bearer) throws Exception {
        var text = """
                {"version": "2.0", "routeKey": "GET /analyses", "rawPath": "/analyses", "rawQueryString": "",
                 "headers": {"authorization": "Bearer %s", "host": "abc.execute-api.eu-west-1.amazonaws.com"},
                 "requestContext": {"http": {"method": "GET", "path": "/analyses"}, "requestId": "r-1"},
                 "isBase64Encoded": false}
                """.formatted(bearer);
        return router.handle(Json.mapper().readValue(text, APIGatewayV2HTTPEvent.class))
                .getStatusCode();
    }

    @Test
    void aSignedInBrowserAndADesktopTokenBothReachTheSameRoute() throws Exception {
        assertThat(list(jwt(key, claims()))).isEqualTo(200);
        assertThat(list(local.token().token())).isEqualTo(200);
    }

    @Test
    void anExpiredSignInIsRefused() throws Exception {
        assertThat(list(jwt(key, claims().expirationTime(Date.from(Instant.now().minusSeconds(600))))))
                .isEqualTo(401);
    }

    @Test
    void aSignInForAnotherAppIsRefused() throws Exception {
        assertThat(list(jwt(key, claims().audience("another-app")))).isEqualTo(401);
    }

    @Test
    void aTokenSignedWithAKeyTheIssuerDoesNotPublishIsRefused() throws Exception {
        assertThat(list(jwt(strangerKey, claims()))).isEqualTo(401);
    }

    @Test
    void aWrongApiTokenIsStillRefused() throws Exception {
        assertThat(list("not-the-token-0123456789abcdef")).isEqualTo(401);
    }
}
