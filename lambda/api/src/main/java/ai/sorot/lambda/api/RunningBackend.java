package ai.sorot.lambda.api;

/** A backend built and started for one process: its ports wired, its workers running until closed. */
public interface RunningBackend extends AutoCloseable {

    Backend backend();

    @Override
    void close();
}
