package ai.sorot.model.committee;

/**
 * The answer to {@code POST /members}: the only time the member's token is shown. The server keeps a
 * hash of it; a lost token is replaced by revoking the member and adding them again.
 */
public record MemberCreated(String memberId, String name, Role role, String token) {}
