package ai.sorot.model.committee;

/**
 * {@code POST /members} (leads only). {@code subject} ties the member to a signed-in identity: a
 * caller whose JWT {@code sub} equals it acts as this member, with no token of their own needed.
 */
public record NewMember(String name, String email, Role role, String subject) {}
