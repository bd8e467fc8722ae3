package ai.sorot.model.api;

import java.time.Instant;

/** Answer to {@code POST /uploads}: PUT the file's bytes to {@code uploadUrl} before {@code expiresAt}. */
public record UploadTicket(String uploadId, String uploadUrl, Instant expiresAt) {}
