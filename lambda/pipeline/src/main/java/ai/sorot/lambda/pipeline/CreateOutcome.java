package ai.sorot.lambda.pipeline;

/** What {@link JobStore#create} did: stored the new job, or found the same submission already there. */
public sealed interface CreateOutcome {

    Job job();

    record Created(Job job) implements CreateOutcome {}

    /** The same content and trailer were submitted before; this is that earlier analysis. */
    record Existing(Job job) implements CreateOutcome {}
}
