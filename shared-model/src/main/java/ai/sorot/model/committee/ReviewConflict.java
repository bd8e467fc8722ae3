package ai.sorot.model.committee;

/**
 * The body of a 409 {@code REVIEW_CONFLICT}: the review as the server holds it (edited on another
 * device since) and the write that was refused, so the member chooses; nothing is lost.
 */
public record ReviewConflict(String code, String message, Review current, ReviewInput refused) {}
