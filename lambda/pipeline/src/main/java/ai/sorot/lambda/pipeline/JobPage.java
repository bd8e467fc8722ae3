package ai.sorot.lambda.pipeline;

import java.util.List;

/** Jobs newest first; {@code nextCursor} is opaque and null on the last page. */
public record JobPage(List<Job> jobs, String nextCursor) {

    public JobPage {
        jobs = List.copyOf(jobs);
    }
}
