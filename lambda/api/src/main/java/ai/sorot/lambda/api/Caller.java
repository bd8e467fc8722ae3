package ai.sorot.lambda.api;

import ai.sorot.model.committee.Member;
import ai.sorot.model.committee.Role;
import java.time.Instant;

/**
 * Who sent a request that passed authentication: the holder of one of the server's own API tokens
 * (a desktop app, a script, the festival's owner), a committee member by their member token, or a
 * person signed in through the stack's identity provider, named by the JWT's subject. Handlers
 * receive it; it never holds the token.
 *
 * @param member the committee member the request acts as: the owner (a lead) for the server's own
 *               tokens, the token's member, or the member whose subject is the JWT's; null for a
 *               signed-in person no member is tied to
 */
public record Caller(Kind kind, String subject, Member member) {

    /** The member the server's own tokens act as: its owner, a lead. */
    public static final Member OWNER = new Member("owner", "Owner", null, Role.LEAD, null, Instant.EPOCH, null);

    public enum Kind {
        API_TOKEN,
        MEMBER_TOKEN,
        SIGNED_IN
    }

    public Caller(Kind kind, String subject) {
        this(kind, subject, kind == Kind.API_TOKEN ? OWNER : null);
    }

    public static Caller apiToken() {
        return new Caller(Kind.API_TOKEN, null, OWNER);
    }

    public static Caller signedIn(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a signed-in caller has a subject");
        }
        return new Caller(Kind.SIGNED_IN, subject, null);
    }

    public static Caller member(Member member) {
        return new Caller(Kind.MEMBER_TOKEN, null, member);
    }

    /** The same signed-in person, acting as the committee member tied to their subject. */
    public Caller actingAs(Member value) {
        return new Caller(kind, subject, value);
    }

    /** Leads manage members and sessions; the server's own tokens are leads. */
    public boolean isLead() {
        return member != null && member.role() == Role.LEAD;
    }

    /** A reader reads analyses and writes only their own reviews. */
    public boolean isReader() {
        return member != null && member.role() == Role.READER;
    }

    /** What a log line may say about the caller: the kind, and a subject or member id (opaque ids, never a secret). */
    public String describe() {
        return switch (kind) {
            case API_TOKEN -> "api-token";
            case MEMBER_TOKEN -> "member " + member.memberId();
            case SIGNED_IN -> "signed-in " + subject;
        };
    }
}
