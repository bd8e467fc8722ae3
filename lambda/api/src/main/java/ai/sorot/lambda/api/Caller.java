package ai.sorot.lambda.api;

/**
 * Who sent a request that passed authentication: the holder of one of the server's own API tokens
 * (a desktop app, a script, the festival's owner), or a person signed in through the stack's
 * identity provider, named by the JWT's subject. Handlers receive it; it never holds the token.
 */
public record Caller(Kind kind, String subject) {

    public enum Kind {
        API_TOKEN,
        SIGNED_IN
    }

    public static Caller apiToken() {
        return new Caller(Kind.API_TOKEN, null);
    }

    public static Caller signedIn(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a signed-in caller has a subject");
        }
        return new Caller(Kind.SIGNED_IN, subject);
    }

    /** What a log line may say about the caller: the kind, and a subject (an opaque id, never a secret). */
    public String describe() {
        return kind == Kind.API_TOKEN ? "api-token" : "signed-in " + subject;
    }
}
