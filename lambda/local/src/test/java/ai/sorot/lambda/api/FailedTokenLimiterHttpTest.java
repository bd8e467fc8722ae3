package ai.sorot.lambda.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.local.LocalBackend;
import ai.sorot.lambda.local.LocalServer;
import ai.sorot.lambda.local.SorotHome;
import ai.sorot.lambda.offline.OfflineAnalysts;
import ai.sorot.lambda.pipeline.StepBudgets;
import ai.sorot.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Token guessing is slowed per client address, over real HTTP on loopback: 20 refused tokens in a
 * minute, then 429 THROTTLED with Retry-After for that address until the window passes; requests
 * without a token and successful ones do not count; another address is not affected. Time moves by
 * the server's clock, not by sleeping.
 */
class FailedTokenLimiterHttpTest {

    @TempDir
    Path home;

    LocalServer server;
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-05-01T10:00:00Z"));

    @BeforeEach
    void start() {
        var clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        var sorotHome = new SorotHome(home);
        var backend = new LocalBackend.Options(
                sorotHome,
                1,
                100,
                OfflineAnalysts.standard(),
                StepBudgets.DEFAULT,
                ApiLimits.DEFAULT,
                clock,
                () -> URI.create("http://127.0.0.1"));
        server = LocalServer.start(
                LocalServer.Options.defaults(sorotHome).withPort(0).withBackend(backend));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void theTwentyFirstWrongTokenInAMinuteIsThrottledWithRetryAfterUntilTheWindowPasses() {
        for (int i = 1; i <= FailedTokenLimiter.MAX_FAILURES; i++) {
            now.set(now.get().plusSeconds(1));
            assertThat(get("127.0.0.1", "/analyses", "wrong-" + i).status())
                    .as("guess " + i)
                    .isEqualTo(401);
        }
        var throttled = get("127.0.0.1", "/analyses", "wrong-21");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.code()).isEqualTo("THROTTLED");
        // the first guess was at 10:00:01, now is 10:00:20: a place frees at 10:01:01
        assertThat(throttled.header("retry-after")).isEqualTo("41");
        assertThat(get("127.0.0.1", "/analyses", server.token()).status())
                .as("the address is throttled, whatever it sends")
                .isEqualTo(429);

        now.set(now.get().plusSeconds(41));
        assertThat(get("127.0.0.1", "/analyses", server.token()).status()).isEqualTo(200);
        assertThat(get("127.0.0.1", "/analyses", "wrong-22").status())
                .as("the oldest guess has left the window")
                .isEqualTo(401);
        assertThat(get("127.0.0.1", "/analyses", "wrong-23").status()).isEqualTo(429);
    }

    @Test
    void successfulRequestsAndRequestsWithoutATokenAreNotCounted() {
        for (int i = 1; i < FailedTokenLimiter.MAX_FAILURES; i++) {
            assertThat(get("127.0.0.1", "/analyses", "wrong-" + i).status()).isEqualTo(401);
        }
        for (int i = 0; i < 30; i++) {
            assertThat(get("127.0.0.1", "/analyses", server.token()).status()).isEqualTo(200);
            assertThat(get("127.0.0.1", "/analyses", null).status()).isEqualTo(401);
        }
        assertThat(get("127.0.0.1", "/health", "wrong-20").status())
                .as("a wrong token on /health is a guess too")
                .isEqualTo(200);
        assertThat(get("127.0.0.1", "/analyses", server.token()).status()).isEqualTo(429);
    }

    @Test
    void aGoodTokenStillWorksFromAnotherAddress() {
        Assumptions.assumeTrue(canBind("127.0.0.2"), "this system routes 127.0.0.1 only (Linux routes all of 127/8)");
        for (int i = 0; i <= FailedTokenLimiter.MAX_FAILURES; i++) {
            get("127.0.0.1", "/analyses", "wrong-" + i);
        }
        assertThat(get("127.0.0.1", "/analyses", server.token()).status()).isEqualTo(429);
        assertThat(get("127.0.0.2", "/analyses", server.token()).status()).isEqualTo(200);
        assertThat(get("127.0.0.2", "/analyses", "wrong").status()).isEqualTo(401);
    }

    private record Answer(int status, String head, String body) {
        String header(String name) {
            for (var line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }

        String code() {
            try {
                return Json.mapper().readTree(body).path("error").path("code").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One GET from the given local address, by hand, so the client's source address is ours to choose. */
    private Answer get(String from, String path, String token) {
        try (var socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(
                    new InetSocketAddress(
                            InetAddress.getLoopbackAddress(), server.url().getPort()),
                    10_000);
            socket.setSoTimeout(30_000);
            var request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            var head = text.substring(0, split);
            int status = Integer.parseInt(head.split(" ")[1]);
            return new Answer(status, head, text.substring(split + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean canBind(String address) {
        try (var socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
