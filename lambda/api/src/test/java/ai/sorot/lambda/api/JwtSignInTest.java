package ai.sorot.lambda.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** JWT sign-in against a real JWKS served over HTTP on loopback, with keys made for the test. */
@Timeout(60)
class JwtSignInTest {

    static WireMockServer issuer;
    static RSAKey key;
    static RSAKey otherKey;
    static JwtSignIn signIn;
    static String issuerUrl;

    @BeforeAll
    static void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("sorot-test-1").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("sorot-test-1").generate(); // same kid, another key
        issuer = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        issuer.start();
        issuerUrl = "http://127.0.0.1:" + issuer.port() + "/us-east-1_TestPool";
        issuer.stubFor(get(urlEqualTo("/us-east-1_TestPool/.well-known/jwks.json"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(new JWKSet(key.toPublicJWK()).toString())));
        signIn = new JwtSignIn(new JwtSignIn.Settings(issuerUrl, "app-client-1", null));
    }

    @AfterAll
    static void stop() {
        issuer.stop();
    }

    private static String token(RSAKey signingKey, JWTClaimsSet claims) throws Exception {
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(signingKey.getKeyID())
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(signingKey));
        return jwt.serialize();
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer(issuerUrl)
                .subject("member-7f3a")
                .audience("app-client-1")
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))
                .issueTime(Date.from(Instant.now()));
    }

    @Test
    void aValidIdTokenSignsInItsSubject() throws Exception {
        assertThat(signIn.verify(token(key, claims().build()))).contains(Caller.signedIn("member-7f3a"));
        issuer.verify(getRequestedFor(urlEqualTo("/us-east-1_TestPool/.well-known/jwks.json")));
    }

    @Test
    void aCognitoAccessTokenNamesItsClientInsteadOfAnAudience() throws Exception {
        var access = claims().audience((String) null)
                .claim("client_id", "app-client-1")
                .claim("token_use", "access")
                .build();
        assertThat(signIn.verify(token(key, access))).contains(Caller.signedIn("member-7f3a"));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        var expired = claims().expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(10))))
                .build();
        assertThat(signIn.verify(token(key, expired))).isEmpty();
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        assertThat(signIn.verify(
                        token(key, claims().audience("someone-elses-app").build())))
                .isEmpty();
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        assertThat(signIn.verify(
                        token(key, claims().issuer("https://evil.example/pool").build())))
                .isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        assertThat(signIn.verify(token(otherKey, claims().build()))).isEmpty();
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        var unsigned = new com.nimbusds.jwt.PlainJWT(claims().build()).serialize() + "AAAA";
        assertThat(signIn.verify(unsigned)).isEmpty();
    }

    @Test
    void anApiTokenIsNotMistakenForAJwt() {
        assertThat(JwtSignIn.looksLikeJwt("d3b07384d113edec49eaa6238ad5ff00d3b07384d113edec"))
                .isFalse();
        assertThat(signIn.verify("d3b07384d113edec49eaa6238ad5ff00d3b07384d113edec"))
                .isEmpty();
    }

    @Test
    void withoutAnIssuerSignInIsOff() {
        assertThat(JwtSignIn.Settings.fromEnvironment(Map.of())).isEmpty();
        assertThat(JwtSignIn.Settings.fromEnvironment(Map.of(
                        "SOROT_JWT_ISSUER",
                        "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_X",
                        "SOROT_JWT_AUDIENCE",
                        "abc")))
                .get()
                .extracting(s -> s.jwks().toString())
                .isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_X/.well-known/jwks.json");
    }
}
