package ai.sorot.model.committee;

/** One rubric criterion of a session: a name and the top of its 1..scale range. */
public record Criterion(String name, int scale) {}
