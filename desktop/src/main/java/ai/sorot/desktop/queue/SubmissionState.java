package ai.sorot.desktop.queue;

/** Where one row of the queue stands, from the drop to the report. */
public enum SubmissionState {
    /** Pre-flight refused the file; nothing was sent. */
    REFUSED("Refused"),
    /** Ready to send, waiting for a free slot or for the API to come back. */
    WAITING("Waiting"),
    SENDING("Sending"),
    /** Accepted by the API, not started yet. */
    QUEUED("Queued"),
    RUNNING("Analysing"),
    /** Finished on the server; the report and audio are being saved here. */
    FETCHING("Saving report"),
    COMPLETED("Done"),
    FAILED("Failed"),
    CANCELLED("Cancelled");

    private final String label;

    SubmissionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Holds one of the "analyses at once" slots. */
    public boolean isActive() {
        return this == SENDING || this == QUEUED || this == RUNNING || this == FETCHING;
    }

    public boolean isFinal() {
        return this == REFUSED || this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    public boolean canCancel() {
        return this == WAITING || isActive();
    }

    public boolean canRetry() {
        return this == FAILED || this == CANCELLED;
    }
}
