package ai.sorot.model.api;

import java.net.URI;

/** A trailer link that passed the allow-list, with what the link itself tells. */
public record TrailerLink(URI url, String platform, String videoId) {}
