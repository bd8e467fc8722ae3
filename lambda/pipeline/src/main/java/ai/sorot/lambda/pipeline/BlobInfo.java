package ai.sorot.lambda.pipeline;

/** What the blob store knows about a stored blob without reading it. */
public record BlobInfo(String key, long size, String contentType) {}
