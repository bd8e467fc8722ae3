package ai.sorot.lambda;

import ai.sorot.lambda.api.Backend;

/** A backend built and started for one process: its ports wired, its workers running until closed. */
public interface RunningBackend extends AutoCloseable {

    Backend backend();

    @Override
    void close();
}
