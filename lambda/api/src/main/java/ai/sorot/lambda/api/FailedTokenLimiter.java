package ai.sorot.lambda.api;

import ai.sorot.model.api.ErrorCode;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down token guessing: a client address whose credentials failed {@link #MAX_FAILURES} times
 * within {@link #WINDOW} is answered 429 {@code THROTTLED}, with {@code Retry-After}, until the
 * oldest of those failures leaves the window. Only presented credentials that fail count, never a
 * request without one nor a successful one, so a member who mistyped a token is not locked out for
 * long and a busy reader never is. Loopback is no exception: a local process can guess too. Held in
 * memory per server (per Lambda instance in the cloud, where API Gateway throttles as well).
 */
public final class FailedTokenLimiter {

    public static final int MAX_FAILURES = 20;
    public static final Duration WINDOW = Duration.ofMinutes(1);
    /** Addresses tracked at once; past it the longest-quiet one is forgotten, so memory stays bounded. */
    static final int MAX_ADDRESSES = 10_000;

    private final Clock clock;
    private final Map<String, ArrayDeque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<Instant>> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    public FailedTokenLimiter(Clock clock) {
        this.clock = clock;
    }

    /** The 429 for a request from an address that is throttled now, or empty when it may go on. */
    public Optional<APIGatewayV2HTTPResponse> refusal(APIGatewayV2HTTPEvent request) {
        var wait = retryAfter(address(request));
        if (wait.isEmpty()) {
            return Optional.empty();
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        return Optional.of(HttpResponses.withHeader(
                HttpResponses.error(
                        ErrorCode.THROTTLED,
                        "Too many requests from this address with a wrong token (" + MAX_FAILURES
                                + " in a minute); try again in " + seconds + " s, with the right token."),
                "retry-after",
                Long.toString(seconds)));
    }

    /** A credential presented from the request's address was refused. */
    public void failed(APIGatewayV2HTTPEvent request) {
        var now = clock.instant();
        synchronized (failures) {
            var times = failures.computeIfAbsent(address(request), a -> new ArrayDeque<>());
            expire(times, now);
            times.addLast(now);
        }
    }

    /** How long {@code address} must wait, or empty when it is not throttled. */
    Optional<Duration> retryAfter(String address) {
        var now = clock.instant();
        synchronized (failures) {
            var times = failures.get(address);
            if (times == null) {
                return Optional.empty();
            }
            expire(times, now);
            if (times.isEmpty()) {
                failures.remove(address);
                return Optional.empty();
            }
            if (times.size() < MAX_FAILURES) {
                return Optional.empty();
            }
            // the window frees a place when the failure MAX_FAILURES back from the newest leaves it
            var freesAt = times.stream()
                    .skip(times.size() - MAX_FAILURES)
                    .findFirst()
                    .orElseThrow()
                    .plus(WINDOW);
            return Optional.of(Duration.between(now, freesAt));
        }
    }

    private static void expire(ArrayDeque<Instant> times, Instant now) {
        var cutoff = now.minus(WINDOW);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }

    /** The client's address as the gateway (or the local server's bridge) saw the connection. */
    private static String address(APIGatewayV2HTTPEvent request) {
        var context = request.getRequestContext();
        var ip = context == null || context.getHttp() == null
                ? null
                : context.getHttp().getSourceIp();
        return ip == null || ip.isBlank() ? "unknown" : ip;
    }
}
