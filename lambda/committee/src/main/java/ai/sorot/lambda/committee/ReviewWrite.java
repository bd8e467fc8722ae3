package ai.sorot.lambda.committee;

import ai.sorot.model.committee.Review;

/** What a conditional review write came to: written, or refused because the stored one moved on. */
public sealed interface ReviewWrite {

    /** {@code basedOn} for a first review: none may exist yet. */
    long NONE = 0;
    /** {@code basedOn} that overwrites whatever version is stored ({@code If-Match: *}). */
    long ANY = -1;

    record Written(Review review) implements ReviewWrite {}

    /** The stored review ({@code current}) is not the version the write was based on. */
    record Stale(Review current) implements ReviewWrite {}
}
