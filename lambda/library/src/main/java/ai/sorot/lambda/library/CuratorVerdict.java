package ai.sorot.lambda.library;

/** The programmer's own decision, kept beside the AI's recommendation: the AI advises, the curator decides. */
public enum CuratorVerdict {
    ACCEPT,
    MAYBE,
    DECLINE
}
