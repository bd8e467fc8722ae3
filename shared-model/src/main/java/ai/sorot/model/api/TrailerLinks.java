package ai.sorot.model.api;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The trailer-link allow-list: https only, YouTube and Vimeo hosts only, never an address
 * literal (so never a private, loopback or link-local address), no credentials, no odd ports.
 * Checked before a job is accepted, so no analyst is ever pointed anywhere else.
 */
public final class TrailerLinks {

    private static final int MAX_LENGTH = 2048;
    private static final Map<String, String> PLATFORM_BY_HOST = Map.of(
            "youtube.com", "youtube",
            "www.youtube.com", "youtube",
            "m.youtube.com", "youtube",
            "youtu.be", "youtube",
            "vimeo.com", "vimeo",
            "www.vimeo.com", "vimeo",
            "player.vimeo.com", "vimeo");
    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern VIMEO_ID = Pattern.compile("\\d{1,20}");
    // Anything an address parser could take for an IPv4 literal: dotted, decimal, octal or hex parts.
    private static final Pattern NUMERIC_HOST =
            Pattern.compile("(?i)(0x[0-9a-f]+|\\d+)(\\.(0x[0-9a-f]+|\\d+)){0,3}\\.?");

    private TrailerLinks() {}

    /** Validates the link and says what it points to; throws INVALID_URL or URL_NOT_ALLOWED. */
    public static TrailerLink check(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new SorotException(ErrorCode.INVALID_URL, "The trailer link is empty.");
        }
        var text = raw.strip();
        if (text.length() > MAX_LENGTH) {
            throw new SorotException(
                    ErrorCode.INVALID_URL, "The trailer link is longer than " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new SorotException(
                    ErrorCode.INVALID_URL, "The trailer link is not a valid URL: " + e.getReason() + ".");
        }
        if (uri.getScheme() == null || uri.isOpaque()) {
            throw new SorotException(ErrorCode.INVALID_URL, "The trailer link must be a full https:// URL.");
        }
        if (!uri.getScheme().equalsIgnoreCase("https")) {
            throw new SorotException(
                    ErrorCode.INVALID_URL,
                    "The trailer link must use https, not " + uri.getScheme().toLowerCase(Locale.ROOT) + ".");
        }
        if (uri.getRawUserInfo() != null) {
            throw new SorotException(
                    ErrorCode.URL_NOT_ALLOWED, "Trailer links must not carry a user name or password.");
        }
        var host = hostOf(uri);
        if (isAddressLiteral(host)) {
            throw new SorotException(ErrorCode.URL_NOT_ALLOWED, describeAddress(host));
        }
        var platform = PLATFORM_BY_HOST.get(host);
        if (platform == null) {
            throw new SorotException(
                    ErrorCode.URL_NOT_ALLOWED,
                    "Trailer links must point to YouTube or Vimeo (youtube.com, youtu.be, vimeo.com), not " + host
                            + ".");
        }
        if (uri.getPort() != -1 && uri.getPort() != 443) {
            throw new SorotException(ErrorCode.URL_NOT_ALLOWED, "Trailer links must use the standard https port.");
        }
        var videoId = platform.equals("youtube") ? youtubeId(host, uri) : vimeoId(uri);
        if (videoId == null) {
            throw new SorotException(
                    ErrorCode.INVALID_URL,
                    "The trailer link does not name a video (expected e.g. https://www.youtube.com/watch?v=ID or https://vimeo.com/123).");
        }
        return new TrailerLink(uri, platform, videoId);
    }

    /** The same video however its link is written, for the idempotency key. */
    public static String canonical(TrailerLink link) {
        return link.platform() + ":" + link.videoId();
    }

    /** True for addresses no request of ours may reach: loopback, private, link-local, unspecified, multicast. */
    public static boolean isNonPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        var bytes = address.getAddress();
        if (bytes.length == 4) {
            int a = bytes[0] & 0xff, b = bytes[1] & 0xff;
            return a == 0 || (a == 100 && b >= 64 && b <= 127) || (a == 198 && (b == 18 || b == 19)) || a >= 240;
        }
        return (bytes[0] & 0xfe) == 0xfc; // IPv6 unique local fc00::/7
    }

    private static String hostOf(URI uri) {
        var host = uri.getHost();
        if (host == null) {
            // java.net.URI leaves the host null for names it cannot parse (underscores, some IDNs)
            var authority = uri.getRawAuthority();
            if (authority == null || authority.isBlank()) {
                throw new SorotException(ErrorCode.INVALID_URL, "The trailer link has no host.");
            }
            host = authority.replaceFirst(":\\d+$", "");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        try {
            return IDN.toASCII(host);
        } catch (IllegalArgumentException e) {
            throw new SorotException(ErrorCode.INVALID_URL, "The trailer link's host is not a valid name.");
        }
    }

    private static boolean isAddressLiteral(String host) {
        return host.startsWith("[")
                || host.contains(":")
                || NUMERIC_HOST.matcher(host).matches();
    }

    private static String describeAddress(String host) {
        var literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        try {
            if (literal.matches("[0-9a-fA-F:.]+")
                    && (literal.contains(":") || literal.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
                var address = InetAddress.getByName(literal); // a literal: parsed, never looked up
                if (isNonPublic(address)) {
                    return "Trailer links must not point to a private, loopback or link-local address (" + host + ").";
                }
            }
        } catch (UnknownHostException ignored) {
            // not a literal after all; the generic message below fits
        }
        return "Trailer links must name YouTube or Vimeo, not an IP address (" + host + ").";
    }

    private static String youtubeId(String host, URI uri) {
        var path = uri.getPath() == null ? "" : uri.getPath();
        String candidate = null;
        if (host.equals("youtu.be")) {
            candidate = firstSegment(path);
        } else if (path.equals("/watch") || path.equals("/watch/")) {
            candidate = queryParameter(uri.getRawQuery(), "v");
        } else {
            for (var prefix : new String[] {"/shorts/", "/embed/", "/live/", "/v/"}) {
                if (path.startsWith(prefix)) {
                    candidate = firstSegment(path.substring(prefix.length() - 1));
                }
            }
        }
        return candidate != null && YOUTUBE_ID.matcher(candidate).matches() ? candidate : null;
    }

    private static String vimeoId(URI uri) {
        var path = uri.getPath() == null ? "" : uri.getPath();
        String last = null;
        for (var segment : path.split("/")) {
            if (VIMEO_ID.matcher(segment).matches()) {
                last = segment;
            }
        }
        return last;
    }

    private static String firstSegment(String path) {
        var trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        var segment = slash < 0 ? trimmed : trimmed.substring(0, slash);
        return segment.isEmpty() ? null : segment;
    }

    private static String queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (var pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
