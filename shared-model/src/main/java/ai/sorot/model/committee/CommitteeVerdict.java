package ai.sorot.model.committee;

/** A reader's decision on a script, as a committee counts them. */
public enum CommitteeVerdict {
    ACCEPT,
    MAYBE,
    DECLINE
}
